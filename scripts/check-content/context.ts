/** What every content rule gets: the loaded files and the ids that exist in each collection. */
import { isMap, isSeq, type Node } from 'yaml';
import { COLLECTIONS, type CollectionName } from '../../src/schemas/index.ts';
import type { Problem } from '../lib/problems.ts';
import type { ContentFile } from './load.ts';

export interface CheckContext {
  files: ContentFile[];
  strays: string[];
  ids: Record<CollectionName, Set<string>>;
}

export type Rule = (context: CheckContext) => Problem[] | Promise<Problem[]>;

export function buildContext(files: ContentFile[], strays: string[]): CheckContext {
  const ids = Object.fromEntries(COLLECTIONS.map((c) => [c, new Set<string>()])) as Record<CollectionName, Set<string>>;
  for (const file of files) ids[file.collection].add(file.id);
  return { files, strays, ids };
}

/**
 * The file line of a front-matter field, following `path` as far as it exists: a key points at
 * its own line, a list item at the item. Missing fields point at the deepest parent found.
 */
export function lineOfPath(file: ContentFile, path: readonly PropertyKey[]): number {
  return positionOfPath(file, path).line;
}

/** Like lineOfPath, with the 1-based column of the key or item as well. */
export function positionOfPath(file: ContentFile, path: readonly PropertyKey[]): { line: number; column: number } {
  let node: unknown = file.document.contents;
  // Stryker disable next-line OptionalChaining: a parsed node always has its range; only an empty document (null) has none.
  let offset = (node as Node | null)?.range?.[0] ?? 0;
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => (item.key as { value?: unknown } | null)?.value === key);
      if (!pair) break;
      // Stryker disable next-line OptionalChaining: a parsed key always has its range.
      offset = (pair.key as Node).range?.[0] ?? offset;
      node = pair.value;
      continue;
    }
    if (!isSeq(node)) break;
    // A key that is not an index finds no item.
    const item = node.items[key as number] as Node | undefined;
    if (!item) break;
    // Stryker disable next-line OptionalChaining: a parsed item always has its range.
    offset = item.range?.[0] ?? offset;
    node = item;
  }
  const position = file.lineCounter.linePos(offset);
  return { line: file.yamlStartLine - 1 + position.line, column: position.col };
}

export const TEMPLATE_HINT: Record<CollectionName, string> = {
  guides: 'content/_templates/guide.mdx',
  prompts: 'content/_templates/prompt.mdx',
  mistakes: 'content/_templates/mistake.yaml',
  culture: 'content/_templates/culture.mdx',
  stack: 'content/_templates/stack.mdx',
  sources: 'content/_templates/source.yaml',
  figures: 'content/_templates/figure.yaml',
};
