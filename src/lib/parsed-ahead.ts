/**
 * MDX trees parsed ahead, so the compiler need not parse the same text twice in one process.
 *
 * `npm run build` parses every page in its content check (scripts/check-content/rules/mdx-source.ts:
 * @mdx-js/mdx's parser with remark-gfm, as the compiler has it) and then compiles most pages in the
 * same process (src/lib/mdx-ahead.ts). Before compiling a page it offers a copy of the checked
 * tree here; the compiler's parser (src/plugins/remark-parsed-ahead.ts) takes it when both the
 * path and the exact text match, and parses as usual otherwise. An offer is taken at most once and
 * withdrawn after the compile, so nothing is kept. Astro's own process never offers anything.
 */
import type { Root } from 'mdast';

const offers = new Map<string, { text: string; tree: Root }>();

/** Offers the tree of `text` (a copy the compiler may change) for the next parse of `file`. */
export function offerParsedTree(file: string, text: string, tree: Root): void {
  offers.set(file, { text, tree });
}

/** The tree offered for exactly this text of this file, once; undefined for anything else. */
export function takeParsedTree(file: string, text: string): Root | undefined {
  const offer = offers.get(file);
  if (offer === undefined) return undefined;
  offers.delete(file);
  return offer.text === text ? offer.tree : undefined;
}

/** Withdraws an offer that was not taken (the compile failed before parsing, or parsed another text). */
export function withdrawParsedTree(file: string): void {
  offers.delete(file);
}

/** How many offers are waiting (none, between compiles). */
export function pendingParsedTrees(): number {
  return offers.size;
}
