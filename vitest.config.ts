/// <reference types="vitest/config" />
/**
 * Two test projects:
 * - unit: pure logic in src/lib, the schemas, components rendered with the Astro container API,
 *   and every checker against fixture input (some fixtures are real builds of small sites);
 * - e2e: the built site (dist-test/, built by `npm test` under the base path /netflix-sd/) in
 *   Debian's Chromium through playwright-core.
 */
import { getViteConfig } from 'astro/config';

export default getViteConfig({
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
          // Budgets that only stop a hang: fixture-site builds take 10-60 s, several times that on
          // a busy 2-core machine, and no test may fail for being slow.
          testTimeout: 600_000,
          hookTimeout: 900_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/global-setup.ts'],
          // Tests that visit every page run one test per page (tests/e2e/browser.ts); these
          // budgets only stop a hang.
          testTimeout: 300_000,
          hookTimeout: 300_000,
          // expect.poll gives up after 1 s by default: far too short on a busy 2-core machine.
          expect: { poll: { timeout: 60_000, interval: 100 } },
          fileParallelism: false,
        },
      },
    ],
  },
});
