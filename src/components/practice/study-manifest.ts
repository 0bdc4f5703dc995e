/**
 * The pages a reader can mark as studied (every content page: guides, prompts, culture, stack
 * entries and mistakes), in sidebar order and grouped by section, for the progress dashboard and
 * the home page summary (embedded in those pages as JSON).
 */
import { getCollection } from 'astro:content';
import { navEntries } from '../site/nav-data.ts';
import { buildNavigation } from '../../lib/navigation.ts';
import { entryPath, withBase } from '../../lib/routes.ts';
import { siteBase } from '../../lib/base.ts';

import type { ManifestSection } from '../../scripts/study/progress.ts';

export async function studyManifest(): Promise<ManifestSection[]> {
  const base = siteBase();
  const sections = buildNavigation(await navEntries(), '').map((group) => ({
    label: group.label,
    pages: group.items.flatMap((item) => (item.key ? [{ key: item.key, title: item.label, path: withBase(base, item.path) }] : [])),
  }));
  // Mistakes have no sidebar entries of their own (the catalog lists them), but each has a page
  // a reader can mark as studied.
  const mistakes = (await getCollection('mistakes')).sort((a, b) => a.data.title.localeCompare(b.data.title));
  const mistakesSection = sections.find((s) => s.label === 'Mistakes');
  const mistakePages = mistakes.map((m) => ({
    key: `mistakes/${m.id}`,
    title: m.data.title,
    path: withBase(base, entryPath('mistakes', m.id)),
  }));
  if (mistakesSection) mistakesSection.pages.push(...mistakePages);
  else sections.push({ label: 'Mistakes', pages: mistakePages });
  return sections.filter((section) => section.pages.length > 0);
}
