/**
 * Finding chains and references to them in text: the ```estimate blocks of an MDX body, and the
 * `[[chain-id.name]]` tokens that put a chain's result into prose or a flashcard, said aloud
 * ("about 22 million streams"), so a sentence never retypes a number the chain computed.
 */
import { ESTIMATE_LANG, runChain, type ChainError, type EvaluatedChain, type FigureTable } from './index.ts';

export interface EstimateBlock {
  /** The text between the fences. */
  text: string;
  /** 1-based line of the opening fence in the text searched (a block line n is fenceLine + n). */
  fenceLine: number;
}

/** The ```estimate blocks of a Markdown body, in order. */
export function findEstimateBlocks(body: string): EstimateBlock[] {
  const blocks: EstimateBlock[] = [];
  const lines = body.split('\n');
  let open: { fence: string; line: number; content: string[] } | undefined;
  let other: string | undefined;
  lines.forEach((line, index) => {
    const fence = /^ {0,3}(`{3,}|~{3,})\s*([\w-]*)/.exec(line);
    if (open) {
      if (fence && fence[1]!.startsWith(open.fence) && line.trim() === fence[1]) {
        blocks.push({ text: open.content.join('\n'), fenceLine: open.line });
        open = undefined;
      } else open.content.push(line);
      return;
    }
    if (other) {
      if (fence && fence[1]!.startsWith(other) && line.trim() === fence[1]) other = undefined;
      return;
    }
    if (!fence) return;
    if (fence[2] === ESTIMATE_LANG) open = { fence: fence[1]!, line: index + 1, content: [] };
    else other = fence[1]!;
  });
  return blocks;
}

export const TOKEN = /\[\[([a-z0-9]+(?:-[a-z0-9]+)*)\.([A-Za-z][A-Za-z0-9]*)\]\]/g;

export type TokenResult = { ok: true; text: string } | { ok: false; message: string; fix: string };

/** What a `[[chain.name]]` token says, or why it cannot be resolved. */
export function resolveToken(chainId: string, name: string, chains: ReadonlyMap<string, EvaluatedChain>): TokenResult {
  const chain = chains.get(chainId);
  if (!chain) {
    return {
      ok: false,
      message: `[[${chainId}.${name}]] names a chain that is not on this page.`,
      fix: `Use the id of an \`\`\`estimate block on the same page${chains.size ? ` (${[...chains.keys()].join(', ')})` : ''}.`,
    };
  }
  const row = chain.rows.find((r) => r.name === name);
  if (!row) {
    return {
      ok: false,
      message: `[[${chainId}.${name}]]: the chain "${chainId}" has no "${name}".`,
      fix: `Use one of: ${chain.rows.map((r) => r.name).join(', ')}.`,
    };
  }
  return { ok: true, text: row.spoken };
}

/** Replaces every token in a text; throws on one that does not resolve. */
export function replaceTokens(text: string, chains: ReadonlyMap<string, EvaluatedChain>): string {
  return text.replace(TOKEN, (_, chainId: string, name: string) => {
    const result = resolveToken(chainId, name, chains);
    if (!result.ok) throw new Error(`${result.message} ${result.fix}`);
    return result.text;
  });
}

/** Every chain of a body, evaluated; throws on the first chain with an error (the content check reports them all). */
export function chainsOfBody(body: string, figures: FigureTable): Map<string, EvaluatedChain> {
  const chains = new Map<string, EvaluatedChain>();
  for (const block of findEstimateBlocks(body)) {
    const result = runChain(block.text, figures, chains);
    if (!result.chain) throw new Error(describeErrors(result.errors, block.fenceLine));
    chains.set(result.chain.id, result.chain);
  }
  return chains;
}

/** Errors as "line N: message Fix: …", lines counted in the searched text. */
export function describeErrors(errors: readonly ChainError[], fenceLine: number): string {
  return errors.map((e) => `line ${fenceLine + e.line}: ${e.message} Fix: ${e.fix}`).join('\n');
}
