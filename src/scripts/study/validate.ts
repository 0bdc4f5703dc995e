/**
 * The rules an imported file must pass before it touches saved data. They check what the tools
 * later rely on, not only the types: dates that are real and read back unchanged, numbers in
 * their ranges (a rubric item inside its rubric, a rating from 1 to 4, no negative counts),
 * lists and texts within the sizes the tools handle, and no field the site does not know (those
 * are dropped). Kept apart from the store so that content pages (which only mark progress) do
 * not load the validator.
 */
import * as z from 'zod/mini';
import { CURRENT_VERSION, SCHEMA_ID, type StudyData } from './schema.ts';
import { migrate, StudyDataError } from './migrate.ts';
import { PART_MAX, TITLE_MAX } from '../stories/story-bank.ts';
import { LEVEL_ASPECTS, PROMPT_LEVELS, type LevelAspect, type PromptLevel } from '../../lib/levels.ts';

/** The limits an import is held to. */
export const IMPORT_LIMITS = {
  /** The largest file accepted, in bytes: far above a real export, well below browser storage. */
  fileBytes: 2 * 1024 * 1024,
  /** Studied pages, ticked items and card schedules, each. */
  entries: 5_000,
  /** Characters in a page, item or card key. */
  keyLength: 300,
  mocks: 2_000,
  stories: 500,
  /** Values and concepts ticked on one story. */
  storyValues: 50,
  /** Items in a prompt's rubric. */
  rubricSize: 100,
  notes: 20_000,
} as const;

/** Dates the tools can have written: from 2000 up to 2200 (a card may be due a century ahead). */
const EARLIEST = Date.UTC(2000, 0, 1);
const LATEST = Date.UTC(2200, 0, 1);

/** A file over the size limit, in words; undefined when it is fine. */
export function importSizeProblem(bytes: number): string | undefined {
  if (bytes <= IMPORT_LIMITS.fileBytes) return undefined;
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
  return `The file is ${mb(bytes)}; a study export is at most ${mb(IMPORT_LIMITS.fileBytes)} (a real one is usually under 200 KB), so it is not one, or it is damaged.`;
}

/**
 * Whether a text is a date and time that parses and reads back unchanged: 2026-02-30T… or
 * 2026-99-99T… parse to another day or not at all, and are refused.
 */
export function isRealDateTime(text: string): boolean {
  const match = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?)Z$/.exec(text);
  if (!match) return false;
  const time = Date.parse(text);
  if (!Number.isFinite(time) || time < EARLIEST || time >= LATEST) return false;
  return new Date(time).toISOString().startsWith(match[1]!);
}

const DATE_MESSAGE = 'expected a real date and time such as 2026-01-20T10:00:00.000Z';

/** A real date and time (UTC), stored as the browser writes it. */
const isoDate = z.pipe(
  z.string(DATE_MESSAGE).check(z.refine(isRealDateTime, DATE_MESSAGE)),
  z.transform((text: string) => new Date(text).toISOString()),
);

const n = (value: number) => value.toLocaleString('en-US');

/** Text of `min` to `max` characters. */
const text = (max: number, min = 0) => {
  const message = min > 0 ? `expected text of ${n(min)} to ${n(max)} characters` : `expected text of at most ${n(max)} characters`;
  return z.string(message).check(z.minLength(min, message), z.maxLength(max, message));
};
/** A whole number from `min` to `max`. */
const whole = (min: number, max: number) => {
  const message = `expected a whole number from ${n(min)} to ${n(max)}`;
  return z.number(message).check(z.int(message), z.minimum(min, message), z.maximum(max, message));
};
const count = (max: number) => whole(0, max);
/** A number (fractions allowed) from 0 to `max`. */
const amount = (max: number) => {
  const message = `expected a number from 0 to ${n(max)}`;
  return z.number(message).check(z.minimum(0, message), z.maximum(max, message));
};
const format = z.union([z.literal(45), z.literal(60)], 'expected 45 or 60 (minutes)');
/** A mock round's level; missing reads as null, "not recorded", as for a round saved before levels. */
const level = z._default(
  z.nullable(
    z.enum(
      PROMPT_LEVELS.map((l) => l.id) as [PromptLevel, ...PromptLevel[]],
      `expected ${PROMPT_LEVELS.map((l) => l.id).join(', ')} or null (not recorded)`,
    ),
  ),
  null,
);
const levelAspect = z.enum(
  LEVEL_ASPECTS.map((a) => a.key) as [LevelAspect, ...LevelAspect[]],
  `expected one of ${LEVEL_ASPECTS.map((a) => a.key).join(', ')}`,
);
/** Epoch milliseconds within the dates the tools can have written. */
const epochMs = (() => {
  const message = 'expected a time in milliseconds since 1970, from the year 2000 to 2200';
  return z.number(message).check(z.int(message), z.minimum(EARLIEST, message), z.maximum(LATEST, message));
})();

/** Keys that would change an object's prototype if assigned. */
const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const key = text(IMPORT_LIMITS.keyLength, 1).check(z.refine((k) => !UNSAFE_KEYS.has(k), 'this name is not allowed as a key'));

/** A record of at most `max` entries. */
function record<V extends z.core.SomeType>(value: V, max: number) {
  return z
    .record(key, value, {
      error: (issue) => (issue.code === 'invalid_key' ? 'a key that is empty, longer than 300 characters or not allowed' : undefined),
    })
    .check(z.refine((entries) => Object.keys(entries).length <= max, `more than ${max.toLocaleString('en-US')} entries`));
}

function list<V extends z.core.SomeType>(item: V, max: number) {
  return z.array(item).check(z.maxLength(max, `more than ${max.toLocaleString('en-US')} entries`));
}

const cardState = z.object({
  due: isoDate,
  /** FSRS memory stability in days; FSRS caps intervals at 100 years. */
  stability: amount(1_000_000),
  /** FSRS difficulty runs from 1 to 10 (0 before the first review). */
  difficulty: amount(10),
  elapsed_days: amount(100_000),
  scheduled_days: amount(100_000),
  learning_steps: z.optional(count(100)),
  reps: count(1_000_000),
  lapses: count(1_000_000),
  /** New, learning, review or relearning. */
  state: count(3),
  last_review: z.optional(isoDate),
});

const mockSession = z
  .object({
    id: text(64, 1),
    promptId: text(120, 1),
    format,
    startedAt: isoDate,
    endedAt: isoDate,
    covered: list(count(IMPORT_LIMITS.rubricSize - 1), IMPORT_LIMITS.rubricSize),
    rubricSize: whole(1, IMPORT_LIMITS.rubricSize),
    rating: whole(1, 4),
    notes: text(IMPORT_LIMITS.notes),
    level,
    /** The level expectations ticked; null (or missing) when none were shown. */
    levelCovered: z._default(z.nullable(list(levelAspect, LEVEL_ASPECTS.length)), null),
  })
  .check(
    z.refine((s) => s.levelCovered === null || new Set(s.levelCovered).size === s.levelCovered.length, {
      message: 'a level expectation is listed twice',
      path: ['levelCovered'],
    }),
    z.refine((s) => s.level !== null || s.levelCovered === null, {
      message: 'level expectations are ticked but no level is recorded',
      path: ['levelCovered'],
    }),
    z.refine((s) => s.covered.every((item) => item < s.rubricSize), {
      message: 'a covered rubric item is not in the rubric (each must be below rubricSize)',
      path: ['covered'],
    }),
    z.refine((s) => new Set(s.covered).size === s.covered.length, { message: 'a rubric item is listed twice', path: ['covered'] }),
    z.refine((s) => s.startedAt <= s.endedAt, { message: 'the round ends before it starts', path: ['endedAt'] }),
  );

const activeMock = z
  .object({
    promptId: text(120, 1),
    format,
    startedAt: epochMs,
    pausedAt: z.nullable(epochMs),
    pausedTotal: count(LATEST - EARLIEST),
    partner: z.boolean(),
    level,
  })
  .check(z.refine((m) => m.pausedAt === null || m.pausedAt >= m.startedAt, { message: 'paused before it started', path: ['pausedAt'] }));

const story = z.object({
  id: text(64, 1),
  title: text(TITLE_MAX, 1),
  situation: text(PART_MAX),
  decision: text(PART_MAX),
  friction: text(PART_MAX),
  outcome: text(PART_MAX),
  learned: text(PART_MAX),
  values: list(text(120, 1), IMPORT_LIMITS.storyValues),
  updatedAt: isoDate,
});

/** The whole file. z.object drops keys it does not list, so unknown fields never reach storage. */
export const studyDataSchema = z.object({
  schema: z.literal(SCHEMA_ID),
  version: z.literal(CURRENT_VERSION),
  studied: record(isoDate, IMPORT_LIMITS.entries),
  tasks: record(isoDate, IMPORT_LIMITS.entries),
  cards: record(cardState, IMPORT_LIMITS.entries),
  mocks: list(mockSession, IMPORT_LIMITS.mocks),
  activeMock: z.nullable(activeMock),
  stories: list(story, IMPORT_LIMITS.stories),
});

// The validator and the StudyData type must describe the same shape.
type Validated = z.infer<typeof studyDataSchema>;
// Stryker disable next-line ArrayDeclaration,BooleanLiteral: a compile-time check; nothing reads the values
const _sameShape: [Validated extends StudyData ? true : false, StudyData extends Validated ? true : false] = [true, true];
void _sameShape;

function describePath(path: readonly PropertyKey[]): string {
  return path.length ? `"${path.map(String).join('.')}"` : 'the file';
}

/** Upgrades and fully validates untrusted data (an imported file). Throws StudyDataError. */
export function validateStudyData(raw: unknown): StudyData {
  const result = z.safeParse(studyDataSchema, migrate(raw));
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new StudyDataError(`The data is damaged: ${describePath(issue.path)} is not valid (${issue.message}).`);
  }
  return result.data;
}
