/**
 * The pull request's job summary: every page added, changed or removed in content/, with its
 * URL, prose word count and diagram count and the change from the base; run for real against a
 * scratch git repository.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pageStats, summarize } from './pr-summary.ts';

const DIAGRAM = '```mermaid\nflowchart LR\n  accTitle: T\n  accDescr: D\n  A --> B\n```\n';
const page = (title: string, prose: string, diagrams = 0) =>
  `---\ntitle: ${title}\ndescription: x\n---\n\n## Heading\n\n${prose}\n\n${DIAGRAM.repeat(diagrams)}<Cite id="a-source" />\n`;

describe('PR summary', () => {
  it('counts prose words and diagrams, not code, tags or front matter', () => {
    expect(pageStats('content/guides/loop/x.mdx', page('The loop', 'One two three four.', 2))).toEqual({
      title: 'The loop',
      words: 5,
      diagrams: 2,
    });
    expect(
      pageStats('content/mistakes/x.yaml', 'title: A pair\ncontext: Asked about scale.\nbad: No.\nurl: https://example.com/\n'),
    ).toEqual({
      title: 'A pair',
      words: 6,
      diagrams: 0,
    });
  });

  it('lists added, changed and removed pages with their URLs and the change from the base', () => {
    const summary = summarize(
      [
        { status: 'A', file: 'content/prompts/watch-party.mdx', after: page('Watch party', 'Sync playback for friends.', 2) },
        {
          status: 'M',
          file: 'content/guides/loop/coding.mdx',
          before: page('Coding', 'Short.'),
          after: page('Coding', 'Longer text now here.', 1),
        },
        { status: 'D', file: 'content/mistakes/old-pair.yaml', before: 'title: Old pair\ncontext: Gone now.\n' },
        { status: 'A', file: 'content/_templates/guide.mdx', after: page('Template', 'Not a page.') },
        { status: 'M', file: 'README.md', before: 'a', after: 'b' },
      ],
      'content',
    );
    expect(summary.split('\n')).toEqual([
      '### Content in this pull request',
      '',
      '3 pages: 1 added, 1 changed, 1 removed. Words are prose words (code, diagrams and tags left out); the change from the base is in brackets.',
      '',
      '| | Page | URL | File | Words | Diagrams |',
      '| --- | --- | --- | --- | --- | --- |',
      '| changed | Coding | `/loop/coding/` | `content/guides/loop/coding.mdx` | 5 (+3) | 1 (+1) |',
      '| removed | Old pair | `/mistakes/old-pair/` | `content/mistakes/old-pair.yaml` | — | — |',
      '| added | Watch party | `/prompts/watch-party/` | `content/prompts/watch-party.mdx` | 5 | 2 |',
      '',
    ]);
    expect(summarize([], 'content')).toContain('No page in content/ is added, changed or removed.');
  });

  it('runs against git: compares the branch with its merge base and writes the job summary', () => {
    const repo = mkdtempSync(path.join(tmpdir(), 'pr-summary-'));
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd: repo });
    try {
      git('init', '-q', '-b', 'main');
      mkdirSync(path.join(repo, 'content', 'guides', 'loop'), { recursive: true });
      writeFileSync(path.join(repo, 'content', 'guides', 'loop', 'index.mdx'), page('The loop', 'Before.'));
      git('add', '.');
      git('commit', '-qm', 'base');
      git('checkout', '-qb', 'topic');
      writeFileSync(path.join(repo, 'content', 'guides', 'loop', 'index.mdx'), page('The loop', 'After the change.', 1));
      mkdirSync(path.join(repo, 'content', 'stack'));
      writeFileSync(path.join(repo, 'content', 'stack', 'zuul.mdx'), page('Zuul', 'The edge gateway.'));
      git('add', '.');
      git('commit', '-qm', 'topic');
      const summaryFile = path.join(repo, 'summary.md');
      const result = spawnSync(process.execPath, [path.resolve('scripts/pr-summary.ts'), '--base', 'main'], {
        cwd: repo,
        encoding: 'utf8',
        env: { ...process.env, CONTENT_DIR: 'content', GITHUB_STEP_SUMMARY: summaryFile },
      });
      expect(result.status, result.stderr).toBe(0);
      const written = readFileSync(summaryFile, 'utf8');
      expect(written).toContain('| changed | The loop | `/loop/` | `content/guides/loop/index.mdx` | 4 (+2) | 1 (+1) |');
      expect(written).toContain('| added | Zuul | `/stack/zuul/` | `content/stack/zuul.mdx` | 4 | 0 |');
    } finally {
      rmSync(repo, { recursive: true, force: true });
    }
  });
});
