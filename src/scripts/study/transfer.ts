/**
 * Export to a file and import from one: the file is the whole record as JSON. An import is
 * size-checked, parsed, upgraded and validated before anything changes; the reader then sees what
 * it holds and chooses to merge it with this device's data or replace it.
 */
import type { StudyData } from './schema.ts';
import { StudyDataError } from './migrate.ts';
import { importSizeProblem, validateStudyData } from './validate.ts';

export interface StudyCounts {
  studied: number;
  tasks: number;
  cards: number;
  mocks: number;
  stories: number;
}

export function countStudyData(data: StudyData): StudyCounts {
  return {
    studied: Object.keys(data.studied).length,
    tasks: Object.keys(data.tasks).length,
    cards: Object.keys(data.cards).length,
    mocks: data.mocks.length,
    stories: data.stories.length,
  };
}

export function exportStudyData(data: StudyData, now = new Date()): string {
  return `${JSON.stringify({ ...data, exportedAt: now.toISOString() }, null, 2)}\n`;
}

/** Reads an exported file's text. Throws StudyDataError with a reason a reader understands. */
export function readImport(text: string): StudyData {
  const tooLarge = importSizeProblem(new TextEncoder().encode(text).byteLength);
  if (tooLarge) throw new StudyDataError(tooLarge);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new StudyDataError('The file is not valid JSON, so it is not a study export (or it is damaged).');
  }
  // Stryker disable next-line StringLiteral,BlockStatement: validation drops unknown keys such as exportedAt anyway; removing it first keeps that explicit.
  if (raw && typeof raw === 'object' && !Array.isArray(raw)) {
    const { exportedAt: _exportedAt, ...rest } = raw as Record<string, unknown>;
    raw = rest;
  }
  return validateStudyData(raw);
}

const later = (a: string, b: string) => (a >= b ? a : b);

function mergeDated(current: Record<string, string>, incoming: Record<string, string>): Record<string, string> {
  const merged = { ...current };
  for (const [key, date] of Object.entries(incoming)) merged[key] = merged[key] ? later(merged[key], date) : date;
  return merged;
}

/**
 * Both devices' data together: every studied page and ticked task (latest date), each card's
 * most recently reviewed schedule, every mock session, and each story's latest edit.
 */
export function mergeStudyData(current: StudyData, incoming: StudyData): StudyData {
  // The incoming file is validated; this device's data may hold damaged entries, which are kept
  // as they are rather than allowed to stop the merge.
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  const cards = { ...current.cards };
  for (const [id, card] of Object.entries(incoming.cards)) {
    const mine = cards[id] as Partial<typeof card> | null | undefined;
    if (!mine || typeof mine !== 'object' || text(card.last_review) > text(mine.last_review)) cards[id] = card;
  }
  const mocks = [...current.mocks];
  for (const session of incoming.mocks) if (!mocks.some((m) => (m as Partial<typeof m> | null)?.id === session.id)) mocks.push(session);
  mocks.sort((a, b) => text((a as Partial<typeof a> | null)?.startedAt).localeCompare(text((b as Partial<typeof b> | null)?.startedAt)));
  const stories = [...current.stories];
  for (const story of incoming.stories) {
    const index = stories.findIndex((s) => (s as Partial<typeof s> | null)?.id === story.id);
    if (index === -1) stories.push(story);
    else if (story.updatedAt > text(stories[index]!.updatedAt)) stories[index] = story;
  }
  return {
    ...current,
    studied: mergeDated(current.studied, incoming.studied),
    tasks: mergeDated(current.tasks, incoming.tasks),
    cards,
    mocks,
    stories,
    activeMock: current.activeMock ?? incoming.activeMock,
  };
}
