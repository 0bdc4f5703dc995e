/**
 * A heading whose id the page template or the site chrome already writes is reported at its
 * line and column, before the build (the built-site check would find the duplicate after it).
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildContext } from './context.ts';
import { loadContent } from './load.ts';
import { checkHeadingIds, fixedIds } from './rules/heading-ids.ts';
import { contextOf, mdx } from './test-helpers.ts';

const FIXTURE = path.join('scripts', 'check-content', '__fixtures__', 'heading-ids');

describe('heading ids that clash with the page around them', () => {
  it('reports the heading, the id and the file that already uses it', async () => {
    const { files, strays } = loadContent(FIXTURE);
    const problems = await checkHeadingIds(buildContext(files, strays));
    expect(problems.map((p) => `${path.relative(FIXTURE, p.file)}:${p.line}:${p.column} ${p.message}`)).toEqual([
      'guides/loop/index.mdx:6:1 This heading gets the id "main", which src/layouts/BaseLayout.astro already gives another element on the page.',
      'stack/sample.mdx:8:1 This heading gets the id "status", which src/pages/stack/[slug].astro already gives another element on the page.',
    ]);
  });

  it('reads fixed ids from elements, not from comments or expressions', () => {
    expect(
      fixedIds('<h2 id="status">S</h2>\n<!-- <p id="old"> -->\n/** <X id="doc"> */\n<p id={`x-${y}`} />\n<main class="m" id="main">'),
    ).toEqual(['status', 'main']);
  });
});

describe('heading ids, on pages written in the test', () => {
  const FIX = 'Reword the heading (the page already has a section with that id), so the two stay apart.';

  it('checks each collection against its own template and the chrome, headings at any depth, at their line and column', () => {
    expect(
      checkHeadingIds(
        contextOf({
          'prompts/p.mdx': mdx(['title: P'], ['', 'A paragraph first.', '', '## Main']),
          'culture/c.mdx': mdx(['title: C'], ['', '> ## Signals', '', '- ### Status']),
          'stack/s.mdx': mdx(['title: S'], ['', '## Signals', '', '## Status']),
          'mistakes/m.yaml': 'title: "## Main"',
        }),
      ),
    ).toEqual([
      {
        file: 'memory/prompts/p.mdx',
        line: 7,
        column: 1,
        rule: 'duplicate-id',
        message: 'This heading gets the id "main", which src/layouts/BaseLayout.astro already gives another element on the page.',
        fix: FIX,
      },
      {
        file: 'memory/culture/c.mdx',
        line: 5,
        column: 3,
        rule: 'duplicate-id',
        message: 'This heading gets the id "signals", which src/pages/culture/[slug].astro already gives another element on the page.',
        fix: FIX,
      },
      {
        file: 'memory/stack/s.mdx',
        line: 7,
        column: 1,
        rule: 'duplicate-id',
        message: 'This heading gets the id "status", which src/pages/stack/[slug].astro already gives another element on the page.',
        fix: FIX,
      },
    ]);
  });

  it('reads ids on one-letter elements, and leaves what surrounds a comment as it is', () => {
    expect(fixedIds('<p id="intro">x</p>\n<b/* note */id="glued">\n// <p id="commented">\n<i id="after"> // <b id="c2">')).toEqual([
      'intro',
      'after',
    ]);
  });
});
