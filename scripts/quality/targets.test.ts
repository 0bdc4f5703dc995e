import { describe, expect, it } from 'vitest';
import { checkTargets, type BenchFigures } from './targets.ts';

const perfect = { performance: 100, accessibility: 100, bestPractices: 100, seo: 100 };
const figures: BenchFigures = {
  pages: 200,
  builds: [
    { label: 'cold', total: 8 },
    { label: 'warm', total: 20 },
  ],
  bytes: [{ type: 'Guide', total: 19 * 1024 }],
  search: { total: 90 * 1024 },
  lighthouse: [
    { type: 'Home', preset: 'mobile', ...perfect },
    { type: 'Home', preset: 'desktop', ...perfect, performance: 90 },
  ],
};

describe('checkTargets', () => {
  it('meets every target when the figures are within them (desktop scores do not count)', () => {
    expect(checkTargets(figures).map((t) => t.met)).toEqual([true, true, true, true]);
    expect(checkTargets(figures)[3]!.figure).toBe('25.0 pages/s');
  });

  it('names the page types below 100 on mobile, and each figure over its limit', () => {
    const results = checkTargets({
      ...figures,
      builds: [{ label: 'cold', total: 20 }],
      bytes: [{ type: 'Guide', total: 21 * 1024 }],
      search: { total: 101 * 1024 },
      lighthouse: [
        { type: 'Home', preset: 'mobile', ...perfect },
        { type: 'Study tool', preset: 'mobile', ...perfect, seo: 99 },
      ],
    });
    expect(results.map((t) => t.met)).toEqual([false, false, false, false]);
    expect(results[0]!.figure).toBe('below 100: Study tool');
    expect(results[2]!.figure).toBe('101.0 KB');
  });

  it('does not count a missing measurement as met', () => {
    const results = checkTargets({ pages: 0, builds: [], bytes: [], search: { total: 0 }, lighthouse: [] });
    expect(results[0]!.met).toBe(false);
    expect(results[1]!.met).toBe(false);
    expect(results[3]!.met).toBe(false);
  });
});
