/**
 * Edges of reading a block as a contributor writes it: front matter, comments and blank lines
 * before the keyword, loosely spaced accessibility lines, a multi-line accDescr that is badly
 * spaced or never closed, labels that only mention accTitle or click, Windows line endings, and
 * which types mermaid gets with their accessibility or click lines turned into comments.
 *
 * The module is imported afresh inside each test (fresh()), so its type tables are built while a
 * test runs and mutation testing can tell which tests depend on them.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

async function fresh(): Promise<typeof import('./source.ts')> {
  return import('./source.ts');
}

beforeEach(() => {
  vi.resetModules();
});

describe('the types drawn at build time', () => {
  it.each(['graph', 'flowchart', 'stateDiagram', 'stateDiagram-v2', 'sequenceDiagram', 'classDiagram', 'erDiagram', 'xychart-beta'])(
    '%s is drawn at build time',
    async (type) => {
      expect((await fresh()).isBuildTimeType(type)).toBe(true);
    },
  );

  it.each(['mindmap', 'timeline', 'gantt', 'pie', ''])('"%s" is drawn in the browser', async (type) => {
    expect((await fresh()).isBuildTimeType(type)).toBe(false);
  });
});

describe('the type, caption and text alternative of a block', () => {
  it('reads a block written with Windows line endings', async () => {
    const { readDiagramSource } = await fresh();
    expect(readDiagramSource('flowchart LR\r\n  accTitle: Edge\r\n  accDescr: Client to Zuul.\r\n  C --> Z')).toMatchObject({
      type: 'flowchart',
      title: 'Edge',
      description: 'Client to Zuul.',
    });
  });

  it('skips front matter, even when it holds lines that look like a keyword', async () => {
    const { readDiagramSource } = await fresh();
    const source = '---\ntitle: Not the caption\nconfig:\n  theme: neutral\n---\nflowchart LR\n  accTitle: Edge\n  A --> B';
    expect(readDiagramSource(source)).toMatchObject({ type: 'flowchart', title: 'Edge' });
  });

  it('opens front matter only on the first line', async () => {
    const { readDiagramSource } = await fresh();
    expect(readDiagramSource('flowchart LR\n---\n  accTitle: Edge\n  A --> B')).toMatchObject({ type: 'flowchart', title: 'Edge' });
  });

  it('takes the keyword after blank lines and comments', async () => {
    const { readDiagramSource } = await fresh();
    expect(
      readDiagramSource('\n%% drawn for the playback guide\n\nsequenceDiagram\n  %% accTitle: old caption\n  accTitle: Start'),
    ).toMatchObject({
      type: 'sequenceDiagram',
      title: 'Start',
    });
    expect(readDiagramSource('graph;\n  A-->B').type).toBe('graph');
  });

  it.each([
    ['accTitle : Spaced out', 'Spaced out'],
    ['accTitle:Tight start', 'Tight start'],
    ['accTitle:   Wide start', 'Wide start'],
  ])('reads the caption from "%s"', async (line, title) => {
    const { readDiagramSource } = await fresh();
    expect(readDiagramSource(`flowchart LR\n  ${line}\n  A --> B`).title).toBe(title);
  });

  it.each([
    ['accDescr : Spaced out', 'Spaced out'],
    ['accDescr:Tight start', 'Tight start'],
  ])('reads the text alternative from "%s"', async (line, description) => {
    const { readDiagramSource } = await fresh();
    expect(readDiagramSource(`flowchart LR\n  ${line}\n  A --> B`).description).toBe(description);
  });

  it('does not take a caption or text alternative from a label that mentions them', async () => {
    const { readDiagramSource } = await fresh();
    const source = 'flowchart LR\n  A[Set accTitle: here] --> B[accDescr: there]\n  B --> C[see accDescr { x }]';
    expect(readDiagramSource(source)).toEqual({ source, type: 'flowchart', title: undefined, description: undefined });
  });

  it('joins a multi-line accDescr, however it is spaced, and drops what follows the brace', async () => {
    const { readDiagramSource } = await fresh();
    const source = 'flowchart LR\n  accDescr{ The client\n      asks Zuul,\n\n    which routes it. } trailing\n  A --> B';
    expect(readDiagramSource(source).description).toBe('The client asks Zuul, which routes it.');
  });

  it('takes the rest of the block as the text alternative when accDescr { is never closed', async () => {
    const { readDiagramSource } = await fresh();
    expect(readDiagramSource('flowchart LR\n  A --> B\n  accDescr {\n    The client\n    asks Zuul.').description).toBe(
      'The client asks Zuul.',
    );
  });
});

describe('the block as mermaid reads it', () => {
  const ACC = '  accTitle: T\n  accDescr: D';

  it.each(['mindmap', 'kanban', 'sankey-beta', 'block-beta'])(
    'turns the accessibility lines of a %s into comments, keeping the line numbers',
    async (type) => {
      const { sourceForMermaid } = await fresh();
      expect(sourceForMermaid(`${type}\n${ACC}\n  a`)).toBe(`${type}\n  %% accTitle: T\n  %% accDescr: D\n  a`);
    },
  );

  it.each(['sequenceDiagram', 'stateDiagram', 'stateDiagram-v2', 'erDiagram'])(
    'turns the click lines of a %s into comments, keeping the indentation',
    async (type) => {
      const { sourceForMermaid } = await fresh();
      expect(sourceForMermaid(`${type}\n${ACC}\n    click Z "/stack/zuul/"\nclick Y "/loop/"`)).toBe(
        `${type}\n${ACC}\n    %% click Z "/stack/zuul/"\n%% click Y "/loop/"`,
      );
    },
  );

  it('leaves a flowchart as written, click lines and Windows line endings included', async () => {
    const { sourceForMermaid } = await fresh();
    const flowchart = `flowchart LR\r\n${ACC}\r\n  Z --> P\r\n  click Z "/stack/zuul/"`;
    expect(sourceForMermaid(flowchart)).toBe(flowchart);
  });

  it('reads Windows line endings in the types it changes', async () => {
    const { sourceForMermaid } = await fresh();
    expect(sourceForMermaid('mindmap\r\n  accTitle: T\r\n  root')).toBe('mindmap\n  %% accTitle: T\n  root');
    expect(sourceForMermaid('sequenceDiagram\r\n  A->>B: hi\r\n  click A "/a/"')).toBe('sequenceDiagram\n  A->>B: hi\n  %% click A "/a/"');
  });

  it('keeps a message or a node that only mentions click or accTitle', async () => {
    const { sourceForMermaid } = await fresh();
    const sequence = 'sequenceDiagram\n  M->>C: click play\n  Note over M: double click A';
    expect(sourceForMermaid(sequence)).toBe(sequence);
    const mindmap = 'mindmap\n  root((Captions))\n    Write accTitle: first\n    Then accDescr { a block }';
    expect(sourceForMermaid(mindmap)).toBe(mindmap);
  });

  it('comments loosely spaced accessibility lines and a multi-line accDescr{ block', async () => {
    const { sourceForMermaid } = await fresh();
    expect(sourceForMermaid('mindmap\n  accTitle : T\n  accDescr{\n    two\n  }\n  root').split('\n')).toEqual([
      'mindmap',
      '  %% accTitle : T',
      '  %% accDescr{',
      '    %% two',
      '  %% }',
      '  root',
    ]);
  });

  it('comments every remaining line of an accDescr { that is never closed', async () => {
    const { sourceForMermaid } = await fresh();
    expect(sourceForMermaid('mindmap\n  root\n  accDescr {\n    one\n    two')).toBe(
      'mindmap\n  root\n  %% accDescr {\n    %% one\n    %% two',
    );
  });
});

describe('the block as the build-time renderer reads it', () => {
  it('drops the accessibility lines, loosely spaced or over several lines, and nothing else', async () => {
    const { withoutAccessibilityLines } = await fresh();
    const source = [
      'flowchart LR',
      '  accTitle : T',
      '  accDescr{',
      '    two',
      '  }',
      '  A[Set accTitle: here] --> B[see accDescr { x }]',
      '  accDescr: D',
    ].join('\r\n');
    expect(withoutAccessibilityLines(source)).toBe('flowchart LR\n  A[Set accTitle: here] --> B[see accDescr { x }]');
  });

  it('drops an accDescr { that is never closed to the end of the block', async () => {
    const { withoutAccessibilityLines } = await fresh();
    expect(withoutAccessibilityLines('flowchart LR\n  A --> B\n  accDescr {\n    one\n    two')).toBe('flowchart LR\n  A --> B');
  });
});
