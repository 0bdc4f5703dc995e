import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  VERDICT_VARIABLE,
  contentHash,
  diagramCheckedByBuild,
  passedByCheck,
  readVerdict,
  verdictFor,
  waitForVerdict,
  writeVerdict,
} from './content-verdict.ts';

const scratch = () => mkdtempSync(path.join(tmpdir(), 'verdict-'));
const PAGE = '# Loop\n\nText.\n';

describe('the content check verdict', () => {
  it('records each passed file by absolute path with the SHA-256 of its text', () => {
    const verdict = verdictFor('content', [{ file: 'content/guides/loop/index.mdx', source: PAGE }], '/repo');
    expect(verdict).toEqual({
      contentDir: '/repo/content',
      passed: { '/repo/content/guides/loop/index.mdx': contentHash(PAGE) },
      diagrams: [],
    });
    // The well-known digest of the empty string: a real SHA-256, in hex.
    expect(contentHash('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(contentHash('é')).toBe(contentHash('\u00e9'));
  });

  it('lets through only the exact text the check passed, of that file', () => {
    const verdict = verdictFor('content', [{ file: 'content/a.mdx', source: PAGE }], '/repo');
    expect(passedByCheck(verdict, '/repo/content/a.mdx', PAGE)).toBe(true);
    expect(passedByCheck(verdict, '/repo/content/a.mdx', `${PAGE}{process.exit(1)}\n`)).toBe(false);
    expect(passedByCheck(verdict, '/repo/content/b.mdx', PAGE)).toBe(false);
  });

  it('is written whole: the file appears under its name only when complete, and reads back', () => {
    const dir = scratch();
    const file = path.join(dir, 'verdict.json');
    const verdict = verdictFor(dir, [{ file: path.join(dir, 'x.mdx'), source: PAGE }]);
    writeVerdict(file, verdict);
    expect(existsSync(`${file}.partial`)).toBe(false);
    expect(readVerdict(file)).toEqual(verdict);
  });

  it('refuses a file that is not a verdict, naming it and the fix', () => {
    const file = path.join(scratch(), 'verdict.json');
    writeFileSync(file, JSON.stringify({ contentDir: 'content', passed: { '/a.mdx': 'not-a-hash' }, extra: 1 }));
    expect(() => readVerdict(file)).toThrow(`${file} is not a content-check verdict`);
    expect(() => readVerdict(file)).toThrow('a SHA-256 in hex');
    expect(() => readVerdict(file)).toThrow('Delete it and run npm run build again.');
    expect(() => writeVerdict(file, { contentDir: '', passed: {}, diagrams: [] })).toThrow();
  });

  it('waits for the verdict to appear, then resolves with it', async () => {
    const file = path.join(scratch(), 'verdict.json');
    const verdict = verdictFor('content', [{ file: 'content/a.mdx', source: PAGE }]);
    let looks = 0;
    const waiting = waitForVerdict(file, {
      intervalMs: 1,
      abandoned: () => {
        looks += 1;
        if (looks === 3) writeVerdict(file, verdict);
        return false;
      },
    });
    await expect(waiting).resolves.toEqual(verdict);
    expect(looks).toBe(3);
  });

  it('stops waiting, with a message saying why, when the build that would write it is gone', async () => {
    const file = path.join(scratch(), 'verdict.json');
    await expect(waitForVerdict(file, { intervalMs: 1, abandoned: () => true })).rejects.toThrow(
      `No content-check verdict appeared at ${file}, and the build that would write it has ended. Run npm run build again.`,
    );
  });

  it('rejects when what appears is not a verdict', async () => {
    const file = path.join(scratch(), 'verdict.json');
    writeFileSync(file, '{"passed": {}}');
    await expect(waitForVerdict(file)).rejects.toThrow('is not a content-check verdict');
  });
});

describe('the diagrams the build checks', () => {
  const FLOW = 'flowchart LR\n  accTitle: Two boxes\n  accDescr: One box points at another.\n  A --> B';
  const QUOTED = 'sequenceDiagram\n  A->>B: hi';
  const page = ['Intro.', '', '```mermaid', FLOW, '```', '', '> ```mermaid', `> ${QUOTED}`, '> ```'].join('\n');

  it('lists, by hash, exactly the blocks the diagram rule reads: once each, sorted, none of a file whose front matter does not parse', () => {
    const verdict = verdictFor(
      'content',
      [
        { file: 'content/a.mdx', source: `---\ntitle: A\n---\n${page}`, body: page, bodyStartLine: 4 },
        { file: 'content/b.mdx', source: page, body: `${page}\n\n\`\`\`mermaid\nflowchart TD\n\`\`\``, bodyStartLine: 1 },
        { file: 'content/c.mdx', source: page, body: '```mermaid\ngraph TD\n```', parseError: { line: 2, message: 'bad' } },
        { file: 'content/d.yaml', source: 'title: D\n' },
      ],
      '/repo',
    );
    expect(verdict.diagrams).toEqual([contentHash(FLOW), contentHash('flowchart TD')].sort());
    expect(verdict.diagrams).not.toContain(contentHash(QUOTED));
    expect(verdict.diagrams).not.toContain(contentHash('graph TD'));
  });

  it('are skipped only inside a build whose verdict lists that exact text', () => {
    const dir = scratch();
    const file = path.join(dir, 'verdict.json');
    const env = { [VERDICT_VARIABLE]: file };
    // No verdict yet: nothing is known to be checked, and nothing is remembered from the look.
    expect(diagramCheckedByBuild(FLOW, env)).toBe(false);
    writeVerdict(file, verdictFor(dir, [{ file: path.join(dir, 'a.mdx'), source: page, body: page, bodyStartLine: 1 }]));
    expect(diagramCheckedByBuild(FLOW, env)).toBe(true);
    expect(diagramCheckedByBuild(`${FLOW} `, env)).toBe(false);
    expect(diagramCheckedByBuild(QUOTED, env)).toBe(false);
    // Outside `npm run build` every diagram is checked where it is drawn.
    expect(diagramCheckedByBuild(FLOW, {})).toBe(false);
  });

  it('are read from a verdict that is one, or the build stops naming the file', () => {
    const file = path.join(scratch(), 'verdict.json');
    writeFileSync(file, JSON.stringify({ contentDir: '/c', passed: {} }));
    expect(() => diagramCheckedByBuild('A', { [VERDICT_VARIABLE]: file })).toThrow(file);
  });
});
