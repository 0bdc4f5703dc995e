/** The embedded-mistakes rule: a GOOD/BAD pair must be shown on a round page or listed by a prompt. */
import { describe, expect, it } from 'vitest';
import { contextOf, mdx } from '../test-helpers.ts';
import { checkMistakesEmbedded } from './embedded-mistakes.ts';

const PAIR = 'title: T\n';

describe('embedded mistakes rule', () => {
  it('accepts a pair embedded on a round page or listed under a prompt', async () => {
    const problems = await checkMistakesEmbedded(
      contextOf({
        'mistakes/on-round.yaml': PAIR,
        'mistakes/in-prompt.yaml': PAIR,
        'guides/loop/round.mdx': mdx(['title: R', 'round: system-design'], ['<MistakePair id="on-round" />']),
        'prompts/p.mdx': mdx(['title: P', 'mistakes:', '  - in-prompt']),
      }),
    );
    expect(problems).toEqual([]);
  });

  it('reports a pair shown only on a page that is not a round, with the embed to add', async () => {
    const problems = await checkMistakesEmbedded(
      contextOf({
        'mistakes/lonely.yaml': PAIR,
        'guides/loop/not-a-round.mdx': mdx(['title: G'], ['<MistakePair id="lonely" />']),
        'guides/loop/broken.mdx': ['<MistakePair id="lonely" />'].join('\n'),
        'culture/c.mdx': mdx(['title: C'], ['<MistakePair id="lonely" />']),
        'stack/s.mdx': mdx(['title: S', 'round: system-design'], ['<MistakePair id="lonely" />']),
      }),
    );
    expect(problems).toEqual([
      {
        file: 'memory/mistakes/lonely.yaml',
        line: 1,
        rule: 'mistake-not-embedded',
        message: 'The pair "lonely" is not shown on any round or prompt page.',
        fix: 'Embed it with <MistakePair id="lonely" /> on the round page where it happens, or list it under "mistakes:" in a prompt.',
      },
    ]);
  });

  it('counts only references to mistakes, and a prompt without front matter still counts its body', async () => {
    const problems = await checkMistakesEmbedded(
      contextOf({
        'mistakes/m.yaml': PAIR,
        'mistakes/used.yaml': PAIR,
        'guides/loop/round.mdx': mdx(['title: R', 'round: coding'], ['<Cite id="m" />']),
        'prompts/broken.mdx': '<MistakePair id="used" />',
      }),
    );
    expect(problems.map((p) => p.message)).toEqual(['The pair "m" is not shown on any round or prompt page.']);
  });
});
