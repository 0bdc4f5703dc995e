/**
 * Relevance figures over the query set in tests/search-relevance/queries.ts: the rank of each
 * case's canonical page, top-1 and top-3 hit rates, mean reciprocal rank, and the cases that
 * break their requirement. Used by the browser test and the benchmark.
 */

/** One query of the set. */
export interface RelevanceCase {
  /** What the reader types. */
  query: string;
  /** The page that should be first (site path without the base). */
  first: string;
  /** Other pages that must appear in the top 3 (the first page is always required there). */
  alsoTop3?: string[];
  /** Named in issue 16: the first result must be `first`; otherwise top 3 is required. */
  named?: boolean;
}

export interface CaseResult {
  case: RelevanceCase;
  /** The result paths in order, as the dialog shows them (site paths without the base). */
  results: string[];
}

export interface RelevanceReport {
  cases: number;
  top1: number;
  top3: number;
  mrr: number;
  /** One line per broken requirement: the query, what was expected, what came. */
  failures: string[];
}

/** 1-based rank of `path` in `results`, or null. */
export function rankOf(path: string, results: readonly string[]): number | null {
  const index = results.indexOf(path);
  return index === -1 ? null : index + 1;
}

export function relevanceReport(results: readonly CaseResult[]): RelevanceReport {
  if (results.length === 0) throw new Error('relevanceReport: no results to score.');
  let top1 = 0;
  let top3 = 0;
  let reciprocal = 0;
  const failures: string[] = [];
  for (const { case: c, results: got } of results) {
    const rank = rankOf(c.first, got);
    if (rank === 1) top1 += 1;
    if (rank !== null && rank <= 3) top3 += 1;
    reciprocal += rank === null ? 0 : 1 / rank;
    const shown = `got ${got.slice(0, 3).join(', ') || 'no results'}`;
    if (c.named && rank !== 1)
      failures.push(`"${c.query}": ${c.first} must be first (${rank ? `it is #${rank}` : 'it is missing'}); ${shown}.`);
    else if (rank === null || rank > 3) failures.push(`"${c.query}": ${c.first} must be in the top 3; ${shown}.`);
    for (const path of c.alsoTop3 ?? []) {
      const other = rankOf(path, got);
      if (other === null || other > 3) failures.push(`"${c.query}": ${path} must be in the top 3; ${shown}.`);
    }
  }
  return { cases: results.length, top1: top1 / results.length, top3: top3 / results.length, mrr: reciprocal / results.length, failures };
}
