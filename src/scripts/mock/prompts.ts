/**
 * Choosing a prompt (by id, or at random within filters) and the links between the mock page
 * and the partner view. Pure, so the choices are tested without a browser.
 */
import type { PracticePrompt } from '../../lib/practice-data.ts';
import type { MockFormat } from './phases.ts';

export interface PromptFilter {
  /** Empty means any. */
  difficulty: string;
  theme: string;
}

export function filterPrompts(prompts: readonly PracticePrompt[], filter: PromptFilter): PracticePrompt[] {
  return prompts.filter(
    (p) => (!filter.difficulty || p.difficulty === filter.difficulty) && (!filter.theme || p.themes.includes(filter.theme)),
  );
}

/** A random prompt from the list, or undefined when it is empty. `random` returns [0, 1). */
export function pickRandom(prompts: readonly PracticePrompt[], random: () => number = Math.random): PracticePrompt | undefined {
  if (prompts.length === 0) return undefined;
  return prompts[Math.min(prompts.length - 1, Math.floor(random() * prompts.length))];
}

/** The filter values on offer, in a stable order. */
export function promptFacets(prompts: readonly PracticePrompt[]): { difficulties: string[]; themes: string[] } {
  const order = ['easy', 'medium', 'hard', 'expert'];
  const difficulties = [...new Set(prompts.map((p) => p.difficulty))].sort((a, b) => rank(order, a) - rank(order, b) || a.localeCompare(b));
  const themes = [...new Set(prompts.flatMap((p) => p.themes))].sort();
  return { difficulties, themes };
}

function rank(order: readonly string[], value: string): number {
  const index = order.indexOf(value);
  return index === -1 ? order.length : index;
}

/** Theme ids are kebab-case ("device-sync"); people read "device sync". */
export function themeLabel(theme: string): string {
  return theme.replace(/-/g, ' ');
}

/** The `format` URL parameter: 60 when asked for, otherwise the usual 45. */
export function parseFormat(raw: string | null | undefined): MockFormat {
  return raw === '60' ? 60 : 45;
}

/** The absolute address of the partner view for a prompt, format and (when known) the candidate's level. */
export function partnerUrl(origin: string, base: string, promptId: string, format: MockFormat, level?: string | null): string {
  const url = new URL(`${base.endsWith('/') ? base : `${base}/`}practice/partner/`, origin);
  url.searchParams.set('prompt', promptId);
  url.searchParams.set('format', String(format));
  if (level) url.searchParams.set('level', level);
  return url.href;
}

/** The prompts file every study tool reads, under the site's base path. */
export async function loadPrompts(base: string): Promise<PracticePrompt[]> {
  const response = await fetch(`${base}practice/prompts.json`);
  if (!response.ok) throw new Error(`prompts.json: HTTP ${response.status}`);
  return (await response.json()) as PracticePrompt[];
}
