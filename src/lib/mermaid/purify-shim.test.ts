/**
 * mermaid sanitizes labels with DOMPurify, which does nothing useful without a browser window: at
 * build time the shim gives it pass-through functions so mermaid can parse, and leaves a working
 * DOMPurify (in a browser) alone.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';

describe('the DOMPurify shim', () => {
  afterEach(() => {
    vi.doUnmock('dompurify');
    vi.resetModules();
  });

  it('in Node, lets every label and attribute through and accepts hooks', async () => {
    vi.resetModules();
    await import('./purify-shim.ts');
    const purify = (await import('dompurify')).default;
    expect(purify.sanitize('<b>Client (web)</b> & <i>CDN</i>')).toBe('<b>Client (web)</b> & <i>CDN</i>');
    expect(purify.isValidAttribute('a', 'href', '/study/')).toBe(true);
    expect(() => {
      purify.addHook('beforeSanitizeElements', () => undefined);
      purify.removeHook('beforeSanitizeElements');
      purify.removeHooks('beforeSanitizeElements');
      purify.removeAllHooks();
    }).not.toThrow();
  });

  it('leaves a DOMPurify that already works (a browser) untouched', async () => {
    const working = { addHook: () => undefined, sanitize: (dirty: string) => dirty.replace(/<script>.*<\/script>/, '') };
    vi.resetModules();
    vi.doMock('dompurify', () => ({ default: working }));
    await import('./purify-shim.ts');
    expect(working.sanitize('A<script>alert(1)</script>')).toBe('A');
    expect(Object.keys(working)).toEqual(['addHook', 'sanitize']);
  });
});
