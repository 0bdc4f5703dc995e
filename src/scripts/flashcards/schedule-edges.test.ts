/**
 * Saved card schedules and intervals at their edges: a record that is not an object or whose due
 * date is not text is read as a new card, and an interval of exactly 31 days reads as a month.
 * Also the rounds history's text alternative past the chart's limit, and the study-data error's name.
 */
import { describe, expect, it } from 'vitest';
import { Rating } from 'ts-fsrs';
import type { CardState, MockSession } from '../study/schema.ts';
import { cardStatus, fromStored, rate } from './schedule.ts';
import { formatInterval } from './format.ts';
import { TREND_LIMIT, trendDescription } from '../mock/trend.ts';
import { StudyDataError } from '../study/migrate.ts';

const now = new Date('2026-03-01T10:00:00.000Z');
const good = rate(undefined, Rating.Good, now);
const DAY = 86_400_000;

describe('reading a saved schedule', () => {
  it('reads a missing or non-object record, or a due date that is not text, as a new card', () => {
    expect(fromStored(null as unknown as CardState)).toBeNull();
    expect(fromStored('x' as unknown as CardState)).toBeNull();
    expect(fromStored({ ...good, due: now.getTime() as unknown as string })).toBeNull();
    expect(cardStatus({ ...good, due: now.getTime() as unknown as string }, now)).toBe('new');
    expect(fromStored(good)).not.toBeNull();
  });
});

describe('intervals', () => {
  it('reads 30 days as days and 31 as a month', () => {
    expect(formatInterval(30 * DAY)).toBe('30 days');
    expect(formatInterval(31 * DAY)).toBe('1 month');
  });
});

describe('the rounds history at its edges', () => {
  const round = (i: number): MockSession =>
    ({ id: `m${i}`, startedAt: new Date(now.getTime() + i * DAY).toISOString(), covered: [0], rubricSize: 2 }) as MockSession;

  it('says when only the latest rounds are charted', () => {
    const rounds = Array.from({ length: TREND_LIMIT + 1 }, (_, i) => round(i));
    expect(trendDescription(rounds)).toMatch(new RegExp(`^Rubric covered in your latest ${TREND_LIMIT} rounds, oldest first: `));
    expect(trendDescription(rounds.slice(0, TREND_LIMIT))).toMatch(new RegExp(`^Rubric covered in your ${TREND_LIMIT} rounds, `));
  });
});

describe('study-data errors', () => {
  it('are named, so a caller can tell them from other failures', () => {
    expect(new StudyDataError('x').name).toBe('StudyDataError');
  });
});
