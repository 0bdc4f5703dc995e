/**
 * The rules an imported file must pass before it touches saved data. Kept apart from the store
 * so that content pages (which only mark progress) do not load the validator.
 */
import * as z from 'zod/mini';
import { CURRENT_VERSION, SCHEMA_ID, type StudyData } from './schema.ts';
import { migrate, StudyDataError } from './migrate.ts';

const isoDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}T/, 'expected a date and time'));
const shortText = (max: number) => z.string().check(z.maxLength(max));
const format = z.union([z.literal(45), z.literal(60)]);

const cardState = z.object({
  due: isoDate,
  stability: z.number(),
  difficulty: z.number(),
  elapsed_days: z.number(),
  scheduled_days: z.number(),
  learning_steps: z.optional(z.number()),
  reps: z.number(),
  lapses: z.number(),
  state: z.number(),
  last_review: z.optional(isoDate),
});

const mockSession = z.object({
  id: shortText(64),
  promptId: shortText(120),
  format,
  startedAt: isoDate,
  endedAt: isoDate,
  covered: z.array(z.number()),
  rubricSize: z.number(),
  rating: z.number().check(z.minimum(1), z.maximum(4)),
  notes: shortText(20_000),
});

const activeMock = z.object({
  promptId: shortText(120),
  format,
  startedAt: z.number(),
  pausedAt: z.nullable(z.number()),
  pausedTotal: z.number(),
  partner: z.boolean(),
});

const story = z.object({
  id: shortText(64),
  title: shortText(200),
  situation: shortText(10_000),
  decision: shortText(10_000),
  friction: shortText(10_000),
  outcome: shortText(10_000),
  learned: shortText(10_000),
  values: z.array(shortText(120)),
  updatedAt: isoDate,
});

export const studyDataSchema = z.object({
  schema: z.literal(SCHEMA_ID),
  version: z.literal(CURRENT_VERSION),
  studied: z.record(z.string(), isoDate),
  tasks: z.record(z.string(), isoDate),
  cards: z.record(z.string(), cardState),
  mocks: z.array(mockSession),
  activeMock: z.nullable(activeMock),
  stories: z.array(story),
});

// The validator and the StudyData type must describe the same shape.
type Validated = z.infer<typeof studyDataSchema>;
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
