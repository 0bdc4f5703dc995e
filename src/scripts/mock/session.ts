/**
 * Turning a finished round into the MockSession the history keeps, and the figures the history
 * shows. Rubric coverage is saved as indexes plus the rubric's size, so a session still reads
 * correctly after the prompt's rubric is edited.
 */
import type { ActiveMock, MockSession } from '../study/schema.ts';

export const RATINGS = [
  { value: 1, label: 'Weak', hint: 'would not pass' },
  { value: 2, label: 'Mixed', hint: 'leaning no' },
  { value: 3, label: 'Solid', hint: 'leaning yes' },
  { value: 4, label: 'Strong', hint: 'a clear yes' },
] as const;

export function ratingText(rating: number): string {
  const found = RATINGS.find((r) => r.value === rating);
  return found ? `${rating} of 4, ${found.label}` : `${rating} of 4`;
}

export interface SessionInput {
  id: string;
  active: ActiveMock;
  /** Epoch ms the round ended (see roundEndedAt). */
  endedAt: number;
  covered: readonly number[];
  rubricSize: number;
  rating: number;
  notes: string;
}

export function buildSession(input: SessionInput): MockSession {
  const covered = [...new Set(input.covered)].filter((i) => Number.isInteger(i) && i >= 0 && i < input.rubricSize).sort((a, b) => a - b);
  return {
    id: input.id,
    promptId: input.active.promptId,
    format: input.active.format,
    startedAt: new Date(input.active.startedAt).toISOString(),
    endedAt: new Date(input.endedAt).toISOString(),
    covered,
    rubricSize: input.rubricSize,
    rating: input.rating,
    notes: input.notes.trim(),
  };
}

/** Whole percent of the rubric covered (0 for an empty rubric). */
export function coveragePercent(session: Pick<MockSession, 'covered' | 'rubricSize'>): number {
  return session.rubricSize > 0 ? Math.round((session.covered.length / session.rubricSize) * 100) : 0;
}

export function coverageText(session: Pick<MockSession, 'covered' | 'rubricSize'>): string {
  return `${session.covered.length} of ${session.rubricSize}`;
}

/** Oldest first, the order a trend is read in. */
export function chronological(sessions: readonly MockSession[]): MockSession[] {
  return [...sessions].sort((a, b) => a.startedAt.localeCompare(b.startedAt));
}

/** A unique id; randomUUID needs a secure context, which a file opened locally may not be. */
export function newSessionId(): string {
  if (typeof crypto !== 'undefined' && 'randomUUID' in crypto) return crypto.randomUUID();
  return `mock-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}
