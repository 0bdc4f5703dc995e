/** The "Start a round" form: its options come from prompts.json, its answer is a round to start. */
import type { PracticePrompt } from '../../lib/practice-data.ts';
import { isPromptLevel, type PromptLevel } from '../../lib/levels.ts';
import type { MockFormat } from './phases.ts';
import { filterPrompts, parseFormat, pickRandom, promptFacets, themeLabel } from './prompts.ts';
import { fillSelect, need } from './dom.ts';

export interface RoundChoice {
  prompt: PracticePrompt;
  format: MockFormat;
  partner: boolean;
  /** The level the candidate practices at: the score shows that level's expectations. */
  level: PromptLevel;
}

/** The level most candidates for this round are hired at, chosen when nothing else is. */
export const DEFAULT_LEVEL: PromptLevel = 'L5';

/** A `level` form field or URL parameter: L4, L5 or L6, otherwise the default L5. */
export function parseLevel(raw: string | null | undefined): PromptLevel {
  return isPromptLevel(raw) ? raw : DEFAULT_LEVEL;
}

export function fillSetupForm(form: HTMLFormElement, prompts: readonly PracticePrompt[]): void {
  const facets = promptFacets(prompts);
  fillSelect(
    need<HTMLSelectElement>(form, '[data-prompt-select]'),
    prompts.map((p) => ({ value: p.id, label: `${p.title} (${p.difficulty})` })),
  );
  fillSelect(
    need<HTMLSelectElement>(form, '[data-difficulty-select]'),
    facets.difficulties.map((d) => ({ value: d, label: d })),
  );
  fillSelect(
    need<HTMLSelectElement>(form, '[data-theme-select]'),
    facets.themes.map((t) => ({ value: t, label: themeLabel(t) })),
  );
  // A prompt page links here with ?prompt=<id>: start with that prompt chosen.
  const wanted = new URLSearchParams(location.search).get('prompt');
  const select = need<HTMLSelectElement>(form, '[data-prompt-select]');
  if (wanted && prompts.some((p) => p.id === wanted)) select.value = wanted;
  need<HTMLButtonElement>(form, '[data-start]').disabled = false;
}

/** The round the form asks for, or an explanation of why there is none. */
export function readSetupForm(form: HTMLFormElement, prompts: readonly PracticePrompt[]): RoundChoice | string {
  const fields = new FormData(form);
  // Every field here is a select, radio or checkbox, so values are strings (never files).
  const text = (name: string) => {
    const value = fields.get(name);
    return typeof value === 'string' ? value : '';
  };
  const chosenId = text('prompt');
  const prompt = chosenId
    ? prompts.find((p) => p.id === chosenId)
    : pickRandom(filterPrompts(prompts, { difficulty: text('difficulty'), theme: text('theme') }));
  if (!prompt)
    return chosenId
      ? 'That prompt is no longer on the site; choose another.'
      : 'No prompt matches those filters. Choose "Any" for one of them.';
  return { prompt, format: parseFormat(text('format')), partner: fields.has('partner'), level: parseLevel(text('level')) };
}
