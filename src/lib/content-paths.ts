/**
 * Where content lives and how a file path becomes an entry id. Shared by the Astro content
 * config and the content checker so both agree on ids.
 */

/** The content directory, relative to the project root. Fixture sites in tests override it. */
export function contentDir(): string {
  return process.env.CONTENT_DIR ?? 'content';
}

/** "loop/index.mdx" -> "loop"; "loop/coding.mdx" -> "loop/coding"; "index.mdx" -> "index". */
export function entryIdFromPath(relativePath: string): string {
  const withoutExtension = relativePath.replace(/\\/g, '/').replace(/\.(mdx?|ya?ml|json)$/i, '');
  const id = withoutExtension.replace(/\/index$/i, '');
  return id.toLowerCase();
}
