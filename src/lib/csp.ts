/**
 * The Content-Security-Policy of a built page. It allows only what the site itself writes,
 * known when the site is built, never what a page happens to contain: scripts from the site's
 * own files and the one inline script the site writes (the theme, src/lib/theme-script.ts) by
 * the hash of its source text; styles from the site's own files; WebAssembly only for Pagefind's
 * search; no third-party origin anywhere. The built-site check (scripts/check-dist/rules/
 * security.ts) fails any inline script, style element or style attribute the site did not
 * write, so nothing else on a page needs allowing.
 *
 * One exception: a page with a diagram drawn in the browser (data-mermaid-client, types that
 * cannot be drawn at build time) also allows inline styles, because mermaid writes a <style>
 * into the SVG it draws at run time. The built HTML of such a page is still checked for inline
 * styles like every other page.
 */
import { createHash } from 'node:crypto';
import { THEME_SCRIPT } from './theme-script.ts';

const hash = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** Every inline script the site writes, exactly as it appears between <script> and </script>. */
export const SITE_INLINE_SCRIPTS: readonly string[] = [THEME_SCRIPT];

/**
 * The ids of the JSON data blocks (<script type="application/json">) the site's pages carry for
 * their scripts to read. Browsers never run them, but the check still accepts only these.
 */
export const SITE_DATA_SCRIPT_IDS: readonly string[] = ['story-culture', 'flashcard-decks', 'calc-plan'];

/** The attribute the diagram plugin puts on a diagram that mermaid draws in the browser. */
export const BROWSER_DIAGRAM_ATTRIBUTE = 'data-mermaid-client';

export interface PolicyOptions {
  /** The page has a diagram drawn in the browser by mermaid (see above). */
  browserDrawnDiagrams: boolean;
}

const MENTIONS_BROWSER_DIAGRAM = new RegExp(BROWSER_DIAGRAM_ATTRIBUTE, 'i');
const BROWSER_DIAGRAM_ELEMENT = new RegExp(`<[a-z][^>]*\\s${BROWSER_DIAGRAM_ATTRIBUTE}(?=[\\s=/>])`, 'i');

/** Whether a page's HTML has a diagram drawn in the browser (an element carrying the attribute). */
export function hasBrowserDrawnDiagrams(html: string): boolean {
  // The element pattern backtracks over every tag; most pages never mention the attribute at all.
  // Stryker disable next-line ConditionalExpression,LogicalOperator: the first test only saves time; the second decides.
  return MENTIONS_BROWSER_DIAGRAM.test(html) && BROWSER_DIAGRAM_ELEMENT.test(html);
}

export function contentSecurityPolicy({ browserDrawnDiagrams }: PolicyOptions): string {
  const scriptSources = ["'self'", "'wasm-unsafe-eval'", ...SITE_INLINE_SCRIPTS.map(hash)];
  const styleSources = browserDrawnDiagrams ? ["'self'", "'unsafe-inline'"] : ["'self'"];
  return [
    "default-src 'self'",
    `script-src ${scriptSources.join(' ')}`,
    `style-src ${styleSources.join(' ')}`,
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}

/** The policy a page's HTML should carry. */
export function policyForPage(html: string): string {
  return contentSecurityPolicy({ browserDrawnDiagrams: hasBrowserDrawnDiagrams(html) });
}

/**
 * The page with its CSP meta tag inserted first in <head> (after <meta charset>, which must come
 * first). Runs once on fresh build output; it removes nothing, so a meta tag that content smuggled
 * into a page stays there for the built-site check to report.
 */
export function withCspMeta(html: string): string {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policyForPage(html)}">`;
  let inserted = false;
  const result = html.replace(/<head(\s[^>]*)?>(\s*<meta charset="[^"]*">)?/i, (head) => {
    inserted = true;
    return `${head}${meta}`;
  });
  if (!inserted) throw new Error('withCspMeta: the page has no <head>, so its Content-Security-Policy cannot be added.');
  return result;
}

/** Headers for hosts that read a _headers file (Netlify, Cloudflare Pages). GitHub Pages ignores it. */
export function headersFile(base: string): string {
  const lines = [
    `${base}*`,
    '  X-Content-Type-Options: nosniff',
    '  Referrer-Policy: strict-origin-when-cross-origin',
    '  Permissions-Policy: camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()',
    "  Content-Security-Policy: frame-ancestors 'none'; object-src 'none'; base-uri 'self'",
    '  X-Frame-Options: DENY',
    `${base}_astro/*`,
    '  Cache-Control: public, max-age=31536000, immutable',
    `${base}sw.js`,
    '  Cache-Control: no-cache',
  ];
  return `${lines.join('\n')}\n`;
}
