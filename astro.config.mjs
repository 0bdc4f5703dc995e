// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import tailwindcss from '@tailwindcss/vite';
import { siteBase } from './src/lib/base.ts';
import schemaCacheGuard from './src/plugins/schema-cache-guard.ts';
import csp from './src/plugins/csp.ts';
import contentSafety from './src/plugins/content-safety.ts';
import browserMermaid from './src/plugins/browser-mermaid.ts';
import mdxAhead from './src/plugins/mdx-ahead.ts';
import { markdownConfig, mdxOptions } from './src/markdown.config.ts';

/**
 * No module-preload helper. Vite wraps every dynamic import in `__vitePreload`, a 0.9 KB gzip
 * module the entry script imports on every page, to fetch a lazy module's imports alongside it.
 * Astro sets its own `build.modulePreload`, overriding `false` in this file, and the wrapping
 * happens whatever that option says. So this plugin turns preloading off after Astro's config
 * (no lists of dependencies in the code) and replaces the helper with a pass-through: a lazy
 * module (search, study progress, the diagram viewer) still loads, and the browser fetches its
 * imports as it reads it. `npm run check:quality` counts the helper if it comes back.
 * @returns {import('vite').Plugin}
 */
function withoutPreloadHelper() {
  const helper = '\0vite/preload-helper.js';
  return {
    name: 'netflix-loop-guide:without-preload-helper',
    apply: 'build',
    enforce: 'pre',
    config: () => ({ build: { modulePreload: false } }),
    resolveId: (id) => (id === helper ? helper : undefined),
    load: (id) => (id === helper ? 'export const __vitePreload = (load) => load();' : undefined),
  };
}

/** @astrojs/mdx's options (src/markdown.config.ts), exported for the tests that compare both compilers. */
export { mdxOptions };

/** Deployment base path, such as "/netflix-sd/" on GitHub Pages (from BASE_PATH). */
const base = siteBase();

export default defineConfig({
  site: process.env.SITE_URL ?? 'https://netflix-loop-guide.github.io',
  base,
  trailingSlash: 'always',
  outDir: process.env.OUT_DIR ?? './dist',
  // Separate caches let fixture sites and parallel builds run side by side.
  cacheDir: process.env.ASTRO_CACHE_DIR ?? './node_modules/.astro',
  // Stylesheets are always files: no inline <style>, so the CSP needs no style hashes.
  // Four pages rendered at a time: while one page's file is written, the next is rendered (one at
  // a time, the renderer sat idle for about 0.3 s of every build waiting on writes). The output is
  // byte-identical.
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 4 },
  // No prefetching, no view transitions: pages are small and must work without script.
  prefetch: false,
  devToolbar: { enabled: false },
  // Plugins and options: src/markdown.config.ts, which the build script's MDX renderer reads too.
  markdown: markdownConfig(base),
  // browserMermaid: mermaid's own browser build under <base>vendor/mermaid/, never bundled by Vite.
  // mdxAhead: under npm run build, Astro shares compiling MDX with the build script (src/lib/mdx-ahead.ts).
  integrations: [schemaCacheGuard(), mdx(mdxOptions), mdxAhead(mdxOptions), csp(), browserMermaid()],
  vite: {
    // Every .mdx file passes the content-safety rules before the MDX compiler sees it.
    plugins: [contentSafety(), tailwindcss(), withoutPreloadHelper()],
    // Scripts ship as files, never inlined: cached across pages and allowed by a strict CSP.
    build: {
      assetsInlineLimit: 0,
      rolldownOptions: {
        // Astro's MDX compiler marks every compiled page with a "use astro:head-inject" directive
        // for its own bundling; Rolldown warns once per page, with a code frame (about 100 per
        // build), drowning warnings that matter. Only Astro's own directives are silenced.
        onLog(level, log, handler) {
          if (log.code === 'MODULE_LEVEL_DIRECTIVE' && log.message.includes('"use astro:')) return;
          handler(level, log);
        },
      },
    },
  },
});
