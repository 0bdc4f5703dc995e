/**
 * `npm run test:visual:update`: builds the test site (dist-test/, under /netflix-sd/, as
 * `npm test` does) and rewrites every visual baseline in tests/visual/baselines/ from it.
 * Review `git diff --stat tests/visual/baselines` and the images before committing them.
 */
import { spawnSync } from 'node:child_process';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function run(command: string, args: string[], env: NodeJS.ProcessEnv): void {
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) {
    console.error(`\n✗ "${[command, ...args].join(' ')}" failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status ?? 1);
  }
}

if (!process.argv.includes('--no-build')) run(npm, ['run', 'build'], { BASE_PATH: '/netflix-sd/', OUT_DIR: 'dist-test' });
run(npm, ['exec', '--', 'vitest', 'run', '--project', 'e2e', 'tests/e2e/visual.test.ts'], { VISUAL_UPDATE: '1' });
console.log('\n✓ Baselines rewritten in tests/visual/baselines/. Look at them (git diff --stat tests/visual/baselines) before committing.');
