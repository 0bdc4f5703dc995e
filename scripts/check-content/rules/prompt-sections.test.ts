/** The prompt-sections rule on prompts written here: the library's problems, at file lines. */
import { describe, expect, it } from 'vitest';
import { PROMPT_SECTIONS } from '../../../src/lib/prompt-sections.ts';
import { contextOf, mdx } from '../test-helpers.ts';
import { checkPromptStructure } from './prompt-sections.ts';

const DIAGRAM = ['```mermaid', 'flowchart LR', '  a --> b', '```'];

/** Every section with its component and, for the architecture, the two diagrams a prompt needs. */
const COMPLETE = PROMPT_SECTIONS.flatMap((s) => [
  `## ${s.heading}`,
  s.component ? `<${s.component} />` : 'Text.',
  ...(s.diagram ? [...DIAGRAM, ...DIAGRAM] : []),
]);

describe('prompt sections rule', () => {
  it('reports a prompt missing a section at the file line of the section before it', async () => {
    const body = COMPLETE.filter((line) => line !== '## Cost');
    const problems = await checkPromptStructure(contextOf({ 'prompts/p.mdx': mdx(['title: P', 'description: D'], body) }));
    // Two lines of front matter between the fences: the body starts on line 5.
    const before = 5 + body.indexOf('## Rollout and rollback');
    expect(problems.map(({ fix, ...rest }) => ({ ...rest, fix: fix.slice(0, 38) }))).toEqual([
      {
        file: 'memory/prompts/p.mdx',
        line: before,
        rule: 'prompt-sections',
        message: 'The section "## Cost" is missing.',
        fix: 'Add it after "## Rollout and rollback"',
      },
    ]);
  });

  it('checks only prompts that parsed: not guides, not a prompt without front matter', async () => {
    const body = ['## Not a section'];
    const problems = await checkPromptStructure(
      contextOf({
        'guides/loop/g.mdx': mdx(['title: G'], body),
        'prompts/broken.mdx': body.join('\n'),
        'prompts/ok.mdx': mdx(['title: P'], COMPLETE),
      }),
    );
    expect(problems).toEqual([]);
  });
});
