/**
 * Builds a small fixture site with the project's real Astro config and a fixture content
 * directory, so checker tests run against real build output.
 */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';

export interface FixtureBuild {
  outDir: string;
  base: string;
  /** Build output, for failure messages. */
  log: string;
  ok: boolean;
}

/** The environment for a build started from a test: test runners export MODE, BASE_URL and friends, which a build must not inherit. */
export function buildEnvironment(): NodeJS.ProcessEnv {
  const { BASE_URL: _baseUrl, MODE: _mode, DEV: _dev, PROD: _prod, SSR: _ssr, NODE_ENV: _nodeEnv, ...env } = process.env;
  return env;
}

export function buildFixtureSite(fixtureDir: string, base = '/'): FixtureBuild {
  const outDir = path.join(fixtureDir, 'dist');
  const cacheDir = path.join(fixtureDir, '.astro-cache');
  rmSync(outDir, { recursive: true, force: true });
  rmSync(cacheDir, { recursive: true, force: true });
  const env = buildEnvironment();
  const result = spawnSync(process.execPath, [path.join('node_modules', 'astro', 'bin', 'astro.mjs'), 'build', '--silent'], {
    env: {
      ...env,
      CONTENT_DIR: path.join(fixtureDir, 'content'),
      OUT_DIR: outDir,
      BASE_PATH: base,
      ASTRO_CACHE_DIR: cacheDir,
      ASTRO_TELEMETRY_DISABLED: '1',
    },
    encoding: 'utf8',
  });
  return { outDir, base, log: `${result.stdout}\n${result.stderr}`, ok: result.status === 0 };
}
