/**
 * The Content-Security-Policy for a built page, computed from the page itself: scripts and
 * styles from the site only, inline ones allowed by hash and nothing else, WebAssembly only for
 * Pagefind's search, and no third-party origin anywhere. Pages with a diagram drawn in the
 * browser also allow inline styles, because mermaid writes its styles into the SVG it draws.
 */
import { createHash } from 'node:crypto';

const hash = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

export interface PageInlines {
  scripts: string[];
  styles: string[];
  styleAttributes: string[];
  browserDrawnDiagrams: boolean;
}

/** The inline scripts, styles and style attributes a CSP has to account for. */
export function findInlines(html: string): PageInlines {
  const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)]
    .filter(([, attrs]) => !/\bsrc\s*=/.test(attrs!) && !/type\s*=\s*["']?application\/(ld\+)?json/i.test(attrs!))
    .map(([, , body]) => body!);
  const styles = [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)].map(([, body]) => body!);
  const styleAttributes = [...html.matchAll(/\sstyle\s*=\s*"([^"]*)"/gi)].map(([, value]) => value!);
  return { scripts, styles, styleAttributes, browserDrawnDiagrams: html.includes('data-mermaid-client') };
}

export function contentSecurityPolicy(inlines: PageInlines): string {
  const scriptSources = ["'self'", "'wasm-unsafe-eval'", ...new Set(inlines.scripts.map(hash))];
  const styleSources = inlines.browserDrawnDiagrams
    ? ["'self'", "'unsafe-inline'"]
    : [
        "'self'",
        ...new Set(inlines.styles.map(hash)),
        ...(inlines.styleAttributes.length ? ["'unsafe-hashes'", ...new Set(inlines.styleAttributes.map(hash))] : []),
      ];
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

/** The page with its CSP meta tag inserted first in <head> (replacing any older one). */
export function withCspMeta(html: string): string {
  const policy = contentSecurityPolicy(findInlines(html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/i, '')));
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policy}">`;
  const cleaned = html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/i, '');
  return cleaned.replace(/<head>(\s*<meta charset="[^"]*">)?/i, (head) => `${head}${meta}`);
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
