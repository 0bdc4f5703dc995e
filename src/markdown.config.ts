/**
 * How Markdown and MDX are compiled: the remark and rehype plugins, and @astrojs/mdx's options.
 * astro.config.mjs gives these to Astro; the build script's MDX renderer (scripts/lib/mdx-renderer.ts)
 * builds its own from this module alone, so it compiles exactly what Astro would without loading
 * Astro's config and everything it imports (Astro, Vite plugins, Tailwind: most of a second).
 * Both sides fingerprint the same settings (src/lib/mdx-ahead.ts); a test compares their output.
 */
import { unified } from '@astrojs/markdown-remark';
import remarkParsedAhead from './plugins/remark-parsed-ahead.ts';
import remarkDiagrams from './plugins/remark-diagrams.ts';
import remarkCitations from './plugins/remark-citations.ts';
import remarkEstimates from './plugins/remark-estimates.ts';
import remarkTypography from './plugins/remark-typography.ts';
import rehypeContent from './plugins/rehype-content.ts';

/** Astro's `markdown` settings for a site deployed under `base` (rehype-content prefixes links with it). */
export function markdownConfig(base: string) {
  return {
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
    syntaxHighlight: false as const,
  };
}

/**
 * @astrojs/mdx's options. `optimize` turns each static stretch of a page (everything but its
 * components) into one HTML string at compile time instead of a tree of JSX calls: the compiled
 * pages are a fraction of the size, so compiling, bundling and rendering them take less time.
 */
export const mdxOptions = { optimize: true };
