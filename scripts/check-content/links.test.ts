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
import { buildSiteMap, checkLink, checkLinks, headingIds, type SiteMap } from './rules/links.ts';
import { contextOf, mdx } from './test-helpers.ts';

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

describe('one link against a known site', () => {
  const nine = ['how-it-fails', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'];
  const site: SiteMap = {
    pages: new Map<string, { source: string; anchors?: Set<string>; hasHeadings?: boolean }>([
      ['/loop/', { source: 'content/guides/loop/index.mdx', anchors: new Set(nine), hasHeadings: true }],
      ['/sources/', { source: 'src/pages/sources.astro', anchors: new Set(['source-x']) }],
      ['/figures/', { source: 'src/pages/figures.astro' }],
    ]),
    files: new Set(['/favicon.svg']),
    uncheckedPrefixes: ['/', '/practice/'],
    globalIds: new Set(['main']),
    globalIdPatterns: [/^card-.+$/],
  };
  const check = (url: string, from = '/loop/') => checkLink(site, from, url);

  it('accepts external links, existing pages, files, anchors known to the page or to every page, and unlisted pages', () => {
    for (const url of ['', 'https://example.com/', 'mailto:a@b.c', '//cdn.example/x', '/loop/', '/loop/#how-it-fails', '/favicon.svg']) {
      expect(check(url), url).toBeUndefined();
    }
    for (const url of ['/loop/#main', '/loop/#card-7', '/figures/#anything', '/practice/anything/', '#b'])
      expect(check(url), url).toBeUndefined();
  });

  it('checks pages under the site root even though "/" is an unchecked prefix', () => {
    expect(check('/nothing-here/')).toEqual({
      rule: 'link-target',
      message: 'The link "/nothing-here/" goes to no page: the site has nothing at /nothing-here/.',
      fix: 'Link to an existing page, written root-relative with a trailing slash such as /loop/coding/, or create the page.',
    });
  });

  it('reports a URL that does not parse, and a broken %-escape', () => {
    // Backslashes read as slashes: \\[ is a protocol-relative URL with an impossible host.
    expect(check('\\\\[')).toEqual({
      rule: 'link-target',
      message: 'The link "\\\\[" is not a valid URL.',
      fix: 'Write a root-relative path such as /loop/coding/.',
    });
    expect(check('/loop/%E0%A4%A/')).toEqual({
      rule: 'link-target',
      message: 'The link "/loop/%E0%A4%A/" has a broken %-escape.',
      fix: 'Write the path and anchor in plain characters.',
    });
    expect(check('/loop/#%E0%A4%A')).toEqual({
      rule: 'link-target',
      message: 'The link "/loop/#%E0%A4%A" has a broken %-escape.',
      fix: 'Write the path and anchor in plain characters.',
    });
  });

  it('reports a missing file, and a page without its trailing slash keeping the anchor', () => {
    expect(check('/logo.png')).toEqual({
      rule: 'link-target',
      message: 'The link "/logo.png" points at a file the site does not have (/logo.png).',
      fix: 'Check the path; files served as they are live in public/.',
    });
    expect(check('/loop#b')).toEqual({
      rule: 'link-target',
      message: 'The link "/loop#b" has no trailing slash; every page URL on this site ends in "/".',
      fix: 'Write it as /loop/#b.',
    });
  });

  it('suggests the nearest page, keeping the anchor, and says where a relative link leads', () => {
    expect(check('/lop/#b')).toEqual({
      rule: 'link-target',
      message: 'The link "/lop/#b" goes to no page: the site has nothing at /lop/. Did you mean "/loop/"?',
      fix: 'Change it to /loop/#b, or create the page it should go to.',
    });
    expect(check('../sourcs/', '/loop/')).toEqual({
      rule: 'link-target',
      message:
        'The link "../sourcs/" goes to no page: the site has nothing at /sourcs/ (a relative link: from /loop/ it leads to /sourcs/). Did you mean "/sources/"?',
      fix: 'Change it to /sources/, or create the page it should go to.',
    });
  });

  it('reports a missing anchor with the nearest one and the first eight anchors of a page with headings', () => {
    expect(check('/loop/#how-it-fail', '/other/')).toEqual({
      rule: 'link-anchor',
      message: 'The link "/loop/#how-it-fail" points at #how-it-fail, which /loop/ does not have. Did you mean "#how-it-fails"?',
      fix: `Change it to #how-it-fails (a heading's anchor is its text in lower case with hyphens: "## How it fails" is #how-it-fails); anchors there include #how-it-fails, #b, #c, #d, #e, #f, #g, #h, ….`,
    });
  });

  it('reports a missing anchor on a page without headings, on this page, with nothing near', () => {
    expect(check('#zzzzzzzzzzzz', '/sources/')).toEqual({
      rule: 'link-anchor',
      message: 'The link "#zzzzzzzzzzzz" points at #zzzzzzzzzzzz, which this page does not have.',
      fix: 'Link to an anchor that exists; anchors there include #source-x.',
    });
  });
});

describe('the site map, from content written in the test and the real src/pages', () => {
  // Built in each test, not while the tests are collected, so the code runs as part of a test.
  const siteMap = () =>
    buildSiteMap(
      contextOf({
        'guides/loop/index.mdx': mdx(['title: L'], ['', '## How it works', '', '## How it works']),
        'stack/zuul.mdx': mdx(['title: Z'], ['', '## Filters']),
        'prompts/p.mdx': mdx(['title: P'], ['', 'Text.']),
        'sources/blog-a.yaml': 'title: A',
        'mistakes/m.yaml': 'title: M',
        'guides/loop/broken.mdx': mdx(['title: B'], ['', '<Cite id="a"']),
      }).files,
    );

  it('gives each MDX entry its page with its heading ids and its template’s ids', () => {
    const site = siteMap();
    expect(site.pages.get('/loop/')).toEqual({
      source: 'memory/guides/loop/index.mdx',
      anchors: new Set(['how-it-works', 'how-it-works-1']),
      hasHeadings: true,
    });
    expect(site.pages.get('/stack/zuul/')).toEqual({
      source: 'memory/stack/zuul.mdx',
      anchors: new Set(['filters', 'status', 'in-the-interview']),
      hasHeadings: true,
    });
    expect(site.pages.get('/loop/broken/')).toEqual({ source: 'memory/guides/loop/broken.mdx' });
    expect(site.pages.get('/mistakes/m/')).toEqual({ source: 'memory/mistakes/m.yaml' });
  });

  it('places per-entry pages of a template with a suffix, static pages, endpoints, public files and the 404 page', () => {
    const site = siteMap();
    expect(site.pages.get('/prompts/p/cheatsheet/')).toEqual({ source: 'src/pages/prompts/[slug]/cheatsheet.astro' });
    expect(site.pages.get('/practice/')).toEqual({ source: 'src/pages/practice/index.astro' });
    expect(site.pages.get('/practice/calculator/')).toEqual({ source: 'src/pages/practice/calculator.astro' });
    expect(site.pages.get('/')).toEqual({ source: 'src/pages/index.astro' });
    expect(site.pages.has('/404/')).toBe(false);
    expect(site.pages.has('/practice/cards.json/')).toBe(false);
    expect([...site.files]).toEqual(
      expect.arrayContaining([
        '/404.html',
        '/favicon.svg',
        '/manifest.webmanifest',
        '/practice/cards.json',
        '/practice/prompts.json',
        '/practice/study-manifest.json',
      ]),
    );
    expect([...site.files].filter((file) => !file.includes('.'))).toEqual([]);
    expect(site.files.has('/icons/sprite.svg')).toBe(true);
    expect(site.uncheckedPrefixes).toEqual(['/mistakes/rounds/', '/stack/layers/']);
  });

  it('gives the sources page one anchor per source besides its own ids', () => {
    const site = siteMap();
    const anchors = site.pages.get('/sources/')!.anchors!;
    expect(anchors.has('source-blog-a')).toBe(true);
    expect(site.pages.get('/sources/')!.source).toBe('src/pages/sources.astro');
  });

  it('collects the ids and id patterns the layouts and components write on every page', () => {
    const site = siteMap();
    expect(site.globalIds.has('main')).toBe(true);
    expect(site.globalIdPatterns.length).toBeGreaterThan(0);
  });
});

describe('links in a page', () => {
  it('finds Markdown links and definitions, href on elements (at the element) and links on diagram boxes, at their line and column', async () => {
    const problems = await checkLinks(
      contextOf({
        'guides/loop/index.mdx': mdx(
          ['title: L'],
          [
            '',
            '[a](/loop/) and [b](/nowhere-a/) and <kbd href="/nowhere-b/">k</kbd> <kbd title="/nowhere-x/">t</kbd>',
            '',
            '[d]: /nowhere-c/',
            '',
            '```mermaid',
            'flowchart LR',
            '  A[Box]',
            '  click A href "/nowhere-d/"',
            '```',
            '',
            '```js',
            'click A href "/nowhere-e/"',
            '```',
          ],
        ),
        'guides/loop/bad-yaml.mdx': '---\ntitle: [\n---\n\n[x](/nowhere-f/)',
        'guides/loop/bad-mdx.mdx': mdx(['title: B'], ['', '[x](/nowhere-g/)', '', '<Cite id="a"']),
      }),
    );
    expect(problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.message.split(':')[0]}`)).toEqual([
      'memory/guides/loop/index.mdx:5:17 The link "/nowhere-a/" goes to no page',
      'memory/guides/loop/index.mdx:5:38 The link "/nowhere-b/" goes to no page',
      'memory/guides/loop/index.mdx:7:1 The link "/nowhere-c/" goes to no page',
      'memory/guides/loop/index.mdx:12:1 The link "/nowhere-d/" goes to no page',
    ]);
  });
});
