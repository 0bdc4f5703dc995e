/**
 * Figures the estimate tests share: the shapes content/figures/ uses (a published mean with its
 * source and date, a published peak, an assumed factor), so each test file builds its figure map
 * from the same entries instead of restating them.
 */
import type { Figure } from '../index.ts';

export const HOURS_VIEWED = {
  id: 'hours-viewed',
  title: 'Hours viewed',
  value: 96e9,
  unit: 'stream hour',
  basis: 'mean',
  status: 'verified',
  source: 'letter',
  date: '2026-01-20',
} satisfies Figure;

export const LIVE_PEAK = {
  id: 'live-peak',
  title: 'Live peak',
  value: 65e6,
  unit: 'stream',
  basis: 'peak',
  status: 'verified',
  source: 'statement',
  date: '2024-11-15',
} satisfies Figure;

export const PEAK_FACTOR = { id: 'peak-factor', title: 'Evening peak factor', value: 2, unit: '', basis: 'factor', status: 'assumption' } satisfies Figure;

/** A figure map as the loader builds it: by id. */
export const figureMap = (...figures: Figure[]): Map<string, Figure> => new Map(figures.map((figure) => [figure.id, figure]));
