/**
 * Re-ranking of Pagefind's results: demoted pages (mistakes, catalogues, lists) keep a share of
 * their score, so the guide, prompt or stack entry they mention ranks above them. Pure, so it is
 * tested without a browser; the dialog learns which pages are demoted with a second, filtered
 * search that needs no extra download (the filter index is already loaded).
 */
import { DEMOTED_SCORE_FACTOR } from './config.ts';

export interface Scored {
  id: string;
  score: number;
}

/** The results in their new order; equal scores keep Pagefind's order. */
export function demote<T extends Scored>(results: readonly T[], demoted: ReadonlySet<string>, factor = DEMOTED_SCORE_FACTOR): T[] {
  if (!(factor >= 0 && factor <= 1)) throw new RangeError(`demote: factor must be between 0 and 1, got ${factor}.`);
  return results
    .map((result, index) => ({ result, index, score: demoted.has(result.id) ? result.score * factor : result.score }))
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map(({ result }) => result);
}
