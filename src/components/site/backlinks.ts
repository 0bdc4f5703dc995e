/** Backlinks across the whole site, computed once per build. */
import { getCollection } from 'astro:content';
import { backlinkIndex, type ScannedEntry } from '../../lib/references.ts';
import { COLLECTIONS } from '../../schemas/index.ts';

let index: Promise<Map<string, ScannedEntry[]>> | undefined;

function build(): Promise<Map<string, ScannedEntry[]>> {
  index ??= Promise.all(COLLECTIONS.map((c) => getCollection(c))).then((lists) =>
    backlinkIndex(
      lists.flat().map((entry) => ({
        collection: entry.collection,
        id: entry.id,
        title: String((entry.data as { title: string }).title),
        data: entry.data,
        body: entry.body,
      })),
    ),
  );
  return index;
}

/** The entries that reference `collection/id`, sorted by title. */
export async function backlinks(collection: string, id: string): Promise<ScannedEntry[]> {
  return [...((await build()).get(`${collection}/${id}`) ?? [])].sort((a, b) => a.title.localeCompare(b.title));
}
