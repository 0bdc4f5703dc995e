/**
 * The sidebar, built from the content: one group per section, items in `order`, the current
 * page marked. Previous/next links follow the same sequence within a section, so reading straight
 * through a section of the sidebar is the intended path through it.
 */
import { entryPath, guideSection } from './routes.ts';

export interface NavEntry {
  collection: 'guides' | 'prompts' | 'culture' | 'stack';
  id: string;
  title: string;
  /** Lower first; entries without an order sort by title after those with one. */
  order?: number;
}

export interface NavItem {
  label: string;
  path: string;
  current: boolean;
  /** A content entry's study key ("collection/id"), the key its "Mark as studied" saves under. */
  key?: string;
}

export interface NavGroup {
  key: string;
  label: string;
  /** Large groups render collapsed unless they hold the current page. */
  collapsible: boolean;
  items: NavItem[];
}

interface SectionSpec {
  key: string;
  label: string;
  /** Guides whose id starts with this folder belong here. */
  guideFolder?: string;
  /** Every entry of this collection belongs here, after the guides. */
  collection?: NavEntry['collection'];
  /** An index page listed first, when the section has one outside the guides. */
  index?: { label: string; path: string };
  /** Pages that are not content entries, listed last. */
  extra?: { label: string; path: string }[];
  collapsible?: boolean;
}

/** The sections of the site, in sidebar order. The guide folders are the only ones allowed. */
export const SECTIONS: readonly SectionSpec[] = [
  { key: 'loop', label: 'The interview loop', guideFolder: 'loop' },
  { key: 'system-design', label: 'System design round', guideFolder: 'system-design' },
  {
    key: 'prompts',
    label: 'Design prompts',
    collection: 'prompts',
    index: { label: 'All prompts', path: '/prompts/' },
    collapsible: true,
  },
  { key: 'coding', label: 'Coding rounds', guideFolder: 'coding' },
  { key: 'culture', label: 'Culture memo', guideFolder: 'culture', collection: 'culture', collapsible: true },
  { key: 'mistakes', label: 'Mistakes', index: { label: 'GOOD/BAD catalog', path: '/mistakes/' } },
  {
    key: 'stack',
    label: 'Netflix stack',
    collection: 'stack',
    index: { label: 'Glossary by layer', path: '/stack/' },
    collapsible: true,
  },
  { key: 'prepare', label: 'Prepare', guideFolder: 'prepare', extra: [{ label: 'Sources', path: '/sources/' }] },
  {
    key: 'practice',
    label: 'Study tools',
    index: { label: 'All study tools', path: '/practice/' },
    extra: [
      { label: 'Your progress', path: '/practice/progress/' },
      { label: 'Mock interview', path: '/practice/mock/' },
      { label: 'Partner view', path: '/practice/partner/' },
      { label: 'Flashcards', path: '/practice/flashcards/' },
      { label: 'Story bank', path: '/practice/stories/' },
      { label: 'Estimation calculator', path: '/practice/calculator/' },
    ],
  },
];

/** The guide folders a guide may live in. */
export const GUIDE_FOLDERS: readonly string[] = SECTIONS.flatMap((s) => (s.guideFolder ? [s.guideFolder] : []));

/** One collator for every comparison: localeCompare with options builds a new one per call (every page sorts the sidebar). */
const titleOrder = new Intl.Collator('en', { numeric: true });

/** Titles in reading order, numbers by value ("Part 2" before "Part 10"). */
export const byTitle = (a: string, b: string): number => titleOrder.compare(a, b);

function byOrderThenTitle(a: NavEntry, b: NavEntry): number {
  const orderA = a.order ?? Number.POSITIVE_INFINITY;
  const orderB = b.order ?? Number.POSITIVE_INFINITY;
  return orderA === orderB ? byTitle(a.title, b.title) : orderA - orderB;
}

/** Normalizes a path for comparison: always a trailing slash, never a fragment. */
function samePage(a: string, b: string): boolean {
  const clean = (p: string) => (p.split('#')[0] ?? p).replace(/\/?$/, '/');
  return clean(a) === clean(b);
}

/** Builds the sidebar for the page at `currentPath` (a site path without the base). */
export function buildNavigation(entries: readonly NavEntry[], currentPath: string): NavGroup[] {
  return SECTIONS.map((section) => {
    const guides = section.guideFolder
      ? entries.filter((e) => e.collection === 'guides' && guideSection(e.id) === section.guideFolder).sort(byOrderThenTitle)
      : [];
    const members = section.collection ? entries.filter((e) => e.collection === section.collection).sort(byOrderThenTitle) : [];
    const links = [
      ...(section.index ? [section.index] : []),
      ...[...guides, ...members].map((e) => ({ label: e.title, path: entryPath(e.collection, e.id), key: `${e.collection}/${e.id}` })),
      ...(section.extra ?? []),
    ];
    return {
      key: section.key,
      label: section.label,
      collapsible: section.collapsible ?? false,
      items: links.map((link) => ({ ...link, current: samePage(link.path, currentPath) })),
    };
  }).filter((group) => group.items.length > 0);
}

/**
 * The pages before and after the current one in sidebar order, within the current page's
 * section: the last page of a section does not lead into the next one (a stack entry is not
 * followed by the study plan).
 */
export function neighbours(groups: readonly NavGroup[]): { previous?: NavItem; next?: NavItem } {
  const items = currentGroup(groups)?.items ?? [];
  const index = items.findIndex((item) => item.current);
  if (index === -1) return {};
  return { previous: items[index - 1], next: items[index + 1] };
}

/** The group holding the current page, if any. */
export function currentGroup(groups: readonly NavGroup[]): NavGroup | undefined {
  return groups.find((g) => g.items.some((item) => item.current));
}

/**
 * The most links the sidebar shows for the section holding the current page. A section up to
 * this size is listed in full (every section is, at today's size: the stack, the largest, has 48
 * links); a larger one shows its first link (the section's index) and the pages nearest the
 * current one, so every page's HTML stays the same size however large a section grows.
 */
export const SECTION_LINK_LIMIT = 50;

/** What the sidebar lists of one group, and how many of its pages it leaves out on each side. */
export interface VisibleLinks {
  items: NavItem[];
  /** Pages left out between the index and the first page shown. */
  before: number;
  /** Pages left out after the last page shown. */
  after: number;
}

/**
 * The links the sidebar shows of `group`: a collapsible group that does not hold the current page
 * shows only its first link (its index), with the rest counted in `after`; the group holding the
 * current page (or any other) shows every link up to `limit`, and past that its first link and
 * the `limit - 1` pages around the current one (the first ones when the index is current).
 */
export function visibleLinks(group: NavGroup, limit = SECTION_LINK_LIMIT): VisibleLinks {
  if (!Number.isInteger(limit) || limit < 2) throw new Error(`visibleLinks: limit must be a whole number of 2 or more, not ${limit}.`);
  const holdsCurrent = group.items.some((item) => item.current);
  const [first, ...rest] = group.items;
  if (!first) return { items: [], before: 0, after: 0 };
  if (group.collapsible && !holdsCurrent) return { items: [first], before: 0, after: rest.length };
  if (group.items.length <= limit) return { items: group.items, before: 0, after: 0 };
  const size = limit - 1;
  const current = rest.findIndex((item) => item.current);
  // The current page in the middle of the window, the window kept inside the list.
  const start = Math.min(Math.max(current - Math.floor((size - 1) / 2), 0), rest.length - size);
  return { items: [first, ...rest.slice(start, start + size)], before: start, after: rest.length - start - size };
}
