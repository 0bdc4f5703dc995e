/**
 * Astro's half of compiling MDX on both cores (src/lib/mdx-ahead.ts). Under `npm run build`
 * (MDX_AHEAD_DIR set) it wraps the transform of Astro's MDX plugin: a file the build script has
 * compiled is taken from the shared folder, one it is compiling is waited for, any other is
 * compiled here as before. Without the variable (`astro dev`, a plain `astro build`, the fixture
 * builds) it changes nothing.
 *
 * It wraps the MDX plugin rather than adding a transform of its own because a transform can only
 * pass code on: the MDX plugin would compile the compiled module again. The content-safety
 * transform (content-safety.ts) still runs first on every file.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { Plugin } from 'vite';
import { AHEAD_VARIABLE, AheadFolder, aheadKey, rendererFingerprint, rendererSettings, take, type MdxOptions } from '../lib/mdx-ahead.ts';
import { parentGone } from '../lib/content-verdict.ts';

/** The name of the Vite plugin @astrojs/mdx adds, whose transform compiles .mdx files. */
export const MDX_PLUGIN_NAME = '@mdx-js/rolldown';

type TransformHandler = (this: unknown, code: string, id: string) => Promise<unknown>;

/** The handlers this module made. */
const wrapped = new WeakSet<object>();

/**
 * Wraps the MDX plugin's transform so it takes compilations from the folder. Throws if the plugin
 * is missing or its transform has changed shape (an @astrojs/mdx update): better a clear failure
 * than a build that silently compiles everything twice.
 */
export function wrapMdxTransform(
  plugins: readonly Plugin[],
  folder: AheadFolder,
  fingerprint: () => string,
  abandoned: () => boolean,
): void {
  const mdx = plugins.find((plugin) => plugin.name === MDX_PLUGIN_NAME);
  const transform = mdx?.transform;
  if (!transform || typeof transform !== 'object' || typeof transform.handler !== 'function') {
    throw new Error(
      `The MDX compiler plugin "${MDX_PLUGIN_NAME}" has no transform handler to share its work (has @astrojs/mdx changed?). Update src/plugins/mdx-ahead.ts, or build with plain astro build.`,
    );
  }
  // Astro resolves its Vite config more than once (for each build environment) with the same
  // plugin objects: wrapping the wrapper would make a file wait for its own claim.
  if (wrapped.has(transform.handler)) return;
  const compile = transform.handler as TransformHandler;
  transform.handler = async function (this: unknown, code: string, id: string) {
    const file = id.split('?')[0]!;
    const compiled = file.endsWith('.mdx') ? await take(folder, aheadKey(fingerprint(), file, code), { abandoned }) : undefined;
    if (!compiled) return compile.call(this, code, id);
    // The MDX plugin's own result for the same compilation (@astrojs/mdx vite-plugin-mdx.js).
    return { code: compiled.code, map: compiled.map, meta: { astro: compiled.astroMetadata, vite: { lang: 'ts' } } };
  } as typeof transform.handler;
  wrapped.add(transform.handler);
}

/** `mdx`: the options given to @astrojs/mdx in astro.config.mjs (they change what it compiles). */
export default function mdxAhead(mdx: MdxOptions = {}, env: NodeJS.ProcessEnv = process.env): AstroIntegration {
  const dir = env[AHEAD_VARIABLE];
  let fingerprint: string | undefined;
  const parent = process.ppid;
  return {
    name: 'netflix-loop-guide:mdx-ahead',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        if (!dir) return;
        const folder = new AheadFolder(dir);
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'netflix-loop-guide:mdx-ahead',
                apply: 'build',
                configResolved(resolved) {
                  wrapMdxTransform(
                    resolved.plugins,
                    folder,
                    () => {
                      if (!fingerprint) throw new Error('The MDX renderer settings were not read (astro:config:done did not run).');
                      return fingerprint;
                    },
                    () => parentGone(parent),
                  );
                },
              },
            ],
          },
        });
      },
      'astro:config:done': ({ config }) => {
        fingerprint = rendererFingerprint(rendererSettings(config, fileURLToPath(config.srcDir), mdx));
      },
    },
  };
}
