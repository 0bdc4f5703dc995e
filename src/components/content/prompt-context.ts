/**
 * The front matter of the design prompt being rendered. MDX content may not contain expressions
 * (content is data, never code), so the components that show a prompt's front matter take no
 * props: the prompt page provides its entry's data here before rendering the MDX, and each
 * component reads the field it shows. A component used outside a prompt page fails loudly.
 */
import type { CollectionEntry } from 'astro:content';
import { failComponent } from './fail.ts';

export type PromptData = CollectionEntry<'prompts'>['data'];

const KEY = 'promptData';

/** Called by the prompt page (and its cheat sheet) before rendering the entry's content. */
export function providePromptData(locals: object, data: PromptData): void {
  (locals as Record<string, unknown>)[KEY] = data;
}

/** The current prompt's front matter, or a build error naming the component and the fix. */
export function usePromptData(locals: object, component: string): PromptData {
  const data = (locals as Record<string, unknown>)[KEY] as PromptData | undefined;
  if (!data) {
    failComponent(
      component,
      'it shows a design prompt\'s front matter, and this page is not a design prompt.',
      'Use it only in content/prompts/*.mdx, written with no props.',
    );
  }
  return data;
}
