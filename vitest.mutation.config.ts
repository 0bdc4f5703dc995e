/// <reference types="vitest/config" />
/**
 * The unit tests alone, for mutation testing (stryker.config.mjs): the same files and budgets as
 * the "unit" project of vitest.config.ts, without the browser tests (they need a built site and
 * exercise no code Stryker can instrument in this process).
 */
import { getViteConfig } from 'astro/config';

export default getViteConfig({
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
    // `npm run build` end to end: every step runs in child processes, which no mutant reaches, so
    // it can kill none and only adds minutes to each dry run. build-steps.test.ts tests build()
    // in this process.
    exclude: ['scripts/build.test.ts', '**/node_modules/**'],
    testTimeout: 600_000,
    hookTimeout: 900_000,
  },
});
