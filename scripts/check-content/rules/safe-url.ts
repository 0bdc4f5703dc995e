/**
 * Which URLs content may use, judged the way a browser reads them: HTML entities decoded (more
 * than once, for double-encoded input) and every whitespace and control character removed, since
 * browsers drop tabs and newlines inside a URL (`java&#9;script:` is `javascript:`).
 *
 * Allowed: http(s) and mailto links, and site-relative URLs (`/guides/…`, `../x/`, `#anchor`).
 * Everything else is rejected: other schemes (javascript:, vbscript:, data:, file:…) and
 * protocol-relative `//host` URLs, which load a third-party host. Images must be site-relative.
 */
import { decodeHTML } from 'entities';

const INVISIBLE = /[\s\p{Cc}\p{Cf}]/gu;

/** The URL as a browser resolves it: entities decoded, whitespace and control characters removed. */
export function normalizeUrl(raw: string): string {
  let value = raw;
  for (let round = 0; round < 5; round += 1) {
    const decoded = decodeHTML(value.replace(INVISIBLE, ''));
    // Stryker disable next-line ConditionalExpression: once decoding changes nothing, further rounds change nothing either; the break only saves them.
    if (decoded === value) break;
    value = decoded;
  }
  return value.replace(INVISIBLE, '');
}

export type UrlVerdict = { ok: true } | { ok: false; reason: string };

const SAFE_SCHEMES = new Set(['http', 'https', 'mailto']);

/** Decides whether a link (or, with `image`, an image source) may appear in content. */
// Stryker disable next-line StringLiteral: only kind === 'image' changes the verdict, so any other default acts as 'link'.
export function judgeUrl(raw: string, kind: 'link' | 'image' = 'link'): UrlVerdict {
  const url = normalizeUrl(raw);
  if (/^[/\\]{2}/.test(url)) {
    return { ok: false, reason: 'a protocol-relative URL ("//host"), which loads another site' };
  }
  // Stryker disable next-line Regex: the pattern matches the empty string, so even unanchored its first match starts at 0.
  const beforePath = /^[^/?#\\]*/.exec(url)![0];
  const colon = beforePath.indexOf(':');
  if (colon !== -1) {
    const scheme = beforePath.slice(0, colon).toLowerCase();
    if (!SAFE_SCHEMES.has(scheme)) return { ok: false, reason: `a "${scheme}:" URL` };
    if (kind === 'image') return { ok: false, reason: `an image from another site (${scheme}:)` };
  }
  return { ok: true };
}

/** Schemes that run code or smuggle a document when a plain-text value is later used as a link. */
export function dangerousScheme(raw: string): string | undefined {
  // Stryker disable next-line OptionalChaining: group 1 is never optional, so a match always has it.
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(normalizeUrl(raw))?.[1]?.toLowerCase();
  return scheme && ['javascript', 'vbscript', 'livescript', 'data', 'file', 'blob'].includes(scheme) ? scheme : undefined;
}
