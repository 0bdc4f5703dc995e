/** The components rule: ids given to components name real entries, at the attribute's line and column. */
import { describe, expect, it } from 'vitest';
import { contextOf, mdx } from '../test-helpers.ts';
import { checkComponents } from './components.ts';

const run = (files: Record<string, string>) =>
  checkComponents(contextOf(files)) as Exclude<ReturnType<typeof checkComponents>, Promise<unknown>>;

describe('components rule', () => {
  it('accepts ids of existing entries, in flow and in text, and ignores other props and elements', () => {
    expect(
      run({
        'mistakes/queue-first.yaml': 'title: Q',
        'sources/blog-a.yaml': 'title: A',
        'guides/loop/g.mdx': mdx(
          ['title: G'],
          [
            '<MistakePair id="queue-first" />',
            '',
            'Text <Cite id="blog-a" /> and <MistakeLink id="queue-first">x</MistakeLink>.',
            '',
            '<Callout type="note">Hi</Callout>',
            '<div id="nope">x</div>',
          ],
        ),
      }),
    ).toEqual([]);
  });

  it("reports a component that shows a prompt's front matter on any page but a prompt, at the element", () => {
    const prompt = 'prompts/feed.mdx';
    expect(
      run({
        [prompt]: mdx(['title: Feed'], ['<PromptCard />', '', '<Rubric />']),
        'guides/loop/g.mdx': mdx(['title: G'], ['Intro.', '', '<Rubric />']),
      }),
    ).toEqual([
      {
        file: 'memory/guides/loop/g.mdx',
        line: 6,
        column: 1,
        rule: 'prompt-component',
        message: "<Rubric /> shows a design prompt's own front matter, so it works only in content/prompts/.",
        fix: 'Remove it from this page, or write what it would show as text; on a prompt page it takes no props.',
      },
    ]);
  });

  it('reports an id with no entry, with the nearest id, at the attribute', () => {
    expect(
      run({
        'sources/blog-a.yaml': 'title: A',
        'guides/loop/g.mdx': mdx(['title: G'], ['Intro.', '', 'See <Cite id="blog-b" />.']),
      }),
    ).toEqual([
      {
        file: 'memory/guides/loop/g.mdx',
        line: 6,
        column: 11,
        rule: 'reference',
        message: '<Cite id="blog-b">: there is no sources entry "blog-b".',
        fix: 'Did you mean id="blog-a"?',
      },
    ]);
  });

  it('says where ids come from when nothing is near, for each component that names an entry', () => {
    const problems = run({
      'guides/loop/g.mdx': mdx(
        ['title: G'],
        ['<StackLink id="zzz">x</StackLink>', '', '<SourceSays source="nothing-like-it">q</SourceSays>'],
      ),
    });
    expect(problems.map((p) => [p.line, p.column, p.message, p.fix])).toEqual([
      [
        6,
        13,
        '<SourceSays source="nothing-like-it">: there is no sources entry "nothing-like-it".',
        'Use the id of a file in content/sources/, or add that entry.',
      ],
      [4, 12, '<StackLink id="zzz">: there is no stack entry "zzz".', 'Use the id of a file in content/stack/, or add that entry.'],
    ]);
  });

  it('leaves ids written as expressions, and spread props, to the content-safety rule', () => {
    expect(run({ 'guides/loop/g.mdx': mdx(['title: G'], ["<Cite id={'none'} />", '', '<Cite {...props} />']) })).toEqual([]);
  });

  it('skips YAML entries and MDX that does not parse', () => {
    expect(run({ 'mistakes/m.yaml': 'x: <Cite id="none" />', 'guides/loop/bad.mdx': mdx(['title: B'], ['<Cite id="none"', '{']) })).toEqual(
      [],
    );
  });
});
