import { describe, expect, it } from 'vitest';
import { buildSession, chronological, coveragePercent, coverageText, levelText, newSessionId, ratingText, RATINGS } from './session.ts';
import { TREND_LIMIT, trendDescription, trendPoints } from './trend.ts';
import type { MockSession } from '../study/schema.ts';

const START = Date.UTC(2026, 0, 5, 9, 0, 0);
const active = {
  promptId: 'playback-resume',
  format: 45 as const,
  startedAt: START,
  pausedAt: null,
  pausedTotal: 0,
  partner: false,
  level: 'L6' as const,
};

function session(day: number, covered: number, size = 8): MockSession {
  return {
    id: `s${day}`,
    promptId: 'p',
    format: 45,
    startedAt: new Date(Date.UTC(2026, 0, day)).toISOString(),
    endedAt: new Date(Date.UTC(2026, 0, day, 1)).toISOString(),
    covered: Array.from({ length: covered }, (_, i) => i),
    rubricSize: size,
    rating: 3,
    notes: '',
    level: null,
    levelCovered: null,
  };
}

describe('a saved session', () => {
  it('records the prompt, format, times, ticked items, rating and notes', () => {
    const saved = buildSession({
      id: 'x',
      active,
      endedAt: START + 45 * 60_000,
      covered: [3, 0, 3, 9, -1],
      rubricSize: 5,
      rating: 3,
      notes: '  Slow start. ',
      levelCovered: ['operations', 'scoping'],
    });
    expect(saved).toEqual({
      id: 'x',
      promptId: 'playback-resume',
      format: 45,
      startedAt: '2026-01-05T09:00:00.000Z',
      endedAt: '2026-01-05T09:45:00.000Z',
      covered: [0, 3],
      rubricSize: 5,
      rating: 3,
      notes: 'Slow start.',
      level: 'L6',
      levelCovered: ['scoping', 'operations'],
    });
  });

  const input = { id: 'x', active, endedAt: START + 60_000, covered: [], rubricSize: 5, rating: 2, notes: '' };

  it('records the level expectations covered in the round’s order, each once, and only real aspects', () => {
    const saved = buildSession({ ...input, levelCovered: ['separates', 'design', 'design', 'charm' as never, 'scoping'] });
    expect(saved.level).toBe('L6');
    expect(saved.levelCovered).toEqual(['scoping', 'design', 'separates']);
    expect(buildSession({ ...input, levelCovered: [] }).levelCovered).toEqual([]);
  });

  it('records the level alone when the prompt had no expectations to tick', () => {
    expect(buildSession({ ...input, levelCovered: null })).toMatchObject({ level: 'L6', levelCovered: null });
  });

  it('records no level, and no expectations, for a round started without one', () => {
    const saved = buildSession({ ...input, active: { ...active, level: null }, levelCovered: ['scoping'] });
    expect(saved).toMatchObject({ level: null, levelCovered: null });
    expect(buildSession({ ...input, active: { ...active, level: 'L9' as never }, levelCovered: [] }).level).toBeNull();
  });

  it('shows the level in the history, and says when it was not recorded', () => {
    expect(levelText({ level: 'L6', levelCovered: ['scoping', 'design', 'deepDive'] })).toBe('L6, 3 of 5 expectations');
    expect(levelText({ level: 'L4', levelCovered: [] })).toBe('L4, 0 of 5 expectations');
    expect(levelText({ level: 'L5', levelCovered: null })).toBe('L5');
    expect(levelText({ level: null, levelCovered: null })).toBe('Not recorded (saved before levels)');
    expect(levelText({})).toBe('Not recorded (saved before levels)');
    expect(levelText(null)).toBe('Not recorded (saved before levels)');
    // Damaged stored data: never more than five, never a made-up aspect.
    expect(levelText({ level: 'L5', levelCovered: ['scoping', 'scoping', 'x' as never, 'design'] })).toBe('L5, 2 of 5 expectations');
    expect(levelText({ level: 'L8' as never, levelCovered: ['scoping'] })).toBe('Not recorded (saved before levels)');
  });

  it('reads coverage as "n of m" and a whole percent', () => {
    expect(coverageText(session(1, 3))).toBe('3 of 8');
    expect(coveragePercent(session(1, 3))).toBe(38);
    expect(coveragePercent({ covered: [], rubricSize: 0 })).toBe(0);
  });

  it('labels ratings in words as well as numbers', () => {
    expect(RATINGS.map((r) => r.value)).toEqual([1, 2, 3, 4]);
    expect(ratingText(4)).toBe('4 of 4, Strong');
    expect(ratingText(1)).toBe('1 of 4, Weak');
  });

  it('gets a fresh id each time', () => {
    expect(newSessionId()).not.toBe(newSessionId());
  });
});

describe('the trend chart', () => {
  const box = { width: 300, height: 120, pad: 20 };

  it('plots rounds oldest first, left to right, 100% at the top', () => {
    const points = trendPoints([session(3, 8), session(1, 0), session(2, 4)], box);
    expect(points).toEqual([
      { x: 20, y: 100, percent: 0 },
      { x: 150, y: 60, percent: 50 },
      { x: 280, y: 20, percent: 100 },
    ]);
  });

  it('centers a single round', () => {
    expect(trendPoints([session(1, 2, 4)], box)).toEqual([{ x: 150, y: 60, percent: 50 }]);
  });

  it('shows the latest rounds only, and says so in its text alternative', () => {
    const many = Array.from({ length: TREND_LIMIT + 3 }, (_, i) => session(i + 1, i % 9));
    expect(trendPoints(many, box)).toHaveLength(TREND_LIMIT);
    expect(trendDescription(many)).toMatch(new RegExp(`^Rubric covered in your latest ${TREND_LIMIT} rounds, oldest first: `));
    expect(trendDescription([session(2, 4), session(1, 2)])).toBe('Rubric covered in your 2 rounds, oldest first: 25%, 50%.');
    expect(trendDescription([])).toBe('No rounds yet.');
    expect(chronological([session(2, 1), session(1, 1)]).map((s) => s.id)).toEqual(['s1', 's2']);
  });
});
