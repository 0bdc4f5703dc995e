/**
 * The grouped lists of the stack glossary (by layer) and the GOOD/BAD catalog (by round), shared
 * by each index page and the group pages it links to past its full-list limit
 * (src/lib/grouped-list.ts). The limits are chosen so today's content is listed in full on the
 * index (47 stack entries, 69 pairs) and the index stays about that size at ten times the content.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { previewGroups, type GroupPreview, type PreviewLimits } from '../../lib/grouped-list.ts';
import { ROUNDS, STACK_LAYERS, type Round, type StackLayer } from '../../schemas/vocabulary.ts';
import { byTitle } from '../../lib/navigation.ts';

/** The glossary lists every entry up to 60; past that, six per layer (eight layers: 48 entries). */
export const GLOSSARY_LIMITS: PreviewLimits = { fullListMax: 60, perGroup: 6 };
/** The catalog lists every pair up to 80; past that, eight per round. */
export const CATALOG_LIMITS: PreviewLimits = { fullListMax: 80, perGroup: 8 };

/** Stack entries by layer, in the vocabulary's layer order, each layer by title. */
export async function stackLayers(): Promise<GroupPreview<CollectionEntry<'stack'>>[]> {
  const stack = (await getCollection('stack')).sort((a, b) => byTitle(a.data.title, b.data.title));
  const groups = (Object.keys(STACK_LAYERS) as StackLayer[]).map((layer) => ({
    key: layer,
    label: STACK_LAYERS[layer],
    items: stack.filter((s) => s.data.layer === layer),
  }));
  return previewGroups(groups, GLOSSARY_LIMITS);
}

/** GOOD/BAD pairs by the round they are first filed under, in round order, each round by title. */
export async function mistakeRounds(): Promise<GroupPreview<CollectionEntry<'mistakes'>>[]> {
  const mistakes = (await getCollection('mistakes')).sort((a, b) => byTitle(a.data.title, b.data.title));
  const groups = (Object.keys(ROUNDS) as Round[]).map((round) => ({
    key: round,
    label: ROUNDS[round],
    items: mistakes.filter((m) => m.data.rounds[0] === round),
  }));
  return previewGroups(groups, CATALOG_LIMITS);
}

/** The address of a group's own page. */
export const layerPath = (layer: string) => `/stack/layers/${layer}/`;
export const roundPath = (round: string) => `/mistakes/rounds/${round}/`;
