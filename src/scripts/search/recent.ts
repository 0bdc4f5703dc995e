/**
 * Recent searches, kept in localStorage on this device only: validated on every read (anything
 * that is not a short list of short strings is dropped), de-duplicated ignoring case, newest
 * first, capped at RECENT_LIMIT.
 */
import { RECENT_LIMIT, RECENT_STORAGE_KEY } from './config.ts';

/** The longest query kept; longer ones are pasted text, not searches worth offering again. */
export const RECENT_MAX_LENGTH = 80;

function clean(query: unknown): string | null {
  if (typeof query !== 'string') return null;
  const text = query.replace(/\s+/g, ' ').trim();
  return text.length >= 2 && text.length <= RECENT_MAX_LENGTH ? text : null;
}

/** The stored list, whatever is stored: malformed JSON or entries give an empty or shorter list. */
export function parseRecent(raw: string | null): string[] {
  if (!raw) return [];
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return [];
  }
  if (!Array.isArray(value)) return [];
  const seen = new Set<string>();
  const list: string[] = [];
  for (const entry of value) {
    const text = clean(entry);
    if (!text || seen.has(text.toLowerCase())) continue;
    seen.add(text.toLowerCase());
    list.push(text);
    if (list.length === RECENT_LIMIT) break;
  }
  return list;
}

/** The list with `query` first (moved there if already present), capped. */
export function addRecent(list: readonly string[], query: string): string[] {
  const text = clean(query);
  if (!text) return [...list];
  return [text, ...list.filter((entry) => entry.toLowerCase() !== text.toLowerCase())].slice(0, RECENT_LIMIT);
}

/** Reads the list; storage that throws (private browsing, blocked) reads as empty. */
export function loadRecent(storage: Pick<Storage, 'getItem'> | undefined): string[] {
  try {
    return parseRecent(storage?.getItem(RECENT_STORAGE_KEY) ?? null);
  } catch {
    return [];
  }
}

/** Records a search; returns the new list. Storage that throws keeps the list for this page only. */
export function saveRecent(storage: Pick<Storage, 'getItem' | 'setItem'> | undefined, query: string): string[] {
  const list = addRecent(loadRecent(storage), query);
  try {
    storage?.setItem(RECENT_STORAGE_KEY, JSON.stringify(list));
  } catch {
    // Full or blocked storage: nothing to do; search works without it.
  }
  return list;
}

/** Forgets every recent search. */
export function clearRecent(storage: Pick<Storage, 'removeItem'> | undefined): void {
  try {
    storage?.removeItem(RECENT_STORAGE_KEY);
  } catch {
    // As above.
  }
}
