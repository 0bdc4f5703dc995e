/**
 * Curly quotes, dashes and ellipses in prose, in one pass of regular expressions over the text
 * nodes: what SmartyPants did for this site (its default options), without building a natural-
 * language tree for every paragraph (remark-smartypants cost 8 s of a build at ten times today's
 * content). Code, inline code, HTML and MDX expressions are left alone.
 *
 * Used by the build (astro.config.mjs) and by the content check's heading ids
 * (scripts/check-content/rules/links.ts), so both slug headings the same way.
 */
import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';

/** Characters after which a quote opens. */
const OPENS_AFTER = /[\s([{\u2014\u2013/-]/;

/** Typography for one run of text, given the character before it (a space at the start of a block). */
export function typeset(text: string, before = ' '): string {
  if (!/["'.-]/.test(text)) return text;
  let out = text.replace(/---|--/g, '\u2014').replace(/\.\.\./g, '\u2026');
  let result = '';
  let previous = before;
  for (let i = 0; i < out.length; i += 1) {
    const char = out[i]!;
    // At the end of a run the next character is in the next node (inline code, a link): unknown.
    const next = out[i + 1] ?? 'x';
    if (char === '"') {
      result += OPENS_AFTER.test(previous) && !/\s/.test(next) ? '\u201c' : '\u201d';
    } else if (char === "'") {
      // An apostrophe inside or at the end of a word, or before a year ('90s); otherwise an opening quote.
      const opens = OPENS_AFTER.test(previous) && !/\s/.test(next) && !/\d/.test(next);
      result += opens ? '\u2018' : '\u2019';
    } else result += char;
    previous = char;
  }
  out = result;
  return out;
}

const BLOCKS = new Set(['paragraph', 'heading', 'tableCell', 'listItem', 'blockquote', 'root']);

export default function remarkTypography() {
  return (tree: Root) => {
    let last = ' ';
    visit(tree, (node) => {
      if (BLOCKS.has(node.type)) last = ' ';
      else if (node.type === 'text') {
        const before = last;
        last = node.value.slice(-1) || last;
        node.value = typeset(node.value, before);
      } else if (node.type === 'inlineCode') last = node.value.slice(-1) || last;
    });
  };
}
