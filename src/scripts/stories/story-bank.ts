/**
 * The story bank's logic, with no DOM: checking a story before it is saved, which values and
 * concepts each story covers (the matrix), and the Markdown export. The island in
 * stories-island.ts only moves data between these functions, the page and the study store.
 */
import type { Story } from '../study/schema.ts';

/** A culture memo entry as the story bank needs it. */
export interface CultureItem {
  id: string;
  title: string;
  kind: 'value' | 'concept';
}

/** The written parts of a story, in the order the method on /culture/story-bank/ tells them. */
export const STORY_PARTS = [
  { key: 'situation', label: 'Situation' },
  { key: 'decision', label: 'Decision' },
  { key: 'friction', label: 'Friction' },
  { key: 'outcome', label: 'Outcome' },
  { key: 'learned', label: 'What I learned' },
] as const satisfies readonly { key: keyof Story; label: string }[];

export type StoryPart = (typeof STORY_PARTS)[number]['key'];

/** What the form holds: a story without its id and date. */
export type StoryDraft = Pick<Story, 'title' | StoryPart | 'values'>;

/** Limits match the import validator (src/scripts/study/validate.ts), so a saved story always exports and imports. */
export const TITLE_MAX = 200;
export const PART_MAX = 10_000;

export type DraftErrors = Partial<Record<'title' | StoryPart, string>>;

/** Problems with a draft, by field; empty when it can be saved. Only the title is required. */
export function checkDraft(draft: StoryDraft): DraftErrors {
  const errors: DraftErrors = {};
  const title = draft.title.trim();
  if (!title) errors.title = 'Give the story a title, such as “Pushed back on a launch date”.';
  else if (title.length > TITLE_MAX) errors.title = `Keep the title under ${TITLE_MAX} characters (it has ${title.length}).`;
  for (const part of STORY_PARTS) {
    const length = draft[part.key].length;
    if (length > PART_MAX)
      errors[part.key] = `Keep this under ${PART_MAX.toLocaleString('en-US')} characters (it has ${length.toLocaleString('en-US')}).`;
  }
  return errors;
}

/** Trims the draft into a story to save. Keeps the id of the story being edited. */
export function storyFromDraft(draft: StoryDraft, id: string, now: Date): Story {
  return {
    id,
    title: draft.title.trim(),
    situation: draft.situation.trim(),
    decision: draft.decision.trim(),
    friction: draft.friction.trim(),
    outcome: draft.outcome.trim(),
    learned: draft.learned.trim(),
    values: [...new Set(draft.values)],
    updatedAt: now.toISOString(),
  };
}

export interface CoverageRow {
  item: CultureItem;
  /** Ids of the stories that show it, in story order. */
  storyIds: string[];
}

export interface Coverage {
  values: CoverageRow[];
  concepts: CoverageRow[];
  /** Values without a story yet: the gaps to fill before the loop. */
  uncoveredValues: CultureItem[];
  uncoveredConcepts: CultureItem[];
}

/** The stories × values matrix, one row per value or concept, in the order given. */
export function buildCoverage(stories: readonly Story[], items: readonly CultureItem[]): Coverage {
  const rows = items.map((item) => ({ item, storyIds: stories.filter((s) => s.values.includes(item.id)).map((s) => s.id) }));
  const values = rows.filter((r) => r.item.kind === 'value');
  const concepts = rows.filter((r) => r.item.kind === 'concept');
  return {
    values,
    concepts,
    uncoveredValues: values.filter((r) => r.storyIds.length === 0).map((r) => r.item),
    uncoveredConcepts: concepts.filter((r) => r.storyIds.length === 0).map((r) => r.item),
  };
}

/** The titles of the values and concepts a story shows, in culture order (unknown ids last, as written). */
export function storyValueTitles(story: Story, items: readonly CultureItem[]): string[] {
  const known = items.filter((item) => story.values.includes(item.id)).map((item) => item.title);
  const unknown = story.values.filter((id) => !items.some((item) => item.id === id));
  return [...known, ...unknown];
}

/** One line of text safe to use as a Markdown heading or list item. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function countWord(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/**
 * The whole bank as Markdown: a heading per story with its parts and the values it covers, then
 * the coverage of every value and concept. The story text is the reader's own, kept as written
 * (it may already be Markdown).
 */
export function storiesToMarkdown(stories: readonly Story[], items: readonly CultureItem[], exportedOn: Date): string {
  const lines: string[] = ['# My story bank', ''];
  const day = exportedOn.toISOString().slice(0, 10);
  lines.push(`Exported from the Netflix Loop Guide story bank on ${day}: ${countWord(stories.length, 'story', 'stories')}.`, '');
  for (const story of stories) {
    lines.push(`## ${oneLine(story.title)}`, '');
    const shows = storyValueTitles(story, items);
    lines.push(`**Values and concepts:** ${shows.length > 0 ? shows.join(', ') : 'none ticked yet'}`, '');
    for (const part of STORY_PARTS) {
      lines.push(`### ${part.label}`, '', story[part.key].trim() || '_Not written yet._', '');
    }
  }
  const coverage = buildCoverage(stories, items);
  const titleOf = new Map(stories.map((s) => [s.id, oneLine(s.title)]));
  const section = (heading: string, rows: CoverageRow[]) => {
    lines.push(`### ${heading}`, '');
    for (const row of rows) {
      const covered = row.storyIds.map((id) => titleOf.get(id)).join('; ');
      lines.push(`- ${row.item.title}: ${covered || '**No story yet**'}`);
    }
    lines.push('');
  };
  lines.push('## Coverage', '');
  const valueCount = coverage.values.length;
  lines.push(`${valueCount - coverage.uncoveredValues.length} of ${valueCount} values have at least one story.`, '');
  if (coverage.uncoveredValues.length > 0) {
    lines.push(`No story yet for: ${coverage.uncoveredValues.map((v) => v.title).join(', ')}.`, '');
  }
  section('Values', coverage.values);
  if (coverage.concepts.length > 0) section('Concepts', coverage.concepts);
  return `${lines.join('\n').trimEnd()}\n`;
}

/** The download's file name, dated so exports do not overwrite each other. */
export function markdownFileName(exportedOn: Date): string {
  return `story-bank-${exportedOn.toISOString().slice(0, 10)}.md`;
}
