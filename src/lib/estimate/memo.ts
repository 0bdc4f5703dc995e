/**
 * One evaluation per chain per build. `astro build` evaluates a page's chains twice in one
 * process: the content loader (src/lib/estimate/loader.ts) to resolve front-matter tokens, then
 * the remark plugin (src/plugins/remark-estimates.ts) to draw the tables. Both go through
 * `runChainOnce`, so the second reader gets the first one's result (about 0.8 CPU seconds of a
 * cold build at today's content, ten times that at 10x).
 *
 * A result is reused only for the same figure table (the very object `loadFigures` returns, which
 * it replaces when a figure file changes), the same chain text, and the very same earlier chains
 * (compared by identity, so a changed earlier chain is a miss). Results are read only by their
 * callers, never changed, so sharing them is safe.
 */
import { runChain, type ChainError, type EvaluatedChain, type FigureTable } from './index.ts';

type Result = { chain?: EvaluatedChain; errors: ChainError[] };

interface Stored {
  earlier: EvaluatedChain[];
  result: Result;
}

/** Most results kept per figure table: a dev server editing pages for hours stays bounded. */
export const MAX_STORED = 5000;

const memo = new WeakMap<FigureTable, Map<string, Stored>>();

/** Counts for the tests: how many evaluations ran, and how many were reused. */
export const memoStats = { evaluated: 0, reused: 0 };

/** `runChain`, evaluated at most once for the same text, figures and earlier chains. */
export function runChainOnce(text: string, figures: FigureTable, earlier: ReadonlyMap<string, EvaluatedChain> = new Map()): Result {
  let stored = memo.get(figures);
  if (!stored) {
    stored = new Map();
    memo.set(figures, stored);
  }
  const key = `${[...earlier.keys()].join('\u0000')}\u0001${text}`;
  const before = [...earlier.values()];
  const hit = stored.get(key);
  if (hit && hit.earlier.length === before.length && hit.earlier.every((chain, i) => chain === before[i])) {
    memoStats.reused += 1;
    return hit.result;
  }
  memoStats.evaluated += 1;
  const result = runChain(text, figures, earlier);
  if (stored.size >= MAX_STORED) stored.clear();
  stored.set(key, { earlier: before, result });
  return result;
}
