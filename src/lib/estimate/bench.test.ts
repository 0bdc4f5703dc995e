/**
 * `npm run bench`'s estimate timings on a small content folder: which pages and chains it counts
 * (drafts, hidden files and plain Markdown left out; a chain with errors skipped; a chain reusing
 * one above it on its page counted), and timings that are real durations.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { measureEstimates } from './bench.ts';

const CONTENT = path.join(path.dirname(fileURLToPath(import.meta.url)), '__fixtures__', 'bench-content');

describe('measureEstimates', () => {
  it('counts the pages with chains, the chains that evaluate and their rows', () => {
    const timings = measureEstimates(CONTENT, 2);
    // two-chains.mdx and broken.mdx hold chains; broken-chain fails, so two chains of two rows each.
    expect(timings).toMatchObject({ pages: 2, chains: 2, rows: 4 });
  });

  it('times one pass as the best of the runs, and the startup that loads the figures', () => {
    const timings = measureEstimates(CONTENT, 3);
    expect(Number.isFinite(timings.passMs)).toBe(true);
    expect(timings.passMs).toBeGreaterThanOrEqual(0);
    expect(timings.startupMs).toBeGreaterThan(0);
  });

  it('reports no pass time when asked for no runs', () => {
    expect(measureEstimates(CONTENT, 0).passMs).toBe(Number.POSITIVE_INFINITY);
  });
});
