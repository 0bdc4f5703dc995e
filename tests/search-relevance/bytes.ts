/**
 * What a first search costs on the wire, measured through the site's own dialog: open it with
 * "/", type one query, wait for the results, and add up every response (headers and body as the
 * server sent them, gzip where it compresses) from the keypress on, worker requests included.
 * Split into the dialog (its script and stylesheet), Pagefind's engine (pagefind.js, its
 * WebAssembly and index metadata), the index chunks and filter the query needs, and result
 * fragments. The engine and the index chunks are Pagefind's floor: any UI over Pagefind 1.6
 * fetches them for that query.
 */
import type { Browser } from 'playwright-core';
import { searchFor } from './run.ts';

export interface SearchBytes {
  query: string;
  requests: number;
  ui: number;
  engine: number;
  index: number;
  fragments: number;
  fragmentCount: number;
  /** Results the dialog shows (each needs its fragment). */
  shown: number;
  other: number;
  /** engine + index: what Pagefind itself needs for this query. */
  floor: number;
  total: number;
  /** Every response: path and bytes, for a failure message. */
  files: { path: string; bytes: number }[];
}

export function classify(path: string): 'ui' | 'engine' | 'index' | 'fragments' | 'other' {
  if (/\/pagefind\/fragment\//.test(path)) return 'fragments';
  if (/\/pagefind\/(index|filter)\//.test(path)) return 'index';
  if (/\/pagefind\/(pagefind\.js|pagefind-worker\.js|pagefind-entry\.json|pagefind\.[\w-]+\.pf_meta|wasm\.[\w-]+\.pagefind)$/.test(path))
    return 'engine';
  if (/\/styles\/search\.css$|\/_astro\/search-dialog\.[\w-]+\.js$/.test(path)) return 'ui';
  return 'other';
}

/** Opens `pageUrl` in a fresh context (no service worker, empty cache) and measures one query. */
export async function firstSearchBytes(browser: Browser, pageUrl: string, query: string): Promise<SearchBytes> {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    await page.goto(pageUrl, { waitUntil: 'networkidle' });
    const pending: Promise<{ path: string; bytes: number }>[] = [];
    context.on('requestfinished', (request) => {
      pending.push(
        request
          .sizes()
          .then((sizes) => ({ path: new URL(request.url()).pathname, bytes: sizes.responseBodySize + sizes.responseHeadersSize })),
      );
    });
    await searchFor(page, query);
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(200);
    const files = await Promise.all(pending);
    const shown = await page.locator('.search-page').count();
    const sums = { ui: 0, engine: 0, index: 0, fragments: 0, other: 0 };
    for (const file of files) sums[classify(file.path)] += file.bytes;
    return {
      query,
      requests: files.length,
      ...sums,
      fragmentCount: files.filter((file) => classify(file.path) === 'fragments').length,
      shown,
      floor: sums.engine + sums.index,
      total: files.reduce((sum, file) => sum + file.bytes, 0),
      files,
    };
  } finally {
    await context.close();
  }
}
