/**
 * The remark plugin on a small Markdown tree: a chain becomes a table marked data-estimate with
 * its id, each token becomes a span marked data-estimate-token around the spoken result, and a
 * token that names nothing stops the build with the file and line.
 */
import { describe, expect, it } from 'vitest';
import type { Root } from 'mdast';
import { VFile } from 'vfile';
import remarkEstimates, { EstimateError } from './remark-estimates.ts';

const CHAIN = [
  'id: home',
  'title: Renders',
  'assume rendersMean = 14000 render/s',
  '  label: Home renders a second',
  '  why: A round number for the test.',
  '  basis: mean',
].join('\n');

function tree(text: string): Root {
  return {
    type: 'root',
    children: [
      { type: 'code', lang: 'estimate', value: CHAIN, position: { start: { line: 3, column: 1 }, end: { line: 10, column: 4 } } },
      {
        type: 'paragraph',
        children: [{ type: 'text', value: text, position: { start: { line: 12, column: 1 }, end: { line: 12, column: 40 } } }],
      },
    ],
  };
}

const run = (root: Root) => remarkEstimates()(root, new VFile({ path: `${process.cwd()}/content/prompts/test.mdx` }));

describe('remark-estimates', () => {
  it('marks the table and every token with the evaluator’s data attributes', () => {
    const root = tree('Home runs at [[home.rendersMean]], twice that at [[home.rendersMean]] times two.');
    run(root);
    const table = root.children[0] as unknown as { data: { hName: string; hProperties: Record<string, string> } };
    expect(table.data.hName).toBe('table');
    expect(table.data.hProperties).toMatchObject({ class: 'estimate', id: 'estimate-home', 'data-estimate': 'home' });
    const paragraph = root.children[1] as unknown as {
      children: {
        type: string;
        value?: string;
        data?: { hName: string; hProperties: Record<string, string> };
        children?: { value: string }[];
      }[];
    };
    expect(paragraph.children.map((c) => c.type)).toEqual(['text', 'estimateElement', 'text', 'estimateElement', 'text']);
    expect(paragraph.children[0]!.value).toBe('Home runs at ');
    expect(paragraph.children[1]!.data).toEqual({ hName: 'span', hProperties: { 'data-estimate-token': 'home.rendersMean' } });
    expect(paragraph.children[1]!.children![0]!.value).toBe('14,000 renders a second');
    expect(paragraph.children[4]!.value).toBe(' times two.');
  });

  it('leaves text without tokens as one node', () => {
    const root = tree('No numbers [[here]].');
    run(root);
    expect((root.children[1] as { children: unknown[] }).children).toEqual([
      expect.objectContaining({ type: 'text', value: 'No numbers [[here]].' }),
    ]);
  });

  it('stops the build at the file and line of a token that names nothing', () => {
    expect(() => run(tree('Peak: [[home.rendersPeak]].'))).toThrow(EstimateError);
    expect(() => run(tree('Peak: [[home.rendersPeak]].'))).toThrow(
      /^content\/prompts\/test\.mdx:12: \[\[home\.rendersPeak\]\]: the chain "home" has no "rendersPeak"\./,
    );
  });
});
