/** The diagrams rule on pages written in the test: each ```mermaid block found, and its problems placed at their file line. */
import { describe, expect, it } from 'vitest';
import { contextOf, mdx } from '../test-helpers.ts';
import { checkDiagrams, mermaidBlocks } from './diagrams.ts';

describe('mermaid blocks', () => {
  it('finds each block, indented or not, with the file line of its opening fence, up to its closing fence', () => {
    expect(
      mermaidBlocks(
        ['Text', '```mermaid', 'flowchart LR', '  A --> B', '```', '', '  ```mermaid title', 'graph TD', '```  ', '```js', 'x', '```'].join(
          '\n',
        ),
        10,
      ),
    ).toEqual([
      { source: 'flowchart LR\n  A --> B', fenceLine: 11 },
      { source: 'graph TD', fenceLine: 16 },
    ]);
  });

  it('opens a block only with a fence at the start of a line, and closes it only with a bare fence', () => {
    expect(
      mermaidBlocks(['Write ```mermaid blocks like this:', '```mermaid', 'A ```', '```js', '```x', '  ```  ', 'after'].join('\n'), 1),
    ).toEqual([{ source: 'A ```\n```js\n```x', fenceLine: 2 }]);
  });

  it('takes a block left open to the end of the body, and skips fences of other languages', () => {
    expect(mermaidBlocks('```mermaidx\nno\n```\n```mermaid\nflowchart LR\nA --> B', 1)).toEqual([
      { source: 'flowchart LR\nA --> B', fenceLine: 4 },
    ]);
    expect(mermaidBlocks('```\n```mermaid\n```', 1)).toEqual([{ source: '', fenceLine: 2 }]);
  });
});

describe('diagrams rule', () => {
  it('reports a diagram without caption or text alternative at the first line inside the block, and nothing for a complete one', async () => {
    const good = ['```mermaid', 'flowchart LR', '  accTitle: Two boxes', '  accDescr: A box points at another box.', '  A --> B', '```'];
    const bare = ['```mermaid', 'flowchart LR', '  A --> B', '```'];
    const problems = await checkDiagrams(
      contextOf({
        'guides/loop/a.mdx': mdx(['title: A'], ['', ...good, '', ...bare]),
        'guides/loop/broken.mdx': '---\ntitle: [\n---\n\n' + bare.join('\n'),
        'mistakes/m.yaml': 'title: M',
      }),
    );
    expect(problems).toEqual([
      {
        file: 'memory/guides/loop/a.mdx',
        line: 13,
        rule: 'mermaid',
        message: 'The diagram has no caption.',
        fix: 'Add a line "accTitle: <caption>" after the diagram type; it becomes the figure caption.',
      },
      {
        file: 'memory/guides/loop/a.mdx',
        line: 13,
        rule: 'mermaid',
        message: 'The diagram has no text alternative.',
        fix: 'Add a line "accDescr: <what the diagram shows, in a sentence or two>" after accTitle.',
      },
    ]);
  });
});
