/**
 * Netflix's engineering levels as a design-round prompt's expectations use them, and the aspects
 * each level is described by. Shared by the prompt page, the mock round's rubric, the partner view
 * and the cheat sheet, so they always show the same words in the same order.
 */

/** The levels a prompt describes in full; L7 is a paragraph on where a principal round differs. */
export const PROMPT_LEVELS = [
  { id: 'L4', title: 'Software Engineer II' },
  { id: 'L5', title: 'Senior Software Engineer' },
  { id: 'L6', title: 'Staff Software Engineer' },
] as const;

export type PromptLevel = (typeof PROMPT_LEVELS)[number]['id'];

/** The aspects of one level's expectations, in the order of the round. */
export const LEVEL_ASPECTS = [
  { key: 'scoping', label: 'Scoping' },
  { key: 'design', label: 'High-level design' },
  { key: 'deepDive', label: 'Deep dive' },
  { key: 'operations', label: 'Operations' },
  { key: 'separates', label: 'What separates it from the level below' },
] as const;

export type LevelAspect = (typeof LEVEL_ASPECTS)[number]['key'];

/** Whether a value is one of the prompt levels (for reading a saved or chosen level). */
export function isPromptLevel(value: unknown): value is PromptLevel {
  return PROMPT_LEVELS.some((level) => level.id === value);
}
