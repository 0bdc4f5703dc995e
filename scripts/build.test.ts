/**
 * `npm run build` end to end on fixture content: every step runs and leaves its output, and a
 * content problem stops the build with the checker's message (file and line), not Astro's.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildEnvironment } from './lib/build-fixture.ts';

function runBuild(contentDir: string) {
  const scratch = mkdtempSync(path.join(tmpdir(), 'build-test-'));
  const outDir = path.join(scratch, 'dist');
  const timings = path.join(scratch, 'timings.json');
  const result = spawnSync(process.execPath, ['scripts/build.ts', '--timings', timings], {
    env: {
      ...buildEnvironment(),
      CONTENT_DIR: contentDir,
      OUT_DIR: outDir,
      BASE_PATH: '/sub/',
      ASTRO_CACHE_DIR: path.join(scratch, 'cache'),
      ASTRO_TELEMETRY_DISABLED: '1',
    },
    encoding: 'utf8',
  });
  return { status: result.status, log: `${result.stdout}\n${result.stderr}`, outDir, timings };
}

describe('npm run build', () => {
  it('runs every step on good content and reports their times', { timeout: 180_000 }, () => {
    const build = runBuild('scripts/check-dist/__fixtures__/links-good/content');
    expect(build.status, build.log).toBe(0);
    expect(existsSync(path.join(build.outDir, 'loop', 'index.html'))).toBe(true);
    expect(existsSync(path.join(build.outDir, 'pagefind', 'pagefind.js'))).toBe(true);
    expect(readFileSync(path.join(build.outDir, 'sw.js'), 'utf8')).toContain('/sub/loop/');
    expect(build.log).toContain('Built-site check');
    const timings = JSON.parse(readFileSync(build.timings, 'utf8')) as Record<string, number>;
    expect(Object.keys(timings).sort()).toEqual(['astro build', 'content check', 'link check', 'search index', 'service worker', 'total']);
  });

  it('stops on a content problem, naming the file and line, before anything is written', { timeout: 180_000 }, () => {
    const build = runBuild('scripts/check-content/__fixtures__/bad-safety');
    expect(build.status).toBe(1);
    expect(build.log).toMatch(/guides\/loop\/index\.mdx:11(:\d+)?\s+\[content-safety\]/);
    expect(build.log).toContain('Build stopped: the content check failed');
    expect(existsSync(path.join(build.outDir, 'sw.js'))).toBe(false);
  });
});
