/**
 * Rule tests on content written in the test itself: a few files in memory, parsed as
 * `npm run check:content` parses them (load.ts), so each rule test runs one rule on exactly the
 * text that matters, without reading a fixture directory.
 */
import { COLLECTIONS, type CollectionName } from '../../src/schemas/index.ts';
import { buildContext, type CheckContext } from './context.ts';
import { EXTENSIONS, parseContentFile } from './load.ts';

/** Where the in-memory files claim to live (the path problems name). */
export const MEMORY_ROOT = 'memory';

/**
 * A rule's input from `{ "prompts/a.mdx": "---\ntitle: …" }`: each key is a path inside the
 * content folder, starting with its collection; a file with the collection's wrong extension is a
 * stray, as on disk.
 */
export function contextOf(files: Record<string, string>): CheckContext {
  const loaded = [];
  const strays: string[] = [];
  for (const [key, text] of Object.entries(files)) {
    const [collection, ...rest] = key.split('/');
    if (!COLLECTIONS.includes(collection as CollectionName))
      throw new Error(`${key}: start the path with a collection (${COLLECTIONS.join(', ')}).`);
    const rel = rest.join('/');
    const file = `${MEMORY_ROOT}/${key}`;
    if (!rel.endsWith(EXTENSIONS[collection as CollectionName])) strays.push(file);
    else loaded.push(parseContentFile(collection as CollectionName, rel, file, text));
  }
  return buildContext(loaded, strays);
}

/** An MDX file from its front matter lines and body lines. */
export function mdx(frontMatter: readonly string[], body: readonly string[] = []): string {
  return ['---', ...frontMatter, '---', ...body].join('\n');
}
