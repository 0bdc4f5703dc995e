/**
 * `[[chain-id.name]]` tokens in front matter: a prompt's 45-minute answer, curveballs, scoping,
 * targets, probes, tests and levels, and a guide's flashcard backs, say the numbers the page's
 * chains compute, so the components, cheat sheets, practice JSON and flashcards that print front
 * matter can never disagree with the Estimates section. The content collections resolve every
 * token once, when an entry is loaded (src/content.config.ts), with `resolveDataTokens`; the
 * content check finds them with `dataTokens` and reports one that names nothing, at its line.
 */
import type { EvaluatedChain } from './evaluate.ts';
import { resolveToken, TOKEN } from './blocks.ts';

/** Where a string sits in front matter: keys and list indexes, as the YAML path to it. */
export type DataPath = readonly (string | number)[];

/** "answer.estimation", "curveballs[2].strongAnswer": a path as a reader finds it in the file. */
export function describePath(path: DataPath): string {
  return path.map((key, index) => (typeof key === 'number' ? `[${key}]` : index === 0 ? key : `.${key}`)).join('');
}

/** Every string in a front-matter value, with its path. */
export function dataStrings(data: unknown, path: DataPath = []): { path: DataPath; text: string }[] {
  if (typeof data === 'string') return [{ path, text: data }];
  if (Array.isArray(data)) return data.flatMap((item, index) => dataStrings(item, [...path, index]));
  if (data && typeof data === 'object' && !(data instanceof Date)) {
    return Object.entries(data).flatMap(([key, value]) => dataStrings(value, [...path, key]));
  }
  return [];
}

/** Every string in a front-matter value that holds at least one token, with its path. */
export function dataTokens(data: unknown, path: DataPath = []): { path: DataPath; text: string }[] {
  return dataStrings(data, path).filter(({ text }) => text.includes('[[') && new RegExp(TOKEN.source).test(text));
}

/**
 * A copy of a front-matter value with every token replaced by the step's result as said aloud
 * ("about 16,000 starts a second"). Values without tokens come back as they are (the same object
 * when nothing changed). Throws, naming the file and the field, on a token that does not resolve.
 */
export function resolveDataTokens<T>(data: T, chains: ReadonlyMap<string, EvaluatedChain>, file: string, path: DataPath = []): T {
  if (typeof data === 'string') {
    if (!data.includes('[[')) return data;
    return data.replace(TOKEN, (_, chainId: string, name: string) => {
      const result = resolveToken(chainId, name, chains);
      if (!result.ok) throw new Error(`${file}: front matter ${describePath(path) || '(root)'}: ${result.message} ${result.fix}`);
      return result.text;
    }) as T;
  }
  if (Array.isArray(data)) {
    let changed = false;
    const out = (data as unknown[]).map((item, index) => {
      const next = resolveDataTokens<unknown>(item, chains, file, [...path, index]);
      if (next !== item) changed = true;
      return next;
    });
    return (changed ? out : data) as T;
  }
  if (data && typeof data === 'object' && !(data instanceof Date)) {
    let changed = false;
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
      const next = resolveDataTokens<unknown>(value, chains, file, [...path, key]);
      if (next !== value) changed = true;
      out[key] = next;
    }
    return (changed ? out : data) as T;
  }
  return data;
}
