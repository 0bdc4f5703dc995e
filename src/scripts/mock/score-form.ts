/** The self-score after a round: the prompt's rubric as checkboxes, a 1–4 rating and notes. */
import { el } from './dom.ts';

export interface ScoreInput {
  covered: number[];
  /** Null when no rating was chosen. */
  rating: number | null;
  notes: string;
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

export function readScore(form: HTMLFormElement): ScoreInput {
  const covered = [...form.querySelectorAll<HTMLInputElement>('input[name="covered"]:checked')].map((box) => Number(box.value));
  const chosen = form.querySelector<HTMLInputElement>('input[name="rating"]:checked');
  const notes = form.querySelector<HTMLTextAreaElement>('textarea[name="notes"]')?.value ?? '';
  return { covered, rating: chosen ? Number(chosen.value) : null, notes };
}
