/**
 * Part of `npm run build` (scripts/build.ts), after the search index: writes the service worker
 * that precaches every page, asset and the whole search index, so after one online visit the
 * entire site works offline. Runs after Pagefind so the index is included. On its own:
 * `OUT_DIR=dist node scripts/build-sw.ts`.
 */
import { generateSW } from 'workbox-build';
import { siteBase } from '../src/lib/base.ts';

/** mermaid's ELK layout is never used (diagrams use dagre), so its chunk is not precached. */
export const PRECACHE_IGNORE = ['**/_astro/elk-*.js', 'sw.js', 'workbox-*.js', '404.html'];

export async function buildServiceWorker(outDir: string, base = siteBase()) {
  return generateSW({
    globDirectory: outDir,
    globPatterns: ['**/*.{html,css,js,svg,png,webmanifest,json,wasm}', 'pagefind/**/*'],
    globIgnores: PRECACHE_IGNORE,
    swDest: `${outDir}/sw.js`,
    // Files are served under the base path (e.g. /netflix-sd/) on GitHub Pages.
    modifyURLPrefix: { '': base },
    // "/prompts/" is stored as "/prompts/index.html"; filters add ?query strings to pages.
    directoryIndex: 'index.html',
    ignoreURLParametersMatching: [/.*/],
    // Hashed assets never change under the same name.
    dontCacheBustURLsMatching: /\/_astro\//,
    maximumFileSizeToCacheInBytes: 2 * 1024 * 1024,
    cleanupOutdatedCaches: true,
    // A new version waits until the reader chooses to reload (the page offers it).
    skipWaiting: false,
    clientsClaim: true,
    inlineWorkboxRuntime: true,
    sourcemap: false,
    mode: 'production',
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const outDir = process.env.OUT_DIR ?? 'dist';
  const { count, size, warnings } = await buildServiceWorker(outDir);
  for (const warning of warnings) console.warn(`service worker: ${warning}`);
  console.log(`✓ Service worker: precaches ${count} files, ${(size / 1024 / 1024).toFixed(2)} MB before compression.`);
}
