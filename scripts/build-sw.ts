/**
 * Part of `npm run build` (scripts/build.ts), after the search index: writes the service worker
 * that precaches every page, asset and the whole search index, so after one online visit the
 * entire site works offline. Runs after Pagefind so the index is included. On its own:
 * `OUT_DIR=dist node scripts/build-sw.ts`.
 *
 * Nothing is left out silently: a file too large for the precache fails the build with its
 * name, rather than leaving that page online-only. A navigation to a page that does not exist
 * goes to the network; offline, the reader gets the site's 404 page from the precache.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { generateSW, getManifest } from 'workbox-build';
import { siteBase } from '../src/lib/base.ts';

/** mermaid's ELK layout is never used (diagrams use dagre), so its chunk is not precached. */
export const PRECACHE_IGNORE = ['**/_astro/elk-*.js', 'sw.js', 'workbox-*.js'];

/** What is precached: every page, style, script, image and data file, and the whole search index. */
export const PRECACHE_PATTERNS = ['**/*.{html,css,js,svg,png,webmanifest,json,wasm}', 'pagefind/**/*'];

/**
 * The largest file the precache takes. Browsers store far more, but one file this large is a
 * page nobody should have to download whole (the largest page today is under 300 KB).
 */
export const MAX_PRECACHE_FILE_BYTES = 2 * 1024 * 1024;

export interface ServiceWorkerOptions {
  /** Per-file limit (tests lower it). */
  maxFileBytes?: number;
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;

/**
 * The files the precache would take that are over the limit, largest first, as the build
 * error names them.
 */
export async function oversizedFiles(outDir: string, maxFileBytes = MAX_PRECACHE_FILE_BYTES): Promise<{ file: string; size: number }[]> {
  const { manifestEntries } = await getManifest({
    globDirectory: outDir,
    globPatterns: PRECACHE_PATTERNS,
    globIgnores: PRECACHE_IGNORE,
    maximumFileSizeToCacheInBytes: Number.MAX_SAFE_INTEGER,
  });
  return (manifestEntries ?? [])
    .map((entry) => ({ file: entry.url, size: statSync(path.join(outDir, entry.url)).size }))
    .filter((entry) => entry.size > maxFileBytes)
    .sort((a, b) => b.size - a.size);
}

export async function buildServiceWorker(outDir: string, base = siteBase(), options: ServiceWorkerOptions = {}) {
  const maxFileBytes = options.maxFileBytes ?? MAX_PRECACHE_FILE_BYTES;
  const tooLarge = await oversizedFiles(outDir, maxFileBytes);
  if (tooLarge.length > 0) {
    const list = tooLarge.map((entry) => `  ${path.join(outDir, entry.file)} (${megabytes(entry.size)})`).join('\n');
    throw new Error(
      `The offline cache takes files up to ${megabytes(maxFileBytes)}, so these would work only online:\n${list}\n` +
        'Split the page into smaller pages (a long prompt into parts, a huge diagram into several), or shrink the file.',
    );
  }
  const result = await generateSW({
    globDirectory: outDir,
    globPatterns: PRECACHE_PATTERNS,
    globIgnores: PRECACHE_IGNORE,
    swDest: `${outDir}/sw.js`,
    // Files are served under the base path (e.g. /netflix-sd/) on GitHub Pages.
    modifyURLPrefix: { '': base },
    // "/prompts/" is stored as "/prompts/index.html"; filters add ?query strings to pages.
    directoryIndex: 'index.html',
    ignoreURLParametersMatching: [/.*/],
    // Hashed assets never change under the same name.
    dontCacheBustURLsMatching: /\/_astro\//,
    maximumFileSizeToCacheInBytes: maxFileBytes,
    // A page that is not in the precache (a mistyped address): ask the network, which answers
    // with the host's 404; offline, answer with the site's own 404 page from the precache.
    runtimeCaching: [
      {
        urlPattern: ({ request }) => request.mode === 'navigate',
        handler: 'NetworkOnly',
        options: { precacheFallback: { fallbackURL: `${base}404.html` } },
      },
    ],
    cleanupOutdatedCaches: true,
    // A new version waits until the reader chooses to reload (the page offers it).
    skipWaiting: false,
    clientsClaim: true,
    inlineWorkboxRuntime: true,
    sourcemap: false,
    mode: 'production',
  });
  // Belt and braces: workbox reports a file it skipped as a warning; the check above should have caught it.
  const skipped = result.warnings.filter((warning) => /precached/i.test(warning));
  if (skipped.length > 0) throw new Error(`The offline cache left files out:\n${skipped.join('\n')}`);
  return result;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const outDir = process.env.OUT_DIR ?? 'dist';
  const { count, size, warnings } = await buildServiceWorker(outDir);
  for (const warning of warnings) console.warn(`service worker: ${warning}`);
  console.log(`✓ Service worker: precaches ${count} files, ${(size / 1024 / 1024).toFixed(2)} MB before compression.`);
}
