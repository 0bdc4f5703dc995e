/**
 * The theme-token check on hand-written CSS: spacing inside var(), comments (with braces and
 * token-like text in them), grouped selectors, print rules written with extra spaces, and the
 * problem list a contributor reads (sorted, each with its fix).
 */
import { describe, expect, it } from 'vitest';
import { definedColorTokens, missingThemeTokens, usedColorTokens } from './theme-tokens.ts';

describe('reading tokens from CSS as people write it', () => {
  it('finds a token read with a space after "var("', () => {
    expect([...usedColorTokens('color: var( --color-ink); background: var(--color-page, #fff);')]).toEqual(['--color-ink', '--color-page']);
  });

  it('ignores comments, even ones holding declarations, braces or sitting between a selector and its block', () => {
    const defined = definedColorTokens(
      `:root/* light */ { --color-a: #fff; /* old: --color-gone: red; */ }\n/* [data-theme='dark'] { --color-b: #000 } */[data-theme='dark'] { --color-a: #000; }`,
    );
    expect([...defined.light]).toEqual(['--color-a']);
    expect([...defined.dark]).toEqual(['--color-a']);
  });

  it('counts a rule for both themes when its selector list names both, spaced or not', () => {
    const defined = definedColorTokens(`:root, [data-theme='dark'] { --color-a: #fff; }\nhtml,[data-theme="dark"]{--color-b:#000}`);
    expect([...defined.light].sort()).toEqual(['--color-a', '--color-b']);
    expect([...defined.dark].sort()).toEqual(['--color-a', '--color-b']);
  });

  it('reads each block under its own selector, after earlier rules and at-rules', () => {
    const defined = definedColorTokens(`@import 'x.css'; .card { color: red; } :root { --color-a: #fff; } body { --color-b: red; }`);
    expect([...defined.light]).toEqual(['--color-a']);
    expect([...defined.dark]).toEqual([]);
    expect([...definedColorTokens(`@charset "utf-8"; :root { --color-z: #fff; }`).light]).toEqual(['--color-z']);
  });

  it('leaves out print rules however the media query is spaced', () => {
    const defined = definedColorTokens(`@media   print { :root { --color-paper: #fff; } } @media screen { :root { --color-a: #fff; } }`);
    expect([...defined.light]).toEqual(['--color-a']);
  });
});

describe('the problems a contributor reads', () => {
  it('lists each missing token once per theme, sorted, with the file and the block to fix', () => {
    expect(missingThemeTokens(`:root { --color-b: #fff; }`, ['--color-b', '--color-a', '--color-a'])).toEqual([
      "--color-a is used but not defined for the light theme in the compiled CSS. Fix: declare it in src/styles/global.css (the @theme static block for light, the [data-theme='dark'] block for dark).",
      "--color-a is used but not defined for the dark theme in the compiled CSS. Fix: declare it in src/styles/global.css (the @theme static block for light, the [data-theme='dark'] block for dark).",
      "--color-b is used but not defined for the dark theme in the compiled CSS. Fix: declare it in src/styles/global.css (the @theme static block for light, the [data-theme='dark'] block for dark).",
    ]);
  });
});
