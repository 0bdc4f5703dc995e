/**
 * mermaid sanitizes labels with DOMPurify, which needs a browser window. At build time we only
 * parse diagrams (never render mermaid's HTML), so in Node DOMPurify gets pass-through functions.
 * Imported before mermaid so the patch is in place when mermaid's modules run.
 */
import DOMPurify from 'dompurify';

const purify = DOMPurify as unknown as Record<string, unknown>;
if (typeof purify.addHook !== 'function') {
  Object.assign(purify, {
    addHook() {},
    removeHook() {},
    removeHooks() {},
    removeAllHooks() {},
    sanitize: (dirty: unknown) => String(dirty),
    isValidAttribute: () => true,
  });
}
