import { describe, expect, it } from 'vitest';
import { rankOf, relevanceReport } from './relevance.ts';

describe('relevanceReport', () => {
  it('computes top-1, top-3 and MRR', () => {
    const report = relevanceReport([
      { case: { query: 'a', first: '/a/' }, results: ['/a/', '/x/'] },
      { case: { query: 'b', first: '/b/' }, results: ['/x/', '/b/'] },
      { case: { query: 'c', first: '/c/' }, results: ['/x/', '/y/', '/z/', '/c/'] },
      { case: { query: 'd', first: '/d/' }, results: [] },
    ]);
    expect(report.cases).toBe(4);
    expect(report.top1).toBe(0.25);
    expect(report.top3).toBe(0.5);
    expect(report.mrr).toBeCloseTo((1 + 1 / 2 + 1 / 4) / 4);
    expect(report.failures).toEqual([
      '"c": /c/ must be in the top 3; got /x/, /y/, /z/.',
      '"d": /d/ must be in the top 3; got no results.',
    ]);
  });

  it('requires a named query to rank its page first, and every listed page in the top 3', () => {
    const report = relevanceReport([
      { case: { query: 'cdn', first: '/oc/', named: true }, results: ['/video/', '/oc/'] },
      { case: { query: 'counter', first: '/p/', alsoTop3: ['/s/'] }, results: ['/p/', '/x/', '/y/', '/s/'] },
    ]);
    expect(report.failures).toEqual([
      '"cdn": /oc/ must be first (it is #2); got /video/, /oc/.',
      '"counter": /s/ must be in the top 3; got /p/, /x/, /y/.',
    ]);
  });

  it('ranks from 1 and refuses an empty run', () => {
    expect(rankOf('/b/', ['/a/', '/b/'])).toBe(2);
    expect(rankOf('/c/', ['/a/'])).toBeNull();
    expect(() => relevanceReport([])).toThrow(/no results/);
  });
});
