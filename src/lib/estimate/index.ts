/**
 * Estimate chains: parse the text of an ```estimate block and evaluate it against the figures.
 * The remark plugin (build), the content check and the tests all go through `runChain`, so a
 * chain that passes the check renders the same numbers on the page.
 */
import { parseChain, type ChainError } from './parse.ts';
import { evaluateChain, type EvaluatedChain } from './evaluate.ts';
import type { FigureTable } from './figures.ts';

export type { ChainError } from './parse.ts';
export type { EvaluatedChain, Row } from './evaluate.ts';
export type { Figure, FigureTable } from './figures.ts';

/** The language of the fenced code blocks that hold a chain. */
export const ESTIMATE_LANG = 'estimate';

/** `earlier`: the chains above this one on the same page, which `use name from chain-id` reads. */
export function runChain(
  text: string,
  figures: FigureTable,
  earlier: ReadonlyMap<string, EvaluatedChain> = new Map(),
): { chain?: EvaluatedChain; errors: ChainError[] } {
  const parsed = parseChain(text);
  if (!parsed.chain) return { errors: parsed.errors };
  return evaluateChain(parsed.chain, figures, earlier);
}
