/**
 * Saved rounds at their edges: a covered item just past the rubric, damaged rubric sizes and
 * covered lists, a level without its ticks, entries with no start, and a session id where the
 * browser has no randomUUID (a page opened from a file).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { MockSession } from '../study/schema.ts';
import { buildSession, chronological, coverage, levelText, newSessionId } from './session.ts';

const active = { promptId: 'p', format: 45 as const, startedAt: 0, pausedAt: null, pausedTotal: 0, partner: false, level: 'L5' as const };

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('buildSession', () => {
  it('keeps only covered items inside the rubric', () => {
    const session = buildSession({
      id: 'x',
      active,
      endedAt: 1,
      covered: [3, 2, 0, 2],
      rubricSize: 3,
      rating: 2,
      notes: '',
      levelCovered: null,
    });
    expect(session.covered).toEqual([0, 2]);
  });
});

describe('coverage of a saved round', () => {
  it('reads a rubric size only when it is a whole number above zero', () => {
    expect(coverage({ rubricSize: 3, covered: [0] })).toEqual({ covered: 1, rubricSize: 3 });
    expect(coverage({ rubricSize: 2.5, covered: [0] })).toEqual({ covered: 0, rubricSize: 0 });
    expect(coverage({ rubricSize: '3' as unknown as number, covered: [0] })).toEqual({ covered: 0, rubricSize: 0 });
    expect(coverage({ rubricSize: 0, covered: [0] })).toEqual({ covered: 0, rubricSize: 0 });
    expect(coverage({ rubricSize: -2, covered: [0] })).toEqual({ covered: 0, rubricSize: 0 });
  });

  it('counts only whole-number items, each once', () => {
    expect(coverage({ rubricSize: 3, covered: [1.5, 0, 0, '1' as unknown as number, -1, 3] })).toEqual({ covered: 1, rubricSize: 3 });
    expect(coverage({ rubricSize: 3, covered: '012' as unknown as number[] })).toEqual({ covered: 0, rubricSize: 3 });
    expect(coverage(null)).toEqual({ covered: 0, rubricSize: 0 });
  });
});

describe('the level column', () => {
  it('shows the level alone when no ticks were recorded', () => {
    expect(levelText({ level: 'L6', levelCovered: null })).toBe('L6');
    expect(levelText({ level: 'L6' })).toBe('L6');
    expect(levelText({ level: 'L6', levelCovered: ['design', 'design', 'nope'] as never })).toBe('L6, 1 of 5 expectations');
  });
});

describe('chronological', () => {
  it('sorts damaged entries first without throwing', () => {
    const round = (id: string, startedAt: string) => ({ id, startedAt }) as MockSession;
    const sorted = chronological([
      round('b', '2026-02-01T00:00:00.000Z'),
      null as unknown as MockSession,
      round('a', '2026-01-01T00:00:00.000Z'),
    ]);
    expect(sorted.map((s) => s?.id ?? null)).toEqual([null, 'a', 'b']);
  });
});

describe('newSessionId', () => {
  it('uses the browser’s random UUID when there is one', () => {
    vi.stubGlobal('crypto', { randomUUID: () => 'uuid-1' });
    expect(newSessionId()).toBe('uuid-1');
  });

  it('makes its own id where the browser has no randomUUID, or no crypto at all', () => {
    vi.stubGlobal('crypto', {});
    const own = newSessionId();
    expect(own).toMatch(/^mock-[0-9a-z]+-[0-9a-z]{1,8}$/);
    vi.stubGlobal('crypto', undefined);
    const other = newSessionId();
    expect(other).toMatch(/^mock-[0-9a-z]+-[0-9a-z]{1,8}$/);
    expect(other).not.toBe(own);
  });
});
