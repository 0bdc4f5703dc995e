/**
 * Which card comes next, and the figures per deck. Pure: the cards, the saved schedules and the
 * moment are passed in. Saved schedules for cards that no longer exist are simply never looked at
 * (they stay in storage, untouched).
 */
import { State } from 'ts-fsrs';
import type { Flashcard } from '../../lib/practice-data.ts';
import type { CardState } from '../study/schema.ts';
import { cardStatus, fromStored } from './schedule.ts';

export type Deck = Flashcard['deck'];
export type Saved = Record<string, CardState>;

export interface Counts {
  new: number;
  due: number;
  total: number;
}

/**
 * Anki's default: when nothing else is left, a card in its learning steps (rated Again a moment
 * ago) may be shown up to 20 minutes early rather than ending the session to wait for it.
 */
export const LEARN_AHEAD_MS = 20 * 60_000;

export const savedFor = (saved: Saved, id: string): CardState | undefined => (Object.hasOwn(saved, id) ? saved[id] : undefined);

/** New, due-now and total counts for each deck (in the order given) and for all decks. */
export function deckCounts(
  decks: readonly Deck[],
  cards: readonly Flashcard[],
  saved: Saved,
  now: Date,
): { decks: Map<Deck, Counts>; all: Counts } {
  const perDeck = new Map<Deck, Counts>(decks.map((deck) => [deck, { new: 0, due: 0, total: 0 }]));
  const all: Counts = { new: 0, due: 0, total: 0 };
  for (const card of cards) {
    const counts = perDeck.get(card.deck);
    const status = cardStatus(savedFor(saved, card.id), now);
    for (const target of counts ? [counts, all] : [all]) {
      target.total += 1;
      if (status === 'new') target.new += 1;
      if (status === 'due') target.due += 1;
    }
  }
  return { decks: perDeck, all };
}

export interface Scope {
  /** One deck, or every deck when absent. */
  deck?: Deck | undefined;
  /** Whether never-reviewed cards are offered (a deck session) or only due ones ("all due"). */
  includeNew: boolean;
}

/**
 * The next card to show: the most overdue due card first; then new cards in content order; then,
 * only if nothing else remains, a learning card due within LEARN_AHEAD_MS. Null when done.
 */
export function pickNext(cards: readonly Flashcard[], saved: Saved, now: Date, scope: Scope): Flashcard | null {
  let due: { card: Flashcard; at: number } | undefined;
  let fresh: Flashcard | undefined;
  let ahead: { card: Flashcard; at: number } | undefined;
  const horizon = now.getTime() + LEARN_AHEAD_MS;
  for (const card of cards) {
    if (scope.deck && card.deck !== scope.deck) continue;
    const stored = savedFor(saved, card.id);
    const schedule = stored && fromStored(stored);
    if (!schedule || schedule.state === State.New) {
      if (scope.includeNew && !fresh) fresh = card;
      continue;
    }
    const at = schedule.due.getTime();
    if (at <= now.getTime()) {
      if (!due || at < due.at) due = { card, at };
    } else if ((schedule.state === State.Learning || schedule.state === State.Relearning) && at <= horizon) {
      if (!ahead || at < ahead.at) ahead = { card, at };
    }
  }
  return due?.card ?? fresh ?? ahead?.card ?? null;
}

export interface Upcoming {
  /** Reviewed cards due by the end of today (local time), including any due now. */
  today: number;
  /** Reviewed cards due within the next seven days, including today's. */
  week: number;
  /** When the next card not yet due falls due, if any. */
  next: Date | null;
}

export function upcoming(cards: readonly Flashcard[], saved: Saved, now: Date): Upcoming {
  const endOfToday = new Date(now);
  endOfToday.setHours(24, 0, 0, 0);
  const weekEnd = now.getTime() + 7 * 24 * 60 * 60_000;
  const result: Upcoming = { today: 0, week: 0, next: null };
  for (const card of cards) {
    const stored = savedFor(saved, card.id);
    const schedule = stored && fromStored(stored);
    if (!schedule || schedule.state === State.New) continue;
    const at = schedule.due.getTime();
    if (at < endOfToday.getTime()) result.today += 1;
    if (at < weekEnd) result.week += 1;
    const later = at > now.getTime();
    if (later && (!result.next || at < result.next.getTime())) result.next = schedule.due;
  }
  return result;
}
