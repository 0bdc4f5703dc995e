/**
 * The search dialog loads on the reader's intent, not with the page, so the first-load budget
 * leaves it out (its bytes are held by tests/e2e/search-bytes.test.ts); other dynamic imports a
 * page runs at load still count.
 */
import path from 'node:path';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { ON_INTENT_MODULES, pageWeight } from './budgets.ts';

function site(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'budget-intent-'));
  mkdirSync(path.join(dir, 'guide'));
  mkdirSync(path.join(dir, '_astro'));
  writeFileSync(
    path.join(dir, 'guide', 'index.html'),
    '<!doctype html><html><head><script type="module" src="/_astro/entry.js"></script></head><body></body></html>',
  );
  writeFileSync(
    path.join(dir, '_astro', 'entry.js'),
    'import("./progress.js");document.onkeydown=()=>import("./search-dialog.AbC123-x.js");',
  );
  writeFileSync(path.join(dir, '_astro', 'progress.js'), `export const p = "${'p'.repeat(2000)}";`);
  writeFileSync(
    path.join(dir, '_astro', 'search-dialog.AbC123-x.js'),
    `export const d = "${Array.from({ length: 4000 }, (_, i) => i.toString(36)).join('')}";`,
  );
  return dir;
}

describe('first-load budget and the search dialog', () => {
  it('counts a dynamic import made at load but not the search dialog, imported on intent', () => {
    const weight = pageWeight(site(), '/', '/guide/')!;
    expect(weight.requests).toBe(3); // the page, its entry script and the progress code
    expect(weight.js).toBeLessThan(1000);
  });

  it('matches only the dialog chunk', () => {
    const matches = (name: string) => ON_INTENT_MODULES.some((pattern) => pattern.test(name));
    expect(matches('search-dialog.BcG2qVoP.js')).toBe(true);
    expect(matches('search.BcG2qVoP.js')).toBe(false);
    expect(matches('ui.BcG2qVoP.js')).toBe(false);
  });
});
