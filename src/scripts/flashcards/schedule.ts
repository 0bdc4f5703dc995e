/**
 * One card's schedule: ts-fsrs does the scheduling; this module only converts its Card (with Date
 * objects) to and from the CardState saved in study data (ISO strings), so the store, the export
 * file and a reload all see the same plain JSON.
 */
import { createEmptyCard, fsrs, Rating, State, type Card, type Grade } from 'ts-fsrs';
import type { CardState } from '../study/schema.ts';

/**
 * Default FSRS parameters: 90% target recall, learning steps of 1 and 10 minutes, and no fuzz,
 * so the intervals shown on the buttons are exactly the ones that get saved.
 */
const scheduler = fsrs();

export interface GradeChoice {
  grade: Grade;
  label: 'Again' | 'Hard' | 'Good' | 'Easy';
  /** The keyboard key that picks it. */
  key: '1' | '2' | '3' | '4';
}

export const GRADES: readonly GradeChoice[] = [
  { grade: Rating.Again, label: 'Again', key: '1' },
  { grade: Rating.Hard, label: 'Hard', key: '2' },
  { grade: Rating.Good, label: 'Good', key: '3' },
  { grade: Rating.Easy, label: 'Easy', key: '4' },
];

const validDate = (text: unknown): Date | undefined => {
  if (typeof text !== 'string') return undefined;
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? undefined : date;
};

const STATES: readonly number[] = [State.New, State.Learning, State.Review, State.Relearning];

/** A finite number (Number.isFinite is false for anything that is not a number). */
const finite = (value: unknown): value is number => Number.isFinite(value);

/** A ts-fsrs Card as saved: dates as ISO strings, no undefined fields (JSON would drop them anyway). */
export function toStored(card: Card): CardState {
  const stored: CardState = {
    due: card.due.toISOString(),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsed_days: card.elapsed_days,
    scheduled_days: card.scheduled_days,
    learning_steps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state,
  };
  if (card.last_review) stored.last_review = card.last_review.toISOString();
  return stored;
}

/**
 * The saved state back as a ts-fsrs Card, or null if it cannot be trusted (a hand-edited or
 * damaged record): the caller then treats the card as new instead of scheduling from nonsense.
 */
export function fromStored(stored: CardState): Card | null {
  if (!stored || typeof stored !== 'object') return null;
  const due = validDate(stored.due);
  const numbers = [stored.stability, stored.difficulty, stored.elapsed_days, stored.scheduled_days, stored.reps, stored.lapses];
  if (!due || !numbers.every(finite) || !STATES.includes(stored.state)) return null;
  const card: Card = {
    due,
    stability: stored.stability,
    difficulty: stored.difficulty,
    elapsed_days: stored.elapsed_days,
    scheduled_days: stored.scheduled_days,
    learning_steps: finite(stored.learning_steps) ? stored.learning_steps : 0,
    reps: stored.reps,
    lapses: stored.lapses,
    state: stored.state,
  };
  const lastReview = validDate(stored.last_review);
  if (lastReview) card.last_review = lastReview;
  return card;
}

/** The card to schedule from: the saved one, or a fresh card when none is saved (or it is unreadable). */
export function cardFrom(stored: CardState | undefined, now: Date): Card {
  return (stored && fromStored(stored)) ?? createEmptyCard(now);
}

/** The schedule after one rating, ready to save. */
export function rate(stored: CardState | undefined, grade: Grade, now: Date): CardState {
  return toStored(scheduler.next(cardFrom(stored, now), now, grade).card);
}

/** When the card would come back for each rating, to show on the buttons before choosing. */
export function previewDue(stored: CardState | undefined, now: Date): Map<Grade, Date> {
  const preview = scheduler.repeat(cardFrom(stored, now), now);
  return new Map(GRADES.map(({ grade }) => [grade, preview[grade].card.due]));
}

/** "new" (never reviewed), "due" (reviewed and due by now) or "later". Unreadable records count as new. */
export function cardStatus(stored: CardState | undefined, now: Date): 'new' | 'due' | 'later' {
  const card = stored && fromStored(stored);
  if (!card || card.state === State.New) return 'new';
  return card.due.getTime() <= now.getTime() ? 'due' : 'later';
}
