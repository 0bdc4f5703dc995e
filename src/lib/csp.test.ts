/**
 * The Content-Security-Policy each built page carries, and the _headers file: the policy allows
 * the site's own files and the theme script by its hash, inline styles only on pages with a
 * diagram drawn in the browser, and no other origin; the meta tag goes first in <head>, after
 * <meta charset>; a page without <head> is an error that names the fix. The built-site checks in
 * scripts/check-dist/ test the same policy against whole built pages.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, hasBrowserDrawnDiagrams, headersFile, policyForPage, withCspMeta } from './csp.ts';
import { THEME_SCRIPT } from './theme-script.ts';

const themeHash = `'sha256-${createHash('sha256').update(THEME_SCRIPT, 'utf8').digest('base64')}'`;

describe('the policy', () => {
  it('allows the site’s own files, Pagefind’s WebAssembly and the theme script by its hash, nothing else', () => {
    expect(contentSecurityPolicy({ browserDrawnDiagrams: false })).toBe(
      [
        "default-src 'self'",
        `script-src 'self' 'wasm-unsafe-eval' ${themeHash}`,
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "manifest-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ].join('; '),
    );
  });

  it('allows inline styles only where mermaid draws a diagram in the browser', () => {
    expect(contentSecurityPolicy({ browserDrawnDiagrams: true })).toContain("; style-src 'self' 'unsafe-inline'; ");
    expect(policyForPage('<div data-mermaid-client>graph</div>')).toContain("style-src 'self' 'unsafe-inline'");
    expect(policyForPage('<p>no diagram</p>')).toContain("style-src 'self';");
  });
});

describe('finding a diagram drawn in the browser', () => {
  it('finds the attribute on any element, with or without a value, in any case', () => {
    expect(hasBrowserDrawnDiagrams('<div data-mermaid-client>')).toBe(true);
    expect(hasBrowserDrawnDiagrams('<pre class="x" data-mermaid-client="flowchart">')).toBe(true);
    expect(hasBrowserDrawnDiagrams('<DIV\nDATA-MERMAID-CLIENT/>')).toBe(true);
    expect(hasBrowserDrawnDiagrams('<div data-mermaid-client\tclass="a">')).toBe(true);
  });

  it('ignores the words in text, in another attribute’s name, or outside a tag', () => {
    expect(hasBrowserDrawnDiagrams('<p>Add data-mermaid-client to a diagram.</p>')).toBe(false);
    expect(hasBrowserDrawnDiagrams('<div data-mermaid-client-old>')).toBe(false);
    expect(hasBrowserDrawnDiagrams('<div xdata-mermaid-client>')).toBe(false);
    expect(hasBrowserDrawnDiagrams('data-mermaid-client>')).toBe(false);
    expect(hasBrowserDrawnDiagrams('< div data-mermaid-client>')).toBe(false);
  });
});

describe('the meta tag', () => {
  it('goes right after <meta charset>, which must stay first', () => {
    const page = '<!doctype html><html><head lang="en">\n  <meta charset="utf-8"><title>T</title></head><body></body></html>';
    const meta = `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy({ browserDrawnDiagrams: false })}">`;
    expect(withCspMeta(page)).toBe(page.replace('<meta charset="utf-8">', `<meta charset="utf-8">${meta}`));
  });

  it('goes first in a <head> without a charset, and only once', () => {
    const page = '<html><HEAD><title>T</title></HEAD><body><head></head></body></html>';
    const result = withCspMeta(page);
    expect(result.startsWith('<html><HEAD><meta http-equiv="Content-Security-Policy" content="')).toBe(true);
    expect(result.match(/Content-Security-Policy/g)).toHaveLength(1);
  });

  it('does not take <header> for <head>', () => {
    expect(() => withCspMeta('<header></header>')).toThrow(
      'withCspMeta: the page has no <head>, so its Content-Security-Policy cannot be added.',
    );
  });

  it('uses the diagram policy for a page with a browser-drawn diagram', () => {
    expect(withCspMeta('<head></head><div data-mermaid-client></div>')).toContain("'unsafe-inline'");
  });
});

describe('the _headers file', () => {
  it('hardens every page, caches the hashed bundles for a year and never the service worker', () => {
    expect(headersFile('/netflix-sd/')).toBe(
      [
        '/netflix-sd/*',
        '  X-Content-Type-Options: nosniff',
        '  Referrer-Policy: strict-origin-when-cross-origin',
        '  Permissions-Policy: camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()',
        "  Content-Security-Policy: frame-ancestors 'none'; object-src 'none'; base-uri 'self'",
        '  X-Frame-Options: DENY',
        '/netflix-sd/_astro/*',
        '  Cache-Control: public, max-age=31536000, immutable',
        '/netflix-sd/sw.js',
        '  Cache-Control: no-cache',
        '',
      ].join('\n'),
    );
  });
});
