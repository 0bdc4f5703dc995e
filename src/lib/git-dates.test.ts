import { afterEach, describe, expect, it, vi } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { GIT_DATES_VARIABLE, lastUpdated, parseGitLog, readGitHistory, writeGitHistory } from './git-dates.ts';

describe('parseGitLog', () => {
  it('keeps the newest date per file (the log is newest first)', () => {
    const log =
      '\0' +
      '2026-03-02T10:00:00+00:00\n\ncontent/a.mdx\ncontent/b.mdx\n' +
      '\0' +
      '2026-01-01T10:00:00+00:00\n\ncontent/a.mdx\ncontent/c.mdx\n';
    const dates = parseGitLog(log);
    expect(dates.get('content/a.mdx')?.toISOString()).toBe('2026-03-02T10:00:00.000Z');
    expect(dates.get('content/c.mdx')?.toISOString()).toBe('2026-01-01T10:00:00.000Z');
    expect(dates.size).toBe(3);
  });
  it('reads a log written with Windows line ends and blank lines around a commit', () => {
    const dates = parseGitLog('\0\r\n2026-03-02T10:00:00+00:00\r\n\r\ncontent/a.mdx\r\ncontent/b.mdx\r\n');
    expect([...dates.keys()]).toEqual(['content/a.mdx', 'content/b.mdx']);
    expect(dates.get('content/b.mdx')?.toISOString()).toBe('2026-03-02T10:00:00.000Z');
  });
  it('ignores malformed blocks', () => {
    expect(parseGitLog('\0not a date\nfile.txt').size).toBe(0);
  });
});

describe('lastUpdated', () => {
  it('falls back to the modification time outside a git checkout', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'git-dates-'));
    writeFileSync(path.join(dir, 'page.mdx'), 'x');
    const date = lastUpdated('page.mdx', dir);
    expect(date).toBeInstanceOf(Date);
    expect(Math.abs(date!.getTime() - Date.now())).toBeLessThan(60_000);
    expect(lastUpdated('missing.mdx', dir)).toBeUndefined();
  });
});

describe('lastUpdated in a git checkout', () => {
  // A temporary repository: two commits at fixed dates, then a changed file, a new file and a
  // deleted one. File times are set to 2020 so a date from git and one from the file differ.
  const FILE_TIME = new Date('2020-06-01T00:00:00Z');
  function repository(): string {
    const dir = mkdtempSync(path.join(tmpdir(), 'git-dates-repo-'));
    const git = (args: string[], date?: string) =>
      execFileSync('git', args, {
        cwd: dir,
        stdio: 'ignore',
        env: {
          ...process.env,
          GIT_AUTHOR_NAME: 'Test',
          GIT_AUTHOR_EMAIL: 'test@example.com',
          GIT_COMMITTER_NAME: 'Test',
          GIT_COMMITTER_EMAIL: 'test@example.com',
          ...(date ? { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } : {}),
        },
      });
    const write = (file: string, text: string) => {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      writeFileSync(path.join(dir, file), text);
    };
    git(['init', '-q']);
    write('content/old.mdx', 'one');
    write('content/both.mdx', 'one');
    write('content/gone.mdx', 'one');
    git(['add', '.']);
    git(['commit', '-q', '-m', 'first'], '2024-03-01T10:00:00Z');
    write('content/both.mdx', 'two');
    write('content/changed.mdx', 'one');
    git(['add', '.']);
    git(['commit', '-q', '-m', 'second'], '2024-05-01T10:00:00Z');
    write('content/changed.mdx', 'uncommitted');
    write('content/new.mdx', 'untracked');
    rmSync(path.join(dir, 'content/gone.mdx'));
    for (const file of ['content/old.mdx', 'content/both.mdx', 'content/changed.mdx', 'content/new.mdx']) {
      utimesSync(path.join(dir, file), FILE_TIME, FILE_TIME);
    }
    return dir;
  }

  it('uses the newest commit of a committed file, and the file time of a changed or new one', () => {
    const dir = repository();
    expect(lastUpdated('content/old.mdx', dir)?.toISOString()).toBe('2024-03-01T10:00:00.000Z');
    expect(lastUpdated('content/both.mdx', dir)?.toISOString()).toBe('2024-05-01T10:00:00.000Z');
    expect(lastUpdated('content\\both.mdx', dir)?.toISOString()).toBe('2024-05-01T10:00:00.000Z');
    expect(lastUpdated('content/changed.mdx', dir)?.toISOString()).toBe(FILE_TIME.toISOString());
    expect(lastUpdated('content/new.mdx', dir)?.toISOString()).toBe(FILE_TIME.toISOString());
    // Deleted but not committed: the last commit that had it.
    expect(lastUpdated('content/gone.mdx', dir)?.toISOString()).toBe('2024-03-01T10:00:00.000Z');
    expect(lastUpdated('content/never.mdx', dir)).toBeUndefined();
  });

  it('reads the log once per checkout: a commit made later in the same build is not seen', () => {
    const dir = repository();
    expect(lastUpdated('content/new.mdx', dir)?.toISOString()).toBe(FILE_TIME.toISOString());
    execFileSync('git', ['add', '.'], { cwd: dir, stdio: 'ignore' });
    execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', 'commit', '-q', '-m', 'third'], {
      cwd: dir,
      stdio: 'ignore',
      env: { ...process.env, GIT_AUTHOR_DATE: '2025-01-01T10:00:00Z', GIT_COMMITTER_DATE: '2025-01-01T10:00:00Z' },
    });
    expect(lastUpdated('content/new.mdx', dir)?.toISOString()).toBe(FILE_TIME.toISOString());
  });

  it('gives, for the build to hand over, the answers lastUpdated reads', () => {
    const dir = repository();
    const history = readGitHistory(dir);
    expect(history?.root).toBe(path.resolve(dir));
    expect(parseGitLog(history!.log).get('content/both.mdx')?.toISOString()).toBe('2024-05-01T10:00:00.000Z');
    expect(history!.status).toContain('content/changed.mdx');
    expect(history!.status).toContain('content/new.mdx');
    expect(readGitHistory(mkdtempSync(path.join(tmpdir(), 'git-dates-none-')))).toBeUndefined();
  });
});

describe('git answers handed over by the build', () => {
  afterEach(() => vi.unstubAllEnvs());
  const handOver = (dir: string, log: string, status = '') => {
    const file = path.join(dir, 'git-dates.json');
    writeGitHistory(file, { root: path.resolve(dir), log, status });
    vi.stubEnv(GIT_DATES_VARIABLE, file);
    return file;
  };

  it('are used instead of asking git: dates for a folder git knows nothing of', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'git-dates-handed-'));
    writeFileSync(path.join(dir, 'page.mdx'), 'x');
    handOver(dir, '\0' + '2024-05-01T10:00:00+00:00\n\npage.mdx\nother.mdx\n', '?? other.mdx\n');
    expect(lastUpdated('page.mdx', dir)?.toISOString()).toBe('2024-05-01T10:00:00.000Z');
    // Changed since its commit, per the handed-over status, and gone: the commit date.
    expect(lastUpdated('other.mdx', dir)?.toISOString()).toBe('2024-05-01T10:00:00.000Z');
  });

  it('are ignored when they are for another folder, or not there (yet): git is asked', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'git-dates-other-'));
    writeFileSync(path.join(dir, 'page.mdx'), 'x');
    const elsewhere = mkdtempSync(path.join(tmpdir(), 'git-dates-elsewhere-'));
    writeGitHistory(path.join(elsewhere, 'git-dates.json'), {
      root: elsewhere,
      log: '\0' + '2024-05-01T10:00:00+00:00\n\npage.mdx\n',
      status: '',
    });
    vi.stubEnv(GIT_DATES_VARIABLE, path.join(elsewhere, 'git-dates.json'));
    expect(Math.abs(lastUpdated('page.mdx', dir)!.getTime() - Date.now())).toBeLessThan(60_000);
    const later = mkdtempSync(path.join(tmpdir(), 'git-dates-later-'));
    writeFileSync(path.join(later, 'page.mdx'), 'x');
    vi.stubEnv(GIT_DATES_VARIABLE, path.join(later, 'not-yet.json'));
    expect(Math.abs(lastUpdated('page.mdx', later)!.getTime() - Date.now())).toBeLessThan(60_000);
  });

  it('stop the build, naming the file, when they are not git answers', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'git-dates-bad-'));
    const file = path.join(dir, 'git-dates.json');
    writeFileSync(file, JSON.stringify({ root: dir, log: 1 }));
    vi.stubEnv(GIT_DATES_VARIABLE, file);
    expect(() => lastUpdated('page.mdx', dir)).toThrow(file);
    expect(() => writeGitHistory(file, { root: '', log: '', status: '' })).toThrow();
  });
});
