/**
 * One evaluation per chain per process. A build reads every chain more than once: in `astro
 * build`, the content loader (src/lib/estimate/loader.ts) to resolve front-matter tokens and the
 * remark plugin (src/plugins/remark-estimates.ts) to draw the tables; in the build script, the MDX
 * it compiles beside Astro and then the content check. All of them go through `runChainOnce`.
 *
 * A result is keyed by what decides it: the figures' content (the check reads the figure files
 * itself, so its table is another object with the same figures), the chain's text, and the keys
 * of the earlier chains it may read (each keyed the same way, so a changed earlier chain or figure
 * is a miss). A chain handed in from elsewhere, without a key, is never reused. Results are read
 * only by their callers, never changed, so sharing them is safe.
 */
import { createHash } from 'node:crypto';
import { figuresKey } from './figures.ts';
import { runChain, type ChainError, type EvaluatedChain, type FigureTable } from './index.ts';

type Result = { chain?: EvaluatedChain; errors: ChainError[] };

/** Most results kept: a dev server editing pages for hours stays bounded. */
export const MAX_STORED = 5000;

const stored = new Map<string, Result>();
/** Each result's key, so a later chain that reads it can be keyed too. */
const keyOf = new WeakMap<EvaluatedChain, string>();
const figuresDigest = new WeakMap<FigureTable, string>();
/** Counts for the tests: how many evaluations ran, and how many were reused. */
// Stryker disable next-line ObjectLiteral: made once when the module loads, which Stryker does not redo per mutant; with {} every count is NaN and memo.test.ts fails.
export const memoStats = { evaluated: 0, reused: 0 };

// Stryker disable next-line ArrowFunction: as memoStats; without keys nothing is reused, and memo.test.ts fails.
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The key of a chain's result, or undefined when an earlier chain came from elsewhere (no key). */
function resultKey(text: string, figures: FigureTable, earlier: ReadonlyMap<string, EvaluatedChain>): string | undefined {
  let digest = figuresDigest.get(figures);
  // Stryker disable next-line ConditionalExpression: working the digest out again gives the same digest; keeping it only saves the work.
  if (digest === undefined) {
    digest = sha256(figuresKey(figures));
    figuresDigest.set(figures, digest);
  }
  // Stryker disable next-line ArrayDeclaration: a constant first entry would key every result alike.
  const earlierKeys: string[] = [];
  for (const [id, chain] of earlier) {
    const key = keyOf.get(chain);
    if (key === undefined) return undefined;
    earlierKeys.push(`${id}=${key}`);
  }
  return sha256(JSON.stringify([digest, earlierKeys, text]));
}

function remember(key: string, result: Result): Result {
  // Stryker disable next-line EqualityOperator: one result more before starting afresh bounds the store all the same.
  if (stored.size >= MAX_STORED) stored.clear();
  stored.set(key, result);
  if (result.chain) keyOf.set(result.chain, key);
  return result;
}

/** `runChain`, evaluated at most once for the same text, figures and earlier chains. */
export function runChainOnce(text: string, figures: FigureTable, earlier: ReadonlyMap<string, EvaluatedChain> = new Map()): Result {
  const key = resultKey(text, figures, earlier);
  if (key === undefined) {
    memoStats.evaluated += 1;
    return runChain(text, figures, earlier);
  }
  const hit = stored.get(key);
  if (hit) {
    memoStats.reused += 1;
    return hit;
  }
  memoStats.evaluated += 1;
  return remember(key, runChain(text, figures, earlier));
}
