/**
 * The build script compiles MDX beside Astro (src/lib/mdx-ahead.ts), and Astro takes what it
 * compiled instead of compiling the file itself. That is only sound if the two compilations are
 * the same: here real content files go through the build script's renderer and through
 * @astrojs/mdx's own Vite plugin, set up from the same astro.config.mjs as Astro sets it up, and
 * the results must match exactly.
 */
import { globSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import mdx from '@astrojs/mdx';
import type { AstroIntegration } from 'astro';
import type { Plugin } from 'vite';
import { describe, expect, it } from 'vitest';
import { astroFrontmatter, projectMdxRenderer } from './mdx-renderer.ts';
import { rendererFingerprint, rendererSettings } from '../../src/lib/mdx-ahead.ts';
import { offerParsedTree, pendingParsedTrees } from '../../src/lib/parsed-ahead.ts';
import { parseMdx, splitFrontMatter } from '../check-content/rules/mdx-source.ts';

/** Pages with diagrams, estimates, citations and components, between them. */
const PAGES = ['content/prompts/ads-system.mdx', 'content/guides/system-design/estimation.mdx', 'content/stack/evcache.mdx'];

/** @astrojs/mdx's Vite plugin, set up the way Astro sets it up for this project's config. */
async function astrosMdxPlugin(config: { markdown: unknown; srcDir: URL }, options: Parameters<typeof mdx>[0]): Promise<Plugin> {
  const integration: AstroIntegration = mdx(options);
  const plugins: Plugin[] = [];
  const setup = integration.hooks['astro:config:setup'] as unknown as (params: Record<string, unknown>) => Promise<void>;
  await setup({
    config,
    updateConfig: (update: { vite: { plugins: Plugin[] } }) => plugins.push(...update.vite.plugins),
    addPageExtension: () => {},
    addContentEntryType: () => {},
    addRenderer: () => {},
  });
  const done = integration.hooks['astro:config:done'] as unknown as (params: Record<string, unknown>) => Promise<void>;
  await done({ config, logger: { warn: () => {}, info: () => {} } });
  const plugin = plugins.find((candidate) => candidate.name === '@mdx-js/rolldown')!;
  (plugin.configResolved as unknown as (resolved: unknown) => void)({ build: { sourcemap: false }, plugins: [] });
  return plugin;
}

describe("the build script's MDX renderer", () => {
  it('compiles real pages exactly as Astro’s MDX plugin does', async () => {
    const project = await projectMdxRenderer();
    expect(project).toBeDefined();
    const { default: config, mdxOptions } = (await import(pathToFileURL(path.resolve('astro.config.mjs')).href)) as {
      default: { markdown: unknown };
      mdxOptions: { optimize: boolean };
    };
    // The project compiles with @astrojs/mdx's optimize option: what the build script must match.
    expect(mdxOptions).toEqual({ optimize: true });
    const srcDir = pathToFileURL(`${path.resolve('src')}${path.sep}`);
    const plugin = await astrosMdxPlugin({ markdown: config.markdown, srcDir }, mdxOptions);
    const transform = (
      plugin.transform as unknown as { handler: (code: string, id: string) => Promise<{ code: string; meta: { astro: unknown } }> }
    ).handler;
    for (const page of PAGES) {
      const file = path.resolve(page);
      const source = readFileSync(file, 'utf8');
      const { frontmatter, content } = astroFrontmatter(source);
      const ours = await project!.renderer.process(content, file, frontmatter);
      const astros = await transform(source, file);
      expect(ours.code, page).toBe(astros.code);
      expect(ours.astroMetadata, page).toEqual(astros.meta.astro);
    }
    // Both sides fingerprint the same settings (Astro's side reads them from its resolved config).
    expect(project!.fingerprint).toBe(rendererFingerprint(rendererSettings(config as never, path.resolve('src'), mdxOptions)));
    expect(project!.fingerprint).not.toBe(rendererFingerprint(rendererSettings(config as never, path.resolve('src'), { optimize: false })));
  });

  it('blanks the frontmatter with spaces, so positions in the body keep their line and column', () => {
    const lines = ['---', 'title: Loop', 'level: senior', '---'];
    expect(astroFrontmatter(`${lines.join('\n')}\n# Loop\n`)).toEqual({
      frontmatter: { title: 'Loop', level: 'senior' },
      content: `${lines.map((line) => ' '.repeat(line.length)).join('\n')}\n# Loop\n`,
    });
  });

  it('reads every content page’s body as the content check does, so each compile can take the tree the check parsed', () => {
    const pages = globSync('content/**/*.mdx');
    expect(pages.length).toBeGreaterThan(50);
    for (const page of pages) {
      const source = readFileSync(page, 'utf8');
      expect(astroFrontmatter(source).content, page).toBe(splitFrontMatter(source).content);
    }
  });

  it('compiles a page from the tree the content check parsed exactly as from its text', async () => {
    const project = (await projectMdxRenderer())!;
    for (const page of PAGES) {
      const file = path.resolve(page);
      const { frontmatter, content } = astroFrontmatter(readFileSync(file, 'utf8'));
      const parsed = await project.renderer.process(content, file, frontmatter);
      offerParsedTree(file, content, parseMdx(content).tree!);
      const reused = await project.renderer.process(content, file, frontmatter);
      // The compiler took the offer (nothing is left waiting) and wrote the same module.
      expect(pendingParsedTrees(), page).toBe(0);
      expect(reused.code, page).toBe(parsed.code);
      expect(reused.astroMetadata, page).toEqual(parsed.astroMetadata);
    }
  });

  it('really compiles the offered tree: a tree of another text gives that text’s page', async () => {
    const project = (await projectMdxRenderer())!;
    const file = path.resolve('content/guides/offered.mdx');
    offerParsedTree(file, '# Written\n', parseMdx('# Offered\n').tree!);
    const compiled = await project.renderer.process('# Written\n', file, {});
    expect(compiled.code).toContain('Offered');
    expect(compiled.code).not.toContain('Written');
  });
});
