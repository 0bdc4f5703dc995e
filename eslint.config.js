// ESLint: typed TypeScript rules for src/, scripts/ and tests/, and the Astro plugin for .astro
// files. Run by `npm test` (through scripts/quality.test.ts) and `npm run lint`.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import astro from 'eslint-plugin-astro';
import globals from 'globals';
import { defineConfig } from 'eslint/config';

export default defineConfig(
  {
    ignores: [
      'dist/',
      'dist-*/',
      '.astro/',
      'node_modules/',
      'bench-results/',
      '**/__fixtures__/**',
      'public/',
      'coverage/',
      'reports/',
      '.stryker-tmp*/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  ...astro.configs.recommended,
  {
    languageOptions: {
      globals: { ...globals.browser, ...globals.node },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname, extraFileExtensions: ['.astro'] },
    },
    rules: {
      // Study data and imported files are never rendered as HTML: text only.
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Use textContent or DOM methods; imported data must never become HTML.' },
        { property: 'outerHTML', message: 'Use DOM methods instead.' },
        { property: 'insertAdjacentHTML', message: 'Use DOM methods instead.' },
      ],
      'no-restricted-globals': ['error', { name: 'eval', message: 'No eval: the CSP forbids it.' }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-floating-promises': 'error',
    },
  },
  {
    // Test doubles are often async without awaiting anything, to stand in for real async work.
    files: ['**/*.test.ts'],
    rules: { '@typescript-eslint/require-await': 'off' },
  },
  {
    // These files import .astro components, which typed linting cannot resolve (astro check
    // type-checks them instead).
    files: ['src/components/content/index.ts', 'src/components/content/prompt-components.ts', 'src/components/**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
    },
  },
  {
    // Scripts inside .astro files are checked without type information.
    files: ['**/*.astro', '**/*.astro/*.ts', '*.js', '*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
);
