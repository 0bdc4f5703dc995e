/**
 * Diagram label text as a reader should see it, for the phone layout (phone.ts): Mermaid's
 * entity codes ("#quot;", "#35;") and the common HTML entities decoded, "<br>" and "\n" as line
 * breaks, quotes around a label dropped, and the formatting tags the drawing understands
 * (<b>, <i>, **bold**) removed, keeping their text. The result is plain text; htmlLabel escapes it.
 */

// A Map, not an object: "#constructor;" or "#toString;" must not find Object's own members.
const NAMED = new Map<string, string>([
  ['quot', '"'],
  ['amp', '&'],
  ['lt', '<'],
  ['gt', '>'],
  ['apos', "'"],
  ['nbsp', '\u00a0'],
  ['hash', '#'],
  ['semi', ';'],
  ['colon', ':'],
]);

function fromCodePoint(code: number, whole: string): string {
  // Zero, surrogates and numbers past Unicode's last code point are no characters: kept as written.
  return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : whole;
}

/** Decodes "#name;", "#123;" (Mermaid's codes), "&name;", "&#123;" and "&#x1F;" (HTML's). */
export function decodeEntities(text: string): string {
  return text.replace(
    /([#&])(#?)(?:x([0-9a-f]+)|(\d+)|([a-z]+));/gi,
    (whole, lead: string, hash: string, hex: string | undefined, decimal: string | undefined, name: string | undefined) => {
      // A name: "#quot;" or "&quot;"; "&#quot;" stays as written.
      if (name !== undefined) return hash ? whole : (NAMED.get(name.toLowerCase()) ?? whole);
      // A number: Mermaid writes "#35;", HTML writes "&#35;" or "&#x23;"; "#&35;", "##35;", "#x23;" and "&35;" stay.
      const numeric = lead === '#' ? !hash && decimal !== undefined : hash === '#';
      if (!numeric) return whole;
      return fromCodePoint(hex === undefined ? Number(decimal) : Number.parseInt(hex, 16), whole);
    },
  );
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
