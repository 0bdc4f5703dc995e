/**
 * Diagram label text as a reader should see it, for the phone layout (phone.ts): Mermaid's
 * entity codes ("#quot;", "#35;") and the common HTML entities decoded, "<br>" and "\n" as line
 * breaks, quotes around a label dropped, and the formatting tags the drawing understands
 * (<b>, <i>, **bold**) removed, keeping their text. The result is plain text; htmlLabel escapes it.
 */

const NAMED: Record<string, string> = {
  quot: '"',
  amp: '&',
  lt: '<',
  gt: '>',
  apos: "'",
  nbsp: '\u00a0',
  hash: '#',
  semi: ';',
  colon: ':',
};

function fromCodePoint(code: number, whole: string): string {
  return Number.isInteger(code) && code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : whole;
}

/** Decodes "#name;", "#123;" (Mermaid's codes), "&name;", "&#123;" and "&#x1F;" (HTML's). */
export function decodeEntities(text: string): string {
  return text.replace(/([#&])(#?)(x[0-9a-f]+|\d+|[a-z]+);/gi, (whole, lead: string, hash: string, body: string) => {
    // Mermaid writes "#35;", HTML writes "&#35;"; "#&35;" or "&name" without ";" stay as written.
    const numeric = lead === '#' ? !hash && /^\d+$/.test(body) : hash === '#';
    if (numeric) {
      const code = /^x/i.test(body) ? Number.parseInt(body.slice(1), 16) : Number(body);
      return fromCodePoint(code, whole);
    }
    if (hash) return whole;
    return NAMED[body.toLowerCase()] ?? whole;
  });
}

/** A label as plain text; line breaks are "\n". */
export function labelText(raw: string): string {
  let text = raw.trim();
  if (text.length >= 2 && text.startsWith('"') && text.endsWith('"')) text = text.slice(1, -1);
  text = text
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/\\n/g, '\n')
    .replace(/<\/?(?:b|strong|i|em|u|s|del|sub|sup|small|mark)\s*>/gi, '')
    .replace(/\*\*(.+?)\*\*/g, '$1')
    .replace(/~~(.+?)~~/g, '$1');
  return decodeEntities(text)
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Plain label text as HTML: escaped, its line breaks kept as <br>, as the drawing breaks them. */
export function htmlLabel(text: string): string {
  return text.split('\n').map(escapeHtml).join('<br>');
}
