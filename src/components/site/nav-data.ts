/** The content entries the sidebar is built from. */
import { getCollection } from 'astro:content';
import type { NavEntry } from '../../lib/navigation.ts';

export async function navEntries(): Promise<NavEntry[]> {
  const [guides, prompts, culture, stack] = await Promise.all([
    getCollection('guides'),
    getCollection('prompts'),
    getCollection('culture'),
    getCollection('stack'),
  ]);
  return [
    ...guides.map((e) => ({ collection: 'guides' as const, id: e.id, title: e.data.title, order: e.data.order })),
    ...prompts.map((e) => ({ collection: 'prompts' as const, id: e.id, title: e.data.title })),
    ...culture.map((e) => ({ collection: 'culture' as const, id: e.id, title: e.data.title, order: e.data.order })),
    ...stack.map((e) => ({ collection: 'stack' as const, id: e.id, title: e.data.title })),
  ];
}
