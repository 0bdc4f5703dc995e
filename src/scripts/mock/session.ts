/**
 * Turning a finished round into the MockSession the history keeps, and the figures the history
 * shows. Rubric coverage is saved as indexes plus the rubric's size, so a session still reads
 * correctly after the prompt's rubric is edited.
 */
import type { ActiveMock, MockSession } from '../study/schema.ts';
import { isPromptLevel, LEVEL_ASPECTS, type LevelAspect } from '../../lib/levels.ts';

export const RATINGS = [
  { value: 1, label: 'Weak', hint: 'would not pass' },
  { value: 2, label: 'Mixed', hint: 'leaning no' },
  { value: 3, label: 'Solid', hint: 'leaning yes' },
  { value: 4, label: 'Strong', hint: 'a clear yes' },
] as const;

/** The rating in words; a stored value that is not a rating from 1 to 4 reads "not rated". */
export function ratingText(rating: unknown): string {
  const found = RATINGS.find((r) => r.value === rating);
  return found ? `${found.value} of 4, ${found.label}` : 'not rated';
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
  /**
   * The level expectations ticked, or null when none were shown (the prompt has no level
   * expectations yet, or the round has no level).
   */
  levelCovered: readonly LevelAspect[] | null;
}

export function buildSession(input: SessionInput): MockSession {
  const level = isPromptLevel(input.active.level) ? input.active.level : null;
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
    level,
    // Only aspects that exist, each once, in the round's order; none without a level to score against.
    levelCovered:
      level === null || input.levelCovered === null
        ? null
        : LEVEL_ASPECTS.map((a) => a.key).filter((key) => input.levelCovered!.includes(key)),
  };
}

/**
 * The level column of the history. A round saved before levels were recorded says so rather than
 * passing for L5; a round whose prompt had no level expectations yet shows its level alone.
 */
export function levelText(session: Partial<Pick<MockSession, 'level' | 'levelCovered'>> | null | undefined): string {
  const level = session?.level;
  if (!isPromptLevel(level)) return 'Not recorded (saved before levels)';
  // Stryker disable next-line OptionalChaining: session cannot be null here, as its level was just read as a real level.
  const ticked = Array.isArray(session?.levelCovered)
    ? new Set((session.levelCovered as unknown[]).filter((key) => LEVEL_ASPECTS.some((a) => a.key === key))).size
    : undefined;
  return ticked === undefined ? level : `${level}, ${ticked} of ${LEVEL_ASPECTS.length} expectations`;
}

/**
 * What a stored session really covers: its rubric size if it is a whole number from 1 up, and
 * the distinct covered items inside that rubric. Stored data may be damaged; this never throws
 * and never counts more items than the rubric has (no "10 of 1").
 */
export function coverage(session: Partial<Pick<MockSession, 'covered' | 'rubricSize'>> | null | undefined): {
  covered: number;
  rubricSize: number;
} {
  const size = session?.rubricSize;
  const rubricSize = typeof size === 'number' && Number.isInteger(size) && size > 0 ? size : 0;
  // Stryker disable next-line ArrayDeclaration: any non-number stand-in list counts 0 items, the same as an empty one.
  const items = Array.isArray(session?.covered) ? (session.covered as unknown[]) : [];
  const covered = new Set(items.filter((i): i is number => typeof i === 'number' && Number.isInteger(i) && i >= 0 && i < rubricSize)).size;
  return { covered, rubricSize };
}

/** Whole percent of the rubric covered, from 0 to 100 (0 for an empty or damaged rubric). */
export function coveragePercent(session: Partial<Pick<MockSession, 'covered' | 'rubricSize'>> | null | undefined): number {
  const { covered, rubricSize } = coverage(session);
  return rubricSize > 0 ? Math.round((covered / rubricSize) * 100) : 0;
}

export function coverageText(session: Partial<Pick<MockSession, 'covered' | 'rubricSize'>> | null | undefined): string {
  const { covered, rubricSize } = coverage(session);
  return rubricSize > 0 ? `${covered} of ${rubricSize}` : 'unknown';
}

/** Oldest first, the order a trend is read in. Entries without a usable start sort first, and nothing throws. */
export function chronological(sessions: readonly MockSession[]): MockSession[] {
  const start = (s: MockSession | null) => (typeof s?.startedAt === 'string' ? s.startedAt : '');
  return [...sessions].sort((a, b) => start(a).localeCompare(start(b)));
}

/** A unique id; randomUUID needs a secure context, which a file opened locally may not be. */
export function newSessionId(): string {
  if (typeof crypto !== 'undefined' && 'randomUUID' in crypto) return crypto.randomUUID();
  return `mock-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}
