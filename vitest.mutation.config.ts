/// <reference types="vitest/config" />
/**
 * The unit tests alone, for mutation testing (stryker.config.mjs): the same files and budgets as
 * the "unit" project of vitest.config.ts, without the browser tests (they need a built site and
 * exercise no code Stryker can instrument in this process).
 */
import { getViteConfig } from 'astro/config';

/**
 * Tests that run a folder's code on the whole content: in that folder's mutation run they would
 * cover (and be rerun for) nearly every mutant, for seconds to tens of seconds each, while the
 * folder's rule tests, on a few lines each, must be what catches its mutants. npm test, and the
 * mutation runs of other folders, still run them.
 */
const WHOLE_CONTENT_TESTS: Record<string, string[]> = {
  // Copies content/, runs `npm run new` in child processes and the whole content check twice;
  // and the safety rules on every content file (5 s, rerun for each safety mutant).
  // build()'s tests replace the content check with a mock (vi.mock of check-content/index.ts), so
  // they reach none of this folder's code and only lengthen its dry run.
  'check-content': ['scripts/new.test.ts', 'scripts/check-content/real-content.test.ts', 'scripts/build-steps.test.ts'],
  // The same two, and build() with a real Astro build (tens of seconds): src/lib's estimate and
  // diagram mutants are covered by them all, which made a run of src/lib/estimate hours long.
  // scripts/lib/mdx-renderer.test.ts compiles real pages twice (estimates, diagrams, citations).
  'src-lib': [
    'scripts/new.test.ts',
    'scripts/check-content/real-content.test.ts',
    'scripts/build-steps.test.ts',
    'scripts/lib/mdx-renderer.test.ts',
  ],
};

export default getViteConfig({
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
    exclude: [
      // `npm run build` end to end, and the content-safety plugin in a real `astro build`: every
      // step runs in child processes, which no mutant reaches, so they can kill none and only add
      // minutes to each dry run. build-steps.test.ts tests build() in this process, and
      // red-team.test.ts the plugin.
      'scripts/build.test.ts',
      'src/plugins/content-safety.test.ts',
      ...(WHOLE_CONTENT_TESTS[process.env.MUTATION_TARGET ?? ''] ?? []),
      '**/node_modules/**',
    ],
    testTimeout: 600_000,
    hookTimeout: 900_000,
  },
});
