/**
 * The theme tokens survive Tailwind's compilation: src/styles/global.css is compiled with the
 * site's own Tailwind version and no utility class in use (the worst case: a token only plain CSS
 * reads), and every `var(--color-…)` any stylesheet or component reads must come out defined for
 * both themes. A fixture with the old `@theme` block (without `static`) shows the check catches a
 * dropped token.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { compile } from 'tailwindcss';
import { describe, expect, it } from 'vitest';
import { definedColorTokens, missingThemeTokens, usedColorTokens } from './theme-tokens.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const require = createRequire(import.meta.url);

async function loadStylesheet(id: string, base: string) {
  const file = id === 'tailwindcss' ? require.resolve('tailwindcss/index.css') : path.resolve(base, id);
  return { path: file, base: path.dirname(file), content: readFileSync(file, 'utf8') };
}

/** Compiles a stylesheet as the build does, with no utility classes in use. */
async function compileCss(css: string): Promise<string> {
  const compiler = await compile(css, { base: path.join(ROOT, 'src/styles'), loadStylesheet });
  return compiler.build([]);
}

/** Every file under a folder whose name ends with one of the extensions (tests excluded). */
function filesUnder(dir: string, extensions: readonly string[]): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && extensions.some((ext) => d.name.endsWith(ext)) && !d.name.endsWith('.test.ts'))
    .map((d) => path.join(d.parentPath, d.name));
}

/** Every color token the site's styles, components and scripts read. */
function siteTokens(): Set<string> {
  const files = [
    ...filesUnder(path.join(ROOT, 'src'), ['.css', '.astro', '.ts']),
    ...filesUnder(path.join(ROOT, 'public/styles'), ['.css']),
  ];
  return new Set(files.flatMap((file) => [...usedColorTokens(readFileSync(file, 'utf8'))]));
}

describe('theme tokens', () => {
  it('finds the tokens the site uses, including those only plain CSS reads', () => {
    const used = siteTokens();
    for (const token of ['--color-note-bg', '--color-tip-bg', '--color-warn-bg', '--color-bad-bg', '--color-ink'])
      expect(used).toContain(token);
  });

  it('defines every used token for both themes after Tailwind compiles global.css', async () => {
    const css = await compileCss(readFileSync(path.join(ROOT, 'src/styles/global.css'), 'utf8'));
    expect(missingThemeTokens(css, siteTokens())).toEqual([]);
  });

  it('reports a token Tailwind dropped (the old non-static @theme block)', async () => {
    // Tailwind keeps a theme variable the same stylesheet reads, and drops one only another
    // stylesheet reads (here the component CSS, as callout.css was).
    const fixture = `@import 'tailwindcss' source(none);
@theme {
  --color-page: #fff;
  --color-note-bg: #eef4fd;
}
[data-theme='dark'] {
  --color-page: #111;
  --color-note-bg: #16213a;
}
html { background: var(--color-page); }`;
    const componentCss = '.callout { background: var(--color-note-bg); }';
    const css = await compileCss(fixture);
    const problems = missingThemeTokens(css, [...usedColorTokens(fixture), ...usedColorTokens(componentCss)]);
    expect(problems).toEqual([expect.stringMatching(/^--color-note-bg is used but not defined for the light theme/)]);
    // The same palette declared with `@theme static` (the fix) keeps it.
    const fixed = await compileCss(fixture.replace('@theme {', '@theme static {'));
    expect(missingThemeTokens(fixed, ['--color-page', '--color-note-bg'])).toEqual([]);
  });

  it('reads definitions per theme, in layers, and ignores print-only rules', () => {
    const defined = definedColorTokens(
      `@layer theme{:root,:host{--color-a:#fff}}[data-theme=dark]{--color-a:#000;--color-b:#111}@media print{:root{--color-b:#fff}}`,
    );
    expect([...defined.light]).toEqual(['--color-a']);
    expect([...defined.dark].sort()).toEqual(['--color-a', '--color-b']);
    expect(missingThemeTokens(`:root{--color-a:#fff}`, ['--color-a'])).toEqual([
      expect.stringMatching(/--color-a is used but not defined for the dark theme/),
    ]);
  });
});
