/**
 * Where every entry lives on the site. Pages, components, the link checker and search all ask
 * here, so a URL scheme change happens in one file.
 */
import type { CollectionName } from '../schemas/index.ts';

/** The collections that get a page of their own per entry. Sources share one page. */
const COLLECTION_PREFIX: Record<Exclude<CollectionName, 'guides' | 'sources' | 'figures'>, string> = {
  prompts: '/prompts/',
  mistakes: '/mistakes/',
  culture: '/culture/',
  stack: '/stack/',
};

/** The site path of an entry, without the base path, always ending in "/" (or a #fragment). */
export function entryPath(collection: CollectionName, id: string): string {
  if (collection === 'guides') return id === 'index' ? '/' : `/${id}/`;
  if (collection === 'sources') return `/sources/#${sourceAnchor(id)}`;
  if (collection === 'figures') return `/figures/#figure-${id}`;
  return `${COLLECTION_PREFIX[collection]}${id}/`;
}

/** The fragment id a source gets on the sources page and in a page's source list. */
export function sourceAnchor(id: string): string {
  return `source-${id}`;
}

/**
 * Joins the deployment base path (such as "/netflix-sd/") and a site path (such as "/loop/").
 * Leaves absolute URLs, fragments and relative paths untouched.
 */
export function withBase(base: string, path: string): string {
  if (!path.startsWith('/') || path.startsWith('//')) return path;
  const trimmedBase = base.endsWith('/') ? base.slice(0, -1) : base;
  return `${trimmedBase}${path}`;
}

/** The first segment of a guide id: the section folder it lives in. */
export function guideSection(id: string): string {
  return id.split('/')[0] ?? id;
}

/** The site path of a URL pathname: the base path removed ("/netflix-sd/loop/" -> "/loop/"). */
export function withoutBase(base: string, pathname: string): string {
  const trimmedBase = base.endsWith('/') ? base.slice(0, -1) : base;
  if (trimmedBase && pathname.startsWith(`${trimmedBase}/`)) return pathname.slice(trimmedBase.length);
  return pathname;
}
