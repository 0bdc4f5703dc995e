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

const checks = vi.hoisted(() => ({
  content: [] as Problem[],
  dist: [] as Problem[],
  distCalls: [] as [string, string][],
  /** What the stand-in for Astro prints, and its exit code. */
  astro: { log: '', code: 0 },
}));

vi.mock('./check-content/index.ts', () => ({ checkContent: () => Promise.resolve(checks.content) }));
vi.mock('./check-dist/index.ts', () => ({
  checkDist: (dir: string, base: string) => {
    checks.distCalls.push([dir, base]);
    return checks.dist;
  },
}));
vi.mock('./build-sw.ts', () => ({
  buildServiceWorker: () => Promise.resolve({ count: 3, size: 1024, warnings: [], plan: { shell: [] } }),
}));
// Astro and Pagefind: each "runs" by writing a page into the folder it was given and succeeding.
vi.mock('node:child_process', async (importOriginal) => {
  const original = await importOriginal<typeof import('node:child_process')>();
  return {
    ...original,
    spawn: (_command: string, args: string[], options: { env?: NodeJS.ProcessEnv }) => {
      const child = Object.assign(new EventEmitter(), { stdout: new EventEmitter(), stderr: new EventEmitter() });
      const astro = args.some((arg) => arg.includes('astro'));
      setImmediate(() => {
        const out = options.env?.OUT_DIR;
        if (out) {
          mkdirSync(path.join(out, 'loop'), { recursive: true });
          writeFileSync(path.join(out, 'index.html'), '<p>the new build</p>');
          writeFileSync(
            path.join(out, 'loop', 'index.html'),
            '<figure class="diagram"></figure><figure class="diagram" data-mermaid-client="x"></figure>',
          );
        }
        child.stdout.emit('data', Buffer.from(astro ? checks.astro.log : 'Indexed 2 pages\n'));
        child.emit('close', astro ? checks.astro.code : 0, null);
      });
      return child;
    },
  };
});

const { build, BuildFailure } = await import('./build.ts');

const brokenLink: Problem = {
  file: 'dist-staging/loop/index.html',
  line: 12,
  rule: 'link-target',
  message: 'The link /sub/missing/ goes to a page that does not exist.',
  fix: 'Link to an existing page.',
};

let output: string[];
beforeEach(() => {
  checks.content = [];
  checks.dist = [];
  checks.distCalls = [];
  checks.astro = { log: '', code: 0 };
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
    expect(Object.keys(timings).sort()).toEqual(['astro build', 'content check', 'link check', 'search index', 'service worker', 'total']);
    expect(readFileSync(path.join(outDir, 'index.html'), 'utf8')).toBe('<p>the new build</p>');
    expect(existsSync(`${outDir}-staging`)).toBe(false);
    expect(existsSync(`${outDir}-previous`)).toBe(false);
    const summary = output.join('\n');
    expect(summary).toMatch(/✓ Built 2 pages into .*dist\/ \(base \/sub\/\) in [\d.]+ s/);
    expect(summary).toContain('Diagrams: 2 (1 drawn at build time, 1 in the browser)');
    expect(summary).toMatch(/Search index: 2 pages, 0 KB/);
    expect(summary).toContain('Offline precache: 3 files, 0.00 MB before compression');
    expect(summary).not.toContain('warning');
  });

  it('lists Astro’s warnings under the summary, each once with its count', async () => {
    checks.astro.log = [
      '12:00:01 [WARN] [content] Empty collection',
      '12:00:02 [WARN] [content] Empty collection',
      '12:00:03 [build] done',
    ].join('\n');
    await build(previousBuild());
    const summary = output.join('\n');
    expect(summary).toContain('⚠ 1 warning:\n  [WARN] [content] Empty collection (2 times)');
    expect(summary).not.toContain('[build] done');
  });

  it('when Astro fails, prints its log, removes the staging folder and leaves the previous output', async () => {
    checks.astro = { log: 'Astro: something broke', code: 1 };
    const outDir = previousBuild();
    await expect(build(outDir)).rejects.toThrow(
      'Build stopped: astro build failed (see above). The previous build output was left as it was.',
    );
    expect(output.join('\n')).toContain('Astro: something broke');
    expect(checks.distCalls).toEqual([]);
    expect(existsSync(`${outDir}-staging`)).toBe(false);
    expect(readFileSync(path.join(outDir, 'index.html'), 'utf8')).toBe('<p>the previous build</p>');
  });

  it('stops before building when the content check finds a problem', async () => {
    checks.content = [{ ...brokenLink, file: 'content/guides/loop/index.mdx', rule: 'frontmatter' }];
    const outDir = previousBuild();
    await expect(build(outDir)).rejects.toThrow('Build stopped: the content check failed');
    expect(checks.distCalls).toEqual([]);
    expect(existsSync(`${outDir}-staging`)).toBe(false);
    expect(readFileSync(path.join(outDir, 'index.html'), 'utf8')).toBe('<p>the previous build</p>');
  });
});
