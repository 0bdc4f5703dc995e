/**
 * The reporters: file:line:column in the terminal, GitHub workflow commands (escaped as GitHub's
 * toolkit does, so a comma or colon in a message cannot cut it short), and the job summary.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatForGitHub, formatForSummary, formatForTerminal, report, type Problem } from './problems.ts';

const PROBLEMS: Problem[] = [
  {
    file: 'content/guides/loop/index.mdx',
    line: 12,
    column: 5,
    rule: 'link-target',
    message: 'There is no page at /loop/codng/. Did you mean /loop/coding/?',
    fix: 'Point the link at an existing page: 100%, no guessing.',
  },
  { file: 'content/a.yaml', line: 3, rule: 'frontmatter', message: 'Two\nlines', fix: 'Fix it.' },
  { file: 'content/b.mdx', rule: 'file-type', message: 'Wrong | extension', fix: 'Rename it.' },
];

afterEach(() => vi.restoreAllMocks());

describe('problem reporters', () => {
  it('print file:line:column in the terminal, sorted by file and line', () => {
    const text = formatForTerminal(PROBLEMS, 'Content check');
    expect(text).toMatch(/^✗ Content check: 3 problems\n/);
    const locations = text.split('\n').filter((l) => l.includes('  ['));
    expect(locations).toEqual([
      'content/a.yaml:3  [frontmatter]',
      'content/b.mdx  [file-type]',
      'content/guides/loop/index.mdx:12:5  [link-target]',
    ]);
    expect(formatForTerminal([], 'Content check')).toBe('✓ Content check: no problems.');
    // A long listing repeats the count at the bottom, by file and check.
    expect(text).not.toContain('problems in');
    const many = [...PROBLEMS, ...PROBLEMS].map((p, i) => ({ ...p, line: i + 1 }));
    expect(formatForTerminal(many, 'Content check').trimEnd().split('\n').at(-1)).toBe(
      '✗ Content check: 6 problems in 3 files (file-type 2, frontmatter 2, link-target 2)',
    );
  });

  it('write GitHub error annotations with file, line and column, escaping data and properties', () => {
    expect(formatForGitHub(PROBLEMS).split('\n')).toEqual([
      '::error file=content/a.yaml,line=3,title=frontmatter::Two%0Alines Fix: Fix it.',
      '::error file=content/b.mdx,title=file-type::Wrong | extension Fix: Rename it.',
      '::error file=content/guides/loop/index.mdx,line=12,col=5,title=link-target::There is no page at /loop/codng/. Did you mean /loop/coding/? Fix: Point the link at an existing page: 100%25, no guessing.',
    ]);
    expect(formatForGitHub([{ file: 'a,b:c.mdx', rule: 'r', message: 'm', fix: 'f' }])).toBe(
      '::error file=a%2Cb%3Ac.mdx,title=r::m Fix: f',
    );
  });

  it('in GitHub Actions, annotate and list every problem in the job summary', () => {
    const summary = path.join(mkdtempSync(path.join(tmpdir(), 'summary-')), 'summary.md');
    const printed: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((text: string) => void printed.push(text));
    expect(report(PROBLEMS, 'Content check', { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary })).toBe(1);
    expect(printed.join('\n')).toContain('::error file=content/guides/loop/index.mdx,line=12,col=5,');
    const table = readFileSync(summary, 'utf8');
    expect(table).toContain('### ✗ Content check: 3 problems');
    expect(table).toContain('| `content/b.mdx` | file-type | Wrong \\| extension | Rename it. |');
    expect(formatForSummary([], 'Content check')).toBe('### ✓ Content check: no problems\n');
  });

  it('outside GitHub Actions, print no workflow commands', () => {
    const printed: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((text: string) => void printed.push(text));
    expect(report(PROBLEMS, 'Content check', {})).toBe(1);
    expect(printed.join('\n')).not.toContain('::error');
    expect(report([], 'Content check', {})).toBe(0);
  });
});
