/**
 * Mindmaps (and the other browser-drawn types whose mermaid grammar lacks accTitle/accDescr)
 * take the caption and text alternative like every diagram, as CONTRIBUTING.md says: the build
 * check accepts them, mermaid reads the accessibility lines as comments rather than nodes, and
 * a real mistake is still reported on its own line.
 */
import { describe, expect, it } from 'vitest';
import './purify-shim.ts';
import mermaid from 'mermaid';
import { isBuildTimeType, readDiagramSource, sourceForMermaid } from './source.ts';
import { checkDiagram } from './validate.ts';

const MINDMAP = `mindmap
  accTitle: The loop at a glance
  accDescr: The interview loop branches into the recruiter call, the coding round and the design round.
  root((Loop))
    Recruiter call
    Coding
    System design`;

const MINDMAP_BLOCK = `mindmap
  accTitle: The loop
  accDescr {
    The loop branches into
    three rounds.
  }
  root((Loop))
    Recruiter call
    Coding`;

/** The tree mermaid builds from a mindmap: each node's text and children. */
interface MindmapNode {
  descr: string;
  children: MindmapNode[];
}
async function mindmapTree(source: string): Promise<MindmapNode> {
  // parse() registers mermaid's lazily loaded diagram types; checkDiagram may have answered from
  // the parse cache without ever loading them.
  await mermaid.parse(source);
  const diagram = await mermaid.mermaidAPI.getDiagramFromText(source);
  return (diagram.db as unknown as { getMindmap(): MindmapNode }).getMindmap();
}
const outline = (node: MindmapNode): unknown => (node.children.length ? { [node.descr]: node.children.map(outline) } : node.descr);

describe('mindmaps with a caption and a text alternative', () => {
  it('pass the build check, and are drawn in the browser', async () => {
    expect(await checkDiagram(MINDMAP)).toEqual([]);
    expect(await checkDiagram(MINDMAP_BLOCK)).toEqual([]);
    expect(isBuildTimeType('mindmap')).toBe(false);
  });

  it('give the caption and text alternative to the figure', () => {
    expect(readDiagramSource(MINDMAP)).toMatchObject({
      type: 'mindmap',
      title: 'The loop at a glance',
      description: 'The interview loop branches into the recruiter call, the coding round and the design round.',
    });
    expect(readDiagramSource(MINDMAP_BLOCK).description).toBe('The loop branches into three rounds.');
  });

  it('reach mermaid with the accessibility lines as comments, line numbers unchanged', () => {
    expect(sourceForMermaid(MINDMAP).split('\n')).toEqual([
      'mindmap',
      '  %% accTitle: The loop at a glance',
      '  %% accDescr: The interview loop branches into the recruiter call, the coding round and the design round.',
      '  root((Loop))',
      '    Recruiter call',
      '    Coding',
      '    System design',
    ]);
    expect(sourceForMermaid(MINDMAP_BLOCK).split('\n').slice(0, 7)).toEqual([
      'mindmap',
      '  %% accTitle: The loop',
      '  %% accDescr {',
      '    %% The loop branches into',
      '    %% three rounds.',
      '  %% }',
      '  root((Loop))',
    ]);
  });

  it('draw the tree as written, with no node made of the accessibility lines', async () => {
    const tree = { Loop: ['Recruiter call', 'Coding', 'System design'] };
    expect(outline(await mindmapTree(sourceForMermaid(MINDMAP)))).toEqual(tree);
    expect(outline(await mindmapTree(sourceForMermaid(MINDMAP_BLOCK)))).toEqual({ Loop: ['Recruiter call', 'Coding'] });
  });

  it('still report a mindmap mistake, on its own line', async () => {
    const broken = `${MINDMAP}\nSecond root`;
    const problems = await checkDiagram(broken);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toMatch(/^Mermaid cannot parse this line: There can be only one root/);
  });

  it('leave types with their own accessibility syntax untouched', async () => {
    const timeline = 'timeline\n  accTitle: T\n  accDescr: D\n  2020 : a';
    expect(sourceForMermaid(timeline)).toBe(timeline);
    expect(await checkDiagram(timeline)).toEqual([]);
  });

  it('do the same for the other types whose grammar lacks the accessibility lines', async () => {
    const acc = '  accTitle: T\n  accDescr: D\n';
    for (const source of [`sankey-beta\n${acc}a,b,10`, `block-beta\n${acc}  columns 1\n  a`, `kanban\n${acc}  Todo\n    [Task]`]) {
      expect(await checkDiagram(source), source.split('\n')[0]).toEqual([]);
    }
  });
});
