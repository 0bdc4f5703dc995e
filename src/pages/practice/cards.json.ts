/** Flashcard decks, generated from the content so new entries become new cards automatically. */
import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { cultureCard, factCard, mistakeCard, stackCard, type Flashcard } from '../../lib/practice-data.ts';
import { entryPath, withBase } from '../../lib/routes.ts';
import { siteBase } from '../../lib/base.ts';

export const GET: APIRoute = async () => {
  const base = siteBase();
  const [stack, culture, mistakes, guides] = await Promise.all([
    getCollection('stack'),
    getCollection('culture'),
    getCollection('mistakes'),
    getCollection('guides'),
  ]);
  const cards: Flashcard[] = [
    ...stack.map((e) => stackCard({ id: e.id, ...e.data }, withBase(base, entryPath('stack', e.id)))),
    ...culture.map((e) => cultureCard({ id: e.id, ...e.data }, withBase(base, entryPath('culture', e.id)))),
    ...mistakes.map((e) => mistakeCard({ id: e.id, ...e.data }, withBase(base, entryPath('mistakes', e.id)))),
    // Estimation cards say their numbers through [[chain.name]] tokens; the collection loader has
    // already replaced them with the guide's computed results (src/lib/estimate/loader.ts).
    ...guides.flatMap((g) => g.data.flashcards.map((card) => factCard(g.id, card, withBase(base, entryPath('guides', g.id))))),
  ];
  return new Response(JSON.stringify(cards), { headers: { 'content-type': 'application/json' } });
};
