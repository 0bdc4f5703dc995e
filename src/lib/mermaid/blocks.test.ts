/** The ```mermaid blocks the content check's diagram rule reads, which the build's verdict lists by hash. */
import { describe, expect, it } from 'vitest';
import { checkedMermaidBlocks, mermaidBlocks } from './blocks.ts';

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

describe('the blocks the diagram rule checks in a file', () => {
  it('are the blocks of its body, placed at file lines from where the body starts', () => {
    expect(checkedMermaidBlocks({ body: 'Intro\n```mermaid\nflowchart LR\n```', bodyStartLine: 5 })).toEqual([
      { source: 'flowchart LR', fenceLine: 6 },
    ]);
    expect(checkedMermaidBlocks({ body: '```mermaid\nA\n```' })).toEqual([{ source: 'A', fenceLine: 1 }]);
  });

  it('are none for a file without a body (a YAML entry) or whose front matter does not parse', () => {
    expect(checkedMermaidBlocks({ body: '' })).toEqual([]);
    expect(checkedMermaidBlocks({})).toEqual([]);
    expect(checkedMermaidBlocks({ body: '```mermaid\nA\n```', bodyStartLine: 3, parseError: { line: 2, message: 'bad' } })).toEqual([]);
  });
});
