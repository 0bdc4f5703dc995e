/**
 * The build script compiles MDX beside Astro (src/lib/mdx-ahead.ts), and Astro takes what it
 * compiled instead of compiling the file itself. That is only sound if the two compilations are
 * the same: here real content files go through the build script's renderer and through
 * @astrojs/mdx's own Vite plugin, set up from the same astro.config.mjs as Astro sets it up, and
 * the results must match exactly.
 */
import { globSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import mdx from '@astrojs/mdx';
import type { AstroIntegration } from 'astro';
import type { Plugin } from 'vite';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { astroFrontmatter, projectMdxRenderer } from './mdx-renderer.ts';
import { AHEAD_VARIABLE, AheadFolder, rendererFingerprint, rendererSettings } from '../../src/lib/mdx-ahead.ts';
import { offerParsedTree, pendingParsedTrees } from '../../src/lib/parsed-ahead.ts';
import { parseMdx, splitFrontMatter } from '../check-content/rules/mdx-source.ts';

/** Pages with diagrams, estimates, citations, components and MDX comments, between them. */
const PAGES = [
  'content/prompts/ads-system.mdx',
  'content/guides/system-design/estimation.mdx',
  'content/stack/evcache.mdx',
  'content/prompts/content-search.mdx',
];

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

  describe('in astro build, from the tree the build script stored in the shared folder', () => {
    const folders: string[] = [];
    afterEach(() => {
      vi.unstubAllEnvs();
      for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
    });
    /** A renderer made as Astro's process makes it under npm run build: MDX_AHEAD_DIR names the folder. */
    const astroSideRenderer = async () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'mdx-ahead-trees-'));
      folders.push(dir);
      vi.stubEnv(AHEAD_VARIABLE, dir);
      return { folder: new AheadFolder(dir), renderer: (await projectMdxRenderer())!.renderer };
    };

    it('compiles a page exactly as from its text', async () => {
      const plain = (await projectMdxRenderer())!.renderer;
      const { folder, renderer } = await astroSideRenderer();
      for (const page of PAGES) {
        const file = path.resolve(page);
        const { frontmatter, content } = astroFrontmatter(readFileSync(file, 'utf8'));
        folder.storeTree(file, content, parseMdx(content).tree!);
        const reused = await renderer.process(content, file, frontmatter);
        const parsed = await plain.process(content, file, frontmatter);
        expect(reused.code, page).toBe(parsed.code);
        expect(reused.astroMetadata, page).toEqual(parsed.astroMetadata);
      }
    });

    it('really compiles the stored tree: a tree stored for this text gives its own page', async () => {
      const { folder, renderer } = await astroSideRenderer();
      const file = path.resolve('content/guides/stored.mdx');
      folder.storeTree(file, '# Written\n', parseMdx('# Stored\n').tree!);
      const compiled = await renderer.process('# Written\n', file, {});
      expect(compiled.code).toContain('Stored');
      expect(compiled.code).not.toContain('Written');
      // Another text of the same file is parsed as written.
      expect((await renderer.process('# Other\n', file, {})).code).toContain('Other');
    });
  });

  it('stores every content page’s checked tree whole: it holds only values JSON keeps', () => {
    /** Where a value JSON would drop or change sits (undefined, a function, a RegExp, NaN...), else undefined. */
    const notJson = (value: unknown, at: string): string | undefined => {
      if (value === null || typeof value === 'string' || typeof value === 'boolean') return undefined;
      if (typeof value === 'number') return Number.isFinite(value) ? undefined : at;
      if (Array.isArray(value)) return value.map((item, i) => notJson(item, `${at}[${i}]`)).find(Boolean);
      // Plain objects, and acorn's Node objects (an MDX comment's syntax tree): their own fields are all there is.
      const prototype =
        value && typeof value === 'object' ? (Object.getPrototypeOf(value) as { constructor?: { name: string } } | null) : undefined;
      if (prototype !== Object.prototype && prototype?.constructor?.name !== 'Node') return at;
      return Object.entries(value as object)
        .map(([key, item]) => notJson(item, `${at}.${key}`))
        .find(Boolean);
    };
    const pages = globSync('content/**/*.mdx');
    for (const page of pages) {
      const tree = parseMdx(splitFrontMatter(readFileSync(page, 'utf8')).content).tree!;
      expect(notJson(tree, 'tree'), page).toBeUndefined();
    }
    // The walk finds what JSON would lose.
    expect(notJson({ children: [{ value: undefined }] }, 'tree')).toBe('tree.children[0].value');
    expect(notJson({ data: { regex: /x/ } }, 'tree')).toBe('tree.data.regex');
  });
});
