/**
 * The MDX body of a content file as a syntax tree (mdast with MDX nodes), parsed once per file
 * with the parser Astro's MDX uses (@mdx-js/mdx with GitHub-flavored Markdown) and shared by the
 * rules that need it. Positions in the tree are relative to the body; `fileLine` maps them to
 * the line in the file.
 */
import type { Root } from 'mdast';
import type { ContentFile } from './load.ts';
import { parseMdx } from './rules/mdx-source.ts';

export type ParsedBody =
  { tree: Root; error?: undefined } | { tree?: undefined; error: { line: number; column?: number; message: string } };

const cache = new WeakMap<ContentFile, ParsedBody>();

/** The body's tree, or where and why it does not parse (the caller reports that once). */
export function parseBody(file: ContentFile): ParsedBody {
  const cached = cache.get(file);
  if (cached) return cached;
  // The guarded parser (same parser and GFM): oversized files and pathological nesting are
  // refused before parsing instead of taking minutes or overflowing the stack.
  const result = parseMdx(file.body);
  const parsed: ParsedBody = result.tree
    ? { tree: result.tree }
    : { error: { line: fileLine(file, result.problem.line), column: result.problem.column, message: result.problem.message } };
  cache.set(file, parsed);
  return parsed;
}

/** The file line of a 1-based line in the body. */
export function fileLine(file: ContentFile, bodyLine: number): number {
  return file.bodyStartLine - 1 + bodyLine;
}
