/**
 * The small "rubric covered over time" chart: point positions and its text alternative. Each
 * point is labeled with its percentage in text, so the chart reads without color.
 */
import { chronological, coveragePercent } from './session.ts';
import type { MockSession } from '../study/schema.ts';

export interface TrendPoint {
  x: number;
  y: number;
  percent: number;
}

export interface ChartBox {
  width: number;
  height: number;
  /** Room around the plot for labels. */
  pad: number;
}

/** Only the latest rounds fit legibly in a phone-width chart; the table lists every round. */
export const TREND_LIMIT = 12;

export function trendSessions(sessions: readonly MockSession[]): MockSession[] {
  return chronological(sessions).slice(-TREND_LIMIT);
}

export function trendPoints(sessions: readonly MockSession[], box: ChartBox): TrendPoint[] {
  const shown = trendSessions(sessions);
  const plotWidth = box.width - 2 * box.pad;
  const plotHeight = box.height - 2 * box.pad;
  return shown.map((session, index) => {
    const percent = coveragePercent(session);
    // A single round sits in the middle rather than against the axis.
    const x = shown.length === 1 ? box.width / 2 : box.pad + (plotWidth * index) / (shown.length - 1);
    const y = box.pad + plotHeight * (1 - percent / 100);
    return { x: round1(x), y: round1(y), percent };
  });
}

export function trendDescription(sessions: readonly MockSession[]): string {
  const shown = trendSessions(sessions);
  if (shown.length === 0) return 'No rounds yet.';
  const values = shown.map(coveragePercent);
  const which =
    sessions.length > shown.length
      ? `your latest ${shown.length} rounds`
      : shown.length === 1
        ? 'your one round'
        : `your ${shown.length} rounds`;
  return `Rubric covered in ${which}, oldest first: ${values.map((v) => `${v}%`).join(', ')}.`;
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}
