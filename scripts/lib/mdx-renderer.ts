/**
 * The build script's MDX renderer: the one astro.config.mjs gives Astro (its `markdown.processor`,
 * made into an MDX renderer the way @astrojs/mdx makes it), for compiling MDX beside `astro build`
 * (src/lib/mdx-ahead.ts). Its fingerprint is worked out from the same settings Astro's side reads,
 * so if the two ever differ (another base path, a plugin only one side has) Astro takes nothing.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseFrontmatter } from '@astrojs/internal-helpers/frontmatter';
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

interface ProjectConfig {
  srcDir?: string;
  markdown?: { processor?: Partial<UnifiedProcessor>; syntaxHighlight?: unknown };
}

/** Astro's MDX plugin's frontmatter split: the frontmatter becomes spaces, so the body keeps its lines and columns. */
export const astroFrontmatter: FrontmatterParser = (code) => {
  const { frontmatter, content } = parseFrontmatter(code, { frontmatter: 'empty-with-spaces' });
  return { frontmatter: frontmatter as Record<string, unknown>, content };
};

/**
 * The renderer of the project's config and its fingerprint; undefined when the config has no
 * unified processor with an MDX renderer (then Astro compiles everything itself).
 */
export async function projectMdxRenderer(root = process.cwd()): Promise<{ renderer: MdxRenderer; fingerprint: string } | undefined> {
  const { default: config, mdxOptions = {} } = (await import(pathToFileURL(path.join(root, 'astro.config.mjs')).href)) as {
    default: ProjectConfig;
    mdxOptions?: MdxOptions;
  };
  const processor = config.markdown?.processor;
  if (!processor?.options || typeof processor.createMdxRenderer !== 'function') return undefined;
  const srcDir = path.resolve(root, config.srcDir ?? 'src');
  // What @astrojs/mdx passes (vite-plugin-mdx.js resolveMdxRenderer): the MDX options it resolved
  // from the markdown config, its own `optimize` option and, in a build, no source maps.
  const renderer = await processor.createMdxRenderer(
    { syntaxHighlight: config.markdown?.syntaxHighlight, gfm: processor.options.gfm, smartypants: processor.options.smartypants },
    { optimize: mdxOptions.optimize ?? false, srcDir: pathToFileURL(`${srcDir}${path.sep}`), sourcemap: false },
  );
  return { renderer, fingerprint: rendererFingerprint(rendererSettings(config, srcDir, mdxOptions)) };
}
