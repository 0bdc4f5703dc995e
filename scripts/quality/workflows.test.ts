/**
 * The workflows and the lock file, as `npm test` checks them: the project's own pass, and each
 * fixture that breaks a rule is reported at its line (unpinned action, missing permissions or
 * timeout, write access beyond the deploy job, a checkout keeping its token, `npm install`, and
 * package.json disagreeing with package-lock.json).
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkLockfile, checkWorkflows } from './workflows.ts';

const FIXTURES = path.join('scripts', 'quality', '__fixtures__');

describe('GitHub Actions workflows', () => {
  it('of this project pass every rule', () => {
    expect(checkWorkflows(path.join('.github', 'workflows'))).toEqual([]);
  });

  it('flag an action pinned by tag, missing permissions, a job without a timeout and a checkout keeping its token', () => {
    const problems = checkWorkflows(path.join(FIXTURES, 'workflows'));
    expect(problems.map((p) => `${p.line} ${p.rule}`)).toEqual([
      '1 workflow-permissions',
      '4 workflow-timeout',
      '7 workflow-credentials',
      '7 workflow-pinning',
    ]);
  });

  it('allow write access only to the job that deploys, and installs only with npm ci', () => {
    const problems = checkWorkflows(path.join(FIXTURES, 'workflows-risky'));
    expect(problems.map((p) => `${p.line} ${p.rule}: ${p.message}`)).toEqual([
      '4 workflow-permissions: The workflow grants "pages: write" to every job.',
      '11 workflow-permissions: The job "build" grants "id-token: write" but does not deploy.',
      '13 workflow-credentials: A checkout in the job "build" keeps the GitHub token in .git/config for every later step.',
      '16 workflow-install: The job "build" installs dependencies with "npm install", which may resolve versions other than the locked ones.',
    ]);
    for (const problem of problems) expect(problem.fix.length).toBeGreaterThan(20);
  });
});

describe('package.json and package-lock.json', () => {
  it('of this project agree', () => {
    expect(checkLockfile('package.json', 'package-lock.json')).toEqual([]);
  });

  it('pass when the lock declares what package.json declares', () => {
    const dir = path.join(FIXTURES, 'lockfile-good');
    expect(checkLockfile(path.join(dir, 'package.json'), path.join(dir, 'package-lock.json'))).toEqual([]);
  });

  it('fail on every disagreement, naming the entry and its line', () => {
    const dir = path.join(FIXTURES, 'lockfile-bad');
    const problems = checkLockfile(path.join(dir, 'package.json'), path.join(dir, 'package-lock.json'));
    expect(problems.map((p) => `${path.basename(p.file)}:${p.line} ${p.message}`)).toEqual([
      'package.json:3 package.json says version "1.1.0", the lock file "1.0.0".',
      'package.json:5 left-pad is "^1.4.0" in package.json but "^1.3.0" in the lock file.',
      "package.json:6 center-pad (dependencies) is not in the lock file's dependencies.",
      'package-lock.json:1 The lock file still lists up-pad in dependencies, but package.json does not.',
      'package.json:9 right-pad is declared but the lock file records no installed version of it.',
    ]);
    expect(problems[0]!.fix).toBe('Run "npm install" once and commit package.json and package-lock.json together.');
  });
});
