/** The built site as the rules see it: pages, their paths, ids and source files, and line lookup. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { attribute, lineContaining, loadSite, textOf } from './site.ts';
import { page, writeSite } from './test-helpers.ts';

describe('loadSite', () => {
  const dir = writeSite({
    'index.html': page({ body: '<h2 id="a">A</h2><p id="">x</p><a name="old-anchor">n</a>', source: 'content/guides/caf%C3%A9.mdx' }),
    'loop/index.html': page({ body: '<template><p id="t">x</p></template>' }),
    '404.html': page({ body: '<a data-edit-link href="https://example.com/blob/main/x.mdx">not an edit link</a>' }),
    'styles/site.css': 'p {}',
  });
  const site = loadSite(dir, '/netflix-sd');

  it('maps each HTML file to its site path, and lists every file', () => {
    expect([...site.pages.keys()]).toEqual(['/404.html', '/', '/loop/']);
    expect([...site.files].sort()).toEqual(['/404.html', '/index.html', '/loop/index.html', '/styles/site.css']);
    expect(site.base).toBe('/netflix-sd/');
    expect(site.dir).toBe(dir);
    expect(site.pages.get('/loop/')!.htmlFile).toBe(path.relative(process.cwd(), path.join(dir, 'loop', 'index.html')));
  });

  it('keeps ids and named anchors, and the content file from the edit link, decoded', () => {
    const home = site.pages.get('/')!;
    expect([...home.ids]).toEqual(['a', 'old-anchor']);
    expect(home.sourceFile).toBe('content/guides/café.mdx');
    expect(site.pages.get('/404.html')!.sourceFile).toBeUndefined();
    expect(site.pages.get('/loop/')!.sourceFile).toBeUndefined();
  });

  it('gives each page its HTML and its elements as a browser parses them, template contents marked', () => {
    const loop = site.pages.get('/loop/')!;
    expect(loop.html).toContain('<template><p id="t">x</p></template>');
    const p = loop.elements.find(({ element }) => attribute(element, 'id') === 't')!;
    expect(p).toMatchObject({ inTemplate: true, inHead: false });
    expect(loop.elements.find(({ element }) => element.tagName === 'title')).toMatchObject({ inTemplate: false, inHead: true });
    expect(loop.elements.find(({ element }) => element.tagName === 'body')).toMatchObject({ inHead: false });
    // Reading another page and coming back parses again, with the same result.
    expect(site.pages.get('/')!.root.querySelector('h2')!.textContent).toBe('A');
    expect(loop.root.querySelector('template')).not.toBeNull();
  });

  it('reads the text of a script as written (markup inside a script is text)', () => {
    const site = loadSite(writeSite({ 'index.html': page({ body: '<script>one<!-- two -->three</script><style>a{}</style>' }) }));
    const script = site.pages.get('/')!.elements.find(({ element }) => element.tagName === 'script')!.element;
    expect(textOf(script)).toBe('one<!-- two -->three');
    expect(attribute(script, 'src')).toBeUndefined();
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
