/**
 * `npm run build`: the whole build and its checks, into OUT_DIR (default dist/) under BASE_PATH.
 *  1. The content check and `astro build` run side by side, one on each core. Astro writes the
 *     site into a staging folder beside OUT_DIR, but compiles no MDX until the check has passed:
 *     the content-safety plugin waits for the check's verdict (src/lib/content-verdict.ts). A
 *     problem stops Astro and the build, with messages naming file, line and fix. Astro's log is
 *     kept and printed only when it fails (or with --verbose), so a good build prints a short summary.
 *     Once the check has passed, this process is idle while Astro bundles and renders: it bundles
 *     the service worker's code then (scripts/build-sw.ts prepareServiceWorker: Workbox's runtime
 *     through rollup, babel and terser, which depends only on the configuration).
 *  2. Pagefind indexes the pages while the built-site check (links, third-party requests,
 *     security) reads them; then the service worker is finished (finishServiceWorker: it plans
 *     the precache from the built site, the index included, and puts the list into its code).
 *  3. Only then does the staging folder replace OUT_DIR: a failed build leaves the previous
 *     output as it was, so `npm run serve` keeps working.
 * `--timings <file>` writes each step's seconds as JSON (the content check's and the service worker
 * code's overlap Astro's, as do the search index's and the link check's); the benchmark reads it.
 * "service worker code" is the bundling beside Astro; "service worker" is what is left after the
 * search index (planning, the precache list, sw.js, and any wait for the bundling).
 * `--verbose` shows Astro's and Pagefind's own output as they run.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { siteBase } from '../src/lib/base.ts';
import { contentDir } from '../src/lib/content-paths.ts';
import { VERDICT_VARIABLE, verdictFor, writeVerdict } from '../src/lib/content-verdict.ts';
import { AHEAD_VARIABLE, AheadFolder, compileAhead } from '../src/lib/mdx-ahead.ts';
import { GIT_DATES_VARIABLE, readGitHistory, writeGitHistory } from '../src/lib/git-dates.ts';
import { spawnExitSafe } from './lib/exit-safe.ts';
import { report, type Problem } from './lib/problems.ts';

/** Output lines of a finished command. */
interface RunResult {
  code: number;
  output: string;
}

/** A started command: the process, and its result once it ends. */
interface Running {
  child: ChildProcess;
  done: Promise<RunResult>;
}

/**
 * Starts a command; its output is captured (and also shown live when `live`). With `exitSafe`
 * (`command` is then Node, running a script that may end with process.exit(), as Astro does on failure), the script reports
 * its exit code and is ended then, so a hang in Node's shutdown cannot hold the build (exit-safe.ts).
 */
function start(command: string, args: string[], env: NodeJS.ProcessEnv, live: boolean, input = false, exitSafe = false): Running {
  const stdio = [input ? 'pipe' : 'ignore', 'pipe', 'pipe'] as const;
  const { child, reportedCode } = exitSafe
    ? spawnExitSafe(args, { env, stdio: [...stdio] })
    : { child: spawn(command, args, { stdio: [...stdio], env }), reportedCode: () => undefined };
  let output = '';
  const collect = (stream: NodeJS.WriteStream) => (chunk: Buffer) => {
    output += chunk.toString();
    if (live) stream.write(chunk);
  };
  child.stdout?.on('data', collect(process.stdout));
  child.stderr?.on('data', collect(process.stderr));
  const done = new Promise<RunResult>((resolve) => {
    child.on('error', (error) => resolve({ code: 1, output: `${output}\nCould not start ${command}: ${error.message}` }));
    child.on('close', (code, signal) => resolve({ code: reportedCode() ?? code ?? (signal ? 1 : 0), output }));
  });
  return { child, done };
}

async function timed<T>(timings: Record<string, number>, name: string, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await work();
  } finally {
    timings[name] = (performance.now() - started) / 1000;
  }
}

export class BuildFailure extends Error {}

function fail(step: string, log?: string, kept?: string): never {
  if (log) console.error(log.trimEnd());
  throw new BuildFailure(
    `Build stopped: ${step} failed (see above). The previous build output was left as it was.${kept ? ` The failed build is in ${kept}/ for a look.` : ''}`,
  );
}

/** Strips terminal colors, so captured output can be searched and printed anywhere. */
function plain(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\u001b\[[0-9;]*m/g, '');
}

/**
 * The warnings in Astro's log worth a contributor's attention: every line Astro or Vite marks as
 * a warning. Known noise is silenced where it starts (astro.config.mjs), not hidden here.
 */
export function actionableWarnings(log: string): string[] {
  const counts = new Map<string, number>();
  for (const line of plain(log).split('\n')) {
    if (!/\[WARN\]|\bwarning\b|^\s*warn\b|\(!\)/i.test(line)) continue;
    // Repeats (one per page) are shown once, with their count; the time stamp is dropped.
    const text = line.replace(/^\s*\d{2}:\d{2}:\d{2}\s+/, '').trim();
    counts.set(text, (counts.get(text) ?? 0) + 1);
  }
  return [...counts].map(([text, count]) => (count > 1 ? `${text} (${count} times)` : text));
}

function folderSize(dir: string): number {
  if (!existsSync(dir)) return 0;
  return readdirSync(dir).reduce((total, name) => {
    const full = path.join(dir, name);
    const stats = statSync(full);
    return total + (stats.isDirectory() ? folderSize(full) : stats.size);
  }, 0);
}

/** Built pages (index.html files, and 404.html) and the diagrams drawn on them. */
export function countOutput(dir: string): { pages: number; diagrams: number; browserDiagrams: number } {
  let pages = 0;
  let diagrams = 0;
  let browserDiagrams = 0;
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const full = path.join(folder, name);
      if (statSync(full).isDirectory()) {
        if (name !== 'pagefind' && name !== '_astro') walk(full);
      } else if (name === 'index.html' || (folder === dir && name === '404.html')) {
        pages += 1;
        const html = readFileSync(full, 'utf8');
        // A figure may carry more classes after "diagram" (the phone layout's width bucket).
        diagrams += html.match(/<figure class="diagram[" ]/g)?.length ?? 0;
        browserDiagrams += html.split('data-mermaid-client=').length - 1;
      }
    }
  };
  walk(dir);
  return { pages, diagrams, browserDiagrams };
}

const kilobytes = (bytes: number) => `${Math.round(bytes / 1024).toLocaleString('en-US')} KB`;
const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;

/** Replaces `outDir` with `staging` in two renames, so the old output is never half-deleted. */
function swapInto(staging: string, outDir: string): void {
  const previous = `${outDir}-previous`;
  rmSync(previous, { recursive: true, force: true });
  if (existsSync(outDir)) renameSync(outDir, previous);
  renameSync(staging, outDir);
  rmSync(previous, { recursive: true, force: true });
}

export interface BuildOptions {
  /** Show Astro's and Pagefind's output as they run. */
  verbose?: boolean;
}

export async function build(outDirAsGiven: string, { verbose = false }: BuildOptions = {}): Promise<Record<string, number>> {
  // "dist/" and "dist" are one folder; the staging and previous folders are named beside it.
  const outDir = outDirAsGiven.replace(/[\\/]+$/, '') || outDirAsGiven;
  const timings: Record<string, number> = {};
  const node = process.execPath;
  const started = performance.now();
  const base = siteBase();
  const content = contentDir();

  // 1. The content check here, `astro build` in its own process: two cores at once. Astro compiles
  // no MDX before the check's verdict exists (src/plugins/content-safety.ts waits for it).
  const staging = `${outDir}-staging`;
  rmSync(staging, { recursive: true, force: true });
  const verdictDir = mkdtempSync(path.join(tmpdir(), 'content-verdict-'));
  const verdictFile = path.join(verdictDir, 'verdict.json');
  const aheadDir = path.join(verdictDir, 'mdx');
  mkdirSync(aheadDir);
  const aheadFolder = new AheadFolder(aheadDir);
  const aheadWarnings: string[] = [];
  // Pages' last-updated dates: git is asked here once Astro has started, and Astro reads the
  // answers from this file when it renders (src/lib/git-dates.ts), seconds later.
  const gitDatesFile = path.join(verdictDir, 'git-dates.json');
  const env = {
    ...process.env,
    OUT_DIR: staging,
    [VERDICT_VARIABLE]: verdictFile,
    [AHEAD_VARIABLE]: aheadDir,
    [GIT_DATES_VARIABLE]: gitDatesFile,
  };
  let mdxShare = '';
  console.log(
    `… Checking ${content}/ and building pages with Astro into ${staging}/ side by side${verbose ? '' : " (Astro's log is shown if it fails; --verbose shows it live)"}`,
  );
  const astroStarted = performance.now();
  const astro = start(node, ['node_modules/astro/bin/astro.mjs', 'build'], env, verbose, false, true);
  const gitHistory = readGitHistory(process.cwd());
  if (gitHistory) writeGitHistory(gitDatesFile, gitHistory);
  let finishServiceWorker: typeof import('./build-sw.ts').finishServiceWorker;
  let workerCode: ReturnType<typeof import('./build-sw.ts').prepareServiceWorker>;
  let workerCodeSeconds = 0;
  let astroResult: RunResult | undefined;
  let checking: Running | undefined;
  const verdictBefore = process.env[VERDICT_VARIABLE];
  try {
    // The checkers load only now (about a second of module loading), while Astro starts.
    const checker = await import('./check-content/index.ts');
    const checkStarted = performance.now();
    const check = await checker.startContentCheck(content);
    let checkSeconds = (performance.now() - checkStarted) / 1000;
    // Stops Astro and the build on the check's problems (every rule's, listed at once).
    const stopOnProblems = async (problems: Problem[]) => {
      if (report(problems, `Content check of ${content}/`) === 0) return;
      astro.child.kill();
      await astro.done;
      rmSync(staging, { recursive: true, force: true });
      fail('the content check');
    };
    if (check.safety.length > 0) await stopOnProblems(await check.finish());
    // Every file passed the content-safety rules: Astro may compile these bytes from now on. The
    // other rules run after this core's share of the MDX (Astro compiles meanwhile), and a problem
    // they find still stops Astro and the build before anything is written.
    writeVerdict(verdictFile, verdictFor(content, check.files));
    // This process's own compiles read the verdict as Astro does: a diagram it lists is parsed by
    // the check's diagram rule below (whose problems stop the build), not once more while compiling.
    process.env[VERDICT_VARIABLE] = verdictFile;
    timings['content check'] = checkSeconds;
    // While Astro compiles pages' MDX on the other core, this one compiles them too, from the
    // other end, sharing the work through the MDX folder (src/lib/mdx-ahead.ts).
    const { projectMdxRenderer, astroFrontmatter } = await import('./lib/mdx-renderer.ts');
    const project = await projectMdxRenderer();
    const mdxFiles = check.files.filter((file) => file.file.endsWith('.mdx'));
    const compiledAhead = project
      ? await timed(timings, 'MDX beside Astro', () =>
          compileAhead(mdxFiles, {
            folder: aheadFolder,
            ...project,
            parseFrontmatter: astroFrontmatter,
            // The tree the check parsed from each body: the compiler takes a copy instead of parsing again.
            parsedTree: check.mdxTree,
          }),
        )
      : 0;
    const restStarted = performance.now();
    const problems = await check.finish();
    checkSeconds += (performance.now() - restStarted) / 1000;
    timings['content check'] = checkSeconds;
    await stopOnProblems(problems);
    // The built-site check (step 2) starts now, so it has loaded by the time Astro is done; it
    // waits for its input to close. Not earlier: its start-up (about half a CPU second) would take
    // from the MDX compiling both cores share, which Astro waits for before it can bundle.
    checking = start(node, ['scripts/check-dist/index.ts', '--after-input', staging], { ...env, BASE_PATH: base }, false, true);
    // Workbox loads now, while Astro finishes: before the check it would delay the verdict Astro waits for.
    // This process has nothing else to do until Astro ends, so it bundles the service worker's
    // code now, on its own core; a failure is reported with the service worker's step, after the
    // search index.
    const serviceWorker = await import('./build-sw.ts');
    finishServiceWorker = serviceWorker.finishServiceWorker;
    const codeStarted = performance.now();
    workerCode = serviceWorker.prepareServiceWorker(base);
    workerCode.then(
      () => void (workerCodeSeconds = (performance.now() - codeStarted) / 1000),
      () => undefined,
    );
    astroResult = await astro.done;
    if (project && astroResult.code === 0) {
      const taken = aheadFolder.takenCount();
      mdxShare = `${taken} of ${mdxFiles.length} pages' MDX compiled by the build script beside Astro`;
      // Astro compiles a file again when the two sides' renderer settings differ: correct, but slow.
      if (taken < compiledAhead)
        aheadWarnings.push(
          `Astro took ${taken} of the ${compiledAhead} MDX compilations made beside it: its MDX settings differ from the ones scripts/lib/mdx-renderer.ts reads from astro.config.mjs. Make them read the same settings.`,
        );
    }
    timings['astro build'] = (performance.now() - astroStarted) / 1000;
    // Listed after astro build, which it ran beside; its seconds are known once it ends (step 2).
    timings['service worker code'] = 0;
  } finally {
    if (verdictBefore === undefined) delete process.env[VERDICT_VARIABLE];
    else process.env[VERDICT_VARIABLE] = verdictBefore;
    rmSync(verdictDir, { recursive: true, force: true });
    // Whatever stopped this step, Astro does not go on alone.
    if (!astroResult) astro.child.kill();
    if (astroResult?.code !== 0) checking?.child.kill();
  }
  if (astroResult.code !== 0) {
    rmSync(staging, { recursive: true, force: true });
    fail('astro build', verbose ? undefined : astroResult.output);
  }

  // 2. The built-site check (links, third parties, CSP, ids), started and loaded in step 1, now
  // checks, in its own process, while Pagefind indexes the pages and then the service worker,
  // which precaches the index, is finished: all three only read the pages, and the check lists
  // files without depending on the new ones.
  const stepStarted = performance.now();
  const linkCheck = checking;
  linkCheck.child.stdin?.end();
  const stopChecking = () => linkCheck.child.kill();
  const index = await timed(
    timings,
    'search index',
    () => start(node, ['node_modules/pagefind/lib/runner/bin.cjs', '--site', staging], env, verbose).done,
  );
  if (index.code !== 0) {
    stopChecking();
    fail('the search index (Pagefind)', verbose ? undefined : index.output, staging);
  }
  const worker = await timed(timings, 'service worker', () =>
    finishServiceWorker(staging, base, workerCode).catch((error: unknown) => {
      stopChecking();
      return fail('the service worker', (error as Error).message, staging);
    }),
  );
  timings['service worker code'] = workerCodeSeconds;
  const checked = await linkCheck.done;
  timings['link check'] = (performance.now() - stepStarted) / 1000;
  console.log(checked.output.trimEnd());
  if (checked.code !== 0) fail('the built-site check', undefined, staging);

  // 3. Every step passed: the new output replaces the old one.
  swapInto(staging, outDir);
  timings.total = (performance.now() - started) / 1000;

  const counts = countOutput(outDir);
  const indexed = /Indexed (\d[\d,]*) pages?/i.exec(plain(index.output))?.[1];
  const warnings = [...actionableWarnings(astroResult.output), ...aheadWarnings, ...worker.warnings.map((w) => `service worker: ${w}`)];
  const lines = [
    `✓ Built ${counts.pages} pages into ${outDir}/ (base ${base}) in ${timings.total.toFixed(1)} s`,
    ...(mdxShare ? [`  MDX: ${mdxShare}`] : []),
    `  Diagrams: ${counts.diagrams} (${counts.diagrams - counts.browserDiagrams} drawn at build time, ${counts.browserDiagrams} in the browser)`,
    `  Search index: ${indexed ? `${indexed} pages, ` : ''}${kilobytes(folderSize(path.join(outDir, 'pagefind')))}`,
    `  Offline precache: ${worker.count} files, ${megabytes(worker.plan.shellBytes)} gzip as served, ${megabytes(worker.size)} before compression`,
    `  Checks passed: content (${content}/; its safety rules before any MDX compiled), built site (links, #fragments, third parties, CSP, ids) after it`,
    `  Steps: ${Object.entries(timings)
      .filter(([name]) => name !== 'total')
      .map(([name, seconds]) => `${name} ${seconds.toFixed(1)} s`)
      .join(
        ', ',
      )} (the content check, in two parts around this process's share of the MDX compiling, ran beside astro build, as did the service worker code; the link check beside the search index and the service worker)`,
  ];
  if (warnings.length > 0)
    lines.push('', `⚠ ${warnings.length} warning${warnings.length === 1 ? '' : 's'}:`, ...warnings.map((w) => `  ${w}`));
  console.log(`\n${lines.join('\n')}`);
  return timings;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: { timings: { type: 'string' }, verbose: { type: 'boolean', default: false } },
    strict: true,
  });
  try {
    const timings = await build(process.env.OUT_DIR ?? 'dist', { verbose: values.verbose });
    if (values.timings) writeFileSync(values.timings, JSON.stringify(timings));
  } catch (error) {
    if (!(error instanceof BuildFailure)) throw error;
    console.error(`\n✗ ${error.message}`);
    process.exitCode = 1;
  }
}
