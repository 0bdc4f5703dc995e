/**
 * Looks up entries for components, failing the build (with the nearest valid id) when an id
 * does not exist, so a typo in an MDX page never ships as an empty box.
 */
import { getCollection, getEntry, type CollectionEntry, type CollectionKey } from 'astro:content';
import { nearest } from '../../lib/text.ts';
import { failComponent } from './fail.ts';

export async function requireEntry<C extends CollectionKey>(
  collection: C,
  id: unknown,
  component: string,
): Promise<CollectionEntry<C>> {
  if (typeof id !== 'string' || id === '') {
    failComponent(component, `the "id" prop is missing.`, `Write it as id="<an id from content/${collection}>".`);
  }
  const entry = await getEntry(collection, id);
  if (entry) return entry as CollectionEntry<C>;
  const ids = (await getCollection(collection)).map((e) => e.id);
  const suggestion = nearest(id, ids);
  return failComponent(
    component,
    `there is no ${collection} entry with id "${id}".`,
    suggestion ? `Did you mean id="${suggestion}"?` : `Use the file name (without extension) of an entry in content/${collection}.`,
  );
}

/** Resolves a list of reference values (Astro reference objects or plain ids). */
export async function requireEntries<C extends CollectionKey>(
  collection: C,
  refs: readonly (string | { id: string })[],
  component: string,
): Promise<CollectionEntry<C>[]> {
  return Promise.all(refs.map((ref) => requireEntry(collection, typeof ref === 'string' ? ref : ref.id, component)));
}
