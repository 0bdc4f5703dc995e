/**
 * The quality rules at their edges: each benchmark target exactly at its limit, every figure and
 * name in the target rows; each workflow rule on a small workflow written for it (write-all,
 * a job without a permissions block, local actions, `npm i`, problems sorted by file and line);
 * and a lock file too old to have a root entry.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkTargets, type BenchFigures } from './targets.ts';
import { checkLockfile, checkWorkflows } from './workflows.ts';

const KB = 1024;
const perfect = { performance: 100, accessibility: 100, bestPractices: 100, seo: 100 };

describe('benchmark targets at their limits', () => {
  const atLimits: BenchFigures = {
    pages: 200,
    builds: [{ label: 'cold', total: 10 }],
    bytes: [{ type: 'Guide', total: 20 * KB }],
    search: { total: 100 * KB },
    lighthouse: [
      { type: 'Home', preset: 'mobile', ...perfect },
      { type: 'Guide', preset: 'mobile', ...perfect },
    ],
  };

  it('meets each target exactly at its limit, and prints every figure', () => {
    expect(checkTargets(atLimits)).toEqual([
      { target: 'Lighthouse mobile: 100 in all four categories, every page type', figure: 'all 2 page types at 100', met: true },
      { target: 'Guide page first load ≤ 20 KB gzip (HTML, CSS, JS; no diagram SVG)', figure: '20.0 KB', met: true },
      { target: 'First search fetches ≤ 100 KB', figure: '100.0 KB', met: true },
      { target: 'Full build ≥ 20 pages/s (cold caches)', figure: '20.0 pages/s', met: true },
    ]);
  });

  it('misses each one just past it, naming every page type below 100', () => {
    const results = checkTargets({
      ...atLimits,
      builds: [
        { label: 'warm', total: 1 },
        { label: 'cold', total: 10.01 },
      ],
      bytes: [
        { type: 'Home', total: 1 },
        { type: 'Guide', total: 20 * KB + 1 },
      ],
      search: { total: 100 * KB + 1 },
      lighthouse: [
        { type: 'Home', preset: 'mobile', ...perfect, performance: 99 },
        { type: 'Guide', preset: 'mobile', ...perfect, accessibility: 99 },
        { type: 'Prompt', preset: 'mobile', ...perfect, bestPractices: 99 },
        { type: 'Culture', preset: 'mobile', ...perfect },
      ],
    });
    expect(results.map((r) => [r.figure, r.met])).toEqual([
      ['below 100: Home, Guide, Prompt', false],
      ['20.0 KB', false],
      ['100.0 KB', false],
      ['20.0 pages/s', false],
    ]);
  });

  it('says "not measured" and never meets a target without its measurement', () => {
    const results = checkTargets({ pages: 50, builds: [{ label: 'cold', total: 0 }], bytes: [], search: { total: 0 }, lighthouse: [] });
    expect(results.map((r) => [r.figure, r.met])).toEqual([
      ['all 0 page types at 100', false],
      ['not measured', false],
      ['0.0 KB', true],
      ['0.0 pages/s', false],
    ]);
    expect(checkTargets({ pages: 50, builds: [], bytes: [], search: { total: 0 }, lighthouse: [] })[3]!.figure).toBe('not measured');
  });
});

const SHA = 'a'.repeat(40);

function workflows(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'workflows-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

const job = (steps: string, extra = '') => `jobs:
  build:
    runs-on: ubuntu-24.04
    timeout-minutes: 5${extra}
    steps:
${steps}`;

describe('workflow rules on small workflows', () => {
  it('pass a clean workflow, local actions and files that are not YAML', () => {
    const dir = workflows({
      'clean.yml': `permissions:\n  contents: read\n${job(`      - uses: actions/checkout@${SHA} # v4\n        with:\n          persist-credentials: false\n      - uses: ./.github/actions/local\n      - run: npm ci`)}`,
      'notes.md': 'uses: actions/checkout@v4\n',
    });
    expect(checkWorkflows(dir)).toEqual([]);
  });

  it('flag write-all at the top, each with its file, line, rule, message and fix', () => {
    const dir = workflows({ 'a.yaml': `permissions: write-all\n${job(`      - run: npm ci`)}` });
    expect(checkWorkflows(dir)).toEqual([
      {
        file: path.join(dir, 'a.yaml'),
        line: 1,
        rule: 'workflow-permissions',
        message: 'The workflow grants "write-all: write" to every job.',
        fix: 'Keep the top-level permissions read-only (contents: read) and grant write access on the one job that needs it.',
      },
    ]);
  });

  it('flag a missing timeout, a tag pin, a checkout keeping its token and npm i, sorted by file then line', () => {
    const dir = workflows({
      'b.yml': `permissions:\n  contents: read\njobs:\n  test:\n    runs-on: ubuntu-24.04\n    steps:\n      - uses: actions/checkout@v4\n      - run: npm i && npm test\n      - uses: actions/setup-node@${SHA.slice(1)}\n`,
      'a.yml': `permissions:\n  contents: read\n${job(`      - run: |\n          npm add left-pad`)}`,
    });
    expect(checkWorkflows(dir).map((p) => `${path.basename(p.file)}:${p.line} ${p.rule}: ${p.message}`)).toEqual([
      'a.yml:8 workflow-install: The job "build" installs dependencies with "npm install", which may resolve versions other than the locked ones.',
      'b.yml:4 workflow-timeout: The job "test" has no timeout-minutes.',
      'b.yml:7 workflow-credentials: A checkout in the job "test" keeps the GitHub token in .git/config for every later step.',
      'b.yml:7 workflow-pinning: actions/checkout@v4 is not pinned to a commit SHA.',
      'b.yml:8 workflow-install: The job "test" installs dependencies with "npm install", which may resolve versions other than the locked ones.',
      `b.yml:9 workflow-pinning: actions/setup-node@${SHA.slice(1)} is not pinned to a commit SHA.`,
    ]);
  });

  it('let the deploy job write pages and id-token only, and name anything else it writes', () => {
    const dir = workflows({
      'deploy.yml': `permissions:\n  contents: read\n${job(`      - uses: actions/deploy-pages@${SHA}`, `\n    permissions:\n      pages: write\n      id-token: write\n      contents: write`)}`,
    });
    expect(checkWorkflows(dir).map((p) => `${p.line} ${p.message}`)).toEqual(['8 The job "build" grants "contents: write".']);
  });

  it('do not mistake "npm init" or "npm ci" for an install', () => {
    const dir = workflows({
      'c.yml': `permissions:\n  contents: read\n${job(`      - run: npm ci\n      - run: npm init -y`)}`,
    });
    expect(checkWorkflows(dir).map((p) => p.rule)).toEqual([]);
  });
});

describe('lock file', () => {
  it('refuses a lock file without a root entry (lockfileVersion 1)', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'lock-'));
    writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'x', version: '1.0.0' }));
    writeFileSync(
      path.join(dir, 'package-lock.json'),
      JSON.stringify({ name: 'x', version: '1.0.0', lockfileVersion: 1, packages: { '': {} } }),
    );
    expect(checkLockfile(path.join(dir, 'package.json'), path.join(dir, 'package-lock.json'))).toEqual([
      {
        file: path.join(dir, 'package-lock.json'),
        line: 1,
        rule: 'lockfile',
        message: 'The lock file has no root package entry (lockfileVersion 2 or later is needed).',
        fix: 'Run "npm install" once and commit package.json and package-lock.json together.',
      },
    ]);
  });

  it('names a differing package name on its line, and accepts a peer dependency that is not installed', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'lock-'));
    const manifest = { name: 'renamed', version: '1.0.0', peerDependencies: { react: '^19.0.0' } };
    writeFileSync(path.join(dir, 'package.json'), JSON.stringify(manifest, null, 2));
    writeFileSync(
      path.join(dir, 'package-lock.json'),
      JSON.stringify({ name: 'x', version: '1.0.0', lockfileVersion: 3, packages: { '': { ...manifest, name: 'x' } } }),
    );
    expect(checkLockfile(path.join(dir, 'package.json'), path.join(dir, 'package-lock.json')).map((p) => `${p.line} ${p.message}`)).toEqual(
      ['2 package.json says name "renamed", the lock file "x".'],
    );
  });
});
