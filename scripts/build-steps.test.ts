/**
 * `build()` (scripts/build.ts) step by step, with its tools stood in for so it runs in
 * milliseconds: a problem found by the built-site check fails the build, prints the problem,
 * keeps the failed build for a look and leaves the previous output as it was; with no problem
 * the new output replaces the old one. (build.test.ts runs the real tools on a fixture site.)
 */
import { EventEmitter } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Problem } from './lib/problems.ts';
import { AheadFolder, aheadKey, take } from '../src/lib/mdx-ahead.ts';
import { VERDICT_VARIABLE } from '../src/lib/content-verdict.ts';

interface ToolRun {
  /** What the stand-in prints on stdout and stderr. */
  log: string;
  err?: string;
  code: number | null;
  signal?: string;
  /** The process could not start at all. */
  startError?: string;
  /** Pagefind writes no index folder (nothing to index). */
  noIndex?: boolean;
  /** Milliseconds the tool takes after it could start its work. */
  delay?: number;
}

const checks = vi.hoisted(() => ({
  /** Problems the content-safety rules find (they run first); `content`: the other rules'. */
  safety: [] as Problem[],
  content: [] as Problem[],
  dist: [] as Problem[],
  distCalls: [] as [string, string][],
  tools: {} as Record<'astro' | 'pagefind', ToolRun>,
  spawned: [] as { command: string; args: string[]; outDir: string | undefined; stdio: unknown }[],
  /**
   * The service worker's two steps: `codeFail` fails the bundling (prepareServiceWorker), `fail`
   * the finishing on the built site; `calls` records what each step was given.
   */
  worker: { fail: '', codeFail: '', warnings: ['one file skipped'] },
  workerCalls: [] as unknown[][],
  /** The order things happened in: the content check's end, the tools' ends, the service worker's steps. */
  events: [] as string[],
  /** The content check throws instead of reporting (a bug in a rule, say). */
  contentThrows: false,
  /** Whether the build stopped the built-site check's process. */
  distKilled: false,
  /** The content-check verdict the stand-in Astro read before it "compiled" (null: it never did). */
  verdictSeen: null as Record<string, unknown> | null,
  /** Whether the build stopped the stand-in Astro. */
  killed: false,
  /** The folder the stand-in Astro was told to share MDX compilations through. */
  aheadDir: undefined as string | undefined,
  /** The file the stand-in Astro was told to read git's answers from (src/lib/git-dates.ts). */
  gitDatesFile: undefined as string | undefined,
  /** What the build script compiled with the project's MDX renderer: body and absolute path. */
  compiled: [] as [string, string][],
  /** The first node of each tree the renderer took from the content check instead of parsing (src/lib/parsed-ahead.ts). */
  treesTaken: [] as unknown[],
  /** The verdict file the build script's own process named while it compiled (remark-diagrams reads it), or undefined. */
  verdictWhileCompiling: [] as (string | undefined)[],
  /**
   * The renderer fingerprint the stand-in Astro has: once the build script has compiled the page,
   * Astro takes it if this matches the build script's ('settings'), as the MDX plugin does.
   */
  astroFingerprint: 'settings',
  /** Whether astro.config.mjs gives an MDX processor the build script can compile with. */
  project: true,
  /** Files the content check passed besides the guide page (a source's YAML, say). */
  extraFiles: [] as { file: string; source: string }[],
}));

vi.mock('./check-content/index.ts', () => ({
  // The safety rules first (the build lets Astro compile once they pass every file); the other
  // rules a little later, on finish(), as in the real check.
  startContentCheck: () =>
    new Promise((resolve) =>
      setTimeout(
        () =>
          resolve({
            files: [{ file: 'content/guides/loop/index.mdx', source: '# Loop\n' }, ...checks.extraFiles],
            safety: checks.safety,
            // The tree the safety rules parsed from the page's body: the build offers the compiler a copy.
            mdxTree: (file: { file: string }) =>
              file.file.endsWith('.mdx') ? { type: 'root', children: [{ type: 'heading', depth: 1, children: [] }] } : undefined,
            finish: () =>
              new Promise((done, reject) =>
                setTimeout(() => {
                  checks.events.push('content check finished');
                  if (checks.contentThrows) reject(new Error('a rule broke'));
                  else done([...checks.safety, ...checks.content]);
                }, 20),
              ),
          }),
        10,
      ),
    ),
}));
// The project's MDX renderer (astro.config.mjs), stood in for: it records what it compiles.
vi.mock('./lib/mdx-renderer.ts', () => ({
  astroFrontmatter: (code: string) => ({ frontmatter: {}, content: code }),
  projectMdxRenderer: () =>
    Promise.resolve(
      checks.project
        ? {
            fingerprint: 'settings',
            renderer: {
              process: async (content: string, filePath: string) => {
                checks.compiled.push([content, filePath]);
                checks.verdictWhileCompiling.push(process.env.CONTENT_CHECK_VERDICT_FILE);
                const { takeParsedTree } = await import('../src/lib/parsed-ahead.ts');
                checks.treesTaken.push(takeParsedTree(filePath, content)?.children[0]);
                return Promise.resolve({ code: 'export default 1;', map: null, astroMetadata: {} });
              },
            },
          }
        : undefined,
    ),
}));
// The service worker: its code bundled (30 ms here), then finished on the built site once the code is there.
vi.mock('./build-sw.ts', () => ({
  prepareServiceWorker: (base: string) => {
    checks.events.push('service worker code started');
    checks.workerCalls.push(['prepare', base]);
    return new Promise((resolve, reject) =>
      setTimeout(() => {
        checks.events.push('service worker code ready');
        if (checks.worker.codeFail) reject(new Error(checks.worker.codeFail));
        else resolve({ base, before: '(', after: ')' });
      }, 30),
    );
  },
  finishServiceWorker: async (outDir: string, base: string, code: Promise<unknown>) => {
    checks.events.push('service worker finishing');
    checks.workerCalls.push(['finish', outDir, base, await code]);
    if (checks.worker.fail) throw new Error(checks.worker.fail);
    return { count: 3, size: 1024 * 1024, warnings: checks.worker.warnings, plan: { shell: [], shellBytes: 512 * 1024 } };
  },
}));
// Astro writes pages into the folder it is given and Pagefind an index; each prints and exits as
// checks.tools says. The built-site check (scripts/check-dist/index.ts) reports checks.dist.
vi.mock('node:child_process', async (importOriginal) => {
  const original = await importOriginal<typeof import('node:child_process')>();
  return {
    ...original,
    spawn: (command: string, args: string[], options: { env?: NodeJS.ProcessEnv; stdio?: unknown }) => {
      let killed = false;
      let inputClosed = () => {};
      const child = Object.assign(new EventEmitter(), {
        stdout: new EventEmitter(),
        stderr: new EventEmitter(),
        stdin: { end: () => inputClosed() },
        kill: () => {
          killed = true;
          if (args.some((arg) => arg.includes('astro'))) checks.killed = true;
          if (args[0] === 'scripts/check-dist/index.ts') checks.distKilled = true;
          setImmediate(() => child.emit('close', null, 'SIGTERM'));
          return true;
        },
      });
      if (args[0] === 'scripts/check-dist/index.ts') {
        // Started early with --after-input: it checks only once its input is closed.
        expect(args[1]).toBe('--after-input');
        expect(options.stdio).toEqual(['pipe', 'pipe', 'pipe']);
        inputClosed = () =>
          setImmediate(() => {
            if (killed) return;
            checks.distCalls.push([args[2]!, options.env?.BASE_PATH ?? '']);
            const lines = checks.dist.map((p) => `${p.file}:${p.line}  [${p.rule}] ${p.message}\n`);
            child.stdout.emit('data', Buffer.from(lines.length ? lines.join('') : `✓ Built-site check of ${args[2]}/: no problems.\n`));
            child.emit('close', lines.length ? 1 : 0, null);
          });
        return child;
      }
      const tool = args.some((arg) => arg.includes('astro')) ? 'astro' : 'pagefind';
      const run = checks.tools[tool];
      checks.spawned.push({ command, args, outDir: options.env?.OUT_DIR, stdio: options.stdio });
      if (tool === 'astro') checks.aheadDir = options.env?.MDX_AHEAD_DIR;
      if (tool === 'astro') checks.gitDatesFile = options.env?.GIT_DATES_FILE;
      // Astro compiles content only once the check's verdict exists, as the content-safety plugin does.
      const verdictFile = tool === 'astro' ? options.env?.CONTENT_CHECK_VERDICT_FILE : undefined;
      const whenReady = (go: () => void) => {
        const look = () => {
          if (killed) return;
          if (!verdictFile || existsSync(verdictFile)) {
            if (verdictFile) checks.verdictSeen = JSON.parse(readFileSync(verdictFile, 'utf8')) as Record<string, unknown>;
            go();
          } else setTimeout(look, 2);
        };
        // Never before spawn() returns: the caller listens for 'close' first, as with a real process.
        setImmediate(look);
      };
      // Astro takes the page the build script compiles beside it (src/plugins/mdx-ahead.ts).
      const aheadDir = tool === 'astro' ? options.env?.MDX_AHEAD_DIR : undefined;
      const page = path.resolve('content/guides/loop/index.mdx');
      const takePage = (go: () => void) => {
        if (!aheadDir || !checks.project) return go();
        const stored = path.join(aheadDir, `${aheadKey('settings', page, '# Loop\n')}.json`);
        // A build script that never stores the page does not hold Astro up for long: after a
        // second it compiles the page itself (a build that broke the sharing then fails its
        // assertions quickly instead of hanging).
        const giveUp = Date.now() + 1000;
        const look = () => {
          if (killed) return;
          if (!existsSync(stored) && Date.now() < giveUp) return void setTimeout(look, 2);
          const taken = take(new AheadFolder(aheadDir), aheadKey(checks.astroFingerprint, page, '# Loop\n'), { abandoned: () => true });
          void taken.then(go, go);
        };
        look();
      };
      whenReady(() =>
        takePage(() => {
          if (run.startError) {
            child.emit('error', new Error(run.startError));
            return;
          }
          const out = options.env?.OUT_DIR;
          if (tool === 'astro' && out) {
            mkdirSync(path.join(out, 'loop'), { recursive: true });
            writeFileSync(path.join(out, 'index.html'), '<p>the new build</p>');
            writeFileSync(
              path.join(out, 'loop', 'index.html'),
              '<figure class="diagram"></figure><figure class="diagram" data-mermaid-client="x"></figure>',
            );
          }
          if (tool === 'pagefind') checks.events.push('search index started');
          if (tool === 'pagefind' && !run.noIndex) {
            const site = args[args.indexOf('--site') + 1]!;
            mkdirSync(path.join(site, 'pagefind'), { recursive: true });
            writeFileSync(path.join(site, 'pagefind', 'index.pf'), 'x'.repeat(3 * 1024));
          }
          child.stdout.emit('data', Buffer.from(run.log));
          if (run.err) child.stderr.emit('data', Buffer.from(run.err));
          setTimeout(() => {
            if (killed) return;
            checks.events.push(`${tool} ended`);
            child.emit('close', run.code, run.signal ?? null);
          }, run.delay ?? 0);
        }),
      );
      return child;
    },
  };
});

const { actionableWarnings, build, BuildFailure, countOutput } = await import('./build.ts');

const brokenLink: Problem = {
  file: 'dist-staging/loop/index.html',
  line: 12,
  rule: 'link-target',
  message: 'The link /sub/missing/ goes to a page that does not exist.',
  fix: 'Link to an existing page.',
};

let output: string[];
beforeEach(() => {
  checks.safety = [];
  checks.content = [];
  checks.dist = [];
  checks.distCalls = [];
  checks.tools = { astro: { log: '', code: 0 }, pagefind: { log: 'Indexed 1,234 pages\n', code: 0 } };
  checks.spawned = [];
  checks.worker = { fail: '', codeFail: '', warnings: ['one file skipped'] };
  checks.workerCalls = [];
  checks.events = [];
  checks.contentThrows = false;
  checks.distKilled = false;
  checks.verdictSeen = null;
  checks.killed = false;
  checks.aheadDir = undefined;
  checks.gitDatesFile = undefined;
  checks.compiled = [];
  checks.treesTaken = [];
  checks.verdictWhileCompiling = [];
  checks.astroFingerprint = 'settings';
  checks.project = true;
  checks.extraFiles = [];
  output = [];
  vi.stubEnv('BASE_PATH', '/sub/');
  vi.stubEnv('GITHUB_ACTIONS', '');
  const capture = (...args: unknown[]) => void output.push(args.join(' '));
  vi.spyOn(console, 'log').mockImplementation(capture);
  vi.spyOn(console, 'error').mockImplementation(capture);
});
afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

function previousBuild(): string {
  const outDir = path.join(mkdtempSync(path.join(tmpdir(), 'build-steps-')), 'dist');
  mkdirSync(outDir);
  writeFileSync(path.join(outDir, 'index.html'), '<p>the previous build</p>');
  return outDir;
}

describe('the built-site check in build()', () => {
  it('fails the build on a problem, prints it, keeps the failed build and leaves the previous output', async () => {
    checks.dist = [brokenLink];
    const outDir = previousBuild();
    const failure = await build(outDir).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(BuildFailure);
    expect((failure as Error).message).toBe(
      `Build stopped: the built-site check failed (see above). The previous build output was left as it was. The failed build is in ${outDir}-staging/ for a look.`,
    );
    expect(checks.distCalls).toEqual([[`${outDir}-staging`, '/sub/']]);
    const printed = output.join('\n');
    expect(printed).toContain('dist-staging/loop/index.html:12  [link-target]');
    expect(printed).toContain('The link /sub/missing/ goes to a page that does not exist.');
    expect(printed).not.toContain('✓ Built');
    expect(readFileSync(path.join(outDir, 'index.html'), 'utf8')).toBe('<p>the previous build</p>');
    expect(readFileSync(path.join(`${outDir}-staging`, 'index.html'), 'utf8')).toBe('<p>the new build</p>');
  });

  it('swaps the new output in when the check finds nothing', async () => {
    const outDir = previousBuild();
    const timings = await build(outDir);
    expect(Object.keys(timings).sort()).toEqual([
      'MDX beside Astro',
      'astro build',
      'content check',
      'link check',
      'search index',
      'service worker',
      'service worker code',
      'total',
    ]);
    expect(readFileSync(path.join(outDir, 'index.html'), 'utf8')).toBe('<p>the new build</p>');
    expect(existsSync(`${outDir}-staging`)).toBe(false);
    expect(existsSync(`${outDir}-previous`)).toBe(false);
    // Seconds, not milliseconds: this build takes well under a second.
    for (const [step, seconds] of Object.entries(timings)) expect(seconds, step).toBeGreaterThanOrEqual(0);
    for (const [step, seconds] of Object.entries(timings)) expect(seconds, step).toBeLessThan(30);
    // Each step is timed from its own start: none took longer than the whole build.
    for (const [step, seconds] of Object.entries(timings)) expect(seconds, step).toBeLessThanOrEqual(timings.total!);
    expect(checks.killed).toBe(false);
    expect(checks.distKilled).toBe(false);
    const summary = output.join('\n');
    expect(summary).toMatch(/✓ Built 2 pages into .*dist\/ \(base \/sub\/\) in \d+\.\d s/);
    expect(summary).toContain("  MDX: 1 of 1 pages' MDX compiled by the build script beside Astro");
    expect(summary).toContain('  Diagrams: 2 (1 drawn at build time, 1 in the browser)');
    expect(summary).toContain('  Search index: 1,234 pages, 3 KB');
    expect(summary).toContain('  Offline precache: 3 files, 0.50 MB gzip as served, 1.00 MB before compression');
    expect(summary).toContain(
      '  Checks passed: content (content/; its safety rules before any MDX compiled), built site (links, #fragments, third parties, CSP, ids) after it',
    );
    expect(summary).toMatch(
      / {2}Steps: content check \d+\.\d s, MDX beside Astro \d+\.\d s, astro build \d+\.\d s, service worker code \d+\.\d s, search index \d+\.\d s, service worker \d+\.\d s, link check \d+\.\d s \(the content check, in two parts around this process's share of the MDX compiling, ran beside astro build, as did the service worker code; the link check beside the search index and the service worker\)\n/,
    );
    expect(summary).toContain('⚠ 1 warning:\n  service worker: one file skipped');
  });

  it('warns when Astro compiled again what the build script compiled beside it (their MDX settings differ)', async () => {
    checks.astroFingerprint = 'other settings';
    await build(previousBuild());
    const summary = output.join('\n');
    expect(summary).toContain("  MDX: 0 of 1 pages' MDX compiled by the build script beside Astro");
    expect(summary).toContain(
      '⚠ 2 warnings:\n  Astro took 0 of the 1 MDX compilations made beside it: its MDX settings differ from the ones scripts/lib/mdx-renderer.ts reads from astro.config.mjs. Make them read the same settings.\n',
    );
  });

  it('runs Astro, then Pagefind on the staging folder, with their output captured', async () => {
    const outDir = previousBuild();
    await build(outDir);
    const staging = `${outDir}-staging`;
    expect(checks.spawned).toEqual([
      {
        command: process.execPath,
        // Exit-safe: Astro reports its exit code on a fourth pipe, so a hang in Node's shutdown cannot hold the build.
        args: ['--import', path.resolve('scripts/lib/exit-report.ts'), 'node_modules/astro/bin/astro.mjs', 'build'],
        outDir: staging,
        stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
      },
      {
        command: process.execPath,
        args: ['node_modules/pagefind/lib/runner/bin.cjs', '--site', staging],
        outDir: staging,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    ]);
    expect(output.join('\n')).toContain("(Astro's log is shown if it fails; --verbose shows it live)");
    // Astro compiled only after the content check's verdict, which holds the hash of each file it passed.
    expect(checks.verdictSeen).toEqual({
      contentDir: path.resolve('content'),
      passed: { [path.resolve('content/guides/loop/index.mdx')]: '860771c51b9d79f3a0c81f4571450377af1196f5494a526eaf8e40e95251e652' },
      diagrams: [],
    });
    // Beside Astro, the build script compiled the file the check passed, with the project's
    // renderer, sharing the work through a folder of this build's own that is gone afterwards.
    expect(checks.compiled).toEqual([['# Loop\n', path.resolve('content/guides/loop/index.mdx')]]);
    // It compiled from a copy of the tree the check parsed, not from the text again.
    expect(checks.treesTaken).toEqual([{ type: 'heading', depth: 1, children: [] }]);
    expect(checks.aheadDir).toMatch(new RegExp(`^${tmpdir().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    expect(existsSync(checks.aheadDir!)).toBe(false);
    // git's answers for the pages' dates go to Astro through the same private folder, gone afterwards.
    expect(path.dirname(checks.gitDatesFile!)).toBe(path.dirname(checks.aheadDir!));
    expect(existsSync(checks.gitDatesFile!)).toBe(false);
  });

  it('with --verbose, shows the tools’ output live and does not print it again on failure', async () => {
    const written: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (written.push(String(chunk)), true));
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => (written.push(String(chunk)), true));
    checks.tools.astro = { log: 'astro says hello\n', err: 'astro complains\n', code: 1 };
    await expect(build(previousBuild(), { verbose: true })).rejects.toThrow('astro build failed');
    expect(written.join('')).toBe('astro says hello\nastro complains\n');
    expect(output.join('\n')).not.toContain('astro says hello');
    expect(output.join('\n')).not.toContain('its log is shown if it fails');
  });

  it('fails when a tool cannot start or is killed, naming the step and keeping the failed build', async () => {
    checks.tools.pagefind = { log: 'partial', code: null, signal: 'SIGKILL' };
    const outDir = previousBuild();
    await expect(build(outDir)).rejects.toThrow(
      `Build stopped: the search index (Pagefind) failed (see above). The previous build output was left as it was. The failed build is in ${outDir}-staging/ for a look.`,
    );
    expect(output.join('\n')).toContain('partial');
    // The built-site check, running beside the index, is stopped too.
    expect(checks.distKilled).toBe(true);
    checks.tools.pagefind = { log: '', code: 0, startError: 'spawn ENOENT' };
    await expect(build(previousBuild())).rejects.toThrow('the search index (Pagefind) failed');
    expect(output.join('\n')).toContain('Could not start');
    expect(output.join('\n')).toContain('spawn ENOENT');
  });

  it('prints no warnings heading when there are none', async () => {
    checks.worker.warnings = [];
    await build(previousBuild());
    expect(output.join('\n')).toContain('✓ Built 2 pages');
    expect(output.join('\n')).not.toContain('⚠');
  });

  it('stops Astro when the content check itself fails, and says why', async () => {
    checks.contentThrows = true;
    await expect(build(previousBuild())).rejects.toThrow('a rule broke');
    // The safety rules had passed, so Astro had started compiling: it is stopped all the same.
    expect(checks.verdictSeen).not.toBeNull();
    expect(checks.killed).toBe(true);
  });

  it('fails when the service worker cannot be built, printing why', async () => {
    checks.worker.fail = 'A page is too large to store.';
    const outDir = previousBuild();
    await expect(build(outDir)).rejects.toThrow(`Build stopped: the service worker failed (see above).`);
    expect(output.join('\n')).toContain('A page is too large to store.');
    expect(checks.distKilled).toBe(true);
    // The built-site check ran beside the search index, before the worker.
    expect(checks.distCalls).toEqual([[`${outDir}-staging`, '/sub/']]);
    expect(readFileSync(path.join(outDir, 'index.html'), 'utf8')).toBe('<p>the previous build</p>');
  });

  it('bundles the service worker’s code beside Astro once the content check has passed, and finishes it after the search index', async () => {
    // Astro takes longer than the bundling, as it does in a real build.
    checks.tools.astro.delay = 100;
    const outDir = previousBuild();
    const timings = await build(outDir);
    expect(checks.events).toEqual([
      'content check finished',
      'service worker code started',
      'service worker code ready',
      'astro ended',
      'search index started',
      'pagefind ended',
      'service worker finishing',
    ]);
    // Bundled for the build's base path; finished on the staging folder with that code.
    expect(checks.workerCalls).toEqual([
      ['prepare', '/sub/'],
      ['finish', `${outDir}-staging`, '/sub/', { base: '/sub/', before: '(', after: ')' }],
    ]);
    // Timed from its own start to its end (30 ms here), within Astro's time.
    expect(timings['service worker code']).toBeGreaterThanOrEqual(0.025);
    expect(timings['service worker code']).toBeLessThan(timings['astro build']!);
  });

  it('fails the service worker’s step, after the search index, when its code could not be bundled', async () => {
    checks.worker.codeFail = 'rollup could not bundle Workbox.';
    const outDir = previousBuild();
    await expect(build(outDir)).rejects.toThrow(
      `Build stopped: the service worker failed (see above). The previous build output was left as it was. The failed build is in ${outDir}-staging/ for a look.`,
    );
    expect(output.join('\n')).toContain('rollup could not bundle Workbox.');
    expect(checks.events).toContain('search index started');
    expect(checks.distKilled).toBe(true);
    expect(readFileSync(path.join(outDir, 'index.html'), 'utf8')).toBe('<p>the previous build</p>');
  });

  it('lists Astro’s warnings under the summary, each once with its count', async () => {
    checks.tools.astro.log = [
      '12:00:01 [WARN] [content] Empty collection',
      '12:00:02 [WARN] [content] Empty collection',
      '12:00:03 [build] done',
    ].join('\n');
    await build(previousBuild());
    const summary = output.join('\n');
    expect(summary).toContain('⚠ 2 warnings:\n  [WARN] [content] Empty collection (2 times)\n  service worker: one file skipped');
    expect(summary).not.toContain('[build] done');
  });

  it('when Astro fails, prints its log, removes the staging folder and leaves the previous output', async () => {
    checks.tools.astro = { log: 'Astro: something broke', code: 1 };
    // The service worker's code, bundled meanwhile, fails too, later: Astro's failure is the one reported.
    checks.worker.codeFail = 'rollup could not bundle Workbox.';
    const outDir = previousBuild();
    await expect(build(outDir)).rejects.toThrow(
      'Build stopped: astro build failed (see above). The previous build output was left as it was.',
    );
    // The bundling's failure comes after the build has stopped, and goes nowhere (vitest fails a test on an unhandled rejection).
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(checks.events).toContain('service worker code ready');
    expect(output.join('\n')).not.toContain('rollup could not bundle Workbox.');
    expect(output.join('\n')).toContain('Astro: something broke');
    expect(checks.distCalls).toEqual([]);
    expect(existsSync(`${outDir}-staging`)).toBe(false);
    expect(readFileSync(path.join(outDir, 'index.html'), 'utf8')).toBe('<p>the previous build</p>');
  });

  it('stops Astro before it compiles anything when the content-safety rules find a problem', async () => {
    checks.safety = [{ ...brokenLink, file: 'content/guides/loop/index.mdx', rule: 'mdx-expression' }];
    const outDir = previousBuild();
    await expect(build(outDir)).rejects.toThrow('Build stopped: the content check failed');
    expect(output.join('\n')).toContain('[mdx-expression]');
    expect(checks.killed).toBe(true);
    expect(checks.verdictSeen).toBeNull();
    expect(checks.spawned.map((run) => run.args[2])).toEqual(['node_modules/astro/bin/astro.mjs']);
    // The service worker's code is bundled only after the content check has passed.
    expect(checks.workerCalls).toEqual([]);
    expect(existsSync(`${outDir}-staging`)).toBe(false);
    expect(readFileSync(path.join(outDir, 'index.html'), 'utf8')).toBe('<p>the previous build</p>');
  });

  it('lets Astro compile once the safety rules pass, and stops it when another rule finds a problem', async () => {
    checks.content = [{ ...brokenLink, file: 'content/guides/loop/index.mdx', rule: 'frontmatter' }];
    // Astro is still compiling when the other rules end (it waits for the page the build script
    // would compile), so the build stops it.
    const outDir = previousBuild();
    await expect(build(outDir)).rejects.toThrow('Build stopped: the content check failed');
    expect(checks.verdictSeen).toEqual({
      contentDir: path.resolve('content'),
      passed: { [path.resolve('content/guides/loop/index.mdx')]: '860771c51b9d79f3a0c81f4571450377af1196f5494a526eaf8e40e95251e652' },
      diagrams: [],
    });
    expect(checks.killed).toBe(true);
    expect(checks.spawned.map((run) => run.args[2])).toEqual(['node_modules/astro/bin/astro.mjs']);
    // The service worker's code is bundled only after the content check has passed.
    expect(checks.workerCalls).toEqual([]);
    expect(checks.distCalls).toEqual([]);
    expect(existsSync(`${outDir}-staging`)).toBe(false);
    expect(readFileSync(path.join(outDir, 'index.html'), 'utf8')).toBe('<p>the previous build</p>');
  });
});

describe('actionableWarnings', () => {
  it('keeps warn and warning lines anywhere, strips colors and a leading time only', () => {
    const log = [
      '\u001b[33mwarn\u001b[39m something odd',
      '  warn indented',
      'a warning in the middle',
      'warned is not a warning word? no: warned',
      '10:00:00 [WARN] at 10:00:01 twice',
      'prefix 10:00:00 [WARN] time kept',
      '(!) rollup notice',
      'a warn-free line with forewarn',
    ].join('\n');
    expect(actionableWarnings(log)).toEqual([
      'warn something odd',
      'warn indented',
      'a warning in the middle',
      'warned is not a warning word? no: warned',
      '[WARN] at 10:00:01 twice',
      'prefix 10:00:00 [WARN] time kept',
      '(!) rollup notice',
    ]);
  });
});

describe('countOutput', () => {
  it('counts index.html pages and the root 404 page, not pages inside pagefind/ or _astro/, and diagram figures whatever their other classes', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'count-'));
    const files: Record<string, string> = {
      'index.html':
        '<figure class="diagram"></figure><figure class="diagram diagram--phone diagram--w900"></figure><figure class="diagrams"></figure>',
      '404.html': '',
      'robots.txt': '',
      'loop/index.html': '<figure class="diagram" data-mermaid-client="a"></figure><figure class="diagram"></figure>',
      'loop/404.html': '<figure class="diagram"></figure>',
      'loop/other.html': '',
      'pagefind/index.html': '<figure class="diagram"></figure>',
      '_astro/index.html': '',
    };
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      writeFileSync(path.join(dir, name), text);
    }
    expect(countOutput(dir)).toEqual({ pages: 3, diagrams: 4, browserDiagrams: 1 });
  });
});

describe('MDX compiled beside Astro, and the summary and failure lines of build()', () => {
  it('compiles only the MDX files the content check passed, not its other files', async () => {
    checks.extraFiles = [{ file: 'content/sources/blog-loop.yaml', source: 'id: blog-loop\n' }];
    await build(previousBuild());
    expect(checks.compiled).toEqual([['# Loop\n', path.resolve('content/guides/loop/index.mdx')]]);
    expect(output.join('\n')).toContain("  MDX: 1 of 1 pages' MDX compiled by the build script beside Astro\n");
  });

  it('compiles with the verdict named in its own process, as Astro does (a diagram it lists is not parsed again), and unnames it after', async () => {
    expect(process.env[VERDICT_VARIABLE]).toBeUndefined();
    await build(previousBuild());
    const [named] = checks.verdictWhileCompiling;
    expect(checks.verdictWhileCompiling).toHaveLength(1);
    // The very verdict the stand-in Astro read (the file is gone with the build's folder).
    expect(named).toMatch(/content-verdict-[^/]+\/verdict\.json$/);
    expect(checks.verdictSeen).not.toBeNull();
    expect(process.env[VERDICT_VARIABLE]).toBeUndefined();
  });

  it('gives back a verdict variable the process had before the build', async () => {
    vi.stubEnv(VERDICT_VARIABLE, '/elsewhere/verdict.json');
    await build(previousBuild());
    expect(checks.verdictWhileCompiling[0]).toMatch(/content-verdict-[^/]+\/verdict\.json$/);
    expect(process.env[VERDICT_VARIABLE]).toBe('/elsewhere/verdict.json');
  });

  it('leaves every page to Astro, with no MDX line or step, when astro.config.mjs gives no MDX processor', async () => {
    checks.project = false;
    checks.worker.warnings = [];
    const timings = await build(previousBuild());
    expect(checks.compiled).toEqual([]);
    expect(Object.keys(timings)).not.toContain('MDX beside Astro');
    const summary = output.join('\n');
    // The Diagrams line follows the first line directly.
    expect(summary).toMatch(/✓ Built 2 pages[^\n]*\n {2}Diagrams: /);
    expect(summary).not.toContain('MDX:');
    expect(summary).not.toContain('MDX beside Astro');
    expect(summary).not.toContain('⚠');
  });

  it('shows the tools’ output only in their log, not live, without --verbose', async () => {
    const written: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (written.push(String(chunk)), true));
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => (written.push(String(chunk)), true));
    checks.tools.astro = { log: 'astro says hello\n', err: 'astro complains\n', code: 0 };
    await build(previousBuild());
    expect(written.join('')).toBe('');
  });

  it('prints a failed Astro’s log as it was, only its trailing blank lines dropped, and names no failed build to look at', async () => {
    checks.tools.astro = { log: '\n  Astro: something broke\n\n', code: 1 };
    const failure = await build(previousBuild()).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect((failure as Error).message).toBe('Build stopped: astro build failed (see above). The previous build output was left as it was.');
    expect(output).toContain('\n  Astro: something broke');
    // The built-site check, started early and waiting for input, is stopped too.
    expect(checks.distKilled).toBe(true);
  });

  it('sums an index Pagefind did not write as 0 KB, and drops a time stamp after leading spaces from a warning', async () => {
    checks.tools.pagefind = { log: 'Indexed 1 page\n', code: 0, noIndex: true };
    checks.tools.astro.log = '  12:00:01 [WARN] indented and stamped\n';
    await build(previousBuild());
    const summary = output.join('\n');
    expect(summary).toContain('  Search index: 1 pages, 0 KB\n');
    expect(summary).toContain('⚠ 2 warnings:\n  [WARN] indented and stamped\n');
  });

  it('prints the built-site check’s report as it was, a blank line before the warnings, and times the whole build from its start', async () => {
    const outDir = previousBuild();
    const before = performance.now();
    const timings = await build(outDir);
    const elapsed = (performance.now() - before) / 1000;
    expect(output).toContain(`✓ Built-site check of ${outDir}-staging/: no problems.`);
    expect(timings.total).toBeLessThanOrEqual(elapsed);
    expect(output.join('\n')).toContain('\n\n⚠ 1 warning:\n');
  });

  it('gives the search index line without a page count when Pagefind does not print one', async () => {
    checks.tools.pagefind = { log: 'done\n', code: 0 };
    await build(previousBuild());
    expect(output.join('\n')).toContain('  Search index: 3 KB\n');
  });

  it('builds over the leftovers of an interrupted build, and into a folder that does not exist yet', async () => {
    const outDir = previousBuild();
    // An earlier build stopped between its two renames, or before its staging folder was removed.
    for (const leftover of [`${outDir}-previous`, `${outDir}-staging`]) {
      mkdirSync(path.join(leftover, 'loop'), { recursive: true });
      writeFileSync(path.join(leftover, 'loop', 'index.html'), '<p>left over</p>');
    }
    await build(outDir);
    expect(checks.distCalls).toEqual([[`${outDir}-staging`, '/sub/']]);
    expect(readFileSync(path.join(outDir, 'index.html'), 'utf8')).toBe('<p>the new build</p>');
    expect(existsSync(`${outDir}-previous`)).toBe(false);
    expect(existsSync(`${outDir}-staging`)).toBe(false);
    const fresh = path.join(mkdtempSync(path.join(tmpdir(), 'build-steps-')), 'dist');
    await build(fresh);
    expect(readFileSync(path.join(fresh, 'index.html'), 'utf8')).toBe('<p>the new build</p>');
    expect(existsSync(`${fresh}-previous`)).toBe(false);
  });

  it('takes an output folder named with trailing slashes as the folder itself (OUT_DIR=dist/)', async () => {
    const outDir = previousBuild();
    await build(`${outDir}//`);
    expect(readFileSync(path.join(outDir, 'index.html'), 'utf8')).toBe('<p>the new build</p>');
    expect(existsSync(`${outDir}-staging`)).toBe(false);
    expect(existsSync(`${outDir}-previous`)).toBe(false);
    expect(output.join('\n')).toContain(`✓ Built 2 pages into ${outDir}/ (base /sub/)`);
  });

  it('with --verbose, announces the side-by-side step without the note about the log', async () => {
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const outDir = previousBuild();
    await build(outDir, { verbose: true });
    expect(output).toContain(`… Checking content/ and building pages with Astro into ${outDir}-staging/ side by side`);
  });

  it('titles the content check’s problems with the folder it checked', async () => {
    checks.content = [{ ...brokenLink, file: 'content/guides/loop/index.mdx', rule: 'frontmatter' }];
    await expect(build(previousBuild())).rejects.toThrow('Build stopped: the content check failed');
    expect(output.join('\n')).toContain('Content check of content/');
  });
});
