/**
 * The performance targets the benchmark reports against, set from Starlight's own docs site
 * measured the same way on a 2-core machine. Times vary by machine, so these are reported by
 * `npm run bench`, never asserted in `npm test` (byte budgets are: see budgets.ts).
 */

export interface BenchFigures {
  pages: number;
  builds: { label: string; total: number }[];
  bytes: { type: string; total: number }[];
  search: { total: number };
  lighthouse: { type: string; preset: string; performance: number; accessibility: number; bestPractices: number; seo: number }[];
}

export interface TargetResult {
  target: string;
  figure: string;
  met: boolean;
}

const KB = 1024;
const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} KB`;

export function checkTargets(figures: BenchFigures): TargetResult[] {
  const mobile = figures.lighthouse.filter((row) => row.preset === 'mobile');
  const below = mobile.filter((row) => Math.min(row.performance, row.accessibility, row.bestPractices, row.seo) < 100);
  const guide = figures.bytes.find((row) => row.type === 'Guide');
  const cold = figures.builds.find((build) => build.label === 'cold');
  const pagesPerSecond = cold && cold.total > 0 ? figures.pages / cold.total : 0;
  return [
    {
      target: 'Lighthouse mobile: 100 in all four categories, every page type',
      figure: below.length === 0 ? `all ${mobile.length} page types at 100` : `below 100: ${below.map((row) => row.type).join(', ')}`,
      met: mobile.length > 0 && below.length === 0,
    },
    {
      target: 'Guide page first load ≤ 20 KB gzip (HTML, CSS, JS; no diagram SVG)',
      figure: guide ? kb(guide.total) : 'not measured',
      met: guide !== undefined && guide.total <= 20 * KB,
    },
    { target: 'First search fetches ≤ 100 KB', figure: kb(figures.search.total), met: figures.search.total <= 100 * KB },
    {
      target: 'Full build ≥ 20 pages/s (cold caches)',
      figure: cold ? `${pagesPerSecond.toFixed(1)} pages/s` : 'not measured',
      met: pagesPerSecond >= 20,
    },
  ];
}
