/**
 * Part of `npm run build` (scripts/build.ts): writes the service worker and the list of what
 * "Save for offline" can download, in two steps. prepareServiceWorker bundles the worker's code
 * (Workbox's runtime, through rollup and terser: the slow part), which depends only on the
 * configuration, so the build runs it while Astro renders; finishServiceWorker, after the search
 * index, plans the precache from the built site and puts its list into that code.
 * buildServiceWorker does both. On its own: `OUT_DIR=dist node scripts/build-sw.ts`.
 *
 * Offline by intent:
 * - A first visit precaches only the app shell: the CSS and JavaScript the pages load (search and
 *   study tools included), icons, the offline page, and Pagefind's engine with its index and the
 *   search map (SEARCH_MAP_FILE: each result's title, address and type), so search works
 *   offline after one visit. Nothing a page loads only on demand is precached: mermaid's
 *   browser build (vendor/mermaid/, for browser-drawn diagrams), Pagefind's worker, unused UIs and languages, and
 *   the result fragments (the excerpts): a fragment is stored when search fetches it online, and
 *   "Save for offline" downloads it with its page; offline, a result without its fragment is
 *   listed by title from the search map.
 * - Pages are cached as they are visited (network first, so a reader online always gets the
 *   current page; the page that installed the worker is stored when it starts, see storeScript). A page neither cached nor reachable gets the offline page, which offers to
 *   save it next time; the browser's error page never shows.
 * - "Save for offline" (src/scripts/offline/save.ts) downloads sections or the whole site from
 *   offline-manifest.json: every page with its gzip size and the on-demand files it needs.
 *
 * Nothing is left out silently: a page too large to store fails the build with its name.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { GeneratePartial, GenerateSWOptions, ManifestEntry } from 'workbox-build';
import { siteBase } from '../src/lib/base.ts';
import { COMPRESSIBLE } from './lib/static-server.ts';
import { SECTIONS } from '../src/lib/navigation.ts';
import {
  OFFLINE_MANIFEST_FILE,
  OFFLINE_PAGE,
  offlineCacheNames,
  sectionKey,
  type OfflineManifest,
  type OfflinePage,
  type OfflineSection,
} from '../src/lib/offline.ts';
import { SEARCH_MAP_FILE, type SearchMap } from '../src/scripts/search/config.ts';
import { hasBrowserDrawnDiagrams } from '../src/lib/csp.ts';
import { MERMAID_ENTRY, MERMAID_VENDOR_DIR } from '../src/plugins/browser-mermaid.ts';

/**
 * Files that load only on demand, relative to the output folder: never precached, and not
 * followed into the app shell whatever imports them. Today that is mermaid's browser build
 * (vendor/mermaid/, src/plugins/browser-mermaid.ts), which a page with a browser-drawn diagram
 * fetches when the diagram nears the viewport; "Save for offline" lists it with those pages.
 */
export const ON_DEMAND_MODULES: readonly RegExp[] = [/^vendor\//];

/** The module a page with a browser-drawn diagram (data-mermaid-client) loads, relative to the output folder. */
export const BROWSER_DIAGRAM_MODULE = `${MERMAID_VENDOR_DIR}${MERMAID_ENTRY}`;

/**
 * Never precached nor offered for saving, by file name: mermaid's ELK layout
 * (vendor/mermaid/chunks/mermaid.esm.min/elk-*.mjs, 1.4 MB) is never used, because
 * ClientDiagrams.astro draws with the dagre layout.
 */
export const NEVER_CACHED: readonly RegExp[] = [/^elk[.-]/];

/**
 * Folders precached whole: files every page can use that no page names in its HTML or JavaScript
 * (styles, the icon sprite), and the study tools' pages. The data the tools fetch
 * (practice/*.json: cards, prompts) grows with the content (prompts.json is 3 MB at ten times
 * today's content), so it is stored when a tool first uses it, not precached. The list of pages a
 * reader can study (study-manifest.json, about 5 KB gzip today, 16 KB at ten times) is the
 * exception: the progress page, precached, shows nothing without it.
 */
export const SHELL_FOLDERS = ['styles', 'icons', 'practice'];
/** Files in SHELL_FOLDERS that are not precached: data that grows with the content. */
const NOT_IN_SHELL = /^(?!study-manifest\.json$).*\.json$/;

/**
 * What a first visit may download in the background, gzip as served (level 6, as the host
 * sends it; Pagefind's files as stored, they are gzip already). Enforced on the test build
 * (scripts/build-sw.test.ts). The search index (Pagefind's word index and the search map,
 * which offline search needs whole) is most of it and the part that grows with the content, so
 * the part the site controls is held to its own, tighter budget. `npm run bench` reports both.
 */
export const PRECACHE_TARGET_BYTES = 1.5 * 1024 * 1024;
/** Enforced: the whole precache. */
export const PRECACHE_BUDGET_BYTES = PRECACHE_TARGET_BYTES;
/** Enforced: the precache without the search index (scripts, styles, icons, tools, engine). */
export const SHELL_BUDGET_BYTES = 400 * 1024;

/**
 * The largest file the service worker stores. Browsers store far more, but one page this large is a
 * page nobody should have to download whole (the largest page today is under 300 KB).
 */
export const MAX_PRECACHE_FILE_BYTES = 2 * 1024 * 1024;

export interface ServiceWorkerOptions {
  /** Per-file limit (tests lower it). */
  maxFileBytes?: number;
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;
/**
 * Bytes on the wire, as the serving host sends the file (scripts/lib/static-server.ts): gzip at
 * zlib's default level for text types, as stored for the rest (Pagefind's files are gzip already).
 */
export function wireSize(file: string): number {
  const content = readFileSync(file);
  return COMPRESSIBLE.has(path.extname(file)) ? gzipSync(content, { level: 6 }).length : content.length;
}

function walk(dir: string, root = dir, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, root, out);
    else out.push(path.relative(root, full).split(path.sep).join('/'));
  }
  return out;
}

/** Every page of the built site (index.html files and 404.html), relative to the output folder. */
export function pageFiles(outDir: string): string[] {
  return walk(outDir)
    .filter((file) => file.endsWith('.html') && !file.startsWith('pagefind/'))
    .sort();
}

/** Scripts, stylesheets, icons and the manifest a page names, as files relative to the output folder. */
export function pageReferences(html: string, base: string, outDir: string): string[] {
  const refs = new Set<string>();
  const tags = [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g), ...html.matchAll(/<link\b[^>]*\bhref="([^"]+)"[^>]*>/g)];
  for (const match of tags) {
    const tag = match[0];
    if (tag.startsWith('<link') && !/\brel="(?:stylesheet|icon|manifest|apple-touch-icon|modulepreload)"/.test(tag)) continue;
    const url = match[1]!;
    if (!url.startsWith(base)) continue;
    const file = url.slice(base.length).split(/[?#]/)[0]!;
    if (file && existsSync(path.join(outDir, file))) refs.add(file);
  }
  return [...refs];
}

/**
 * The relative imports of a built module (.js, or .mjs as mermaid's build names them): static
 * (import/from "...") and dynamic (import(`...`)).
 */
export function moduleImports(code: string): { static: string[]; dynamic: string[] } {
  const dynamic = [...code.matchAll(/\bimport\(\s*["'`](\.{1,2}\/[^"'`]+\.m?js)["'`]\s*\)/g)].map((m) => m[1]!);
  const all = [...code.matchAll(/\b(?:from|import)\s*\(?\s*["'`](\.{1,2}\/[^"'`]+\.m?js)["'`]/g)].map((m) => m[1]!);
  const isDynamic = new Set(dynamic);
  return { static: all.filter((spec) => !isDynamic.has(spec)), dynamic };
}

const baseName = (file: string) => file.slice(file.lastIndexOf('/') + 1);
const never = (file: string) => NEVER_CACHED.some((pattern) => pattern.test(baseName(file)));
const onDemand = (file: string) => ON_DEMAND_MODULES.some((pattern) => pattern.test(file));

/** Each built module's imports, read once per build (pages share most of their scripts). */
const importsCache = new Map<string, ReturnType<typeof moduleImports>>();
function importsOf(file: string): ReturnType<typeof moduleImports> {
  let found = importsCache.get(file);
  if (!found) importsCache.set(file, (found = moduleImports(readFileSync(file, 'utf8'))));
  return found;
}

/**
 * A module and everything it imports, transitively, never NEVER_CACHED files. With
 * `followOnDemand` false, ON_DEMAND_MODULES and what only they import are left out (the app
 * shell); with true, everything is (a page's needs).
 */
function moduleClosure(outDir: string, start: string, followOnDemand: boolean, seen = new Set<string>()): Set<string> {
  if (seen.has(start) || never(start) || (!followOnDemand && onDemand(start))) return seen;
  seen.add(start);
  if (!/\.m?js$/.test(start)) return seen;
  const { static: statics, dynamic } = importsOf(path.join(outDir, start));
  const resolve = (spec: string) => path.posix.normalize(path.posix.join(path.posix.dirname(start), spec));
  for (const spec of [...statics, ...dynamic]) moduleClosure(outDir, resolve(spec), followOnDemand, seen);
  return seen;
}

/** A script's closure, worked out once per script and mode (most pages share their scripts). */
const closureCache = new Map<string, Set<string>>();
function closureOf(outDir: string, start: string, followOnDemand: boolean): Set<string> {
  const key = `${followOnDemand}|${path.join(outDir, start)}`;
  let found = closureCache.get(key);
  if (!found) closureCache.set(key, (found = moduleClosure(outDir, start, followOnDemand)));
  return found;
}

/**
 * The Pagefind files offline search needs: the engine, the WebAssembly and metadata of each
 * language the index has, the word index and filters, the search map, and any of Pagefind's
 * files the site's own code names (its UIs, its worker). The dialog runs Pagefind without its
 * worker (noWorker), so the worker is left out unless the site's code names it; so are the other
 * UIs, the languages the site lacks, and the result fragments (see the file comment).
 */
export function pagefindFiles(outDir: string, shellCode: string): string[] {
  const dir = path.join(outDir, 'pagefind');
  if (!existsSync(path.join(dir, 'pagefind-entry.json'))) return [];
  const entry = JSON.parse(readFileSync(path.join(dir, 'pagefind-entry.json'), 'utf8')) as {
    languages: Record<string, { hash: string; wasm?: string }>;
  };
  const files = new Set(['pagefind/pagefind.js', 'pagefind/pagefind-entry.json', SEARCH_MAP_FILE]);
  for (const language of Object.values(entry.languages)) {
    files.add(`pagefind/pagefind.${language.hash}.pf_meta`);
    if (language.wasm) files.add(`pagefind/wasm.${language.wasm}.pagefind`);
  }
  for (const name of new Set([...shellCode.matchAll(/pagefind-[a-z-]+\.(?:js|css)/g)].map((m) => m[0]))) {
    if (existsSync(path.join(dir, name))) files.add(`pagefind/${name}`);
  }
  for (const folder of ['index', 'filter']) {
    if (!existsSync(path.join(dir, folder))) continue;
    for (const name of readdirSync(path.join(dir, folder))) files.add(`pagefind/${folder}/${name}`);
  }
  return [...files].filter((file) => existsSync(path.join(outDir, file))).sort();
}

/** One search result as the dialog shows it without its fragment, and the fragment file it comes from. */
export interface SearchFragment {
  /** The id Pagefind's results carry (the fragment hash). */
  id: string;
  /** The fragment file, relative to the output folder. */
  file: string;
  /** The page's address as Pagefind stores it, without the base path. */
  url: string;
  title: string;
  /** The page's content type (the `type` filter), when it has one. */
  type: string | null;
}

/** A Pagefind fragment file's JSON: gzip (or not) behind Pagefind's "pagefind_dcd" signature. */
function readPagefindJson(file: string): unknown {
  let data = readFileSync(file);
  const signature = Buffer.from('pagefind_dcd');
  if (!data.subarray(0, signature.length).equals(signature)) data = gunzipSync(data);
  if (!data.subarray(0, signature.length).equals(signature))
    throw new Error(`${file} is not a Pagefind fragment (no "pagefind_dcd" signature): rebuild the search index.`);
  return JSON.parse(data.subarray(signature.length).toString('utf8'));
}

/**
 * Every result fragment of the search index, with what a result shows without it. A fragment
 * file holds one page's fragment, or a group of them keyed by id (Pagefind's fragment groups).
 */
export function searchFragments(outDir: string): SearchFragment[] {
  const dir = path.join(outDir, 'pagefind', 'fragment');
  if (!existsSync(dir)) return [];
  const found: SearchFragment[] = [];
  for (const name of readdirSync(dir)
    .filter((n) => n.endsWith('.pf_fragment'))
    .sort()) {
    const file = `pagefind/fragment/${name}`;
    const json = readPagefindJson(path.join(outDir, file)) as Record<string, unknown>;
    const single = typeof json.url === 'string';
    const entries = single ? [[name.replace(/\.pf_fragment$/, ''), json] as const] : Object.entries(json);
    for (const [id, value] of entries) {
      const fragment = value as { url?: unknown; meta?: { title?: unknown }; filters?: { type?: unknown } };
      const title = fragment.meta?.title;
      if (typeof fragment.url !== 'string' || typeof title !== 'string' || !title.trim()) {
        throw new Error(
          `${path.join(outDir, file)}: search result ${id} has no ${typeof fragment.url === 'string' ? 'title' : 'address'}. ` +
            'Give the page an <h1> or data-pagefind-meta="title" inside its data-pagefind-body, or mark it data-pagefind-ignore.',
        );
      }
      const type = Array.isArray(fragment.filters?.type) && typeof fragment.filters.type[0] === 'string' ? fragment.filters.type[0] : null;
      found.push({ id, file, url: fragment.url, title: title.trim(), type });
    }
  }
  return found;
}

/** The search map (SEARCH_MAP_FILE) of a set of fragments. */
export function searchMap(fragments: readonly SearchFragment[]): SearchMap {
  return { version: 1, pages: Object.fromEntries(fragments.map((f) => [f.id, [f.url, f.title, f.type]])) };
}

/** Writes the search map beside the index; nothing when the site has no search index. */
export function writeSearchMap(outDir: string): SearchMap | undefined {
  if (!existsSync(path.join(outDir, 'pagefind', 'pagefind-entry.json'))) return undefined;
  const map = searchMap(searchFragments(outDir));
  writeFileSync(path.join(outDir, SEARCH_MAP_FILE), JSON.stringify(map));
  return map;
}

/** The worker's own code (imported by sw.js before Workbox's): see storeScript. */
export const STORE_SCRIPT = 'sw-store.js';

/**
 * What sw.js imports before Workbox's code. It only listens (Workbox answers every request as
 * before) and stores, in the worker's own caches:
 * - the pages open when the worker first starts (the page that installed it loaded before it,
 *   so no request of the worker's stored it), so the first page of a visit opens offline too;
 * - the search fragment of each page the reader opens (found through the precached search map),
 *   in the files cache where search finds it offline, so a page read on this device keeps its
 *   excerpt in offline search.
 * Pagefind writes one fragment file per page (no fragment groups on this site); a page without
 * a fragment (the offline page, the tools) stores none.
 */
export function storeScript(base: string): string {
  const names = offlineCacheNames(base);
  const config = { base, map: `${base}${SEARCH_MAP_FILE}`, pages: names.pages, files: names.files };
  return `// Written by scripts/build-sw.ts: stores the pages open at install, and each opened page's search fragment.
(() => {
  const config = ${JSON.stringify(config)};
  let byPage;
  const fragmentsByPage = () => {
    byPage ??= caches
      .match(config.map, { ignoreSearch: true })
      .then((found) => found || fetch(config.map))
      .then((response) => response.json())
      .then((map) => new Map(Object.entries(map.pages).map(([id, [url]]) => [config.base + url.slice(url.startsWith('/') ? 1 : 0), config.base + 'pagefind/fragment/' + id + '.pf_fragment'])));
    byPage.catch(() => { byPage = undefined; });
    return byPage;
  };
  const storeFragment = (page) =>
    fragmentsByPage()
      .then(async (fragments) => {
        const fragment = fragments.get(page);
        if (!fragment) return;
        const cache = await caches.open(config.files);
        if (!(await cache.match(fragment))) await cache.add(fragment);
      })
      .catch(() => undefined);
  const storePage = async (page) => {
    const cache = await caches.open(config.pages);
    if (!(await cache.match(page, { ignoreSearch: true }))) await cache.add(page).catch(() => undefined);
  };
  self.addEventListener('fetch', (event) => {
    if (event.request.mode !== 'navigate') return;
    event.waitUntil(storeFragment(new URL(event.request.url).pathname));
  });
  self.addEventListener('activate', (event) => {
    event.waitUntil(
      self.clients
        .matchAll({ type: 'window', includeUncontrolled: true })
        .then((windows) =>
          Promise.all(
            windows
              .map((client) => new URL(client.url))
              .filter((url) => url.origin === self.location.origin && url.pathname.startsWith(config.base))
              .map((url) => Promise.all([storePage(url.pathname), storeFragment(url.pathname)])),
          ),
        )
        .catch(() => undefined),
    );
  });
})();
`;
}

export interface OfflinePlan {
  /** Files precached on the first visit, relative to the output folder. */
  shell: string[];
  /** Gzip bytes of the shell, as the server sends it. */
  shellBytes: number;
  /** The same, without the search index (the part that does not grow with the content). */
  shellBytesWithoutIndex: number;
  manifest: OfflineManifest;
}

const sectionLabel = (key: string) =>
  key === 'home'
    ? 'Home and site pages'
    : (SECTIONS.find((s) => s.key === key || s.guideFolder === key)?.label ?? key[0]!.toUpperCase() + key.slice(1).replace(/-/g, ' '));

/** Works out the app shell and the save manifest of a built site. */
export function planOffline(outDir: string, base: string): OfflinePlan {
  const pages = pageFiles(outDir);
  const offlinePage = OFFLINE_PAGE;
  if (!pages.includes(offlinePage))
    throw new Error(`${path.join(outDir, offlinePage)} is missing: the service worker needs the offline page (src/pages/offline.astro).`);
  const referencesOf = new Map<string, string[]>();
  // Pages with a diagram drawn in the browser: their diagram script imports mermaid's browser
  // build by its address, which no relative import names, so the page's needs start from it too.
  const browserDiagramPages = new Set<string>();
  for (const page of pages) {
    const html = readFileSync(path.join(outDir, page), 'utf8');
    referencesOf.set(page, pageReferences(html, base, outDir));
    if (!hasBrowserDrawnDiagrams(html)) continue;
    if (!existsSync(path.join(outDir, BROWSER_DIAGRAM_MODULE)))
      throw new Error(
        `${path.join(outDir, page)} has a diagram drawn in the browser, but ${path.join(outDir, BROWSER_DIAGRAM_MODULE)} is missing: ` +
          'build with the browser-mermaid integration (src/plugins/browser-mermaid.ts, in astro.config.mjs), which copies it.',
      );
    browserDiagramPages.add(page);
  }

  const shell = new Set<string>([offlinePage]);
  for (const refs of referencesOf.values()) for (const ref of refs) for (const file of closureOf(outDir, ref, false)) shell.add(file);
  for (const folder of SHELL_FOLDERS) {
    if (!existsSync(path.join(outDir, folder))) continue;
    for (const file of walk(path.join(outDir, folder))) if (!NOT_IN_SHELL.test(file)) shell.add(`${folder}/${file}`);
  }
  const shellCode = [...shell]
    .filter((file) => file.endsWith('.js'))
    .map((file) => readFileSync(path.join(outDir, file), 'utf8'))
    .join('\n');
  const index = pagefindFiles(outDir, shellCode);
  for (const file of index) shell.add(file);

  const size = new Map<string, number>();
  const bytesOf = (file: string) => {
    let known = size.get(file);
    if (known === undefined) size.set(file, (known = wireSize(path.join(outDir, file))));
    return known;
  };
  const shellFiles = [...shell].sort();
  const shellBytes = shellFiles.reduce((sum, file) => sum + bytesOf(file), 0);
  const indexSet = new Set(index.filter((file) => /^pagefind\/(?:index|filter)\//.test(file) || file === SEARCH_MAP_FILE));
  const shellBytesWithoutIndex = shellFiles.filter((file) => !indexSet.has(file)).reduce((sum, file) => sum + bytesOf(file), 0);

  // A saved page brings its search fragment, so its results show excerpts offline.
  const fragmentOf = new Map(searchFragments(outDir).map((f) => [f.url, f.file]));
  const sections = new Map<string, OfflineSection>();
  const assets: Record<string, number> = {};
  for (const page of pages) {
    // Shell pages are on the device from the first visit; the 404 page is never saved.
    if (shell.has(page) || page === '404.html') continue;
    const sitePath = `/${page.replace(/index\.html$/, '')}`;
    const needs = new Set<string>();
    const starts = [...(referencesOf.get(page) ?? []), ...(browserDiagramPages.has(page) ? [BROWSER_DIAGRAM_MODULE] : [])];
    for (const start of starts) for (const file of closureOf(outDir, start, true)) if (!shell.has(file)) needs.add(file);
    const fragment = fragmentOf.get(sitePath);
    if (fragment) needs.add(fragment);
    for (const file of needs) assets[`${base}${file}`] = bytesOf(file);
    const entry: OfflinePage = {
      url: `${base}${sitePath.slice(1)}`,
      bytes: bytesOf(page),
      assets: [...needs].sort().map((file) => `${base}${file}`),
    };
    const key = sectionKey(sitePath);
    const section = sections.get(key) ?? { key, label: sectionLabel(key), pages: [] };
    section.pages.push(entry);
    sections.set(key, section);
  }
  // The home page's section first, then sidebar order, then the rest by name.
  const order = (key: string) => {
    if (key === 'home') return -1;
    const at = SECTIONS.findIndex((s) => s.key === key || s.guideFolder === key);
    return at === -1 ? SECTIONS.length : at;
  };
  const sorted = [...sections.values()].sort((a, b) => order(a.key) - order(b.key) || a.key.localeCompare(b.key));
  return { shell: shellFiles, shellBytes, shellBytesWithoutIndex, manifest: { version: 1, sections: sorted, assets } };
}

/** Pages and shell files over the per-file limit, largest first, as the build error names them. */
export function oversizedFiles(
  outDir: string,
  files: readonly string[],
  maxFileBytes = MAX_PRECACHE_FILE_BYTES,
): { file: string; size: number }[] {
  return files
    .map((file) => ({ file, size: statSync(path.join(outDir, file)).size }))
    .filter((entry) => entry.size > maxFileBytes)
    .sort((a, b) => b.size - a.size);
}

/** The service worker's behavior: everything generateSW needs but the precache list. */
export function workerOptions(base: string): GeneratePartial {
  const caches = offlineCacheNames(base);
  return {
    directoryIndex: 'index.html',
    ignoreURLParametersMatching: [/.*/],
    importScripts: [STORE_SCRIPT],
    runtimeCaching: [
      // Pages: the network first (a reader online always gets the current page), stored as they
      // are visited; offline, the stored copy, or the offline page when there is none.
      {
        urlPattern: ({ request }) => request.mode === 'navigate',
        handler: 'NetworkFirst',
        options: {
          cacheName: caches.pages,
          // Filters add ?query strings to pages; the stored page answers for any of them.
          matchOptions: { ignoreSearch: true, ignoreVary: true },
          precacheFallback: { fallbackURL: `${base}${OFFLINE_PAGE}` },
        },
      },
      // Scripts the pages load on demand: hashed, so a stored copy is always right.
      {
        urlPattern: ({ url, sameOrigin }) => sameOrigin && url.pathname.includes('/_astro/'),
        handler: 'CacheFirst',
        options: { cacheName: caches.assets },
      },
      // Anything else of the site's (study data, the save list, mermaid's browser build under
      // vendor/, whose entry keeps its name across versions): the network first, stored for offline.
      {
        urlPattern: ({ sameOrigin, request }) => sameOrigin && request.method === 'GET',
        handler: 'NetworkFirst',
        options: { cacheName: caches.files, matchOptions: { ignoreSearch: true } },
      },
    ],
    cleanupOutdatedCaches: true,
    // A new version waits until the reader chooses to reload (the page offers it).
    skipWaiting: false,
    clientsClaim: true,
    inlineWorkboxRuntime: true,
    sourcemap: false,
    mode: 'production',
  };
}

/** The precache list's options: the app shell's files in the built site, as URLs under the base path. */
export function manifestOptions(outDir: string, shell: readonly string[], base: string, maxFileBytes: number) {
  return {
    globDirectory: outDir,
    // Exact file names: the shell is a list, not a pattern.
    globPatterns: [...shell],
    // As generateSW does: the worker itself is never in its own list.
    globIgnores: ['**/node_modules/**/*', 'sw.js'],
    // Files are served under the base path (e.g. /netflix-sd/) on GitHub Pages.
    modifyURLPrefix: { '': base },
    // Hashed assets never change under the same name.
    dontCacheBustURLsMatching: /\/_astro\//,
    maximumFileSizeToCacheInBytes: maxFileBytes,
  };
}

/**
 * What workbox-build's generateSW bundles sw.js with, resolved from workbox-build's own folder so
 * they are the very copies it uses: its template (populateSWTemplate) and option defaults
 * (validateGenerateSWOptions), rollup with its plugins, and terser (through @rollup/plugin-terser);
 * and getManifest, which lists the precached files. Each is loaded from its own file: workbox-build's
 * index loads all of babel for generateSW (about 0.4 s), which this build does not need (see
 * prepareServiceWorker). generateSW itself cannot be split: terser's mangler names variables by
 * how often each character appears in the whole file, the precache list's URLs and hashes
 * included, so the names change with the list. prepareServiceWorker therefore stops before
 * mangling, and finishServiceWorker mangles once the list is in.
 */
const workboxRequire = createRequire(import.meta.resolve('workbox-build'));
/** A module as workbox-build loads it (or, with `from`, as one of its dependencies does). */
export function fromWorkbox(id: string, from = workboxRequire): unknown {
  try {
    return from(id);
  } catch (error) {
    throw new Error(
      `workbox-build no longer has ${id} (${(error as Error).message.split('\n')[0]}): make prepareServiceWorker in scripts/build-sw.ts ` +
        'bundle as workbox-build/build/lib/bundle.js now does, or keep workbox-build at the version in package-lock.json.',
      { cause: error },
    );
  }
}
const { validateGenerateSWOptions } = fromWorkbox('./lib/validate-options.js') as {
  validateGenerateSWOptions: (options: GenerateSWOptions) => GenerateSWOptions;
};
const { populateSWTemplate } = fromWorkbox('./lib/populate-sw-template.js') as {
  populateSWTemplate: (options: GenerateSWOptions & { manifestEntries: ManifestEntry[] }) => string;
};
interface RollupOutput {
  output: { type: string; code?: string }[];
}
const { rollup } = fromWorkbox('rollup') as {
  rollup: (options: { input: string; plugins: unknown[] }) => Promise<{
    generate: (options: { sourcemap: boolean; format: 'es' }) => Promise<RollupOutput>;
    close: () => Promise<void>;
  }>;
};
const { nodeResolve } = fromWorkbox('@rollup/plugin-node-resolve') as { nodeResolve: () => unknown };
const { default: replace } = fromWorkbox('@rollup/plugin-replace') as { default: (options: object) => unknown };
const { getManifest } = fromWorkbox('./get-manifest.js') as Pick<typeof import('workbox-build'), 'getManifest'>;
const { minify } = fromWorkbox('terser', createRequire(workboxRequire.resolve('@rollup/plugin-terser'))) as {
  minify: (code: string, options: object) => Promise<{ code?: string }>;
};

/**
 * terser's options in workbox-build's bundle (build/lib/bundle.js), with what @rollup/plugin-terser
 * adds for an ES module without a source map. Its worker is minified in two passes of these:
 * compressed without the list (prepare), then mangled with it (finish), the same as one pass.
 */
const TERSER_OPTIONS = { mangle: { toplevel: true, properties: { regex: /(^_|_$)/ } }, sourceMap: false, module: true };

/** terser's output, or an error naming the step when it printed nothing. */
async function terse(code: string, options: object, step: string): Promise<string> {
  const result = await minify(code, { ...TERSER_OPTIONS, ...options });
  if (typeof result.code !== 'string') throw new Error(`terser returned no code while ${step} (scripts/build-sw.ts).`);
  return result.code;
}

/**
 * A precache list as terser prints it (`[{url:"…",revision:"…"},…]`: bare keys, its quotes and
 * escapes), which is how the placeholder list appears in the compressed worker.
 */
export async function precacheListCode(entries: readonly ManifestEntry[]): Promise<string> {
  const code = await terse(`x=${JSON.stringify(entries)}`, { compress: false, mangle: false, module: false }, 'printing a precache list');
  const list = /^x=(\[[\s\S]*\]);?$/.exec(code)?.[1];
  if (!list)
    throw new Error(`terser printed the precache list as ${JSON.stringify(code)}, not as one array: scripts/build-sw.ts cannot read it.`);
  return list;
}

/**
 * The one entry of the precache list while the worker's code is bundled: no real entry looks like
 * it (every real one starts with the base path's "/").
 */
export const PRECACHE_SENTINEL = 'precache-list-placeholder:scripts/build-sw.ts';

/** The worker's bundled and compressed code for one base path, not yet mangled, split where its precache list goes. */
export interface PreparedServiceWorker {
  /** The base path it was bundled for (its caches and routes are named after it). */
  base: string;
  /** The code before the precache list. */
  before: string;
  /** The code after the precache list. */
  after: string;
}

/**
 * Splits compressed code at the placeholder list, which must appear exactly once: anything else
 * means Workbox or terser now prints the list another way, and the finished worker would be wrong.
 */
export function splitAtPlaceholder(code: string, placeholder: string): { before: string; after: string } {
  const found = code.split(placeholder).length - 1;
  if (found !== 1) {
    throw new Error(
      `The bundled service worker holds the placeholder precache list ${placeholder} ${found} times, not once: ` +
        'workbox-build or terser now prints the precache list differently. Make prepareServiceWorker in scripts/build-sw.ts ' +
        "find the list as it is printed now (scripts/build-sw-split.test.ts compares the result with generateSW's own sw.js), " +
        'or keep workbox-build and terser at the versions in package-lock.json.',
    );
  }
  const at = code.indexOf(placeholder);
  return { before: code.slice(0, at), after: code.slice(at + placeholder.length) };
}

/**
 * Throws unless the options are the case prepareServiceWorker bundles as generateSW does: mode
 * "production", Workbox's runtime inlined, no source map (workbox-build's bundle() differs otherwise).
 */
export function assertBundledLikeGenerateSW(options: Pick<GenerateSWOptions, 'mode' | 'inlineWorkboxRuntime' | 'sourcemap'>): void {
  if (options.mode !== 'production' || !options.inlineWorkboxRuntime || options.sourcemap)
    throw new Error(
      'prepareServiceWorker (scripts/build-sw.ts) bundles as generateSW does for mode "production", inlineWorkboxRuntime and no source map only: keep those in workerOptions, or bundle the other case the way workbox-build/build/lib/bundle.js does.',
    );
}

/** The code of the one file rollup wrote; with Workbox's runtime inlined there is never another. */
export function onlyChunk(output: readonly { code?: string }[]): string {
  const [chunk, ...more] = output;
  if (!chunk?.code || more.length > 0)
    throw new Error(
      `rollup bundled the service worker into ${output.length} files, not one: keep inlineWorkboxRuntime in workerOptions (scripts/build-sw.ts).`,
    );
  return chunk.code;
}

/**
 * The worker's code for a base path, from the configuration alone, as generateSW makes it
 * (workbox-build's template, its rollup and terser settings), with PRECACHE_SENTINEL as the whole
 * precache list, compressed but not yet mangled (see fromWorkbox). This is the slow part of the
 * service worker: about half a second of rollup and terser over Workbox's runtime.
 *
 * generateSW also passes the code through babel's preset-env for Workbox's browser targets. For
 * Workbox's runtime that changes nothing (the bytes are the same with and without it), so it is
 * left out: it took about 0.8 CPU seconds of every build. scripts/build-sw-split.test.ts compares
 * the finished sw.js with generateSW's own, so a Workbox release that babel would change fails there.
 */
export async function prepareServiceWorker(base = siteBase()): Promise<PreparedServiceWorker> {
  const scratch = mkdtempSync(path.join(tmpdir(), 'sw-code-'));
  try {
    const swDest = path.join(scratch, 'sw.js');
    const options = validateGenerateSWOptions({ ...workerOptions(base), swDest });
    assertBundledLikeGenerateSW(options);
    const sentinel: ManifestEntry = { url: PRECACHE_SENTINEL, revision: null };
    writeFileSync(swDest, populateSWTemplate({ ...options, manifestEntries: [sentinel] }));
    // workbox-build's bundle(), without babel (see above) and its last plugin (terser), which runs below in two passes.
    const bundle = await rollup({
      input: swDest,
      plugins: [
        nodeResolve(),
        // Stryker disable next-line BooleanLiteral: preventAssignment only matters where code assigns to process.env.NODE_ENV, which Workbox's runtime never does.
        replace({ preventAssignment: true, 'process.env.NODE_ENV': JSON.stringify(options.mode) }),
      ],
    });
    const { output } = await bundle.generate({ sourcemap: false, format: 'es' });
    await bundle.close();
    const compressed = await terse(onlyChunk(output), { mangle: false }, 'compressing the service worker');
    return { base, ...splitAtPlaceholder(compressed, await precacheListCode([sentinel])) };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * The service worker of a built site, from its compressed code (prepareServiceWorker, which may
 * still be running: it is awaited only once the site's own files are planned and written): writes
 * the search map, the save list (offline-manifest.json), the worker's own script, and sw.js, byte
 * for byte what generateSW would write (its code with the precache list in, mangled).
 */
export async function finishServiceWorker(
  outDir: string,
  base: string,
  prepared: PreparedServiceWorker | Promise<PreparedServiceWorker>,
  options: ServiceWorkerOptions = {},
) {
  const code = Promise.resolve(prepared);
  // A failed bundling is reported below, once awaited; a failure here first must not leave it unhandled.
  code.catch(() => undefined);
  const maxFileBytes = options.maxFileBytes ?? MAX_PRECACHE_FILE_BYTES;
  writeSearchMap(outDir);
  const plan = planOffline(outDir, base);
  const tooLarge = oversizedFiles(outDir, [...new Set([...plan.shell, ...pageFiles(outDir)])], maxFileBytes);
  if (tooLarge.length > 0) {
    const list = tooLarge.map((entry) => `  ${path.join(outDir, entry.file)} (${megabytes(entry.size)})`).join('\n');
    throw new Error(
      `The offline cache takes files up to ${megabytes(maxFileBytes)}, so these would work only online:\n${list}\n` +
        'Split the page into smaller pages (a long prompt into parts, a huge diagram into several), or shrink the file.',
    );
  }
  writeFileSync(path.join(outDir, OFFLINE_MANIFEST_FILE), JSON.stringify(plan.manifest));
  writeFileSync(path.join(outDir, STORE_SCRIPT), storeScript(base));
  const manifest = await getManifest(manifestOptions(outDir, plan.shell, base, maxFileBytes));
  // Belt and braces: workbox reports a file it skipped as a warning; the check above should have caught it.
  const skipped = manifest.warnings.filter((warning) => /precached/i.test(warning));
  if (skipped.length > 0) throw new Error(`The offline cache left files out:\n${skipped.join('\n')}`);
  // generateSW leaves the precache out of the worker altogether when its list is empty; the offline
  // page is always in the plan, so an empty list means the plan and the list disagree.
  if (manifest.count === 0) throw new Error(`The precache list of ${outDir} is empty: the offline page (${OFFLINE_PAGE}) should be in it.`);
  const worker = await code;
  if (worker.base !== base)
    throw new Error(
      `The service worker's code was bundled for the base path ${worker.base}, not ${base}: prepare it with prepareServiceWorker('${base}').`,
    );
  const sw = await terse(
    `${worker.before}${JSON.stringify(manifest.manifestEntries)}${worker.after}`,
    { compress: false },
    'mangling the service worker',
  );
  const swDest = path.resolve(outDir, 'sw.js');
  // Rollup ends a chunk with a line break after its last plugin (terser) has run (not in compact mode).
  writeFileSync(swDest, sw.endsWith('\n') ? sw : `${sw}\n`);
  return { filePaths: [swDest], count: manifest.count, size: manifest.size, warnings: manifest.warnings, plan };
}

/** The whole service worker of a built site: its code bundled while the site is planned, then finished. */
export async function buildServiceWorker(outDir: string, base = siteBase(), options: ServiceWorkerOptions = {}) {
  return finishServiceWorker(outDir, base, prepareServiceWorker(base), options);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const outDir = process.env.OUT_DIR ?? 'dist';
  const { count, warnings, plan } = await buildServiceWorker(outDir);
  for (const warning of warnings) console.warn(`service worker: ${warning}`);
  console.log(
    `✓ Service worker: precaches ${count} files, ${megabytes(plan.shellBytes)} gzip (${megabytes(plan.shellBytesWithoutIndex)} without the search index).`,
  );
}
