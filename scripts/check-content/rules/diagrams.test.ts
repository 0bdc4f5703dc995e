/** The diagrams rule on pages written in the test: each ```mermaid block found, and its problems placed at their file line. */
import { describe, expect, it } from 'vitest';
import { contextOf, mdx } from '../test-helpers.ts';
import { checkDiagrams } from './diagrams.ts';

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
