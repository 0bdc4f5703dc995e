/**
 * What the generated sw.js really precaches, read from the worker itself: exactly the app shell
 * of the plan, every kind of file in it (the offline page, the pages' scripts and styles, the
 * icons, the study tools (their data is stored on first use), Pagefind's engine, word index and
 * the search map), under the base path, and nothing else (no other page, nothing loaded on
 * demand, no result fragment: the search map lists results offline without them).
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildServiceWorker } from './build-sw.ts';

const B = '/base/';

function site(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'sw-precache-'));
  const page = (title: string, extra = '') =>
    `<!DOCTYPE html><title>${title}</title><link rel="stylesheet" href="${B}_astro/site.css"><link rel="icon" href="${B}icons/favicon.svg"><script type="module" src="${B}_astro/site.js"></script>${extra}`;
  const files: Record<string, string | Buffer> = {
    'index.html': page('Home'),
    '404.html': page('Not found'),
    'offline/index.html': page('Offline'),
    'guides/index.html': page('Guides'),
    'prompts/feed/index.html': page(
      'Feed',
      `<div data-mermaid-client="d"></div><script type="module" src="${B}_astro/Diagrams.js"></script>`,
    ),
    'practice/index.html': page('Tools'),
    'practice/cards.json': '[]',
    'styles/print.css': 'body{}',
    'icons/favicon.svg': '<svg></svg>',
    '_astro/site.css': 'body{color:red}',
    '_astro/site.js': 'import{a}from"./shared.js";',
    '_astro/shared.js': 'export const a=1;',
    '_astro/Diagrams.js': 'const m=()=>import(`${document.documentElement.dataset.base}vendor/mermaid/mermaid.esm.min.mjs`);',
    // mermaid's browser build (src/plugins/browser-mermaid.ts), loaded on demand.
    'vendor/mermaid/mermaid.esm.min.mjs': 'import"./chunks/mermaid.esm.min/chunk-A.mjs";',
    'vendor/mermaid/chunks/mermaid.esm.min/chunk-A.mjs': 'export const a=1;',
    'pagefind/pagefind.js': 'fetch(`x`)',
    'pagefind/pagefind-entry.json': JSON.stringify({ version: '1.6.0', languages: { en: { hash: 'en_1', wasm: 'en', page_count: 3 } } }),
    'pagefind/pagefind.en_1.pf_meta': 'meta',
    'pagefind/wasm.en.pagefind': 'wasm',
    'pagefind/index/en_a.pf_index': 'index',
    'pagefind/pagefind-worker.js': 'worker',
    'pagefind/fragment/en_b.pf_fragment': gzipSync(`pagefind_dcd${JSON.stringify({ url: '/guides/', meta: { title: 'Guides' } })}`),
  };
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

/** The URLs of the worker's precache list (the minified precacheAndRoute([{url, revision}, …]) argument). */
function precachedUrls(sw: string): string[] {
  const call = /\((\[\{url:[^\]]*\])\)/.exec(sw);
  if (!call) throw new Error('sw.js has no precache list ([{url:…}, …])');
  return [...call[1]!.matchAll(/url:\s*"([^"]+)"/g)].map((m) => m[1]!).sort();
}

/** URLs grouped by the kind of file they are. */
function byKind(urls: string[]): Record<string, string[]> {
  const kinds: Record<string, string[]> = {};
  for (const url of urls) {
    const kind = url.startsWith(`${B}pagefind/`) ? 'search' : (/\.([a-z]+)$/.exec(url)?.[1] ?? 'other');
    (kinds[kind] ??= []).push(url);
  }
  return kinds;
}

describe('the precache list in sw.js', () => {
  it('holds exactly the app shell, every kind of file in it, under the base path', async () => {
    const dir = site();
    const result = await buildServiceWorker(dir, B);
    const urls = precachedUrls(readFileSync(path.join(dir, 'sw.js'), 'utf8'));
    expect(byKind(urls)).toEqual({
      html: [`${B}offline/index.html`, `${B}practice/index.html`],
      css: [`${B}_astro/site.css`, `${B}styles/print.css`],
      // Every script a page names (the diagram loader too), with what it imports.
      js: [`${B}_astro/Diagrams.js`, `${B}_astro/shared.js`, `${B}_astro/site.js`],
      svg: [`${B}icons/favicon.svg`],
      search: [
        `${B}pagefind/index/en_a.pf_index`,
        `${B}pagefind/pagefind-entry.json`,
        `${B}pagefind/pagefind.en_1.pf_meta`,
        `${B}pagefind/pagefind.js`,
        `${B}pagefind/search-map.json`,
        `${B}pagefind/wasm.en.pagefind`,
      ],
    });
    // The same list the plan reports and the build counts.
    expect(urls).toEqual(result.plan.shell.map((file) => `${B}${file}`).sort());
    expect(result.count).toBe(urls.length);
  });

  it('leaves out other pages and what loads on demand', async () => {
    const dir = site();
    await buildServiceWorker(dir, B);
    const urls = precachedUrls(readFileSync(path.join(dir, 'sw.js'), 'utf8'));
    for (const left of [
      'index.html',
      '404.html',
      'guides/index.html',
      'prompts/feed/index.html',
      'vendor/mermaid/mermaid.esm.min.mjs',
      'vendor/mermaid/chunks/mermaid.esm.min/chunk-A.mjs',
      'pagefind/fragment/en_b.pf_fragment',
      'pagefind/pagefind-worker.js',
    ]) {
      expect(urls).not.toContain(`${B}${left}`);
    }
  });
});
