/** Which URLs content may use, read as a browser reads them. */
import { describe, expect, it } from 'vitest';
import { dangerousScheme, judgeUrl, normalizeUrl } from './safe-url.ts';

describe('normalizeUrl', () => {
  it('decodes entities, double-encoded ones too, and drops whitespace and control characters', () => {
    expect(normalizeUrl('java&#9;script:alert(1)')).toBe('javascript:alert(1)');
    expect(normalizeUrl('java&amp;#x73;cript:x')).toBe('javascript:x');
    expect(normalizeUrl(' ja\tva\nscr\u0000ipt\u200b:x ')).toBe('javascript:x');
    // An entity that decodes to whitespace is removed as well.
    expect(normalizeUrl('a&#32;b')).toBe('ab');
    // Even when the last round of decoding makes the space.
    expect(normalizeUrl('x&amp;amp;amp;amp;#32;y')).toBe('xy');
  });

  it('stops after five rounds of decoding', () => {
    // Each round decodes one level of &amp;.
    expect(normalizeUrl('&amp;amp;amp;amp;lt;')).toBe('<');
    expect(normalizeUrl('&amp;amp;amp;amp;amp;lt;')).toBe('&lt;');
  });
});

describe('judgeUrl', () => {
  it('allows http(s), mailto and site-relative links', () => {
    for (const url of [
      'https://netflixtechblog.com/',
      'HTTP://example.com',
      'mailto:a@b.c',
      '/guides/x/',
      '../x/',
      '#top',
      '?q=1',
      'a/b:c',
    ])
      expect(judgeUrl(url), url).toEqual({ ok: true });
  });

  it('rejects other schemes with the scheme named, in lower case', () => {
    expect(judgeUrl('JavaScript:alert(1)')).toEqual({ ok: false, reason: 'a "javascript:" URL' });
    expect(judgeUrl('data:text/html,x')).toEqual({ ok: false, reason: 'a "data:" URL' });
    expect(judgeUrl('x:y/z')).toEqual({ ok: false, reason: 'a "x:" URL' });
  });

  it('rejects protocol-relative URLs, with either slash', () => {
    const reason = 'a protocol-relative URL ("//host"), which loads another site';
    expect(judgeUrl('//evil.example/x')).toEqual({ ok: false, reason });
    expect(judgeUrl('\\\\evil.example')).toEqual({ ok: false, reason });
    expect(judgeUrl('/\\evil.example')).toEqual({ ok: false, reason });
    expect(judgeUrl('/x//y')).toEqual({ ok: true });
  });

  it('allows only site-relative images', () => {
    expect(judgeUrl('/images/a.png', 'image')).toEqual({ ok: true });
    expect(judgeUrl('https://cdn.example/a.png', 'image')).toEqual({ ok: false, reason: 'an image from another site (https:)' });
    expect(judgeUrl('https://cdn.example/a.png')).toEqual({ ok: true });
  });
});

describe('dangerousScheme', () => {
  it('names schemes that run code or carry a document, whatever their case or disguise', () => {
    expect(dangerousScheme('JAVASCRIPT:x')).toBe('javascript');
    expect(dangerousScheme('vb&#115;cript:x')).toBe('vbscript');
    for (const scheme of ['livescript', 'data', 'file', 'blob']) expect(dangerousScheme(`${scheme}:x`)).toBe(scheme);
  });

  it('passes safe schemes, plain text and text with a colon later on', () => {
    for (const value of ['https://x', 'mailto:a@b', 'plain text', 'Note: javascript:x', '1javascript:x', ''])
      expect(dangerousScheme(value), value).toBeUndefined();
    expect(dangerousScheme('a+b.c-d:x')).toBeUndefined();
  });
});
