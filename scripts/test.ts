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

/** Seconds each step took, printed at the end so a slow step is visible. */
const durations: [string, number][] = [];

function printDurations(): void {
  const width = Math.max(...durations.map(([name]) => name.length));
  console.log('\nDuration per step:');
  for (const [name, seconds] of durations) console.log(`  ${name.padEnd(width)}  ${seconds.toFixed(1).padStart(7)} s`);
}

function run(step: string, command: string, args: string[], env: NodeJS.ProcessEnv = {}): void {
  const started = performance.now();
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env }, shell: false });
  durations.push([step, (performance.now() - started) / 1000]);
  if (result.status !== 0) {
    printDurations();
    console.error(`\n✗ ${step}: "${[command, ...args].join(' ')}" failed (exit ${result.status ?? result.signal}).`);
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
  run('build', npm, ['run', 'build'], { BASE_PATH: TEST_BASE, OUT_DIR: TEST_OUT_DIR });
  console.log('\n▶ Quality gates\n');
  run('format', npm, ['run', '--silent', 'format:check']);
  run('lint', npm, ['run', '--silent', 'lint']);
  run('types', npm, ['run', '--silent', 'check:types']);
  run('spelling', npm, ['run', '--silent', 'check:spelling']);
  run('HTML and budgets', npm, ['run', '--silent', 'check:quality', '--', TEST_OUT_DIR], { BASE_PATH: TEST_BASE });
  console.log('\n– Skipping the external-link check: it needs the network. It runs weekly in');
  console.log('  .github/workflows/external-links.yml; run "npm run check:external" to check by hand.');
  const extra = process.argv.slice(2);
  if (extra.length > 0) {
    console.log('\n▶ Running the tests\n');
    run('tests', npm, ['exec', '--', 'vitest', 'run', ...extra]);
  } else {
    // The two projects run one after the other so each reports its own duration.
    console.log('\n▶ Unit and checker tests\n');
    run('unit tests', npm, ['exec', '--', 'vitest', 'run', '--project', 'unit']);
    console.log('\n▶ Browser and accessibility tests\n');
    run('browser tests', npm, ['exec', '--', 'vitest', 'run', '--project', 'e2e']);
  }
  printDurations();
}
