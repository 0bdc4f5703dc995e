/**
 * Merging an import with this device's data: for every flashcard the most recently reviewed
 * schedule wins, whichever side holds it (both orders of review dates are tested), nothing either
 * side has is lost, and damaged entries on this device do not stop the merge.
 */
import { describe, expect, it } from 'vitest';
import { emptyStudyData, type CardState, type MockSession, type StudyData } from './schema.ts';
import { exportStudyData, mergeStudyData, readImport } from './transfer.ts';

const T1 = '2026-01-01T10:00:00.000Z';
const T2 = '2026-02-01T10:00:00.000Z';
const T3 = '2026-03-01T10:00:00.000Z';

function card(lastReview: string | undefined, reps: number): CardState {
  return {
    due: T3,
    stability: 3,
    difficulty: 5,
    elapsed_days: 1,
    scheduled_days: 3,
    reps,
    lapses: 0,
    state: 2,
    ...(lastReview ? { last_review: lastReview } : {}),
  };
}

const withCards = (cards: Record<string, CardState>): StudyData => ({ ...emptyStudyData(), cards });

describe('merging flashcard schedules', () => {
  it('takes the imported card when it was reviewed later', () => {
    const merged = mergeStudyData(withCards({ zuul: card(T1, 1) }), withCards({ zuul: card(T2, 2) }));
    expect(merged.cards).toEqual({ zuul: card(T2, 2) });
  });

  it('keeps this device’s card when it was reviewed later than the imported one', () => {
    const merged = mergeStudyData(withCards({ zuul: card(T2, 2) }), withCards({ zuul: card(T1, 1) }));
    expect(merged.cards).toEqual({ zuul: card(T2, 2) });
  });

  it('keeps this device’s card on the same review date', () => {
    const merged = mergeStudyData(withCards({ zuul: card(T2, 7) }), withCards({ zuul: card(T2, 1) }));
    expect(merged.cards.zuul?.reps).toBe(7);
  });

  it('prefers a reviewed card to one never reviewed, on either side', () => {
    expect(mergeStudyData(withCards({ a: card(undefined, 0) }), withCards({ a: card(T1, 1) })).cards.a?.reps).toBe(1);
    expect(mergeStudyData(withCards({ a: card(T1, 1) }), withCards({ a: card(undefined, 0) })).cards.a?.reps).toBe(1);
  });

  it('adds cards only one side has, and replaces a damaged card on this device', () => {
    const damaged = { broken: null as unknown as CardState, text: 'x' as unknown as CardState };
    const merged = mergeStudyData(
      withCards({ mine: card(T1, 1), ...damaged }),
      withCards({ theirs: card(T2, 2), broken: card(T1, 3), text: card(T1, 4) }),
    );
    expect(merged.cards).toEqual({ mine: card(T1, 1), theirs: card(T2, 2), broken: card(T1, 3), text: card(T1, 4) });
  });

  it('round-trips through an export file before merging', () => {
    const incoming = readImport(exportStudyData(withCards({ zuul: card(T3, 9) })));
    expect(mergeStudyData(withCards({ zuul: card(T2, 2) }), incoming).cards.zuul?.reps).toBe(9);
  });
});

describe('merging the rest', () => {
  const mock = (id: string, startedAt: string): MockSession => ({
    id,
    promptId: 'homepage-feed',
    format: 45,
    startedAt,
    endedAt: startedAt,
    covered: [],
    rubricSize: 6,
    rating: 2,
    notes: id,
    level: null,
    levelCovered: null,
  });
  const story = (title: string, updatedAt: string) => ({
    id: 's1',
    title,
    situation: '',
    decision: '',
    friction: '',
    outcome: '',
    learned: '',
    values: [],
    updatedAt,
  });

  it('keeps the later date of each studied page and ticked task, in both orders', () => {
    const a: StudyData = { ...emptyStudyData(), studied: { p: T1, q: T2 }, tasks: { t: T2 } };
    const b: StudyData = { ...emptyStudyData(), studied: { p: T2, q: T1, r: T1 }, tasks: { t: T1, u: T3 } };
    const expected = { studied: { p: T2, q: T2, r: T1 }, tasks: { t: T2, u: T3 } };
    for (const merged of [mergeStudyData(a, b), mergeStudyData(b, a)]) {
      expect({ studied: merged.studied, tasks: merged.tasks }).toEqual(expected);
    }
  });

  it('lists every mock round once, oldest first', () => {
    const merged = mergeStudyData(
      { ...emptyStudyData(), mocks: [mock('b', T2), mock('c', T3)] },
      { ...emptyStudyData(), mocks: [mock('a', T1), mock('b', T2)] },
    );
    expect(merged.mocks.map((m) => m.id)).toEqual(['a', 'b', 'c']);
  });

  it('keeps the later edit of a story, in both orders, and adds new stories', () => {
    const older = { ...emptyStudyData(), stories: [story('Older', T1)] };
    const newer = { ...emptyStudyData(), stories: [story('Newer', T2), { ...story('Other', T1), id: 's2' }] };
    expect(mergeStudyData(older, newer).stories.map((s) => s.title)).toEqual(['Newer', 'Other']);
    expect(mergeStudyData(newer, older).stories.map((s) => s.title)).toEqual(['Newer', 'Other']);
  });

  it('keeps this device’s round in progress, or takes the imported one when there is none', () => {
    const round = (promptId: string) => ({
      promptId,
      format: 45 as const,
      startedAt: 1,
      pausedAt: null,
      pausedTotal: 0,
      partner: false,
      level: null,
    });
    const mine = { ...emptyStudyData(), activeMock: round('mine') };
    const theirs = { ...emptyStudyData(), activeMock: round('theirs') };
    expect(mergeStudyData(mine, theirs).activeMock?.promptId).toBe('mine');
    expect(mergeStudyData(emptyStudyData(), theirs).activeMock?.promptId).toBe('theirs');
  });
});

describe('reading an export file', () => {
  it('drops the export time and refuses a file that is not an object', () => {
    const data = { ...emptyStudyData(), studied: { p: T1 } };
    expect(readImport(JSON.stringify({ ...data, exportedAt: T2 }))).toStrictEqual(data);
    for (const text of ['null', '[1]', '"text"', '7']) expect(() => readImport(text), text).toThrow('The data is not an object.');
  });

  it('refuses a file over the size limit before reading it', () => {
    expect(() => readImport(`${JSON.stringify(emptyStudyData())}${' '.repeat(2 * 1024 * 1024)}`)).toThrow(
      /^The file is 2\.0 MB; a study export is at most 2\.0 MB/,
    );
  });
});
