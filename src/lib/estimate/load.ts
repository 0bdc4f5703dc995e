/**
 * Reads content/figures from disk for the build (the remark plugin runs outside Astro's content
 * layer, so it cannot call getCollection). The content check validates every file against the
 * collection schema; this only takes what the evaluator needs, and re-reads when a file changes
 * so the dev server picks up an edited figure.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { contentDir, entryIdFromPath } from '../content-paths.ts';
import type { Figure, FigureStatus, FigureTable } from './figures.ts';
import type { Basis } from './parse.ts';

let cache: { key: string; table: FigureTable } | undefined;

/** Turns one parsed figure entry (front matter shape) into what the evaluator uses. */
export function figureFromData(id: string, data: Record<string, unknown>): Figure {
  const value = data.value;
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new Error(`content/figures/${id}.yaml: "value" must be a number.`);
  // YAML gives a date as a Date, a year or month as a number or string; nothing else is a date.
  const date =
    data.date instanceof Date
      ? data.date.toISOString().slice(0, 10)
      : typeof data.date === 'string' || typeof data.date === 'number'
        ? String(data.date)
        : undefined;
  return {
    id,
    title: typeof data.title === 'string' ? data.title : id,
    value,
    unit: typeof data.unit === 'string' ? data.unit : '',
    basis: data.basis as Basis | undefined,
    status: (data.status ?? 'assumption') as FigureStatus,
    source: typeof data.source === 'string' ? data.source : undefined,
    date,
  };
}

/** Every figure in `<content>/figures`, by id. */
export function loadFigures(directory = path.join(contentDir(), 'figures')): FigureTable {
  let names: string[];
  try {
    names = readdirSync(directory).filter((name) => name.endsWith('.yaml') && !name.startsWith('_'));
  } catch {
    return new Map();
  }
  const key = `${directory}|${names.map((name) => `${name}:${statSync(path.join(directory, name)).mtimeMs}`).join(',')}`;
  if (cache?.key === key) return cache.table;
  const table = new Map<string, Figure>();
  for (const name of names) {
    const id = entryIdFromPath(name);
    table.set(id, figureFromData(id, parse(readFileSync(path.join(directory, name), 'utf8')) as Record<string, unknown>));
  }
  cache = { key, table };
  return table;
}
