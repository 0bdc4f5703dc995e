/**
 * The service worker build on small hand-made sites: a file too large for the precache fails the
 * build with its name instead of being left out, and the 404 page is precached and served for
 * navigations that miss while offline (the browser side is in tests/e2e/offline.test.ts).
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildServiceWorker, oversizedFiles } from './build-sw.ts';

function site(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'sw-site-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

const page = (title: string, padding = 0) => `<!DOCTYPE html><title>${title}</title><p>${'x'.repeat(padding)}</p>`;

describe('the service worker build', () => {
  it('fails, naming each file, when a page is too large for the offline cache', async () => {
    const dir = site({
      'index.html': page('Home'),
      '404.html': page('Not found'),
      'prompts/huge/index.html': page('Huge', 3000),
      'prompts/bigger/index.html': page('Bigger', 5000),
      '_astro/elk-abc.js': 'x'.repeat(9000),
    });
    expect((await oversizedFiles(dir, 2048)).map((f) => f.file)).toEqual(['prompts/bigger/index.html', 'prompts/huge/index.html']);
    const error = await buildServiceWorker(dir, '/netflix-sd/', { maxFileBytes: 2048 }).then(
      () => undefined,
      (problem: unknown) => problem as Error,
    );
    expect(error?.message).toBe(
      [
        'The offline cache takes files up to 0.00 MB, so these would work only online:',
        `  ${path.join(dir, 'prompts/bigger/index.html')} (0.00 MB)`,
        `  ${path.join(dir, 'prompts/huge/index.html')} (0.00 MB)`,
        'Split the page into smaller pages (a long prompt into parts, a huge diagram into several), or shrink the file.',
      ].join('\n'),
    );
  });

  it('names a real 2 MB overflow in megabytes', async () => {
    const dir = site({ 'index.html': page('Home'), 'big/index.html': page('Big', 2 * 1024 * 1024 + 10) });
    await expect(buildServiceWorker(dir, '/')).rejects.toThrow(`${path.join(dir, 'big/index.html')} (2.00 MB)`);
  });

  it('precaches the 404 page and answers missed navigations with it when the network fails', async () => {
    const dir = site({
      'index.html': page('Home'),
      '404.html': page('Not found'),
      'loop/index.html': page('Loop'),
      'pagefind/pagefind.js': 'export {};',
    });
    const result = await buildServiceWorker(dir, '/netflix-sd/');
    expect(result.warnings).toEqual([]);
    const sw = readFileSync(path.join(dir, 'sw.js'), 'utf8');
    expect(sw).toContain('url:"/netflix-sd/404.html"');
    expect(sw).toContain('url:"/netflix-sd/loop/index.html"');
    // A NetworkOnly route for navigations, with the precached 404 page as its fallback.
    expect(sw).toMatch(/"navigate"/);
    expect(sw).toContain('fallbackURL:"/netflix-sd/404.html"');
  });
});
