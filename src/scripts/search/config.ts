/**
 * Search settings shared by the dialog (search-dialog.ts), its tests and the benchmark, so all three measure
 * the same thing readers get.
 */

/**
 * Results whose fragments load with the first answer: about what the dialog shows at once. The
 * next NEXT_PAGE_SIZE load when the reader scrolls to the end of the list or presses "More
 * results", so a fragment is fetched only for a result about to be on screen.
 */
export const PAGE_SIZE = 3;
export const NEXT_PAGE_SIZE = 5;

/** Words in an excerpt: about two lines of the dialog at its widest. */
export const EXCERPT_WORDS = 30;

/** Sub-results (matching sections, by heading) shown under a page. */
export const SUB_RESULTS_SHOWN = 2;

/**
 * Pagefind's ranking. Metadata is searched alongside the body since Pagefind 1.5 (see DocLayout):
 * - `aliases`: the hidden synonyms a guide, culture or stack page declares (`searchAliases` in
 *   front matter), weighted above the title so "CDN" finds Open Connect first;
 * - `names`: a prompt's other names ("Also asked as", front matter `aliases`), already in the
 *   page's text, so weighted lower.
 */
export const RANKING = {
  metaWeights: { title: 5, aliases: 7, names: 3 },
} as const;

/**
 * Pages tagged `rank:demoted` (mistakes, catalogues and other lists; see DocLayout) keep this
 * share of their score, so the canonical page they mention comes first.
 */
export const DEMOTED_SCORE_FACTOR = 0.35;

/** The Pagefind filter that carries the demotion, and its one value. */
export const DEMOTE_FILTER = { rank: 'demoted' } as const;

/** Recent searches kept on this device, newest first. */
export const RECENT_LIMIT = 6;
export const RECENT_STORAGE_KEY = 'search-recent';

/** Pause after the last keystroke before searching. */
export const TYPING_DELAY_MS = 120;

/**
 * Written by the build beside Pagefind's index (scripts/build-sw.ts) and precached: for each
 * result id (the fragment hash Pagefind's results carry as `id`), what a result shows without
 * its fragment. Fragments (the excerpts) are not precached; offline, a result whose fragment is
 * not on the device is listed from this map by title and link.
 */
export const SEARCH_MAP_FILE = 'pagefind/search-map.json';

/** A result without its fragment: the page's address as Pagefind stores it (no base), title and content type. */
export type SearchMapEntry = [url: string, title: string, type: string | null];

export interface SearchMap {
  /** Bumped when the format changes. */
  version: 1;
  /** Result id to its page. */
  pages: Record<string, SearchMapEntry>;
}
