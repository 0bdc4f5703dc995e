/** The built site as the rules see it: pages, their paths, ids and source files, and line lookup. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { attribute, elementsOf, lineContaining, loadSite, readPage, runRules, textOf, type BuiltPage, type SiteRule } from './site.ts';
import { page, writeSite } from './test-helpers.ts';

describe('loadSite', () => {
  const dir = writeSite({
    'index.html': page({ body: '<h2 id="a">A</h2><p id="">x</p><a name="old-anchor">n</a>', source: 'content/guides/caf%C3%A9.mdx' }),
    'loop/index.html': page({ body: '<template><p id="t">x</p></template>' }),
    '404.html': page({ body: '<a data-edit-link href="https://example.com/blob/main/x.mdx">not an edit link</a>' }),
    'styles/site.css': 'p {}',
  });
  const site = loadSite(dir, '/netflix-sd');
  const read = (sitePath: string) => readPage(site, site.pages.get(sitePath)!);

  it('maps each HTML file to its site path, and lists every file', () => {
    expect([...site.pages.keys()]).toEqual(['/404.html', '/', '/loop/']);
    expect([...site.files].sort()).toEqual(['/404.html', '/index.html', '/loop/index.html', '/styles/site.css']);
    expect(site.base).toBe('/netflix-sd/');
    expect(site.dir).toBe(dir);
    expect(site.pages.get('/loop/')).toEqual({
      sitePath: '/loop/',
      htmlFile: path.relative(process.cwd(), path.join(dir, 'loop', 'index.html')),
    });
  });

  it('reads each page: ids and named anchors, and the content file from the edit link, decoded', () => {
    const home = read('/');
    expect([...home.ids]).toEqual(['a', 'old-anchor']);
    expect(home.sourceFile).toBe('content/guides/café.mdx');
    expect(home).toMatchObject({ sitePath: '/', htmlFile: site.pages.get('/')!.htmlFile });
    expect(read('/404.html').sourceFile).toBeUndefined();
    expect(read('/loop/').sourceFile).toBeUndefined();
    expect([...read('/loop/').ids]).toEqual(['t']);
  });

  it('lists ids before named anchors, takes the first edit link, and ignores one without an href', () => {
    const site = loadSite(
      writeSite({
        'a/index.html': page({
          body: '<a name="n1">x</a><p id="i1">y</p><a name="i1">z</a><svg><a id="i2"></a></svg>',
          source: 'first.mdx',
        }),
        'b/index.html': page({ body: '<a data-edit-link>no href</a>', source: 'later.mdx' }),
        'c/index.html': page({ body: '<p data-edit-link href="https://github.com/o/r/edit/main/not-a-link.mdx">p</p>' }),
      }),
    );
    const a = readPage(site, site.pages.get('/a/')!);
    expect([...a.ids]).toEqual(['i1', 'i2', 'n1']);
    expect(a.sourceFile).toBe('first.mdx');
    expect(readPage(site, site.pages.get('/b/')!).sourceFile).toBeUndefined();
    expect(readPage(site, site.pages.get('/c/')!).sourceFile).toBeUndefined();
  });

  it('gives each page its HTML and its elements as a browser parses them, template contents marked', () => {
    const loop = read('/loop/');
    expect(loop.html).toContain('<template><p id="t">x</p></template>');
    const p = loop.elements.find(({ element }) => attribute(element, 'id') === 't')!;
    expect(p).toMatchObject({ inTemplate: true, inHead: false });
    expect(loop.elements.find(({ element }) => element.tagName === 'title')).toMatchObject({ inTemplate: false, inHead: true });
    expect(loop.elements.find(({ element }) => element.tagName === 'body')).toMatchObject({ inHead: false });
  });

  it('reads the text of a script as written (markup inside a script is text)', () => {
    const site = loadSite(writeSite({ 'index.html': page({ body: '<script>one<!-- two -->three</script><style>a{}</style>' }) }));
    const script = readPage(site, site.pages.get('/')!).elements.find(({ element }) => element.tagName === 'script')!.element;
    expect(textOf(script)).toBe('one<!-- two -->three');
    expect(attribute(script, 'src')).toBeUndefined();
  });
});

describe('elementsOf', () => {
  const tags = (html: string, flag: 'inArticle' | 'inTemplate') =>
    elementsOf(html)
      .filter((e) => e[flag])
      .map(({ element }) => attribute(element, 'id') ?? element.tagName);

  it('marks the first <article> and everything inside it as the page content, nothing else', () => {
    const html = page({
      body:
        '<nav id="nav"><a id="layout">x</a></nav><template><article id="inert"><p id="in-inert"></p></article></template>' +
        '<main><article id="content"><header><a id="header-link">h</a></header><div class="prose"><a id="prose-link">p</a>' +
        '<template><a id="cloned">t</a></template></div></article><article id="second"><a id="second-link">s</a></article></main>' +
        '<footer><a id="footer-link">f</a></footer>',
    });
    expect(tags(html, 'inArticle')).toEqual(['content', 'header', 'header-link', 'div', 'prose-link', 'template', 'cloned']);
  });

  it('parses as a browser does: markup in <pre> is elements, a comment ends at "<!-->", <noscript> is text', () => {
    const html = page({ body: '<pre><a id="in-pre">x</a></pre><!--><p id="after-comment">-->y</p><noscript><p id="no">z</p></noscript>' });
    expect(
      elementsOf(html)
        .map(({ element }) => attribute(element, 'id'))
        .filter(Boolean),
    ).toEqual(['in-pre', 'after-comment']);
    expect(tags(page({ body: '<template><p id="t"><template><b id="deep"></b></template></p></template>' }), 'inTemplate')).toEqual([
      't',
      'template',
      'deep',
    ]);
  });
});

describe('runRules', () => {
  it('reads each page once, gives it to every rule in turn, then runs each finish() after the last page', () => {
    const site = loadSite(
      writeSite({ 'a/index.html': page({ body: '<p id="a">x</p>' }), 'b/index.html': page({ body: '<p id="b">y</p>' }) }),
    );
    const calls: string[] = [];
    const given: BuiltPage[][] = [[], []];
    const rule = (n: 0 | 1): SiteRule => ({
      page(_site, built) {
        calls.push(`${n} ${built.sitePath} ${[...built.ids].join()}`);
        given[n]!.push(built);
        return [{ file: built.htmlFile, rule: `r${n}`, message: built.sitePath, fix: '' }];
      },
      finish: () => (calls.push(`${n} finish`), [{ file: '-', rule: `r${n}`, message: 'finish', fix: '' }]),
    });
    const problems = runRules(site, [rule(0), rule(1), { page: () => [] }]);
    expect(calls).toEqual(['0 /a/ a', '1 /a/ a', '0 /b/ b', '1 /b/ b', '0 finish', '1 finish']);
    // The same parsed page for both rules: one read and one parse per page, whatever the number of rules.
    expect(given[0]![0]).toBe(given[1]![0]);
    expect(given[0]![1]).toBe(given[1]![1]);
    expect(given[0]![0]).not.toBe(given[0]![1]);
    expect(problems.map((p) => `${p.rule} ${p.message}`)).toEqual(['r0 /a/', 'r1 /a/', 'r0 /b/', 'r1 /b/', 'r0 finish', 'r1 finish']);
  });
});

describe('lineContaining', () => {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'line-')), 'a.mdx');
  writeFileSync(file, 'first\nsecond needle\nthird other\n');

  it('finds the first needle that is on some line, skipping empty ones', () => {
    expect(lineContaining(file, ['', 'other', 'needle'])).toBe(3);
    expect(lineContaining(file, ['missing', 'needle'])).toBe(2);
    expect(lineContaining(file, ['first'])).toBe(1);
    expect(lineContaining(file, ['missing'])).toBeUndefined();
  });

  it('gives no line for a file it cannot read', () => {
    expect(lineContaining(`${file}.gone`, ['first'])).toBeUndefined();
  });
});
