/**
 * Label text at its edges: every entity name the phone layout decodes, the numbers that are no
 * characters (kept as written), quotes, line breaks, formatting marks and spaces, and the escaping
 * that puts the text back into HTML.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

let labels: typeof import('./labels.ts');

// A fresh copy of the module in each test, so its table of entity names is built inside the test
// (mutation testing then checks that table against these tests, not only against the module load).
beforeEach(async () => {
  vi.resetModules();
  labels = await import('./labels.ts');
});

describe('decodeEntities', () => {
  it.each([
    ['#quot;', '"'],
    ['&amp;', '&'],
    ['#lt;', '<'],
    ['&gt;', '>'],
    ['#apos;', "'"],
    ['&nbsp;', '\u00a0'],
    ['#hash;', '#'],
    ['#semi;', ';'],
    ['#colon;', ':'],
    ['&QUOT;', '"'],
  ])('decodes the name %s as %j', (code, text) => {
    expect(labels.decodeEntities(`a${code}b`)).toBe(`a${text}b`);
  });

  it('keeps a name it does not know as written', () => {
    expect(labels.decodeEntities('#copy; &euro; #constructor;')).toBe('#copy; &euro; #constructor;');
  });

  it('keeps a name after "&#" as written: only numbers follow "&#"', () => {
    expect(labels.decodeEntities('&#amp; &#quot;')).toBe('&#amp; &#quot;');
  });

  it('decodes Mermaid decimal codes and HTML decimal and hexadecimal codes', () => {
    expect(labels.decodeEntities('#35; &#35; &#x23; &#X41; &#x1F600;')).toBe('# # # A 😀');
  });

  it('keeps "#x41;", "##35;" and "&35;" as written: Mermaid codes are decimal, HTML ones start "&#"', () => {
    expect(labels.decodeEntities('#x41; ##35; &35;')).toBe('#x41; ##35; &35;');
  });

  it('keeps a hexadecimal code with letters past "f" as written instead of reading its first digits', () => {
    expect(labels.decodeEntities('&#xax; &#xyz;')).toBe('&#xax; &#xyz;');
  });

  it('decodes the first and last code points and the ones beside the surrogates', () => {
    expect(labels.decodeEntities('&#1;')).toBe('\u0001');
    expect(labels.decodeEntities('&#x10FFFF;')).toBe(String.fromCodePoint(0x10ffff));
    expect(labels.decodeEntities('&#xD7FF;')).toBe('\ud7ff');
    expect(labels.decodeEntities('&#xE000;')).toBe('\ue000');
  });

  it('keeps zero, surrogates and numbers past Unicode as written', () => {
    for (const code of ['&#0;', '#0;', '&#x110000;', '&#xD800;', '&#xDBFF;', '&#xDFFF;', '&#55296;', `&#${'9'.repeat(400)};`]) {
      expect(labels.decodeEntities(code), code).toBe(code);
    }
  });
});

describe('labelText', () => {
  it('drops the quotes around a label, spaces around them included', () => {
    expect(labels.labelText('  "Play API"  ')).toBe('Play API');
    expect(labels.labelText('""')).toBe('');
  });

  it('keeps a lone quote and a quote on one side only', () => {
    expect(labels.labelText('"')).toBe('"');
    expect(labels.labelText('"open')).toBe('"open');
    expect(labels.labelText('close"')).toBe('close"');
  });

  it('breaks lines at <br>, <br/> and a written "\\n"', () => {
    expect(labels.labelText('one<br>two<BR />three\\nfour')).toBe('one\ntwo\nthree\nfour');
  });

  it('keeps the text of bold, struck and tagged words, not their marks', () => {
    expect(labels.labelText('**hot** path, ~~old~~ new, <b>bold</b> <em>it</em>')).toBe('hot path, old new, bold it');
  });

  it('collapses runs of spaces and tabs within a line and drops empty lines', () => {
    expect(labels.labelText('a \t  b<br>  <br>  c  ')).toBe('a b\nc');
  });

  it('decodes entities after dropping the quotes, so an encoded quote stays', () => {
    expect(labels.labelText('"say #quot;hi#quot;"')).toBe('say "hi"');
  });
});

describe('escapeHtml and htmlLabel', () => {
  it('escapes the five characters HTML gives meaning to', () => {
    expect(labels.escapeHtml(`<a href="x">Tom & Jerry's</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;');
  });

  it('escapes each line and joins lines with <br>', () => {
    expect(labels.htmlLabel('a < b\nit\'s "c"')).toBe('a &lt; b<br>it&#39;s &quot;c&quot;');
  });
});
