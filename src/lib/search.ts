/**
 * The content types search can filter by. Every indexed page declares exactly one, through the
 * layout's `searchType` prop; the dropdown in the search dialog lists them.
 */
export const SEARCH_TYPES = ['Guide', 'Round', 'Prompt', 'Mistake', 'Culture', 'Stack component'] as const;
export type SearchType = (typeof SEARCH_TYPES)[number];
