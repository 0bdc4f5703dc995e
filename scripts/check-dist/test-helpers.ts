/**
 * Rule tests on a built site written in the test itself: a few files in a temporary folder,
 * loaded as `npm run check:dist` loads a build (site.ts), so each rule test runs one rule on
 * exactly the markup that matters.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadSite, type BuiltSite } from './site.ts';

/** Writes `{ "loop/index.html": "<html>…" }` into a new temporary folder and returns the folder. */
export function writeSite(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'check-dist-rule-'));
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

/** The site as the rules see it, from its files. */
export function siteOf(files: Record<string, string>, base = '/'): BuiltSite {
  return loadSite(writeSite(files), base);
}

/** A page's HTML: `head` inside <head>, `body` inside <body>, and, with `source`, the edit link naming the content file. */
export function page({ head = '', body = '', source }: { head?: string; body?: string; source?: string }): string {
  const edit = source ? `<a data-edit-link href="https://github.com/o/r/edit/main/${source}">Edit</a>` : '';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>T</title>${head}</head><body>${body}${edit}</body></html>`;
}
