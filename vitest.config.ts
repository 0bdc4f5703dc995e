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
          testTimeout: 120_000,
          hookTimeout: 300_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
