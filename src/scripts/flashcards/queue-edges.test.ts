/**
 * The review queue at its boundaries: a card due this very moment, ties between equally overdue
 * cards, learning and relearning cards just inside the learn-ahead window, cards saved in the New
 * state, and the "today", "this week" and "next review" counts at their exact edges.
 */
import { describe, expect, it } from 'vitest';
import { createEmptyCard, Rating, State } from 'ts-fsrs';
import type { Flashcard } from '../../lib/practice-data.ts';
import type { CardState } from '../study/schema.ts';
import { LEARN_AHEAD_MS, pickNext, upcoming, type Saved } from './queue.ts';
import { rate, toStored } from './schedule.ts';

// Local time, so "end of today" holds in any time zone the tests run in.
const now = new Date(2025, 0, 10, 9, 0);
const ms = (offset: number) => new Date(now.getTime() + offset);

const card = (n: number): Flashcard => ({ id: `stack:${n}`, deck: 'stack', front: `f${n}`, back: `b${n}`, path: `/x/${n}/` });
const cards = [card(1), card(2), card(3)];

/** A saved schedule in `state`, falling due `offset` ms from now. */
const inState = (state: State, offset: number): CardState => ({
  ...rate(undefined, Rating.Good, now),
  due: ms(offset).toISOString(),
  state,
});
const review = (offset: number) => inState(State.Review, offset);
const all = { includeNew: true };
const dueOnly = { includeNew: false };
const id = (picked: Flashcard | null) => picked?.id ?? null;

describe('pickNext at its boundaries', () => {
  it('counts a card due this very moment as due', () => {
    expect(id(pickNext(cards, { 'stack:2': review(0) }, now, dueOnly))).toBe('stack:2');
  });

  it('keeps content order between cards equally overdue, and takes the most overdue first', () => {
    expect(id(pickNext(cards, { 'stack:2': review(-60_000), 'stack:3': review(-60_000) }, now, dueOnly))).toBe('stack:2');
    expect(id(pickNext(cards, { 'stack:1': review(-1), 'stack:2': review(-60_000), 'stack:3': review(-5) }, now, dueOnly))).toBe('stack:2');
  });

  it('learns ahead a learning or relearning card due within the window, the soonest first, never a review card', () => {
    const edge = LEARN_AHEAD_MS;
    expect(id(pickNext(cards, { 'stack:1': inState(State.Learning, edge) }, now, dueOnly))).toBe('stack:1');
    expect(id(pickNext(cards, { 'stack:1': inState(State.Learning, edge + 1) }, now, dueOnly))).toBeNull();
    expect(id(pickNext(cards, { 'stack:3': inState(State.Relearning, 60_000) }, now, dueOnly))).toBe('stack:3');
    expect(id(pickNext(cards, { 'stack:1': review(60_000) }, now, dueOnly))).toBeNull();
    const two = { 'stack:1': inState(State.Learning, 120_000), 'stack:2': inState(State.Relearning, 60_000) };
    expect(id(pickNext(cards, two, now, dueOnly))).toBe('stack:2');
    const tie = { 'stack:1': inState(State.Learning, 60_000), 'stack:2': inState(State.Learning, 60_000) };
    expect(id(pickNext(cards, tie, now, dueOnly))).toBe('stack:1');
  });

  it('treats a card saved in the New state as new: offered only with new cards, never as due', () => {
    const fresh: Saved = { 'stack:1': toStored(createEmptyCard(ms(-60_000))) };
    expect(id(pickNext([card(1)], fresh, now, dueOnly))).toBeNull();
    expect(id(pickNext([card(1)], fresh, now, all))).toBe('stack:1');
  });
});

describe('upcoming at its boundaries', () => {
  const endOfToday = new Date(now);
  endOfToday.setHours(24, 0, 0, 0);
  const toEnd = endOfToday.getTime() - now.getTime();
  const week = 7 * 24 * 60 * 60_000;

  it('counts a card due just before midnight as today, and one due at midnight as tomorrow', () => {
    expect(upcoming(cards, { 'stack:1': review(toEnd - 1) }, now)).toMatchObject({ today: 1, week: 1 });
    expect(upcoming(cards, { 'stack:1': review(toEnd) }, now)).toMatchObject({ today: 0, week: 1 });
  });

  it('counts a card due just inside seven days in the week, and one due at seven days out of it', () => {
    expect(upcoming(cards, { 'stack:1': review(week - 1) }, now).week).toBe(1);
    expect(upcoming(cards, { 'stack:1': review(week) }, now).week).toBe(0);
  });

  it('names the soonest card not yet due as the next review, never one due now', () => {
    expect(upcoming(cards, { 'stack:1': review(0) }, now).next).toBeNull();
    const saved = { 'stack:1': review(3 * 60_000), 'stack:2': review(60_000), 'stack:3': review(2 * 60_000) };
    expect(upcoming(cards, saved, now).next).toEqual(ms(60_000));
  });

  it('leaves out cards saved in the New state', () => {
    expect(upcoming(cards, { 'stack:1': toStored(createEmptyCard(ms(60_000))) }, now)).toEqual({ today: 0, week: 0, next: null });
  });
});
