/**
 * The service worker build on small hand-made sites: the first visit precaches only the app shell
 * (the pages' scripts and styles with their imports, the study tools, the offline page, Pagefind's
 * engine and index), never what loads on demand (mermaid's browser build under vendor/, ELK,
 * Pagefind's unused UIs and languages); the save list gives every other page with its size and
 * the on-demand files it needs (a page with a browser-drawn diagram: mermaid without ELK); a page too large to store fails the build with its name; and the real test build stays
 * within the precache budget (the browser side is in tests/e2e/offline.test.ts).
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { folderWith } from './lib/folder-with.ts';
import {
  PRECACHE_BUDGET_BYTES,
  SHELL_BUDGET_BYTES,
  STORE_SCRIPT,
  buildServiceWorker,
  storeScript,
  moduleImports,
  planOffline,
  searchFragments,
  writeSearchMap,
} from './build-sw.ts';
import { SEARCH_MAP_FILE, type SearchMap } from '../src/scripts/search/config.ts';
import { TEST_BASE, TEST_OUT_DIR } from '../tests/e2e/global-setup.ts';
import { copyMermaidBrowserBuild, mermaidBrowserFiles } from '../src/plugins/browser-mermaid.ts';

/** A Pagefind fragment file as Pagefind writes it: gzip of its signature and the JSON. */
const fragmentFile = (json: unknown) => gzipSync(Buffer.from(`pagefind_dcd${JSON.stringify(json)}`));

const site = (files: Record<string, string | Buffer>): string => folderWith('sw-site-', files);

const B = '/netflix-sd/';
const page = (title: string, body = '', padding = 0) =>
  `<!DOCTYPE html><title>${title}</title><link rel="stylesheet" href="${B}_astro/site.css"><link rel="canonical" href="https://x.example/"><script type="module" src="${B}_astro/site.js"></script>${body}<p>${'x'.repeat(padding)}</p>`;

/** mermaid's browser build as src/plugins/browser-mermaid.ts copies it, in miniature. */
const MERMAID = 'vendor/mermaid/';
const CHUNKS = `${MERMAID}chunks/mermaid.esm.min/`;

/** A site shaped like the real one: a shared script, search on demand, a browser-drawn diagram on one page. */
function realisticSite(): string {
  return site({
    'index.html': page('Home'),
    '404.html': page('Not found'),
    'offline/index.html': page('Offline'),
    'loop/index.html': page('Loop'),
    'loop/recruiter/index.html': page('Recruiter'),
    'prompts/feed/index.html': page(
      'Feed',
      `<figure><div data-mermaid-client="dg-1"></div></figure><script type="module" src="${B}_astro/ClientDiagrams.js"></script>`,
    ),
    'practice/index.html': page('Tools'),
    'practice/cards.json': '[]',
    'practice/study-manifest.json': '[]',
    'styles/print.css': 'body{}',
    'icons/sprite.svg': '<svg></svg>',
    '_astro/site.css': 'body{color:red}',
    '_astro/site.js': 'import{a}from"./chunk.js";const s=()=>import(`./ui.js`);',
    '_astro/chunk.js': 'export const a=1;',
    '_astro/ui.js': 'const p=`pagefind-component-ui.css`;export{};',
    // The diagram script imports mermaid by its address under the base path, as ClientDiagrams.astro does.
    '_astro/ClientDiagrams.js':
      'import"./chunk.js";const m=()=>import(`${document.documentElement.dataset.base}vendor/mermaid/mermaid.esm.min.mjs`);',
    [`${MERMAID}mermaid.esm.min.mjs`]:
      'import{d}from"./chunks/mermaid.esm.min/dagre-D1.mjs";const t={mindmap:()=>import("./chunks/mermaid.esm.min/mindmap-definition-M1.mjs")};',
    [`${CHUNKS}dagre-D1.mjs`]: 'import"./chunk-C1.mjs";export const d=1;',
    [`${CHUNKS}chunk-C1.mjs`]: 'export const c=1;',
    [`${CHUNKS}mindmap-definition-M1.mjs`]: 'import"./chunk-C1.mjs";const e=()=>import("./elk-E1.mjs");',
    [`${CHUNKS}elk-E1.mjs`]: 'import"./chunk-ELKONLY.mjs";export const e=1;',
    [`${CHUNKS}chunk-ELKONLY.mjs`]: 'export const o=1;',
    '_astro/unused.js': 'export const u=1;',
    'pagefind/pagefind.js': 'new Worker(`pagefind-worker.js`); fetch(`wasm.${language}.pagefind`)',
    'pagefind/pagefind-worker.js': 'self.x=1',
    'pagefind/pagefind-entry.json': JSON.stringify({ version: '1.6.0', languages: { en: { hash: 'en_abc', wasm: 'en', page_count: 5 } } }),
    'pagefind/pagefind.en_abc.pf_meta': 'meta',
    'pagefind/wasm.en.pagefind': 'wasm-en',
    'pagefind/wasm.unknown.pagefind': 'wasm-unknown',
    'pagefind/pagefind-ui.js': 'old ui',
    'pagefind/pagefind-component-ui.css': 'ui css',
    'pagefind/pagefind-highlight.js': 'highlight',
    'pagefind/index/en_1.pf_index': 'index',
    'pagefind/filter/en_1.pf_filter': 'filter',
    'pagefind/fragment/en_1.pf_fragment': fragmentFile({
      url: '/loop/recruiter/',
      content: 'The recruiter call.',
      meta: { title: 'Recruiter' },
      filters: { type: ['Round'] },
      anchors: [],
    }),
  });
}

describe('the built modules', () => {
  it('reads static and dynamic imports apart', () => {
    expect(moduleImports('import{a}from"./a.js";import"./b.js";const c=()=>import(`./c.js`);import("../d.js")')).toEqual({
      static: ['./a.js', './b.js'],
      dynamic: ['./c.js', '../d.js'],
    });
  });
});

describe('the offline plan', () => {
  it('precaches the app shell and nothing loaded on demand: no result fragment, no Pagefind worker', () => {
    const dir = realisticSite();
    writeSearchMap(dir);
    const plan = planOffline(dir, B);
    expect(plan.shell).toEqual([
      '_astro/ClientDiagrams.js',
      '_astro/chunk.js',
      '_astro/site.css',
      '_astro/site.js',
      '_astro/ui.js',
      'icons/sprite.svg',
      'offline/index.html',
      'pagefind/filter/en_1.pf_filter',
      'pagefind/index/en_1.pf_index',
      'pagefind/pagefind-component-ui.css',
      'pagefind/pagefind-entry.json',
      'pagefind/pagefind.en_abc.pf_meta',
      'pagefind/pagefind.js',
      'pagefind/search-map.json',
      'pagefind/wasm.en.pagefind',
      'practice/index.html',
      // The progress page's list of pages is precached; the tools' other data (cards.json) is not.
      'practice/study-manifest.json',
      'styles/print.css',
    ]);
    expect(plan.shellBytes).toBeGreaterThan(plan.shellBytesWithoutIndex);
  });

  it('lists every other page by section, with the on-demand files a page needs', () => {
    const { manifest } = planOffline(realisticSite(), B);
    expect(manifest.sections.map((s) => [s.key, s.label, s.pages.map((p) => p.url)])).toEqual([
      ['home', 'Home and site pages', [`${B}`]],
      ['loop', 'The interview loop', [`${B}loop/`, `${B}loop/recruiter/`]],
      ['prompts', 'Design prompts', [`${B}prompts/feed/`]],
    ]);
    const feed = manifest.sections[2]!.pages[0]!;
    // mermaid's browser build and everything it imports, statically or on demand (a diagram type's
    // chunk); never ELK nor what only ELK imports; nothing already in the shell.
    expect(feed.assets).toEqual([
      `${B}${CHUNKS}chunk-C1.mjs`,
      `${B}${CHUNKS}dagre-D1.mjs`,
      `${B}${CHUNKS}mindmap-definition-M1.mjs`,
      `${B}${MERMAID}mermaid.esm.min.mjs`,
    ]);
    // A saved page brings its search fragment, so its results keep their excerpts offline.
    const recruiter = manifest.sections[1]!.pages[1]!;
    expect(recruiter.assets).toEqual([`${B}pagefind/fragment/en_1.pf_fragment`]);
    expect(Object.keys(manifest.assets).sort()).toEqual([...feed.assets, ...recruiter.assets].sort());
    expect(manifest.sections[1]!.pages[0]!.assets).toEqual([]);
    expect(feed.bytes).toBeGreaterThan(50);
  });

  it('never precaches mermaid, even when a page names it, and lists it only for pages with a browser-drawn diagram', () => {
    const dir = realisticSite();
    // A page that preloads mermaid without having a diagram drawn in the browser.
    writeFileSync(path.join(dir, 'loop/index.html'), page('Loop', `<link rel="modulepreload" href="${B}${MERMAID}mermaid.esm.min.mjs">`));
    const plan = planOffline(dir, B);
    expect(plan.shell.filter((file) => file.startsWith('vendor/'))).toEqual([]);
    const pages = plan.manifest.sections.flatMap((section) => section.pages);
    const withMermaid = pages.filter((p) => p.assets.includes(`${B}${MERMAID}mermaid.esm.min.mjs`)).map((p) => p.url);
    // The preloading page saves what it names (and what that imports), like any page's scripts.
    expect(withMermaid).toEqual([`${B}loop/`, `${B}prompts/feed/`]);
  });

  it("saves the whole of the installed mermaid's browser build but ELK with a page that has a browser-drawn diagram", () => {
    const dir = realisticSite();
    rmSync(path.join(dir, 'vendor'), { recursive: true });
    copyMermaidBrowserBuild(dir);
    const feed = planOffline(dir, B).manifest.sections[2]!.pages[0]!;
    const vendor = mermaidBrowserFiles().map((file) => `${B}${MERMAID}${file}`);
    const elk = vendor.filter((url) => /\/elk[.-][^/]*$/.test(url));
    expect(elk).toHaveLength(1);
    // Every chunk but ELK is reachable from the entry (the diagram types load on demand).
    expect(feed.assets).toEqual(vendor.filter((url) => !elk.includes(url)).sort());
  });

  it('fails, naming the page, when a page has a browser-drawn diagram but mermaid was not copied', () => {
    const dir = realisticSite();
    rmSync(path.join(dir, 'vendor'), { recursive: true });
    expect(() => planOffline(dir, B)).toThrow(
      `${path.join(dir, 'prompts/feed/index.html')} has a diagram drawn in the browser, but ${path.join(dir, MERMAID, 'mermaid.esm.min.mjs')} is missing`,
    );
  });

  it('fails without the offline page', () => {
    const dir = site({ 'index.html': page('Home') });
    expect(() => planOffline(dir, B)).toThrow(`${path.join(dir, 'offline/index.html')} is missing`);
  });
});

describe('the search map', () => {
  it('gives each result id its page address, title and type, from single fragments and fragment groups', () => {
    const dir = site({
      'pagefind/pagefind-entry.json': '{}',
      'pagefind/fragment/en_a.pf_fragment': fragmentFile({
        url: '/stack/zuul/',
        meta: { title: ' Zuul ' },
        filters: { type: ['Stack component'] },
      }),
      // Not compressed: Pagefind reads the signature either way.
      'pagefind/fragment/en_b.pf_fragment': `pagefind_dcd${JSON.stringify({ url: '/about/', meta: { title: 'About' }, filters: {} })}`,
      'pagefind/fragment/grp_1.pf_fragment': fragmentFile({
        en_c: { url: '/loop/', meta: { title: 'Loop' }, filters: { type: ['Round'] } },
        en_d: { url: '/mistakes/', meta: { title: 'Mistakes' } },
      }),
    });
    const map = writeSearchMap(dir);
    const expected: SearchMap = {
      version: 1,
      pages: {
        en_a: ['/stack/zuul/', 'Zuul', 'Stack component'],
        en_b: ['/about/', 'About', null],
        en_c: ['/loop/', 'Loop', 'Round'],
        en_d: ['/mistakes/', 'Mistakes', null],
      },
    };
    expect(map).toEqual(expected);
    expect(JSON.parse(readFileSync(path.join(dir, SEARCH_MAP_FILE), 'utf8'))).toEqual(expected);
    expect(searchFragments(dir).find((f) => f.id === 'en_d')!.file).toBe('pagefind/fragment/grp_1.pf_fragment');
  });

  it('fails naming the fragment file when a result has no title, or the file is not a fragment', () => {
    const untitled = site({ 'pagefind/fragment/en_x.pf_fragment': fragmentFile({ url: '/x/', meta: {} }) });
    expect(() => searchFragments(untitled)).toThrow(
      `${path.join(untitled, 'pagefind/fragment/en_x.pf_fragment')}: search result en_x has no title`,
    );
    const garbage = site({ 'pagefind/fragment/en_y.pf_fragment': gzipSync('not a fragment') });
    expect(() => searchFragments(garbage)).toThrow('en_y.pf_fragment is not a Pagefind fragment');
  });

  it('is not written for a site without a search index', () => {
    const dir = site({ 'index.html': '' });
    expect(writeSearchMap(dir)).toBeUndefined();
    expect(existsSync(path.join(dir, SEARCH_MAP_FILE))).toBe(false);
  });
});

describe('the store script sw.js imports', () => {
  const ORIGIN = 'https://x.example';
  /** Runs the script in a fake worker (one cache per name, a network that answers every URL) and sends it one event. */
  async function run(event: { type: 'fetch'; url: string; mode?: string } | { type: 'activate'; windows: string[] }) {
    const stores = new Map<string, Set<string>>();
    const map: SearchMap = { version: 1, pages: { en_z: ['/stack/zuul/', 'Zuul', 'Stack component'] } };
    const listeners = new Map<string, (event: unknown) => void>();
    const fetched: string[] = [];
    const caches = {
      match: async (url: string) => (url === `${B}${SEARCH_MAP_FILE}` ? { json: async () => map } : undefined),
      open: async (name: string) => {
        const store = stores.get(name) ?? new Set<string>();
        stores.set(name, store);
        return { match: async (url: string) => store.has(url) || undefined, add: async (url: string) => void store.add(url) };
      },
    };
    const fetch = async (url: string) => {
      fetched.push(url);
      return { json: async () => map };
    };
    const windows = event.type === 'activate' ? event.windows : [];
    const self = {
      location: { origin: ORIGIN },
      addEventListener: (type: string, listener: (e: unknown) => void) => listeners.set(type, listener),
      clients: { matchAll: async () => windows.map((url) => ({ url })) },
    };
    runInNewContext(storeScript(B), { self, caches, fetch, URL });
    const waits: Promise<unknown>[] = [];
    const waitUntil = (p: Promise<unknown>) => waits.push(p);
    if (event.type === 'fetch')
      listeners.get('fetch')!({ request: { mode: event.mode ?? 'navigate', url: `${ORIGIN}${event.url}` }, waitUntil });
    else listeners.get('activate')!({ waitUntil });
    await Promise.all(waits);
    const cache = (name: string) => [...(stores.get(name) ?? [])].sort();
    return { pages: cache(`loop-guide-pages:${B}`), files: cache(`loop-guide-files:${B}`), fetched };
  }

  it('stores the fragment of a page the reader opens, found through the precached search map', async () => {
    expect(await run({ type: 'fetch', url: `${B}stack/zuul/` })).toEqual({
      pages: [],
      files: [`${B}pagefind/fragment/en_z.pf_fragment`],
      fetched: [],
    });
  });

  it('stores nothing for a page without a fragment, or for a request that is not a page', async () => {
    expect((await run({ type: 'fetch', url: `${B}offline/` })).files).toEqual([]);
    expect((await run({ type: 'fetch', url: `${B}stack/zuul/`, mode: 'cors' })).files).toEqual([]);
  });

  it('stores the pages open when it starts, with their fragments, and nothing outside the site', async () => {
    const stored = await run({
      type: 'activate',
      windows: [`${ORIGIN}${B}stack/zuul/?q=1#top`, `${ORIGIN}${B}`, `${ORIGIN}/other-site/`, `https://elsewhere.example${B}x/`],
    });
    expect(stored.pages).toEqual([B, `${B}stack/zuul/`]);
    expect(stored.files).toEqual([`${B}pagefind/fragment/en_z.pf_fragment`]);
  });
});

describe('the service worker build', () => {
  it('writes a worker that precaches the shell, stores pages as visited and falls back to the offline page', async () => {
    const dir = realisticSite();
    const result = await buildServiceWorker(dir, B);
    expect(result.warnings).toEqual([]);
    expect(result.count).toBe(result.plan.shell.length);
    const sw = readFileSync(path.join(dir, 'sw.js'), 'utf8');
    expect(sw).toContain(`url:"${B}offline/index.html"`);
    expect(sw).toContain(`url:"${B}pagefind/pagefind.js"`);
    expect(sw).not.toContain('vendor/');
    expect(sw).not.toContain('mermaid.esm');
    expect(sw).not.toContain(`url:"${B}loop/index.html"`);
    expect(sw).not.toContain('wasm.unknown');
    // Fragments are stored as fetched or saved, not precached; the search map stands in for them.
    expect(sw).not.toContain('.pf_fragment');
    expect(sw).not.toContain('pagefind-worker.js');
    expect(sw).toContain(`url:"${B}${SEARCH_MAP_FILE}"`);
    expect(sw).toContain(`importScripts("${STORE_SCRIPT}")`);
    expect(readFileSync(path.join(dir, STORE_SCRIPT), 'utf8')).toBe(storeScript(B));
    expect(sw).toContain(`fallbackURL:"${B}offline/index.html"`);
    expect(sw).toContain(`"loop-guide-pages:${B}"`);
    expect(sw).toContain('"navigate"===');
    const manifest = JSON.parse(readFileSync(path.join(dir, 'offline-manifest.json'), 'utf8')) as { version: number };
    expect(manifest.version).toBe(1);
  });

  it('fails, naming each file, when a page is too large to store', async () => {
    const dir = realisticSite();
    writeFileSync(path.join(dir, 'loop/index.html'), page('Huge', '', 3000));
    writeFileSync(path.join(dir, 'loop/recruiter/index.html'), page('Bigger', '', 5000));
    const error = await buildServiceWorker(dir, B, { maxFileBytes: 2048 }).then(
      () => undefined,
      (problem: unknown) => problem as Error,
    );
    expect(error?.message).toBe(
      [
        'The offline cache takes files up to 0.00 MB, so these would work only online:',
        `  ${path.join(dir, 'loop/recruiter/index.html')} (0.00 MB)`,
        `  ${path.join(dir, 'loop/index.html')} (0.00 MB)`,
        'Split the page into smaller pages (a long prompt into parts, a huge diagram into several), or shrink the file.',
      ].join('\n'),
    );
  });

  it('names a real 2 MB overflow in megabytes', async () => {
    const dir = realisticSite();
    writeFileSync(path.join(dir, 'loop/index.html'), page('Big', '', 2 * 1024 * 1024 + 10));
    await expect(buildServiceWorker(dir, B)).rejects.toThrow(`${path.join(dir, 'loop/index.html')} (2.00 MB)`);
  });
});

// The test build (npm test builds it before the unit tests; `npm run test:unit` alone may lack it).
describe.skipIf(!existsSync(path.join(TEST_OUT_DIR, 'sw.js')))(`the precache of the test build (${TEST_OUT_DIR}/)`, () => {
  it(`stays within ${PRECACHE_BUDGET_BYTES / 1024 / 1024} MB gzip (${SHELL_BUDGET_BYTES / 1024} KB without the search index) and leaves mermaid (vendor/) and unused Pagefind files out`, () => {
    const plan = planOffline(TEST_OUT_DIR, TEST_BASE);
    expect(plan.shellBytes).toBeLessThanOrEqual(PRECACHE_BUDGET_BYTES);
    expect(plan.shellBytesWithoutIndex).toBeLessThanOrEqual(SHELL_BUDGET_BYTES);
    expect(
      plan.shell.filter((file) =>
        /^vendor\/|mermaid|elk|pagefind-(?:ui|modular-ui|component-ui|highlight|worker)\.|wasm\.unknown|\.pf_fragment$/.test(file),
      ),
    ).toEqual([]);
    expect(plan.shell).toContain(SEARCH_MAP_FILE);
    expect(plan.shell.filter((file) => file.endsWith('.html') && !/^(?:offline|practice)\//.test(file))).toEqual([]);
  });
});
