/**
 * The build script's MDX renderer: the one astro.config.mjs gives Astro (src/markdown.config.ts's
 * `markdown.processor`, made into an MDX renderer the way @astrojs/mdx makes it), for compiling MDX
 * beside `astro build` (src/lib/mdx-ahead.ts). It reads that module, not astro.config.mjs, which
 * would load Astro, its Vite plugins and Tailwind for nothing. Its fingerprint is worked out from
 * the same settings Astro's side reads from its resolved config, so if the two ever differ
 * (another base path, a plugin only one side has) Astro takes nothing and the build warns.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseFrontmatter } from '@astrojs/internal-helpers/frontmatter';
import { siteBase } from '../../src/lib/base.ts';
import {
  rendererFingerprint,
  rendererSettings,
  type FrontmatterParser,
  type MdxOptions,
  type MdxRenderer,
} from '../../src/lib/mdx-ahead.ts';

interface UnifiedProcessor {
  options: { gfm?: boolean; smartypants?: unknown };
  createMdxRenderer(
    shared: { syntaxHighlight: unknown; gfm?: boolean; smartypants?: unknown },
    mdx: { optimize: unknown; srcDir: URL; sourcemap: boolean },
  ): Promise<MdxRenderer>;
}

/** What src/markdown.config.ts exports. */
interface MarkdownModule {
  markdownConfig: (base: string) => { processor?: Partial<UnifiedProcessor>; syntaxHighlight?: unknown };
  mdxOptions?: MdxOptions;
}

/** Astro's source folder: its default, which astro.config.mjs keeps. */
const SRC_DIR = 'src';

/** Astro's MDX plugin's frontmatter split: the frontmatter becomes spaces, so the body keeps its lines and columns. */
export const astroFrontmatter: FrontmatterParser = (code) => {
  const { frontmatter, content } = parseFrontmatter(code, { frontmatter: 'empty-with-spaces' });
  return { frontmatter: frontmatter as Record<string, unknown>, content };
};

/**
 * The renderer of the project's Markdown settings (src/markdown.config.ts under `root`) and its
 * fingerprint; undefined when they give no unified processor with an MDX renderer (then Astro
 * compiles everything itself).
 */
export async function projectMdxRenderer(root = process.cwd()): Promise<{ renderer: MdxRenderer; fingerprint: string } | undefined> {
  const { markdownConfig, mdxOptions = {} } = (await import(
    pathToFileURL(path.join(root, SRC_DIR, 'markdown.config.ts')).href
  )) as MarkdownModule;
  const markdown = markdownConfig(siteBase());
  const processor = markdown.processor;
  if (!processor?.options || typeof processor.createMdxRenderer !== 'function') return undefined;
  const srcDir = path.resolve(root, SRC_DIR);
  // What @astrojs/mdx passes (vite-plugin-mdx.js resolveMdxRenderer): the MDX options it resolved
  // from the markdown config, its own `optimize` option and, in a build, no source maps.
  const renderer = await processor.createMdxRenderer(
    { syntaxHighlight: markdown.syntaxHighlight, gfm: processor.options.gfm, smartypants: processor.options.smartypants },
    { optimize: mdxOptions.optimize ?? false, srcDir: pathToFileURL(`${srcDir}${path.sep}`), sourcemap: false },
  );
  return { renderer, fingerprint: rendererFingerprint(rendererSettings({ markdown }, srcDir, mdxOptions)) };
}
