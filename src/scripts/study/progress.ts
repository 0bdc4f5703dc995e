/** Progress figures for the dashboard and the home page, from the manifest and saved data. */
import type { StudyData } from './schema.ts';

export interface ManifestPage {
  key: string;
  title: string;
  path: string;
}
export interface ManifestSection {
  label: string;
  pages: ManifestPage[];
}

export interface SectionProgress {
  label: string;
  studied: number;
  total: number;
}

export interface ProgressSummary {
  sections: SectionProgress[];
  studied: number;
  total: number;
  /** Whole percent, rounded down so 100 means everything. */
  percent: number;
  /** The first page not yet studied, in reading order. */
  next?: ManifestPage;
  /** Ticked checklist items per page key. */
  ticked: Record<string, number>;
}

export function summarizeProgress(manifest: readonly ManifestSection[], data: StudyData): ProgressSummary {
  const sections = manifest.map((section) => ({
    label: section.label,
    studied: section.pages.filter((page) => data.studied[page.key]).length,
    total: section.pages.length,
  }));
  const studied = sections.reduce((sum, s) => sum + s.studied, 0);
  const total = sections.reduce((sum, s) => sum + s.total, 0);
  const next = manifest.flatMap((s) => s.pages).find((page) => !data.studied[page.key]);
  const ticked: Record<string, number> = {};
  for (const key of Object.keys(data.tasks)) {
    const page = key.split('#')[0]!;
    ticked[page] = (ticked[page] ?? 0) + 1;
  }
  return { sections, studied, total, percent: total ? Math.floor((studied / total) * 100) : 0, next, ticked };
}
