/**
 * The MDX body of a content file as a syntax tree (mdast with MDX nodes), parsed once per file
 * with the parser Astro's MDX uses (@mdx-js/mdx with GitHub-flavored Markdown) and shared by the
 * rules that need it. Positions in the tree are relative to the body; `fileLine` maps them to
 * the line in the file.
 */
import { createProcessor } from '@mdx-js/mdx';
import remarkGfm from 'remark-gfm';
import type { Root } from 'mdast';
import type { ContentFile } from './load.ts';

const processor = createProcessor({ remarkPlugins: [remarkGfm] });

export type ParsedBody = { tree: Root; error?: undefined } | { tree?: undefined; error: { line: number; column?: number; message: string } };

const cache = new WeakMap<ContentFile, ParsedBody>();

/** The body's tree, or where and why it does not parse (the caller reports that once). */
export function parseBody(file: ContentFile): ParsedBody {
  const cached = cache.get(file);
  if (cached) return cached;
  let parsed: ParsedBody;
  try {
    parsed = { tree: processor.parse(file.body) };
  } catch (error) {
    const err = error as { message?: string; line?: number; column?: number };
    const message = err.message ?? String(error);
    const at = /\((\d+):(\d+)(?:-\d+:\d+)?\)\s*$/.exec(message);
    const line = err.line ?? (at ? Number(at[1]) : 1);
    const column = err.column ?? (at ? Number(at[2]) : undefined);
    parsed = { error: { line: fileLine(file, line), column, message: message.replace(/\s*\(\d+:\d+(?:-\d+:\d+)?\)\s*$/, '') } };
  }
  cache.set(file, parsed);
  return parsed;
}

/** The file line of a 1-based line in the body. */
export function fileLine(file: ContentFile, bodyLine: number): number {
  return file.bodyStartLine - 1 + bodyLine;
}
