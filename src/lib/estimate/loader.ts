/**
 * Wraps a content loader so that every entry's front matter has its `[[chain-id.name]]` tokens
 * replaced by the results of the chains in the entry's own body, when the entry is stored. Every
 * reader of the collection (prompt pages, components, cheat sheets, the practice JSON endpoints,
 * flashcards) then gets the same computed numbers, with no code of its own. The digest of each
 * entry includes the figures, so a cached build re-resolves an unchanged page when a figure it may
 * use changes. (The dev server re-resolves an entry when its file changes; after editing a figure,
 * restart it to refresh front matter elsewhere.)
 */
import type { Loader, LoaderContext } from 'astro/loaders';
import { figuresKey, type FigureTable } from './figures.ts';
import type { EvaluatedChain } from './index.ts';
import { describeErrors, findEstimateBlocks } from './blocks.ts';
import { dataTokens, resolveDataTokens } from './frontmatter.ts';
import { runChainOnce } from './memo.ts';

type Store = LoaderContext['store'];
type Entry = Parameters<Store['set']>[0];

/**
 * Every chain of a body, as `chainsOfBody` (./blocks.ts) evaluates them, through the per-build memo
 * (./memo.ts): the remark plugin then reuses these results instead of evaluating each chain again.
 */
function chainsOfBodyOnce(body: string, figures: FigureTable): Map<string, EvaluatedChain> {
  const chains = new Map<string, EvaluatedChain>();
  for (const block of findEstimateBlocks(body)) {
    const result = runChainOnce(block.text, figures, chains);
    if (!result.chain) throw new Error(describeErrors(result.errors, block.fenceLine));
    chains.set(result.chain.id, result.chain);
  }
  return chains;
}

/** The entry with its front-matter tokens resolved from its body's chains (unchanged without tokens). */
export function resolveEntry(entry: Entry, figures: FigureTable): Entry {
  if (dataTokens(entry.data).length === 0) return entry;
  const file = entry.filePath ?? entry.id;
  let chains;
  try {
    chains = chainsOfBodyOnce(entry.body ?? '', figures);
  } catch (error) {
    throw new Error(
      `${file}: a chain does not evaluate, so its front-matter tokens cannot be resolved (npm run check:content shows where):\n${(error as Error).message}`,
      {
        cause: error,
      },
    );
  }
  return { ...entry, data: resolveDataTokens(entry.data, chains, file) };
}

export function withEstimateTokens(loader: Loader, figures: () => FigureTable): Loader {
  return {
    name: `${loader.name}+estimate-tokens`,
    load: async (context) => {
      const table = figures();
      const key = figuresKey(table);
      const store = new Proxy(context.store, {
        get(target, property) {
          if (property === 'set') return (entry: Entry) => target.set(resolveEntry(entry, table));
          const value = Reflect.get(target, property, target) as unknown;
          return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
        },
      });
      await loader.load({
        ...context,
        store,
        generateDigest: (data) => context.generateDigest(typeof data === 'string' ? `${data}\n${key}` : { ...data, figures: key }),
      });
    },
  };
}
