/**
 * The self-score after a round: the prompt's rubric and the chosen level's expectations as
 * checkboxes, a 1–4 rating and notes.
 */
import type { PracticePrompt } from '../../lib/practice-data.ts';
import { LEVEL_ASPECTS, PROMPT_LEVELS, type LevelAspect, type PromptLevel } from '../../lib/levels.ts';
import { el } from './dom.ts';

export interface ScoreInput {
  covered: number[];
  /** The level expectations ticked; null when none were offered (see renderLevelChecks). */
  levelCovered: LevelAspect[] | null;
  /** Null when no rating was chosen. */
  rating: number | null;
  notes: string;
}

/** One level expectation to tick: the aspect, its label and what this prompt expects there. */
export interface LevelCheck {
  key: LevelAspect;
  label: string;
  text: string;
}

/**
 * What the candidate scores against at their level, in the round's order: the five aspects of the
 * prompt's expectations for that level. Undefined when there is nothing to score against (no level
 * recorded, or the prompt's level expectations are not written yet): the level part is then left
 * out, never replaced by a placeholder.
 */
export function levelChecks(prompt: Pick<PracticePrompt, 'levels'>, level: PromptLevel | null): LevelCheck[] | undefined {
  const expected = level ? prompt.levels?.[level] : undefined;
  if (!expected) return undefined;
  return LEVEL_ASPECTS.map((aspect) => ({ key: aspect.key, label: aspect.label, text: expected[aspect.key] }));
}

/** "L6 (Staff Software Engineer)". */
export function levelName(level: PromptLevel): string {
  return `${level} (${PROMPT_LEVELS.find((l) => l.id === level)!.title})`;
}

export function renderRubric(list: HTMLElement, rubric: readonly string[]): void {
  list.replaceChildren(
    ...rubric.map((item, index) => {
      const box = el('input');
      box.type = 'checkbox';
      box.name = 'covered';
      box.value = String(index);
      return el('li', '', el('label', 'mock-choice', box, item));
    }),
  );
}

/**
 * Fills the level fieldset with the chosen level's expectations as checkboxes, or hides it when
 * there are none (see levelChecks). Returns whether it is shown.
 */
export function renderLevelChecks(
  fieldset: HTMLFieldSetElement,
  prompt: Pick<PracticePrompt, 'levels'>,
  level: PromptLevel | null,
): boolean {
  const checks = levelChecks(prompt, level);
  fieldset.hidden = !checks;
  fieldset.disabled = !checks;
  const legend = fieldset.querySelector('legend');
  const list = fieldset.querySelector('ul');
  if (!legend || !list) throw new Error('Mock interview: the level fieldset needs a <legend> and a <ul>.');
  if (!checks || !level) {
    list.replaceChildren();
    return false;
  }
  legend.textContent = `What the interviewer needs to see at ${levelName(level)}: which did you show?`;
  list.replaceChildren(
    ...checks.map((check) => {
      const box = el('input');
      box.type = 'checkbox';
      box.name = 'level-covered';
      box.value = check.key;
      return el('li', '', el('label', 'mock-choice', box, el('span', '', el('strong', '', `${check.label}: `), check.text)));
    }),
  );
  return true;
}

export function readScore(form: HTMLFormElement): ScoreInput {
  const covered = [...form.querySelectorAll<HTMLInputElement>('input[name="covered"]:checked')].map((box) => Number(box.value));
  const levelSet = form.querySelector<HTMLFieldSetElement>('[data-level-checks]');
  const levelCovered =
    levelSet && !levelSet.hidden
      ? [...levelSet.querySelectorAll<HTMLInputElement>('input[name="level-covered"]:checked')]
          .map((box) => box.value)
          .filter((key): key is LevelAspect => LEVEL_ASPECTS.some((a) => a.key === key))
      : null;
  const chosen = form.querySelector<HTMLInputElement>('input[name="rating"]:checked');
  const notes = form.querySelector<HTMLTextAreaElement>('textarea[name="notes"]')?.value ?? '';
  return { covered, levelCovered, rating: chosen ? Number(chosen.value) : null, notes };
}
