/**
 * A heading whose id the page template or the site chrome already writes is reported at its
 * line and column, before the build (the built-site check would find the duplicate after it).
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildContext } from './context.ts';
import { loadContent } from './load.ts';
import { checkHeadingIds, fixedIds } from './rules/heading-ids.ts';

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
