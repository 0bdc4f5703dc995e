// @ts-check
/**
 * Mutation testing (StrykerJS with its Vitest runner). Run it through `npm run test:mutation`
 * (scripts/mutation.ts), which tests one folder at a time: it sets MUTATION_TARGET to the folder's
 * key and MUTATION_MUTATE to the files to mutate, and this config gives each folder its own
 * report and its own incremental file, so a re-run only tests mutants whose code or tests changed.
 */
const target = process.env.MUTATION_TARGET ?? 'all';
// The build's diagram caches stay off (src/lib/build-cache.ts): sandboxes share node_modules with
// the project, and a mutant's drawing must never be stored for the real build or a later mutant.
process.env.BUILD_CACHE = 'off';
const mutate = (process.env.MUTATION_MUTATE ?? 'src/lib/**/*.ts').split(',');

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  // The unit tests only (vitest.mutation.config.ts): the browser tests need a built site.
  vitest: { configFile: 'vitest.mutation.config.ts', related: true },
  plugins: ['@stryker-mutator/vitest-runner'],
  // Stryker would otherwise put "// @ts-nocheck" atop every .ts, .js and .html file it copies,
  // inline <script> bodies of HTML fixtures included (check-dist's poisoned pages then report
  // "// @ts-nocheck alert(1)"). Vitest strips types without checking them, so nothing needs it.
  disableTypeChecks: false,
  coverageAnalysis: 'perTest',
  // Mutants in code that runs when a module loads (constants, the CLI entry blocks) would each
  // need every related test file, fixture-site builds included, for hours in all; they are
  // reported as ignored rather than tested.
  ignoreStatic: true,
  // Test helpers (test-helpers.ts) are test code: no mutants.
  mutate: [...mutate, '!**/*.test.ts', '!**/test-helpers.ts', '!**/__fixtures__/**', '!**/*.d.ts'],
  // The machine running it is often shared; npm run test:mutation passes MUTATION_CONCURRENCY.
  concurrency: Number(process.env.MUTATION_CONCURRENCY ?? 2),
  incremental: true,
  incrementalFile: `.cache/stryker/${target}.incremental.json`,
  reporters: ['json', 'html', 'progress'],
  jsonReporter: { fileName: `reports/mutation/${target}.json` },
  htmlReporter: { fileName: `reports/mutation/${target}.html` },
  thresholds: { high: 80, low: 60, break: null },
  // Fixture-site builds take tens of seconds on a busy machine. check-content's tests build no
  // site, and each mutant that loops forever (a decoding loop whose counter never grows) would
  // cost a minute; build.ts's tests (build-steps.test.ts) stand in for every tool and take about a
  // second, while a mutant that breaks its hand-over to Astro waits until the timeout.
  timeoutMS: target === 'check-content' || target === 'build' ? 15_000 : 60_000,
  timeoutFactor: 2,
  // The sandbox copies the project; built sites, caches and reports stay out of it.
  ignorePatterns: [
    // Another folder's sandbox, when two folders are tested at once.
    '/.stryker-tmp-*',
    'dist',
    'dist-*',
    '.astro',
    'bench-results',
    'coverage',
    'reports',
    '.cache',
    '**/__fixtures__/**/dist',
    '**/__fixtures__/**/.astro',
    '**/__fixtures__/**/.astro-cache',
  ],
  // One sandbox per folder, so two folders can be tested at once.
  tempDirName: `.stryker-tmp-${target}`,
  cleanTempDir: 'always',
};
