/**
 * Builds a small fixture site with the project's real Astro config and a fixture content
 * directory, so checker tests run against real build output.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { runNode } from './run-node.ts';

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

/**
 * Builds `fixtureDir` (its content/ folder) under `base` into `<fixtureDir>/dist`. Runs Astro
 * without blocking the test worker, so a test's budget can stop a build that hangs; `signal`
 * (the test context's) stops Astro when it does.
 */
export async function buildFixtureSite(fixtureDir: string, base = '/', signal?: AbortSignal): Promise<FixtureBuild> {
  const outDir = path.join(fixtureDir, 'dist');
  const cacheDir = path.join(fixtureDir, '.astro-cache');
  rmSync(outDir, { recursive: true, force: true });
  rmSync(cacheDir, { recursive: true, force: true });
  const env = buildEnvironment();
  const result = await runNode([path.join('node_modules', 'astro', 'bin', 'astro.mjs'), 'build', '--silent'], {
    signal,
    env: {
      ...env,
      CONTENT_DIR: path.join(fixtureDir, 'content'),
      OUT_DIR: outDir,
      BASE_PATH: base,
      ASTRO_CACHE_DIR: cacheDir,
      ASTRO_TELEMETRY_DISABLED: '1',
    },
  });
  return { outDir, base, log: `${result.stdout}\n${result.stderr}`, ok: result.status === 0 };
}
