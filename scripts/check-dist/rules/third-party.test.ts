/** The third-party rule on built pages and stylesheets written here. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { page, siteOf } from '../test-helpers.ts';
import { checkThirdParty } from './third-party.ts';

const messages = (files: Record<string, string>) => checkThirdParty(siteOf(files)).map((p) => p.message);

describe('third-party resources', () => {
  it('accepts own files, outbound links and link relations that fetch nothing', () => {
    const body =
      '<a href="https://netflixtechblog.com/">post</a><img src="/a.png" srcset="/a.png 1x, /b.png 2x"><script src="/_astro/x.js"></script>' +
      '<div style="background: url(/bg.png)"></div><style>@import "/own.css"; p { background: url(\'/x.png\') }</style>';
    const head = ['canonical', 'alternate', 'author', 'license', 'me', 'next', 'prev', 'help', 'search', 'CANONICAL']
      .map((rel) => `<link rel="${rel}" href="https://example.com/${rel}">`)
      .join('');
    expect(messages({ 'index.html': page({ head, body }), 'styles/a.css': 'a { background: url(/x.png) }' })).toEqual([]);
  });

  it('reports every kind of element that loads from another host, protocol-relative URLs included', () => {
    const body = [
      '<script src="https://cdn.example/x.js"></script>',
      '<link rel="stylesheet" href="//fonts.example/css">',
      '<link href="https://no-rel.example/x">',
      '<img src="HTTP://img.example/a.png">',
      '<img srcset="/own.png 1x,  https://img.example/b.png 2x">',
      '<picture><source src="https://s.example/a"><source srcset="https://s.example/b 2x"></picture>',
      '<iframe src="https://f.example/"></iframe>',
      '<video src="https://v.example/a.mp4" poster="https://v.example/p.png"></video>',
      '<audio src="https://a.example/a.mp3"></audio>',
      '<embed src="https://e.example/x">',
      '<object data="https://o.example/x"></object>',
      '<svg><image href="https://i.example/x.png"></image><use href="https://u.example/s.svg#i"></use></svg>',
    ].join('');
    expect(messages({ 'loop/index.html': page({ body }) })).toEqual([
      '<script src="https://cdn.example/x.js"> on /loop/ loads from another host.',
      '<link href="//fonts.example/css"> on /loop/ loads from another host.',
      '<link href="https://no-rel.example/x"> on /loop/ loads from another host.',
      '<img src="HTTP://img.example/a.png"> on /loop/ loads from another host.',
      '<img srcset="https://img.example/b.png"> on /loop/ loads from another host.',
      '<source src="https://s.example/a"> on /loop/ loads from another host.',
      '<source srcset="https://s.example/b"> on /loop/ loads from another host.',
      '<iframe src="https://f.example/"> on /loop/ loads from another host.',
      '<video src="https://v.example/a.mp4"> on /loop/ loads from another host.',
      '<video poster="https://v.example/p.png"> on /loop/ loads from another host.',
      '<audio src="https://a.example/a.mp3"> on /loop/ loads from another host.',
      '<embed src="https://e.example/x"> on /loop/ loads from another host.',
      '<object data="https://o.example/x"> on /loop/ loads from another host.',
      '<image href="https://i.example/x.png"> on /loop/ loads from another host.',
      '<use href="https://u.example/s.svg#i"> on /loop/ loads from another host.',
    ]);
  });

  it('sees elements a lenient parser reads as text (inside <pre>), and SVG links written with xlink:href', () => {
    const body = '<pre><img src="https://img.example/in-pre.png"></pre><svg><use xlink:href="https://u.example/s.svg#i"></use></svg>';
    expect(messages({ 'index.html': page({ body }) })).toEqual([
      '<img src="https://img.example/in-pre.png"> on / loads from another host.',
      '<use href="https://u.example/s.svg#i"> on / loads from another host.',
    ]);
  });

  it('names the content file the page came from, or the built page, with the fix', () => {
    const [fromSource, fromPage] = checkThirdParty(
      siteOf({
        'a/index.html': page({ body: '<img src="https://x.example/a.png">', source: 'content/guides/a.mdx' }),
        'b/index.html': page({ body: '<img src="https://x.example/b.png">' }),
      }),
    );
    expect(fromSource).toEqual({
      file: 'content/guides/a.mdx',
      rule: 'third-party',
      message: '<img src="https://x.example/a.png"> on /a/ loads from another host.',
      fix: 'Save the file under public/ (or import it) and reference it from the site; the site must work offline and contact no third party.',
    });
    expect(fromPage!.file).toMatch(/\/b\/index\.html$/);
  });

  it('reports CSS that imports or loads from another host: style blocks, style attributes and stylesheets', () => {
    const body =
      '<style>@import url("https://fonts.example/a.css"); @import \'//fonts.example/b.css\'; p { background: url( https://img.example/c.png ) }</style>' +
      '<p style="background-image: url(https://img.example/d.png)">x</p>';
    const site = siteOf({
      'index.html': page({ body }),
      'styles/site.css': '@font-face { src: url("https://fonts.example/e.woff2") }',
      'other.txt': 'url(https://x)',
    });
    const problems = checkThirdParty(site);
    expect(problems.map((p) => [p.message, p.fix])).toEqual([
      ['A <style> block on / loads https://fonts.example/a.css.', "Remove the import; use the site's own fonts and files."],
      ['A <style> block on / loads //fonts.example/b.css.', "Remove the import; use the site's own fonts and files."],
      ['A <style> block on / loads https://img.example/c.png.', "Remove the import; use the site's own fonts and files."],
      ['An inline style on / loads https://img.example/d.png.', 'Remove it; use files from the site.'],
      [
        'The stylesheet loads https://fonts.example/e.woff2 from another host.',
        'Bundle the asset with the site instead (fonts: use the system font stack).',
      ],
    ]);
    expect(problems.at(-1)!.file).toBe(path.relative(process.cwd(), path.join(site.dir, 'styles/site.css')));
    expect(problems.every((p) => p.rule === 'third-party')).toBe(true);
  });
});
