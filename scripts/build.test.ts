/**
 * `npm run build` end to end on fixture content: the content check runs beside Astro, which
 * compiles no MDX until the check has passed, every step runs and leaves its output, a good build prints a short summary instead of Astro's
 * log, and a failed build (content check or Astro) leaves the previous output folder untouched.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildEnvironment } from './lib/build-fixture.ts';
import { runNode } from './lib/run-node.ts';
import { actionableWarnings } from './build.ts';

const GOOD_CONTENT = 'scripts/check-dist/__fixtures__/links-good/content';
/** The fixture's MDX pages: guides/loop/index.mdx and guides/loop/recruiter.mdx. */
const MDX_FILES = 2;

/** Runs `npm run build`'s script on `contentDir`; `signal` (the test's) stops it if it hangs. */
async function runBuild(contentDir: string, options: { scratch?: string; env?: NodeJS.ProcessEnv; signal: AbortSignal }) {
  const scratch = options.scratch ?? mkdtempSync(path.join(tmpdir(), 'build-test-'));
  const outDir = path.join(scratch, 'dist');
  const timings = path.join(scratch, 'timings.json');
  const result = await runNode(['scripts/build.ts', '--timings', timings], {
    signal: options.signal,
    env: {
      ...buildEnvironment(),
      CONTENT_DIR: contentDir,
      OUT_DIR: outDir,
      BASE_PATH: '/sub/',
      ASTRO_CACHE_DIR: path.join(scratch, 'cache'),
      ASTRO_TELEMETRY_DISABLED: '1',
      ...options.env,
    },
  });
  return { status: result.status, stdout: result.stdout, log: `${result.stdout}\n${result.stderr}`, scratch, outDir, timings };
}

/** A previous build's output, to prove a failed build leaves it alone. */
function previousOutput(scratch: string): string {
  const page = path.join(scratch, 'dist', 'index.html');
  mkdirSync(path.dirname(page), { recursive: true });
  writeFileSync(page, '<p>the previous build</p>');
  return page;
}

describe('npm run build', () => {
  it('checks content first, runs every step, swaps the output in, and prints a short summary', async ({ signal }) => {
    const scratch = mkdtempSync(path.join(tmpdir(), 'build-test-'));
    const old = previousOutput(scratch);
    const build = await runBuild(GOOD_CONTENT, { scratch, signal });
    expect(build.status, build.log).toBe(0);
    expect(existsSync(path.join(build.outDir, 'loop', 'index.html'))).toBe(true);
    expect(existsSync(path.join(build.outDir, 'pagefind', 'pagefind.js'))).toBe(true);
    // The worker is generated for this base: it precaches the offline page under /sub/.
    expect(readFileSync(path.join(build.outDir, 'sw.js'), 'utf8')).toContain('/sub/offline/index.html');
    expect(readFileSync(old, 'utf8')).not.toContain('the previous build');
    // Nothing is left beside the output folder.
    expect(existsSync(`${build.outDir}-staging`)).toBe(false);
    expect(existsSync(`${build.outDir}-previous`)).toBe(false);

    // The content check ran, beside Astro.
    const stdout = build.stdout;
    expect(stdout).toContain('✓ Content check of');
    expect(stdout).toContain('and building pages with Astro into');
    // A short summary, not Astro's page-by-page log.
    expect(stdout).toMatch(/✓ Built \d+ pages into .*dist\/ \(base \/sub\/\) in [\d.]+ s/);
    expect(stdout).toMatch(/Diagrams: \d+ \(\d+ drawn at build time, \d+ in the browser\)/);
    expect(stdout).toMatch(/Search index: \d+ pages, [\d,]+ KB/);
    expect(stdout).toContain('Checks passed: content');
    expect(stdout).toContain('Built-site check');
    expect(stdout).not.toMatch(/generating static routes|\(\+\d+ms\)/i);
    // The summary is short; warnings (this small fixture has empty collections, so Astro warns
    // about them) come after it, each said once.
    const [summary, warnings = ''] = stdout.split(/^⚠ \d+ warnings?:$/m);
    expect(summary!.trim().split('\n').length, stdout).toBeLessThan(20);
    const warningLines = warnings.trim().split('\n').filter(Boolean);
    expect(new Set(warningLines).size, warnings).toBe(warningLines.length);

    const timings = JSON.parse(readFileSync(build.timings, 'utf8')) as Record<string, number>;
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
    // The service worker's code was really bundled (rollup and terser take a while), and timed.
    expect(timings['service worker code']).toBeGreaterThan(0.1);
    // The build script compiled MDX beside Astro, and Astro took what it compiled (else a warning).
    const share = /MDX: (\d+) of (\d+) pages' MDX compiled by the build script beside Astro/.exec(stdout);
    expect(share, stdout).not.toBeNull();
    expect(Number(share![2])).toBe(MDX_FILES);
    expect(stdout).not.toContain('MDX compilations made beside it');
  });

  it('stops on a content problem, naming the file and line, before Astro (started beside the check) runs any of it', async ({ signal }) => {
    const scratch = mkdtempSync(path.join(tmpdir(), 'build-test-'));
    const old = previousOutput(scratch);
    // Good content plus a page whose expression would write a file if it were ever compiled and run.
    const content = path.join(scratch, 'content');
    cpSync(GOOD_CONTENT, content, { recursive: true });
    const marker = path.join(scratch, 'executed.txt');
    const page = path.join(content, 'guides', 'loop', 'index.mdx');
    const lines = readFileSync(page, 'utf8').split('\n');
    lines.push(`Hello {process.getBuiltinModule('node:fs').writeFileSync(${JSON.stringify(marker)}, 'ran') ?? 'there'}.`, '');
    writeFileSync(page, lines.join('\n'));
    const build = await runBuild(content, { scratch, signal });
    expect(build.status, build.log).toBe(1);
    expect(build.log).toContain(`guides/loop/index.mdx:${lines.length - 1}:7  [mdx-expression]`);
    expect(build.log).toContain('Build stopped: the content check failed');
    expect(existsSync(marker)).toBe(false);
    expect(readFileSync(old, 'utf8')).toBe('<p>the previous build</p>');
    expect(existsSync(`${build.outDir}-staging`)).toBe(false);
  });

  it('when Astro fails, prints its log and leaves the previous output as it was', async ({ signal }) => {
    const scratch = mkdtempSync(path.join(tmpdir(), 'build-test-'));
    const old = previousOutput(scratch);
    // A cache folder that is a file: Astro stops while setting up, after the content check passed.
    const cacheFile = path.join(scratch, 'not-a-folder');
    writeFileSync(cacheFile, '');
    const build = await runBuild(GOOD_CONTENT, { scratch, env: { ASTRO_CACHE_DIR: cacheFile }, signal });
    expect(build.status).toBe(1);
    expect(build.log).toContain('✓ Content check of');
    expect(build.log).toContain('ENOTDIR');
    expect(build.log).toContain('Build stopped: astro build failed (see above). The previous build output was left as it was.');
    expect(readFileSync(old, 'utf8')).toBe('<p>the previous build</p>');
    expect(existsSync(`${build.outDir}-staging`)).toBe(false);
  });
});

describe('build warnings', () => {
  it('keeps the lines Astro and Vite mark as warnings, without colors or time, each once with its count', () => {
    const log = [
      '13:01:02 [build] ✓ Completed in 2.1s.',
      '\u001b[33m13:01:03 [WARN] [vite] Some chunks are larger than 500 kB\u001b[39m',
      '  ├─ /loop/index.html (+12ms)',
      '13:01:04 [WARN] [content] The collection "stack" does not exist or is empty.',
      '13:01:05 [WARN] [content] The collection "stack" does not exist or is empty.',
      '(!) Could not resolve a dynamic import',
    ].join('\n');
    expect(actionableWarnings(log)).toEqual([
      '[WARN] [vite] Some chunks are larger than 500 kB',
      '[WARN] [content] The collection "stack" does not exist or is empty. (2 times)',
      '(!) Could not resolve a dynamic import',
    ]);
  });
});
