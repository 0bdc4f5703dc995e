/**
 * The estimation calculator's model is the estimation guide's own chain: the build reads the
 * ```estimate block with id "model" from content/guides/system-design/estimation.mdx, evaluates
 * it with the figures (the same code that renders the guide), and compiles it into a plan the
 * browser runs without mathjs. Change the chain on the guide and the calculator follows.
 * Build time only.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { contentDir } from '../../lib/content-paths.ts';
import { findEstimateBlocks } from '../../lib/estimate/blocks.ts';
import { loadFigures } from '../../lib/estimate/load.ts';
import { compilePlan } from '../../lib/estimate/plan.ts';
import { parseChain } from '../../lib/estimate/parse.ts';
import type { EvaluatedChain } from '../../lib/estimate/evaluate.ts';
import type { Plan } from '../../lib/estimate/plan-eval.ts';

/** Where the model lives. */
export const MODEL_PAGE = 'guides/system-design/estimation.mdx';
export const MODEL_CHAIN = 'model';

/**
 * The compiled model, or undefined when the content has no estimation guide at all (the small
 * fixture sites the checker tests build). A guide without the chain is an error, not a skip.
 */
export function calculatorModel(directory = contentDir()): { plan: Plan; chain: EvaluatedChain } | undefined {
  const file = path.join(directory, MODEL_PAGE);
  if (!existsSync(file)) return undefined;
  const block = findEstimateBlocks(readFileSync(file, 'utf8')).find((b) => parseChain(b.text).chain?.id === MODEL_CHAIN);
  if (!block) throw new Error(`${file}: the estimation calculator needs an \`\`\`estimate block with "id: ${MODEL_CHAIN}".`);
  return compilePlan(block.text, loadFigures(path.join(directory, 'figures')));
}
