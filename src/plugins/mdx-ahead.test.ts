/**
 * Astro's half of compiling MDX on both cores: the wrapped transform of Astro's MDX plugin takes
 * what the build script compiled, compiles the rest as before, and is wrapped only once however
 * many times Astro resolves its config. (scripts/lib/mdx-renderer.test.ts proves the build
 * script's compilation is the one Astro's plugin makes.)
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AstroIntegration } from 'astro';
import type { Plugin } from 'vite';
import { describe, expect, it } from 'vitest';
import mdxAhead, { MDX_PLUGIN_NAME, wrapMdxTransform } from './mdx-ahead.ts';
import { AHEAD_VARIABLE, AheadFolder, aheadKey } from '../lib/mdx-ahead.ts';

type Handler = (this: unknown, code: string, id: string) => Promise<unknown>;

const PAGE = '/project/content/guides/loop/index.mdx';

/** A stand-in for @astrojs/mdx's plugin: its transform records what it compiled itself. */
function mdxPlugin() {
  const compiledHere: string[] = [];
  const plugin = {
    name: MDX_PLUGIN_NAME,
    transform: {
      filter: { id: /\.mdx$/ },
      handler(this: unknown, code: string, id: string) {
        compiledHere.push(id);
        return Promise.resolve({ code: `compiled here: ${code}`, map: null, meta: { astro: {}, vite: { lang: 'ts' } }, context: this });
      },
    },
  } as unknown as Plugin;
  const handler = () => (plugin.transform as unknown as { handler: Handler }).handler;
  return { plugin, compiledHere, handler };
}

const folder = () => new AheadFolder(mkdtempSync(path.join(tmpdir(), 'mdx-ahead-plugin-')));

/** A shared folder, and a stand-in MDX plugin whose transform is wrapped with the fingerprint "f". */
function wrapped() {
  const shared = folder();
  const mdx = mdxPlugin();
  wrapMdxTransform(
    [mdx.plugin],
    shared,
    () => 'f',
    () => false,
  );
  return { shared, mdx };
}

describe("the wrapped transform of Astro's MDX plugin", () => {
  it('takes what the build script compiled, in the shape the MDX plugin returns', async () => {
    const { shared, mdx } = wrapped();
    shared.store(aheadKey('f', PAGE, '# Loop'), { code: 'export default 1;', map: null, astroMetadata: { propagation: 'none' } });
    await expect(mdx.handler().call({}, '# Loop', PAGE)).resolves.toEqual({
      code: 'export default 1;',
      map: null,
      meta: { astro: { propagation: 'none' }, vite: { lang: 'ts' } },
    });
    expect(mdx.compiledHere).toEqual([]);
  });

  it('compiles a file nobody compiled itself, with the same context, and claims it', async () => {
    const { shared, mdx } = wrapped();
    const context = { vite: 'plugin context' };
    await expect(mdx.handler().call(context, '# Loop', PAGE)).resolves.toMatchObject({ code: 'compiled here: # Loop', context });
    expect(mdx.compiledHere).toEqual([PAGE]);
    expect(shared.claim(aheadKey('f', PAGE, '# Loop'))).toBe(false);
  });

  it('never takes a compilation of other bytes or other settings', async () => {
    const { shared, mdx } = wrapped();
    shared.store(aheadKey('f', PAGE, '# Loop, as checked'), { code: 'stale', map: null, astroMetadata: {} });
    shared.store(aheadKey('other settings', PAGE, '# Loop'), { code: 'other', map: null, astroMetadata: {} });
    await expect(mdx.handler().call({}, '# Loop', PAGE)).resolves.toMatchObject({ code: 'compiled here: # Loop' });
  });

  it('takes the page under a query Astro adds, and leaves a module that is not .mdx to the plugin', async () => {
    const { shared, mdx } = wrapped();
    shared.store(aheadKey('f', PAGE, '# Loop'), { code: 'export default 1;', map: null, astroMetadata: {} });
    await expect(mdx.handler().call({}, '# Loop', `${PAGE}?astroPropagatedAssets`)).resolves.toMatchObject({ code: 'export default 1;' });
    await expect(mdx.handler().call({}, '# Loop', '/project/src/page.md')).resolves.toMatchObject({ code: 'compiled here: # Loop' });
  });

  it('is wrapped once however many times the config is resolved (else a file would wait for its own claim)', async () => {
    const { shared, mdx } = wrapped();
    const once = mdx.handler();
    wrapMdxTransform(
      [mdx.plugin],
      shared,
      () => 'f',
      () => false,
    );
    expect(mdx.handler()).toBe(once);
    await expect(mdx.handler().call({}, '# Loop', PAGE)).resolves.toMatchObject({ code: 'compiled here: # Loop' });
  });

  it('fails loudly when the MDX plugin is missing or has no transform handler', () => {
    const shared = folder();
    const message = `The MDX compiler plugin "${MDX_PLUGIN_NAME}" has no transform handler`;
    expect(() =>
      wrapMdxTransform(
        [],
        shared,
        () => 'f',
        () => false,
      ),
    ).toThrow(message);
    const bare = { name: MDX_PLUGIN_NAME, transform: () => null } as unknown as Plugin;
    expect(() =>
      wrapMdxTransform(
        [bare],
        shared,
        () => 'f',
        () => false,
      ),
    ).toThrow(message);
  });
});

describe('the mdxAhead integration', () => {
  type Setup = NonNullable<AstroIntegration['hooks']['astro:config:setup']>;
  const added = (integration: AstroIntegration) => {
    const updates: unknown[] = [];
    const setup = integration.hooks['astro:config:setup'] as unknown as (params: Partial<Parameters<Setup>[0]>) => void;
    setup({ updateConfig: (update: unknown) => (updates.push(update), {}) as never });
    return updates;
  };

  it('adds nothing outside npm run build (no shared folder)', () => {
    expect(added(mdxAhead({}, {}))).toEqual([]);
  });

  it('adds a build-only Vite plugin when npm run build gives it a folder', () => {
    const updates = added(mdxAhead({ optimize: true }, { [AHEAD_VARIABLE]: folder().dir })) as { vite: { plugins: Plugin[] } }[];
    expect(updates).toHaveLength(1);
    expect(updates[0]!.vite.plugins.map((plugin) => [plugin.name, plugin.apply])).toEqual([['netflix-loop-guide:mdx-ahead', 'build']]);
  });
});
