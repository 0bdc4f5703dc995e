/**
 * What `npm run bench` measures, at any scale (scripts/bench.ts runs it at 1x and at --scale N):
 * - cold builds: `npm run build` from empty caches, three runs, median wall time with the CPU
 *   seconds (user + system, the build and its workers) and peak memory beside it, and each step;
 * - what a visitor's browser downloads on a first load, per page type: every request Chromium
 *   makes, in the bytes the server sends (its gzip, headers included), the service worker blocked;
 * - what the service worker downloads in the background after that first visit, reported apart.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';

export const median = (values: readonly number[]): number => {
  if (values.length === 0) throw new Error('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

export interface BuildRun {
  wallSeconds: number;
  cpuSeconds: number;
  peakMemoryMb: number;
  steps: Record<string, number>;
}

export interface BuildFigures extends BuildRun {
  runs: BuildRun[];
  pages: number;
}

/** One cold `npm run build` (scripts/build.ts), timed by /usr/bin/time for CPU and memory. */
export function coldBuild(options: { contentDir: string; outDir: string; cacheDir: string; base: string }): BuildRun {
  rmSync(path.join('node_modules', '.cache', 'netflix-loop-guide'), { recursive: true, force: true });
  rmSync(options.cacheDir, { recursive: true, force: true });
  mkdirSync('bench-results', { recursive: true });
  const timingsFile = path.resolve('bench-results', `build-${path.basename(options.outDir)}.json`);
  const env = {
    ...process.env,
    CONTENT_DIR: options.contentDir,
    OUT_DIR: options.outDir,
    ASTRO_CACHE_DIR: options.cacheDir,
    BASE_PATH: options.base,
    ASTRO_TELEMETRY_DISABLED: '1',
  };
  const timeFormat = 'BENCH %e %U %S %M';
  // BUILD_LOCK: a lock file shared with other builds on the machine, so none runs during a timed one.
  const lock = process.env.BUILD_LOCK ? ['flock', process.env.BUILD_LOCK] : [];
  const command = [...lock, '/usr/bin/time', '-f', timeFormat, process.execPath, 'scripts/build.ts', '--timings', timingsFile];
  const result = existsSync('/usr/bin/time')
    ? spawnSync(command[0]!, command.slice(1), {
        env,
        encoding: 'utf8',
        stdio: ['ignore', 'ignore', 'pipe'],
      })
    : undefined;
  if (!result) throw new Error('The benchmark needs /usr/bin/time (Debian: apt-get install time) to count CPU seconds.');
  const line = /BENCH ([\d.]+) ([\d.]+) ([\d.]+) (\d+)/.exec(result.stderr);
  if (result.status !== 0 || !line) {
    throw new Error(`A cold build of ${options.contentDir} failed (exit ${result.status}):\n${result.stderr.slice(-3000)}`);
  }
  const steps = JSON.parse(readFileSync(timingsFile, 'utf8')) as Record<string, number>;
  delete steps.total;
  return {
    wallSeconds: Number(line[1]),
    cpuSeconds: Number(line[2]) + Number(line[3]),
    peakMemoryMb: Math.round(Number(line[4]) / 1024),
    steps,
  };
}

/** Three cold builds; the figures are each measure's median. */
export function coldBuilds(options: Parameters<typeof coldBuild>[0], runs = 3): BuildFigures {
  const all = Array.from({ length: runs }, () => coldBuild(options));
  const stepNames = Object.keys(all[0]!.steps);
  return {
    runs: all,
    wallSeconds: median(all.map((r) => r.wallSeconds)),
    cpuSeconds: median(all.map((r) => r.cpuSeconds)),
    peakMemoryMb: median(all.map((r) => r.peakMemoryMb)),
    steps: Object.fromEntries(stepNames.map((name) => [name, median(all.map((r) => r.steps[name] ?? 0))])),
    pages: countPages(options.outDir),
  };
}

export function countPages(dir: string): number {
  const out = spawnSync('find', [dir, '-name', 'index.html', '-not', '-path', '*/pagefind/*'], { encoding: 'utf8' });
  return out.stdout.split('\n').filter(Boolean).length;
}

export interface WireLoad {
  requests: number;
  /** Bytes the server sent: bodies as sent (gzip where it compresses) plus response headers. */
  bytes: number;
  /** The same, by kind of file. */
  byKind: Record<string, number>;
}

const kindOf = (url: string) => {
  const ext = /\.([a-z0-9]+)(?:[?#]|$)/.exec(new URL(url).pathname)?.[1];
  return new URL(url).pathname.endsWith('/') ? 'html' : (ext ?? 'other');
};

/** A first load of one page in a fresh browser context, the service worker blocked. */
export async function firstLoad(browser: Browser, url: string): Promise<WireLoad> {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const finished: Promise<void>[] = [];
  const load: WireLoad = { requests: 0, bytes: 0, byKind: {} };
  page.on('requestfinished', (request) => {
    finished.push(
      request.sizes().then((sizes) => {
        const bytes = sizes.responseBodySize + sizes.responseHeadersSize;
        load.requests += 1;
        load.bytes += bytes;
        const kind = kindOf(request.url());
        load.byKind[kind] = (load.byKind[kind] ?? 0) + bytes;
      }),
    );
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  await Promise.all(finished);
  await context.close();
  return load;
}

/**
 * What the service worker downloads in the background on a first visit to `url`: its precache
 * (and the worker script itself), counted apart from the page's own load.
 */
export async function serviceWorkerDownload(browser: Browser, url: string): Promise<WireLoad> {
  const context = await browser.newContext();
  const load: WireLoad = { requests: 0, bytes: 0, byKind: {} };
  const finished: Promise<void>[] = [];
  context.on('requestfinished', (request) => {
    const fromWorker = Boolean(request.serviceWorker()) || new URL(request.url()).pathname.endsWith('/sw.js');
    if (!fromWorker) return;
    finished.push(
      request.sizes().then((sizes) => {
        const bytes = sizes.responseBodySize + sizes.responseHeadersSize;
        load.requests += 1;
        load.bytes += bytes;
        const kind = kindOf(request.url());
        load.byKind[kind] = (load.byKind[kind] ?? 0) + bytes;
      }),
    );
  });
  const page = await context.newPage();
  await page.goto(url);
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await page.waitForLoadState('networkidle');
  await Promise.all(finished);
  await context.close();
  return load;
}
