/**
 * `npm run build`: the whole build and its checks, into OUT_DIR (default dist/) under BASE_PATH.
 *  1. The content check runs beside the Astro build: they are independent, so the check costs no
 *     time, and a content problem still fails the build with messages naming file and line.
 *  2. Pagefind indexes the pages, then the service worker is generated (it precaches the index).
 *  3. The built-site check: links, third-party requests, security.
 * `--timings <file>` writes each step's seconds as JSON; the benchmark reads it.
 */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { siteBase } from '../src/lib/base.ts';
import { contentDir } from '../src/lib/content-paths.ts';
import { checkContent } from './check-content/index.ts';
import { checkDist } from './check-dist/index.ts';
import { buildServiceWorker } from './build-sw.ts';
import { report } from './lib/problems.ts';

/** Runs a command with the terminal attached; resolves with its exit code. */
function run(command: string, args: string[]): { done: Promise<number>; kill(): void } {
  const child = spawn(command, args, { stdio: 'inherit', env: process.env });
  const done = new Promise<number>((resolve) => {
    child.on('error', (error) => {
      console.error(`Could not start ${command}: ${error.message}`);
      resolve(1);
    });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
  return { done, kill: () => child.kill() };
}

async function timed<T>(timings: Record<string, number>, name: string, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await work();
  } finally {
    timings[name] = (performance.now() - started) / 1000;
  }
}

function fail(step: string): never {
  console.error(`\n✗ Build stopped: ${step} failed (see above).`);
  process.exit(1);
}

export async function build(outDir: string): Promise<Record<string, number>> {
  const timings: Record<string, number> = {};
  const node = process.execPath;
  const started = performance.now();

  const astro = run(node, ['node_modules/astro/bin/astro.mjs', 'build']);
  const astroDone = timed(timings, 'astro build', () => astro.done);
  const problems = await timed(timings, 'content check', () => checkContent(contentDir()));
  if (report(problems, `Content check of ${contentDir()}/`) !== 0) {
    astro.kill();
    fail('the content check');
  }
  if ((await astroDone) !== 0) fail('astro build');

  const index = await timed(timings, 'search index', () => run(node, ['node_modules/pagefind/lib/runner/bin.cjs', '--site', outDir]).done);
  if (index !== 0) fail('the search index (Pagefind)');

  const worker = await timed(timings, 'service worker', () => buildServiceWorker(outDir));
  for (const warning of worker.warnings) console.warn(`service worker: ${warning}`);
  console.log(`✓ Service worker: precaches ${worker.count} files, ${(worker.size / 1024 / 1024).toFixed(2)} MB before compression.`);

  const base = siteBase();
  const distProblems = await timed(timings, 'link check', () => Promise.resolve(checkDist(outDir, base)));
  if (report(distProblems, `Built-site check of ${outDir}/ (base ${base})`) !== 0) fail('the built-site check');

  timings.total = (performance.now() - started) / 1000;
  return timings;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const timings = await build(process.env.OUT_DIR ?? 'dist');
  const flag = process.argv.indexOf('--timings');
  const timingsFile = flag === -1 ? undefined : process.argv[flag + 1];
  if (timingsFile) writeFileSync(timingsFile, JSON.stringify(timings));
}
