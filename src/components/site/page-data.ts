/** Data every content page needs besides its own entry. */
import { getEntry, type CollectionEntry } from 'astro:content';
import path from 'node:path';
import { lastUpdated } from '../../lib/git-dates.ts';

type Ref = string | { id: string };

/**
 * The page's sources in citation order: those cited in the body first (numbered as cited),
 * then the rest named in front matter. Unknown ids fail the build.
 */
export async function pageSources(
  citations: readonly string[],
  ...lists: readonly (readonly Ref[])[]
): Promise<CollectionEntry<'sources'>[]> {
  const ids = [...citations, ...lists.flat().map((ref) => (typeof ref === 'string' ? ref : ref.id))];
  const unique = [...new Set(ids)];
  return Promise.all(
    unique.map(async (id) => {
      const entry = await getEntry('sources', id);
      if (!entry) throw new Error(`Source "${id}" does not exist in content/sources.`);
      return entry;
    }),
  );
}

/** The entry's file relative to the repository root, with forward slashes. */
export function sourceFileOf(entry: { filePath?: string; id: string; collection: string }): string {
  if (!entry.filePath) throw new Error(`Entry ${entry.collection}/${entry.id} has no file path.`);
  return path.relative(process.cwd(), path.resolve(entry.filePath)).replace(/\\/g, '/');
}

/** When the entry's file last changed. */
export function updatedOn(entry: { filePath?: string; id: string; collection: string }): Date | undefined {
  return lastUpdated(sourceFileOf(entry));
}
