import type { LevelAspect, PromptLevel } from '../../lib/levels.ts';

/**
 * What the study tools save on this device: one record, versioned. Every tool reads and writes
 * it through store.ts; export and import move it whole (validate.ts checks an import). Nothing
 * here is ever sent anywhere.
 */

/** Identifies our files, so a foreign JSON file is rejected by name rather than by accident. */
export const SCHEMA_ID = 'netflix-loop-guide.study-data';
/**
 * The current version. Bump it with a migration in migrate.ts when the shape changes.
 * Version 2 added the level a mock round was practiced at (and the level expectations covered).
 */
export const CURRENT_VERSION = 2;

/** A spaced-repetition card's schedule (a ts-fsrs Card, dates as ISO strings). */
export interface CardState {
  due: string;
  stability: number;
  difficulty: number;
  elapsed_days: number;
  scheduled_days: number;
  learning_steps?: number | undefined;
  reps: number;
  lapses: number;
  state: number;
  last_review?: string | undefined;
}

/** One finished mock round. */
export interface MockSession {
  id: string;
  promptId: string;
  format: 45 | 60;
  startedAt: string;
  endedAt: string;
  /** Rubric items the candidate ticked, by index into the prompt's rubric. */
  covered: number[];
  rubricSize: number;
  /** Self-rating of the round, 1 (weak) to 4 (strong). */
  rating: number;
  notes: string;
  /** The level the candidate practiced at; null for a round saved before levels were recorded. */
  level: PromptLevel | null;
  /**
   * The level expectations the candidate ticked, by aspect; null when none were shown (the round
   * has no level, or its prompt had no level expectations yet).
   */
  levelCovered: LevelAspect[] | null;
}

/** A mock round in progress (so an accidental reload does not lose it). */
export interface ActiveMock {
  promptId: string;
  format: 45 | 60;
  /** Epoch milliseconds when the round started. */
  startedAt: number;
  /** Epoch milliseconds when it was paused, or null while running. */
  pausedAt: number | null;
  /** Milliseconds spent paused before the current pause. */
  pausedTotal: number;
  /** Whether a partner plays the interviewer (curveballs stay with them). */
  partner: boolean;
  /** The level chosen at the start; null for a round started before levels were recorded. */
  level: PromptLevel | null;
}

/** A behavioral story in the story bank. */
export interface Story {
  id: string;
  title: string;
  situation: string;
  decision: string;
  friction: string;
  outcome: string;
  learned: string;
  /** Culture entry ids the story shows. */
  values: string[];
  updatedAt: string;
}

export interface StudyData {
  schema: typeof SCHEMA_ID;
  version: typeof CURRENT_VERSION;
  /** Pages marked studied: page key ("prompts/playback-resume") -> when. */
  studied: Record<string, string>;
  /** Ticked checklist items: "page key#checklist/task" -> when. */
  tasks: Record<string, string>;
  /** Flashcard schedules by card id. */
  cards: Record<string, CardState>;
  mocks: MockSession[];
  activeMock: ActiveMock | null;
  stories: Story[];
}

export function emptyStudyData(): StudyData {
  return { schema: SCHEMA_ID, version: CURRENT_VERSION, studied: {}, tasks: {}, cards: {}, mocks: [], activeMock: null, stories: [] };
}
