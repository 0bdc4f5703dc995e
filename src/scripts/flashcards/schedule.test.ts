import { describe, expect, it } from 'vitest';
import { createEmptyCard, Rating, State } from 'ts-fsrs';
import type { CardState } from '../study/schema.ts';
import { cardFrom, cardStatus, fromStored, GRADES, previewDue, rate, toStored } from './schedule.ts';

const now = new Date('2025-01-10T09:00:00.000Z');
const minutesLater = (m: number) => new Date(now.getTime() + m * 60_000).toISOString();

describe('card state to and from storage', () => {
  it('turns a new ts-fsrs card into plain JSON with ISO dates and no undefined fields', () => {
    const stored = toStored(createEmptyCard(now));
    expect(stored).toEqual({
      due: now.toISOString(),
      stability: 0,
      difficulty: 0,
      elapsed_days: 0,
      scheduled_days: 0,
      learning_steps: 0,
      reps: 0,
      lapses: 0,
      state: State.New,
    });
    expect('last_review' in stored).toBe(false);
    expect(JSON.parse(JSON.stringify(stored))).toEqual(stored);
  });

  it('round-trips a reviewed card through JSON without losing a millisecond', () => {
    const reviewed = rate(undefined, Rating.Good, now);
    const back = fromStored(JSON.parse(JSON.stringify(reviewed)) as CardState)!;
    expect(back.due).toBeInstanceOf(Date);
    expect(back.due.toISOString()).toBe(reviewed.due);
    expect(back.last_review?.toISOString()).toBe(now.toISOString());
    expect(toStored(back)).toEqual(reviewed);
  });

  it('rejects a record it cannot trust, so the card is treated as new', () => {
    const good = rate(undefined, Rating.Good, now);
    expect(fromStored({ ...good, due: 'tomorrow-ish' })).toBeNull();
    expect(fromStored({ ...good, state: 7 })).toBeNull();
    expect(fromStored({ ...good, stability: Number.NaN })).toBeNull();
    expect(cardFrom({ ...good, due: 'x' }, now).state).toBe(State.New);
    expect(cardStatus({ ...good, due: 'x' }, now)).toBe('new');
  });

  it('keeps a card whose optional fields are missing or damaged', () => {
    const { learning_steps: _steps, ...withoutSteps } = rate(undefined, Rating.Good, now);
    const card = fromStored({ ...withoutSteps, last_review: 'not a date' })!;
    expect(card.learning_steps).toBe(0);
    expect(card.last_review).toBeUndefined();
  });
});

describe('rating with ts-fsrs', () => {
  it('schedules a new card rated Good ten minutes ahead, in its learning steps', () => {
    const stored = rate(undefined, Rating.Good, now);
    expect(stored.due).toBe(minutesLater(10));
    expect(stored.state).toBe(State.Learning);
    expect(stored.reps).toBe(1);
    expect(stored.last_review).toBe(now.toISOString());
  });

  it('moves a learning card to review, days ahead, when rated Good again once due', () => {
    const first = rate(undefined, Rating.Good, now);
    const second = rate(first, Rating.Good, new Date(first.due));
    expect(second.state).toBe(State.Review);
    expect(second.scheduled_days).toBeGreaterThanOrEqual(1);
    expect(new Date(second.due).getTime() - new Date(first.due).getTime()).toBe(second.scheduled_days * 86_400_000);
  });

  it('previews the due moment of every rating, in order, matching what rating saves', () => {
    const preview = previewDue(undefined, now);
    expect([...preview.keys()]).toEqual(GRADES.map((g) => g.grade));
    const times = GRADES.map((g) => preview.get(g.grade)!.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
    for (const { grade } of GRADES) expect(preview.get(grade)!.toISOString()).toBe(rate(undefined, grade, now).due);
    expect(preview.get(Rating.Again)!.toISOString()).toBe(minutesLater(1));
  });
});

describe('card status', () => {
  it('is new without a record, later before its due moment and due from then on', () => {
    expect(cardStatus(undefined, now)).toBe('new');
    const stored = rate(undefined, Rating.Good, now);
    expect(cardStatus(stored, new Date(now.getTime() + 9 * 60_000))).toBe('later');
    expect(cardStatus(stored, new Date(stored.due))).toBe('due');
  });

  it('counts a saved card still in the New state as new', () => {
    expect(cardStatus(toStored(createEmptyCard(now)), now)).toBe('new');
  });
});
