/**
 * `npm test`: builds the site the way GitHub Pages serves it (under the base path /netflix-sd/,
 * into dist-test/) with every build check, runs the quality gates (formatting, lint, types,
 * spelling, HTML validity, byte budgets), then all the tests: unit, checker fixtures, browser and
 * accessibility. Needs Chromium at /usr/bin/chromium (Debian: apt-get install chromium) or at
 * CHROME_PATH. The external-link check needs the network, so it is not part of this run.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const TEST_BASE = '/netflix-sd/';
export const TEST_OUT_DIR = 'dist-test';

function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}): void {
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env }, shell: false });
  if (result.status !== 0) {
    console.error(`\n✗ "${[command, ...args].join(' ')}" failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status ?? 1);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const chromium = process.env.CHROME_PATH ?? '/usr/bin/chromium';
  if (!existsSync(chromium)) {
    console.error(
      `Chromium is needed for the browser tests and was not found at ${chromium}.\nOn Debian or Ubuntu: sudo apt-get install -y chromium (or set CHROME_PATH).`,
    );
    process.exit(1);
  }
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  console.log(`\n▶ Building the site under ${TEST_BASE} into ${TEST_OUT_DIR}/ (content check, build, search index, link check)\n`);
  run(npm, ['run', 'build'], { BASE_PATH: TEST_BASE, OUT_DIR: TEST_OUT_DIR });
  console.log('\n▶ Quality gates\n');
  run(npm, ['run', '--silent', 'format:check']);
  run(npm, ['run', '--silent', 'lint']);
  run(npm, ['run', '--silent', 'check:types']);
  run(npm, ['run', '--silent', 'check:spelling']);
  run(npm, ['run', '--silent', 'check:quality', '--', TEST_OUT_DIR], { BASE_PATH: TEST_BASE });
  console.log('\n– Skipping the external-link check: it needs the network. It runs weekly in');
  console.log('  .github/workflows/external-links.yml; run "npm run check:external" to check by hand.');
  console.log('\n▶ Running the tests\n');
  run(npm, ['exec', '--', 'vitest', 'run', ...process.argv.slice(2)]);
}
