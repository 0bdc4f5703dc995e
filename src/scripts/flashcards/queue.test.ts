import { describe, expect, it } from 'vitest';
import { Rating, State } from 'ts-fsrs';
import type { Flashcard } from '../../lib/practice-data.ts';
import { deckCounts, LEARN_AHEAD_MS, pickNext, upcoming, type Saved } from './queue.ts';
import { rate } from './schedule.ts';

// Local-time constructors, so "end of today" holds in any time zone the tests run in.
const now = new Date(2025, 0, 10, 9, 0);
const at = (hours: number) => new Date(now.getTime() + hours * 3_600_000);

const card = (deck: Flashcard['deck'], n: number): Flashcard => ({
  id: `${deck}:${n}`,
  deck,
  front: `front ${n}`,
  back: `back ${n}`,
  path: `/x/${n}/`,
});
const cards = [card('stack', 1), card('stack', 2), card('stack', 3), card('culture', 1), card('culture', 2)];

/** A card in the Review state that falls due at `due`. */
const dueAt = (due: Date) => ({ ...rate(undefined, Rating.Good, now), due: due.toISOString(), state: State.Review });

describe('deckCounts', () => {
  it('counts everything as new before any review', () => {
    const { decks, all } = deckCounts(['stack', 'culture', 'mistakes'], cards, {}, now);
    expect(decks.get('stack')).toEqual({ new: 3, due: 0, total: 3 });
    expect(decks.get('culture')).toEqual({ new: 2, due: 0, total: 2 });
    expect(decks.get('mistakes')).toEqual({ new: 0, due: 0, total: 0 });
    expect(all).toEqual({ new: 5, due: 0, total: 5 });
  });

  it('moves a rated card out of new, and into due once its time comes', () => {
    const saved: Saved = { 'stack:1': rate(undefined, Rating.Good, now), 'culture:1': dueAt(at(-1)) };
    const { decks, all } = deckCounts(['stack', 'culture'], cards, saved, now);
    expect(decks.get('stack')).toEqual({ new: 2, due: 0, total: 3 });
    expect(decks.get('culture')).toEqual({ new: 1, due: 1, total: 2 });
    expect(all).toEqual({ new: 3, due: 1, total: 5 });
    expect(deckCounts(['stack'], cards, saved, at(1)).decks.get('stack')).toEqual({ new: 2, due: 1, total: 3 });
  });

  it('ignores saved schedules of cards that no longer exist, without touching them', () => {
    const saved: Saved = { 'stack:gone': dueAt(at(-1)) };
    const before = JSON.stringify(saved);
    expect(deckCounts(['stack'], cards, saved, now).all).toEqual({ new: 5, due: 0, total: 5 });
    expect(JSON.stringify(saved)).toBe(before);
  });
});

describe('pickNext', () => {
  it('offers new cards of the chosen deck in content order', () => {
    expect(pickNext(cards, {}, now, { deck: 'culture', includeNew: true })?.id).toBe('culture:1');
    expect(pickNext(cards, { 'culture:1': rate(undefined, Rating.Good, now) }, now, { deck: 'culture', includeNew: true })?.id).toBe(
      'culture:2',
    );
  });

  it('shows due cards before new ones, the most overdue first', () => {
    const saved: Saved = { 'stack:2': dueAt(at(-1)), 'stack:3': dueAt(at(-5)) };
    expect(pickNext(cards, saved, now, { deck: 'stack', includeNew: true })?.id).toBe('stack:3');
  });

  it('for "all due" offers due cards from every deck and never new ones', () => {
    const saved: Saved = { 'culture:2': dueAt(at(-2)), 'stack:1': dueAt(at(24)) };
    expect(pickNext(cards, saved, now, { includeNew: false })?.id).toBe('culture:2');
    expect(pickNext(cards, {}, now, { includeNew: false })).toBeNull();
  });

  it('brings back a card in its learning steps early only when nothing else is left', () => {
    const again = rate(undefined, Rating.Again, now); // back in 1 minute
    const saved: Saved = { 'culture:1': again };
    expect(pickNext(cards, saved, now, { deck: 'culture', includeNew: true })?.id).toBe('culture:2');
    const allDone: Saved = { ...saved, 'culture:2': dueAt(at(48)) };
    expect(pickNext(cards, allDone, now, { deck: 'culture', includeNew: true })?.id).toBe('culture:1');
    // Reviewed cards days away are not pulled forward.
    expect(
      pickNext(cards, { 'culture:1': dueAt(at(48)), 'culture:2': dueAt(at(48)) }, now, { deck: 'culture', includeNew: true }),
    ).toBeNull();
    // Nor is a learning card beyond the learn-ahead window.
    const far = { ...again, due: new Date(now.getTime() + LEARN_AHEAD_MS + 60_000).toISOString() };
    expect(pickNext(cards, { 'culture:1': far, 'culture:2': dueAt(at(48)) }, now, { deck: 'culture', includeNew: true })).toBeNull();
  });
});

describe('upcoming', () => {
  it('counts reviews due by the end of today and within seven days, and the next one', () => {
    const saved: Saved = {
      'stack:1': dueAt(at(-3)), // overdue: counts today
      'stack:2': dueAt(new Date(2025, 0, 10, 23, 30)), // tonight
      'stack:3': dueAt(new Date(2025, 0, 11, 0, 30)), // just after midnight: this week, not today
      'culture:1': dueAt(at(24 * 8)), // beyond the week
      'gone:1': dueAt(at(1)), // no such card any more
    };
    const result = upcoming(cards, saved, now);
    expect(result).toEqual({ today: 2, week: 3, next: new Date(2025, 0, 10, 23, 30) });
  });

  it('is empty before any review', () => {
    expect(upcoming(cards, {}, now)).toEqual({ today: 0, week: 0, next: null });
  });
});
