/**
 * What the evaluator needs of an entry in content/figures: its value with a unit, whether it is
 * a mean, a peak or a peak factor, and where it comes from. The collection's schema is in
 * src/schemas/index.ts; this is the plain shape, so the evaluator runs without Astro.
 */
import type { Basis } from './parse.ts';

export const FIGURE_STATUSES = ['verified', 'unverified', 'outdated', 'assumption'] as const;
export type FigureStatus = (typeof FIGURE_STATUSES)[number];

export interface Figure {
  id: string;
  title: string;
  value: number;
  /** A mathjs unit ("stream hour", "Mbps/stream"), or "" for a plain number. */
  unit: string;
  basis?: Basis;
  status: FigureStatus;
  /** Source id in content/sources (published figures). */
  source?: string;
  /** When the figure was published or is as of: YYYY, YYYY-MM or YYYY-MM-DD. */
  date?: string;
}

export type FigureTable = ReadonlyMap<string, Figure>;

/** A stable text for a figure table's content (whatever its order), for digests and result keys. */
export function figuresKey(figures: FigureTable): string {
  return JSON.stringify([...figures.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
