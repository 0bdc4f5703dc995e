/**
 * Theme color tokens: which `--color-*` variables the site's styles use, and whether a compiled
 * stylesheet defines each of them for the light theme (`:root`) and the dark theme
 * (`[data-theme='dark']`). Tailwind 4 drops `@theme` variables that no utility class uses, which
 * once left the light theme without six of them (callouts and GOOD/BAD boxes lost their
 * backgrounds); src/styles/global.css declares the palette with `@theme static` so that cannot
 * happen, and the tests run this check on the compiled CSS so it cannot come back.
 */

/** Every `var(--color-…)` a piece of source text reads. */
export function usedColorTokens(source: string): Set<string> {
  return new Set([...source.matchAll(/var\(\s*(--color-[a-z0-9-]+)/g)].map((m) => m[1]!));
}

export interface ThemeDefinitions {
  /** Tokens defined on `:root` (the light theme, and the default). */
  light: Set<string>;
  /** Tokens defined on `[data-theme='dark']`. */
  dark: Set<string>;
}

const LIGHT_SELECTOR = /^(:root|html)$/;
const DARK_SELECTOR = /^\[data-theme=['"]?dark['"]?\]$/;

/**
 * The color tokens a stylesheet defines per theme, read from rule blocks at any depth (inside
 * `@layer`, for instance). A rule counts for a theme when one of its selectors is exactly that
 * theme's root. Rules for paper only (`@media print`) do not count: the screen never sees them.
 */
export function definedColorTokens(css: string): ThemeDefinitions {
  const result: ThemeDefinitions = { light: new Set(), dark: new Set() };
  const text = css.replace(/\/\*[\s\S]*?\*\//g, '');
  const stack: string[] = [];
  let start = 0;
  // Stryker disable next-line EqualityOperator: text[text.length] is undefined, which no branch handles.
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '{') {
      stack.push(text.slice(start, i).trim());
      start = i + 1;
    } else if (char === '}') {
      // Stryker disable next-line StringLiteral: a stray "}" has no selector; any text that is not a theme root reads the same.
      const selector = stack.pop() ?? '';
      const body = text.slice(start, i);
      start = i + 1;
      const selectors = selector.split(',').map((s) => s.trim());
      const printOnly = stack.some((prelude) => /^@media\s+print\b/.test(prelude));
      const targets = printOnly
        ? []
        : [
            ...(selectors.some((s) => LIGHT_SELECTOR.test(s)) ? [result.light] : []),
            ...(selectors.some((s) => DARK_SELECTOR.test(s)) ? [result.dark] : []),
          ];
      for (const match of body.matchAll(/(--color-[a-z0-9-]+)\s*:/g)) for (const set of targets) set.add(match[1]!);
    } else if (char === ';' && stack.length === 0) {
      start = i + 1;
    }
  }
  return result;
}

/**
 * One line per token the styles use but the compiled CSS does not define for a theme, naming the
 * token, the theme and the fix. Empty when every used token is defined for both themes.
 */
export function missingThemeTokens(css: string, used: Iterable<string>): string[] {
  const defined = definedColorTokens(css);
  const problems: string[] = [];
  for (const token of [...new Set(used)].sort()) {
    for (const theme of ['light', 'dark'] as const) {
      if (!defined[theme].has(token)) {
        problems.push(
          `${token} is used but not defined for the ${theme} theme in the compiled CSS. Fix: declare it in src/styles/global.css ` +
            `(the @theme static block for light, the [data-theme='dark'] block for dark).`,
        );
      }
    }
  }
  return problems;
}
