/**
 * What `npm run bench` measures, at any scale (scripts/bench.ts runs it at 1x and at --scale N):
 * - cold builds: `npm run build` from empty caches, three runs (or --runs), median wall time with
 *   the CPU seconds (user + system, the build and its workers) and peak memory beside it, each
 *   step, and the load average before and after; then one warm build (the caches kept);
 * - what a visitor's browser downloads on a first load, per page type: every request Chromium
 *   makes, in the bytes the server sends (its gzip, headers included), the service worker blocked;
 * - what the service worker downloads in the background after that first visit, reported apart.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Request } from 'playwright-core';
import { BUILD_CACHE_ROOT } from '../../src/lib/build-cache.ts';

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
  /** The machine's 1-minute load average before and after the build. */
  load: [number, number];
}

export interface BuildFigures extends BuildRun {
  runs: BuildRun[];
  pages: number;
}

/** The caches a cold build starts without: ours (diagram drawings and parses) and Astro's (content store). */
export function buildCaches(cacheDir: string): string[] {
  return [BUILD_CACHE_ROOT, cacheDir];
}

/**
 * The command of one timed build: `npm run build` (scripts/build.ts) under /usr/bin/time for CPU
 * seconds and peak memory. With `lock` (a lock file shared with the other builds on the machine),
 * the caches are cleared after the lock is taken, so a build that held the lock meanwhile cannot
 * refill them, and no other locked build runs during a timed one. `clear` is empty for a warm build.
 */
export function buildCommand(options: { timingsFile: string; clear: readonly string[]; lock?: string }): string[] {
  const time = ['/usr/bin/time', '-f', 'BENCH %e %U %S %M', process.execPath, 'scripts/build.ts', '--timings', options.timingsFile];
  // sh -c 'rm -rf "$@"; exec …' with the paths as arguments: no path is ever parsed by the shell.
  // (${10}, not $10, which sh reads as $1 followed by 0.)
  const script = `rm -rf -- ${options.clear.map((_, i) => `"\${${i + 1}}"`).join(' ')} && exec ${time.map((_, i) => `"\${${options.clear.length + i + 1}}"`).join(' ')}`;
  const inShell = options.clear.length > 0 ? ['sh', '-c', script, 'sh', ...options.clear, ...time] : time;
  return options.lock ? ['flock', options.lock, ...inShell] : inShell;
}

/** Reads /usr/bin/time's line ("BENCH wall user sys maxKB") from a build's stderr. */
export function parseTimeLine(stderr: string): { wallSeconds: number; cpuSeconds: number; peakMemoryMb: number } | undefined {
  const line = /BENCH ([\d.]+) ([\d.]+) ([\d.]+) (\d+)/.exec(stderr);
  if (!line) return undefined;
  return { wallSeconds: Number(line[1]), cpuSeconds: Number(line[2]) + Number(line[3]), peakMemoryMb: Math.round(Number(line[4]) / 1024) };
}

/** The machine's 1-minute load average now: other work on a shared machine shows up here. */
export const loadAverage = (): number => Number(os.loadavg()[0]!.toFixed(2));

/**
 * One `npm run build` (scripts/build.ts), timed by /usr/bin/time for CPU and memory: cold (our
 * caches and Astro's cleared first) or warm (`warm: true`: the caches the previous build left).
 */
export function timedBuild(options: { contentDir: string; outDir: string; cacheDir: string; base: string; warm?: boolean }): BuildRun {
  if (!existsSync('/usr/bin/time'))
    throw new Error('The benchmark needs /usr/bin/time (Debian: apt-get install time) to count CPU seconds.');
  mkdirSync('bench-results', { recursive: true });
  const timingsFile = path.resolve('bench-results', `build-${path.basename(options.outDir)}.json`);
  rmSync(timingsFile, { force: true });
  const env = {
    ...process.env,
    CONTENT_DIR: options.contentDir,
    OUT_DIR: options.outDir,
    ASTRO_CACHE_DIR: options.cacheDir,
    BASE_PATH: options.base,
    ASTRO_TELEMETRY_DISABLED: '1',
  };
  // BUILD_LOCK: a lock file shared with other builds on the machine, so none runs during a timed one.
  const command = buildCommand({ timingsFile, clear: options.warm ? [] : buildCaches(options.cacheDir), lock: process.env.BUILD_LOCK });
  const loadBefore = loadAverage();
  const result = spawnSync(command[0]!, command.slice(1), { env, encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] });
  const time = parseTimeLine(result.stderr);
  if (result.status !== 0 || !time) {
    throw new Error(
      `A ${options.warm ? 'warm' : 'cold'} build of ${options.contentDir} failed (exit ${result.status}):\n${result.stderr.slice(-3000)}`,
    );
  }
  const steps = JSON.parse(readFileSync(timingsFile, 'utf8')) as Record<string, number>;
  delete steps.total;
  return { ...time, steps, load: [loadBefore, loadAverage()] };
}

/** One cold build: empty caches. */
export const coldBuild = (options: Omit<Parameters<typeof timedBuild>[0], 'warm'>): BuildRun => timedBuild({ ...options, warm: false });

/** `runs` cold builds (three by default); the figures are each measure's median. */
export function coldBuilds(options: Parameters<typeof coldBuild>[0], runs = 3): BuildFigures {
  const all: BuildRun[] = [];
  for (let run = 1; run <= runs; run += 1) {
    all.push(coldBuild(options));
    const last = all.at(-1)!;
    console.log(
      `  cold build ${run}/${runs}: ${last.wallSeconds.toFixed(1)} s wall, ${last.cpuSeconds.toFixed(1)} CPU s (load ${last.load.join(' → ')})`,
    );
  }
  return { ...medianRun(all), runs: all, pages: countPages(options.outDir) };
}

/** Each figure of the runs, the median. */
export function medianRun(all: readonly BuildRun[]): BuildRun {
  const stepNames = Object.keys(all[0]!.steps);
  return {
    wallSeconds: median(all.map((r) => r.wallSeconds)),
    cpuSeconds: median(all.map((r) => r.cpuSeconds)),
    peakMemoryMb: median(all.map((r) => r.peakMemoryMb)),
    steps: Object.fromEntries(stepNames.map((name) => [name, median(all.map((r) => r.steps[name] ?? 0))])),
    load: [median(all.map((r) => r.load[0])), median(all.map((r) => r.load[1]))],
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

/** Adds one finished request's wire bytes (body and headers) to a load, by kind of file. */
async function countRequest(load: WireLoad, request: Request): Promise<void> {
  const sizes = await request.sizes();
  const bytes = sizes.responseBodySize + sizes.responseHeadersSize;
  load.requests += 1;
  load.bytes += bytes;
  const kind = kindOf(request.url());
  load.byKind[kind] = (load.byKind[kind] ?? 0) + bytes;
}

/** A first load of one page in a fresh browser context, the service worker blocked. */
export async function firstLoad(browser: Browser, url: string): Promise<WireLoad> {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const finished: Promise<void>[] = [];
  const load: WireLoad = { requests: 0, bytes: 0, byKind: {} };
  page.on('requestfinished', (request) => {
    finished.push(countRequest(load, request));
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
    finished.push(countRequest(load, request));
  });
  const page = await context.newPage();
  await page.goto(url);
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await page.waitForLoadState('networkidle');
  await Promise.all(finished);
  await context.close();
  return load;
}
