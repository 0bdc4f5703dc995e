import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { lastUpdated, parseGitLog } from './git-dates.ts';

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
