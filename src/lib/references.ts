/**
 * Who points at whom. Scans entry front matter and MDX bodies for references (front-matter id
 * lists, and component attributes such as <MistakePair id>) and answers "which pages use this
 * entry?", for backlinks and for the checker's "every pair is embedded somewhere" rule.
 */
import { MDX_COMPONENT_REFERENCES } from './mdx-components.ts';
import type { CollectionName } from '../schemas/index.ts';

export interface ScannedEntry {
  collection: CollectionName;
  id: string;
  title: string;
  /** Raw front matter values: ids appear as strings or { id } objects. */
  data: Record<string, unknown>;
  body?: string;
}

export interface Reference {
  collection: CollectionName;
  id: string;
  /** How the reference is made: "body" (a component in the text) or the front-matter field. */
  via: string;
}

/** Front-matter fields that hold ids, per collection, and the collection they point to. */
export const FRONT_MATTER_REFERENCES: Readonly<Record<CollectionName, Readonly<Record<string, CollectionName>>>> = {
  guides: { sources: 'sources', related: 'guides', prompts: 'prompts', stack: 'stack', mistakes: 'mistakes' },
  prompts: { reportedBy: 'sources', stack: 'stack', mistakes: 'mistakes', sources: 'sources', related: 'prompts' },
  mistakes: { sources: 'sources' },
  culture: { mistakes: 'mistakes', sources: 'sources', related: 'culture' },
  stack: { statusSource: 'sources', replacedBy: 'stack', sources: 'sources', related: 'stack' },
  sources: {},
  figures: { source: 'sources', replacedBy: 'figures' },
};

function idsOf(value: unknown): string[] {
  // Stryker disable next-line ConditionalExpression: [undefined] yields no ids either (undefined is neither a string nor an object).
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return list.flatMap((item) =>
    typeof item === 'string' ? [item] : item && typeof item === 'object' && 'id' in item ? [String((item as { id: unknown }).id)] : [],
  );
}

/** Component references in an MDX body: `<Name attr="id">` for each known referencing attribute. */
export function bodyReferences(
  body: string,
): { component: string; attribute: string; collection: CollectionName; id: string; index: number }[] {
  const found: { component: string; attribute: string; collection: CollectionName; id: string; index: number }[] = [];
  for (const match of body.matchAll(/<([A-Z][A-Za-z]*)\b([^>]*)>/g)) {
    const component = match[1]!;
    const attributes = MDX_COMPONENT_REFERENCES[component];
    if (!attributes) continue;
    for (const [attribute, collection] of Object.entries(attributes)) {
      const value = new RegExp(`\\b${attribute}="([^"]*)"`).exec(match[2]!)?.[1];
      if (value !== undefined) found.push({ component, attribute, collection, id: value, index: match.index });
    }
  }
  return found;
}

/** Every outgoing reference of one entry. */
export function outgoingReferences(entry: ScannedEntry): (Reference & { target: CollectionName })[] {
  const out: (Reference & { target: CollectionName })[] = [];
  for (const [field, target] of Object.entries(FRONT_MATTER_REFERENCES[entry.collection])) {
    for (const id of idsOf(entry.data[field])) out.push({ collection: target, id, via: field, target });
  }
  // Stryker disable next-line StringLiteral: any text without components yields no references, like the empty body.
  for (const ref of bodyReferences(entry.body ?? ''))
    out.push({ collection: ref.collection, id: ref.id, via: 'body', target: ref.collection });
  return out;
}

/** Reverse index: "collection/id" of a target -> the entries that reference it (each once). */
export function backlinkIndex(entries: readonly ScannedEntry[]): Map<string, ScannedEntry[]> {
  const index = new Map<string, ScannedEntry[]>();
  for (const entry of entries) {
    const seen = new Set<string>();
    for (const ref of outgoingReferences(entry)) {
      const key = `${ref.collection}/${ref.id}`;
      if (seen.has(key) || (ref.collection === entry.collection && ref.id === entry.id)) continue;
      seen.add(key);
      index.set(key, [...(index.get(key) ?? []), entry]);
    }
  }
  return index;
}
