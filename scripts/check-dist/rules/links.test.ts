/** The link rule on built pages written here, under the base path /b/. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { page, siteOf } from '../test-helpers.ts';
import { checkLinks } from './links.ts';

const BASE = '/b/';
const article = (links: string) => `<article><div class="prose">${links}</div></article>`;
const target = page({ body: '<h2 id="how-to-prepare">H</h2><p id="dg-1">d</p><p id="pf-x">p</p>' });

describe('links in the built site', () => {
  it('accepts links to pages, anchors and files under the base path, external links and empty ones', () => {
    const body = article(
      [
        '/b/loop/',
        '/b/loop/#how-to-prepare',
        '#how-to-prepare-self',
        '/b/favicon.svg',
        './loop/',
        'https://example.com/x',
        'HTTP://example.com',
        'mailto:a@b.c',
        'tel:+1',
        'data:text/plain,x',
        'blob:x',
        '//cdn.example/x',
        '  ',
        '/b/caf%C3%A9/',
      ]
        .map((href) => `<a href="${href}">x</a>`)
        .join('') + '<h2 id="how-to-prepare-self">S</h2>',
    );
    const site = siteOf(
      { 'index.html': page({ body }), 'loop/index.html': target, 'café/index.html': target, 'favicon.svg': '<svg/>' },
      BASE,
    );
    expect(checkLinks(site)).toEqual([]);
  });

  it('reports each kind of broken link in content at the content file and line, with a fix', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'links-source-'));
    const source = path.join(dir, 'index.mdx');
    writeFileSync(
      source,
      [
        '---',
        'title: T',
        '---',
        '[a](/loop/recuiter/)',
        '[b](/loop/#how-to-prep)',
        '[c](/loop)',
        '[d](/loop/)',
        '[e](/nothing-like-it/)',
        '[f](/missing.png)',
        '[g](/loop/#zzz-qqq-www)',
      ].join('\n'),
    );
    const hrefs = [
      '/b/loop/recuiter/',
      '/b/loop/#how-to-prep',
      '/b/loop',
      '/loop/',
      '/b/nothing-like-it/',
      '/b/missing.png',
      '/b/loop/#zzz-qqq-www',
    ];
    const body = article(hrefs.map((href) => `<a href="${href}">x</a>`).join(''));
    const site = siteOf(
      { 'index.html': page({ body, source }), 'loop/index.html': target, 'loop/recruiter/index.html': page({ body: '<h2 id="a">A</h2>' }) },
      BASE,
    );
    expect(checkLinks(site).map((p) => [p.file === source, p.line, p.rule, p.message, p.fix])).toEqual([
      [true, 4, 'link-target', 'There is no page at /loop/recuiter/. (on /)', 'Did you mean /loop/recruiter/?'],
      [true, 5, 'link-target', '/loop/ has no anchor "#how-to-prep". (on /)', 'Did you mean #how-to-prepare?'],
      [
        true,
        6,
        'link-target',
        'The link "/b/loop" has no trailing slash; every page URL on this site ends in "/". (on /)',
        'Write it as /loop/.',
      ],
      [
        true,
        7,
        'link-target',
        `The link "/loop/" leaves the site's base path /b/. (on /)`,
        'Write links as root-relative Markdown links such as [text](/loop/) (the base path is added for you), or build them with withBase() in components.',
      ],
      [true, 8, 'link-target', 'There is no page at /nothing-like-it/. (on /)', 'Link to an existing page; the sidebar lists them.'],
      [
        true,
        9,
        'link-target',
        'The file /missing.png does not exist in the build. (on /)',
        'Check the path, or add the file under public/.',
      ],
      [true, 10, 'link-target', '/loop/ has no anchor "#zzz-qqq-www". (on /)', 'Its anchors include: #how-to-prepare.'],
    ]);
  });

  it('keeps the fragment in the trailing-slash fix and lists at most eight anchors', () => {
    const many = Array.from({ length: 10 }, (_, i) => `<p id="anchor-${i}">x</p>`).join('');
    const site = siteOf(
      {
        'index.html': page({ body: article('<a href="/b/loop#anchor-1">x</a><a href="/b/many/#qqqqqqqqqqqqqqqqqqqq">y</a>') }),
        'loop/index.html': target,
        'many/index.html': page({ body: many }),
      },
      BASE,
    );
    expect(checkLinks(site).map((p) => p.fix)).toEqual([
      'Write it as /loop/#anchor-1.',
      `Its anchors include: ${Array.from({ length: 8 }, (_, i) => `#anchor-${i}`).join(', ')}.`,
    ]);
  });

  it('reports a broken link in the page layout at the built page, once per page and link; in content, each time', () => {
    const layout = '<nav><a href="/b/gone/">x</a><a href="/b/gone/">again</a></nav>';
    const site = siteOf(
      { 'index.html': page({ body: layout + article('<a href="/b/gone/">in content</a><a href="/b/gone/">twice</a>') }) },
      BASE,
    );
    const problems = checkLinks(site);
    // Without an edit link even a content link can only be shown at the built page.
    expect(problems.map((p) => [p.file.endsWith('index.html'), p.line, p.message])).toEqual(
      Array.from({ length: 3 }, () => [true, undefined, 'There is no page at /gone/. (in the page layout, link "/b/gone/")']),
    );
  });

  it('finds the line of a link written with a title, as an element, or only by its fragment', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'links-lines-'));
    const source = path.join(dir, 'page.mdx');
    writeFileSync(
      source,
      ['---', 'Mentions /gone/ and /gone-too/ in text.', '---', '[x](/gone/ "title")', '<a href="/gone-too/">y</a>', '{#zzz}'].join('\n'),
    );
    const body = article('<a href="/b/gone/">x</a><a href="/b/gone-too/">y</a><a href="/b/loop/#zzz">z</a><a href="/b/nowhere/">w</a>');
    const site = siteOf({ 'index.html': page({ body, source }), 'loop/index.html': target }, BASE);
    // The plain mention on line 2 is found only when nothing more exact is; a link without a fragment is not looked up by "#".
    expect(checkLinks(site).map((p) => [p.line, p.message])).toEqual([
      [4, 'There is no page at /gone/. (on /)'],
      [5, 'There is no page at /gone-too/. (on /)'],
      [6, '/loop/ has no anchor "#zzz". (on /)'],
      [undefined, 'There is no page at /nowhere/. (on /)'],
    ]);
  });

  it('reports the same broken layout link on each page, with the link as written', () => {
    const layout = '<nav><a href=" /b/gone/ ">x</a></nav>';
    const site = siteOf({ 'a/index.html': page({ body: layout }), 'b/index.html': page({ body: layout }) }, BASE);
    expect(checkLinks(site).map((p) => [p.file.slice(-12), p.message])).toEqual([
      ['a/index.html', 'There is no page at /gone/. (in the page layout, link "/b/gone/")'],
      ['b/index.html', 'There is no page at /gone/. (in the page layout, link "/b/gone/")'],
    ]);
  });

  it('treats only a link that starts with javascript: as one, and finds its line', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'links-js-'));
    const source = path.join(dir, 'page.mdx');
    writeFileSync(source, ['---', 'title: T', '---', '[x](javascript:void(0))'].join('\n'));
    const site = siteOf(
      { 'index.html': page({ body: article('<a href="javascript:void(0)">x</a><a href="/b/?q=javascript:1">y</a>'), source }) },
      BASE,
    );
    expect(checkLinks(site).map((p) => [p.line, p.message])).toEqual([
      [4, 'A javascript: link ("javascript:void(0)") is not allowed. (on /)'],
    ]);
  });

  it('checks a #fragment on a page the pass reads before or after the linking page, in the order of the links', () => {
    const site = siteOf(
      {
        'a/index.html': page({ body: article('<h2 id="on-a">A</h2><a href="/b/b/#on-b">ok</a><a href="/b/b/#gone-b">x</a>') }),
        'b/index.html': page({
          body: article('<h2 id="on-b">B</h2><a href="/b/a/#gone-a">y</a><a href="/b/a/#on-a">ok</a><a href="#on-b">ok</a>'),
        }),
      },
      BASE,
    );
    const order = [...site.pages.keys()];
    const expected = {
      '/a/': '/b/ has no anchor "#gone-b". (in the page layout, link "/b/b/#gone-b")',
      '/b/': '/a/ has no anchor "#gone-a". (in the page layout, link "/b/a/#gone-a")',
    };
    expect(checkLinks(site).map((p) => p.message)).toEqual(order.map((sitePath) => expected[sitePath as keyof typeof expected]));
  });

  it('checks links a lenient parser reads as text: inside <pre>, as a browser builds them', () => {
    const site = siteOf({ 'index.html': page({ body: article('<pre><code><a href="/b/gone/">x</a></code></pre>') }) }, BASE);
    expect(checkLinks(site).map((p) => p.message)).toEqual(['There is no page at /gone/. (in the page layout, link "/b/gone/")']);
  });

  it('reports a javascript: link wherever it is, at the content file when there is one', () => {
    const site = siteOf({ 'index.html': page({ body: '<nav><a href="JavaScript:alert(1)">x</a></nav>', source: 'nowhere.mdx' }) }, BASE);
    expect(checkLinks(site)).toEqual([
      {
        file: 'nowhere.mdx',
        line: undefined,
        rule: 'link-target',
        message: 'A javascript: link ("JavaScript:alert(1)") is not allowed. (on /)',
        fix: 'Use a real URL or a button.',
      },
    ]);
  });
});
