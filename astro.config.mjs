// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import tailwindcss from '@tailwindcss/vite';
import remarkParsedAhead from './src/plugins/remark-parsed-ahead.ts';
import remarkDiagrams from './src/plugins/remark-diagrams.ts';
import remarkCitations from './src/plugins/remark-citations.ts';
import remarkEstimates from './src/plugins/remark-estimates.ts';
import remarkTypography from './src/plugins/remark-typography.ts';
import rehypeContent from './src/plugins/rehype-content.ts';
import { siteBase } from './src/lib/base.ts';
import schemaCacheGuard from './src/plugins/schema-cache-guard.ts';
import csp from './src/plugins/csp.ts';
import contentSafety from './src/plugins/content-safety.ts';
import browserMermaid from './src/plugins/browser-mermaid.ts';
import mdxAhead from './src/plugins/mdx-ahead.ts';

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

/**
 * @astrojs/mdx's options, exported so the build script compiles MDX beside Astro with the same
 * (scripts/lib/mdx-renderer.ts). `optimize` turns each static stretch of a page (everything but its
 * components) into one HTML string at compile time instead of a tree of JSX calls: the compiled
 * pages are a fraction of the size, so compiling, bundling and rendering them take less time.
 */
export const mdxOptions = { optimize: true };

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
  build: { format: 'directory', inlineStylesheets: 'never' },
  // No prefetching, no view transitions: pages are small and must work without script.
  prefetch: false,
  devToolbar: { enabled: false },
  markdown: {
    processor: unified({
      // remarkParsedAhead first: under npm run build, the build script's own compiles reuse the
      // tree its content check parsed from the same text (src/lib/parsed-ahead.ts).
      remarkPlugins: [remarkParsedAhead, remarkDiagrams, remarkEstimates, remarkCitations, remarkTypography],
      rehypePlugins: [[rehypeContent, { base }]],
      // Curly quotes and dashes come from remarkTypography: the same output as SmartyPants on this
      // content at a fraction of the cost (see src/plugins/remark-typography.ts).
      smartypants: false,
      gfm: true,
    }),
    syntaxHighlight: false,
  },
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
