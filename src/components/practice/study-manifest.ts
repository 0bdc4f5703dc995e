/**
 * The pages a reader can mark as studied, in sidebar order and grouped by section, for the
 * progress dashboard and the home page summary (embedded in those pages as JSON).
 */
import { getCollection } from 'astro:content';
import { navEntries } from '../site/nav-data.ts';
import { buildNavigation } from '../../lib/navigation.ts';
import { withBase } from '../../lib/routes.ts';
import { siteBase } from '../../lib/base.ts';

import type { ManifestSection } from '../../scripts/study/progress.ts';

export async function studyManifest(): Promise<ManifestSection[]> {
  const [guides, prompts] = await Promise.all([getCollection('guides'), getCollection('prompts')]);
  const keyByPath = new Map<string, string>([
    ...guides.map((g) => [g.id === 'index' ? '/' : `/${g.id}/`, `guides/${g.id}`] as const),
    ...prompts.map((p) => [`/prompts/${p.id}/`, `prompts/${p.id}`] as const),
  ]);
  return buildNavigation(await navEntries(), '')
    .map((group) => ({
      label: group.label,
      pages: group.items
        .filter((item) => keyByPath.has(item.path))
        .map((item) => ({ key: keyByPath.get(item.path)!, title: item.label, path: withBase(siteBase(), item.path) })),
    }))
    .filter((section) => section.pages.length > 0);
}
