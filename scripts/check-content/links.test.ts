/**
 * Internal links and #anchors in the fast content check, against a fixture content directory:
 * each broken link reported at its file:line:column with the nearest page or anchor, every good
 * one (headings slugged as Astro slugs them, pages from src/pages, files in public/) accepted.
 * Heading ids are compared with Astro's own heading plugin run on the same file.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createProcessor } from '@mdx-js/mdx';
import { rehypeHeadingIds } from '@astrojs/markdown-remark';
import remarkGfm from 'remark-gfm';
import remarkTypography from '../../src/plugins/remark-typography.ts';
import { describe, expect, it } from 'vitest';
import { buildContext } from './context.ts';
import { loadContent } from './load.ts';
import { mdxTreeOf } from './rules/content-safety.ts';
import { buildSiteMap, checkLinks, headingIds } from './rules/links.ts';

const FIXTURE = path.join('scripts', 'check-content', '__fixtures__', 'bad-links');

async function problems() {
  const { files, strays } = loadContent(FIXTURE);
  return checkLinks(buildContext(files, strays));
}

describe('links and anchors in content', () => {
  it('reports each broken link at its line and column, with the nearest page or anchor', async () => {
    const found = await problems();
    expect(found.map((p) => `${path.relative(FIXTURE, p.file)}:${p.line}:${p.column} ${p.rule}`)).toEqual([
      'guides/loop/coding.mdx:19:19 link-target',
      'guides/loop/coding.mdx:20:20 link-target',
      'guides/loop/coding.mdx:21:22 link-anchor',
      'guides/loop/coding.mdx:22:37 link-anchor',
      'guides/loop/coding.mdx:23:15 link-anchor',
      'guides/loop/coding.mdx:24:9 link-target',
      'guides/loop/coding.mdx:24:39 link-target',
      'guides/loop/coding.mdx:25:11 link-anchor',
      'guides/loop/coding.mdx:25:56 link-target',
      'guides/loop/coding.mdx:26:1 link-target',
      'guides/loop/coding.mdx:28:1 link-target',
    ]);
    const messages = found.map((p) => p.message);
    expect(messages).toEqual([
      'The link "/loop/codng/" goes to no page: the site has nothing at /loop/codng/. Did you mean "/loop/coding/"?',
      'The link "/loop/coding" has no trailing slash; every page URL on this site ends in "/".',
      'The link "/loop/#how-the-decision-is-mad" points at #how-the-decision-is-mad, which /loop/ does not have. Did you mean "#how-the-decision-is-made"?',
      'The link "/loop/#step----by-step" points at #step----by-step, which /loop/ does not have. Did you mean "#step--by-step"?',
      'The link "#local-headin" points at #local-headin, which this page does not have. Did you mean "#local-heading"?',
      'The link "/favicon.png" points at a file the site does not have (/favicon.png).',
      'The link "/practice/flashcard/" goes to no page: the site has nothing at /practice/flashcard/. Did you mean "/practice/flashcards/"?',
      'The link "/sources/#source-guide-y" points at #source-guide-y, which /sources/ does not have. Did you mean "#source-guide-x"?',
      'The link "coding/" goes to no page: the site has nothing at /loop/coding/coding/ (a relative link: from /loop/coding/ it leads to /loop/coding/coding/).',
      'The link "/prompts/sample-promt/" goes to no page: the site has nothing at /prompts/sample-promt/. Did you mean "/prompts/sample-prompt/"?',
      'The link "/mistakes/nope/" goes to no page: the site has nothing at /mistakes/nope/. Did you mean "/mistakes/"?',
    ]);
    expect(found[1]!.fix).toBe('Write it as /loop/coding/.');
    expect(found[2]!.fix).toMatch(/^Change it to #how-the-decision-is-made \(a heading's anchor is its text/);
    expect(found[2]!.fix).toContain('anchors there include #how-the-decision-is-made, #where-the-guides-disagree-about-the-loops-shape');
  });

  it('gives headings the ids Astro gives them (typography, code, component text, repeats)', async () => {
    const file = path.join(FIXTURE, 'guides', 'loop', 'index.mdx');
    const { files } = loadContent(FIXTURE);
    const entry = files.find((f) => f.id === 'loop')!;
    const ours = headingIds(mdxTreeOf(entry)!);
    expect(ours).toEqual([
      'how-the-decision-is-made',
      'where-the-guides-disagree-about-the-loops-shape',
      'step--by-step',
      'repeated',
      'repeated-1',
      'the-code-part',
      'using-zuul-2-well',
      'a-heading-inside-a-component',
    ]);
    // Astro's MDX pipeline as astro.config.mjs sets it: GFM and the typography step, then its heading-id plugin.
    const processor = createProcessor({ remarkPlugins: [remarkGfm, remarkTypography], rehypePlugins: [rehypeHeadingIds] });
    const compiled = await processor.process({ path: file, value: entry.body, data: { astro: { frontmatter: {} } } });
    const astro = (compiled.data as { astro: { headings: { slug: string }[] } }).astro.headings.map((h) => h.slug);
    expect(ours).toEqual(astro);
    expect(readFileSync(file, 'utf8')).toContain("## Where the guides disagree about the loop's shape");
  });

  it('knows the pages the site will have: entries, static pages, per-entry pages, public files', () => {
    const { files } = loadContent(FIXTURE);
    const site = buildSiteMap(files);
    expect([...site.pages.keys()]).toEqual(
      expect.arrayContaining([
        '/',
        '/loop/',
        '/loop/coding/',
        '/prompts/sample-prompt/',
        '/prompts/sample-prompt/cheatsheet/',
        '/sources/',
        '/practice/flashcards/',
      ]),
    );
    expect(site.files.has('/favicon.svg')).toBe(true);
    expect(site.files.has('/404.html')).toBe(true);
  });
});
