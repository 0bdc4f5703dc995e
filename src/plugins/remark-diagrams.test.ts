/**
 * The diagram plugin and the build's content check parse each diagram once between them: inside
 * `npm run build`, a block the check's verdict lists is drawn without being parsed here again
 * (the check reports its problems and stops the build); any other block is checked where it is drawn.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Root } from 'mdast';
import { VFile } from 'vfile';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { VERDICT_VARIABLE, verdictFor, writeVerdict } from '../lib/content-verdict.ts';
import remarkDiagrams, { DiagramError } from './remark-diagrams.ts';

// A flowchart mermaid parses and beautiful-mermaid draws, but without its text alternative (accDescr).
const NO_DESCRIPTION = 'flowchart LR\n  accTitle: Two boxes\n  A --> B';

const tree = (source: string): Root => ({
  type: 'root',
  children: [{ type: 'code', lang: 'mermaid', value: source, position: { start: { line: 3, column: 1 }, end: { line: 7, column: 4 } } }],
});

const draw = (root: Root) => remarkDiagrams()(root, new VFile({ path: path.join(process.cwd(), 'content/guides/test.mdx') }));

afterEach(() => vi.unstubAllEnvs());

describe('remark-diagrams and the build’s content check', () => {
  it('checks a block itself outside `npm run build`: a missing text alternative stops the page with its line', async () => {
    const error = await draw(tree(NO_DESCRIPTION)).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DiagramError);
    expect((error as DiagramError).message).toContain('content/guides/test.mdx:4: The diagram has no text alternative.');
  });

  it('draws, without parsing again, a block the verdict of the build lists (the check reports it and stops the build)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'remark-diagrams-'));
    const verdict = path.join(dir, 'verdict.json');
    const body = ['```mermaid', NO_DESCRIPTION, '```'].join('\n');
    writeVerdict(verdict, verdictFor(dir, [{ file: path.join(dir, 'a.mdx'), source: body, body, bodyStartLine: 1 }]));
    vi.stubEnv(VERDICT_VARIABLE, verdict);
    const root = tree(NO_DESCRIPTION);
    await draw(root);
    expect(root.children[0]).toMatchObject({ type: 'html' });
    expect((root.children[0] as { value: string }).value).toContain('<svg');
    // Another text of the block is not the one the check parses: it is checked here.
    await expect(draw(tree(`${NO_DESCRIPTION}\n  B --> C`))).rejects.toThrow('The diagram has no text alternative.');
  });
});
