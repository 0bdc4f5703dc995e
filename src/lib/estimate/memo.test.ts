/**
 * The per-build memo of chain results: the loader's evaluation is reused by the remark plugin,
 * the content check's is reused from the build script's compiles (another table of the same
 * figures), and nothing is reused when the figures, the text or an earlier chain differ.
 */
import { describe, expect, it } from 'vitest';
import { runChain, type Figure, type FigureTable } from './index.ts';
import { findEstimateBlocks } from './blocks.ts';
import { resolveEntry } from './loader.ts';
import { MAX_STORED, memoStats, runChainOnce } from './memo.ts';

/** Results are keyed by the figures' content: each table gets a title of its own unless one is given, so tests do not share results. */
let tables = 0;
const figuresWith = (hours: number, title = `Hours viewed ${(tables += 1)}`): FigureTable =>
  new Map<string, Figure>([
    ['hours-viewed', { id: 'hours-viewed', title, value: hours, unit: 'stream hour', basis: 'mean', status: 'assumption' }],
  ]);

const FIRST = [
  'id: first',
  'title: Streams',
  'figure viewing = hours-viewed',
  'assume halfYear = 184 day',
  '  label: Days in the half-year',
  '  why: July 1 to December 31.',
  'meanStreams = viewing / halfYear -> stream',
  '  label: Average concurrent streams',
].join('\n');

const SECOND = [
  'id: second',
  'title: Twice the streams',
  'use meanStreams from first',
  'doubled = meanStreams * 2 -> stream',
  '  label: Twice the average',
].join('\n');

const counted = <T>(work: () => T) => {
  const before = { ...memoStats };
  const value = work();
  return { value, evaluated: memoStats.evaluated - before.evaluated, reused: memoStats.reused - before.reused };
};

describe('runChainOnce', () => {
  it('evaluates a chain once and hands the same result to the second reader', () => {
    const figures = figuresWith(96e9);
    const first = counted(() => runChainOnce(FIRST, figures));
    const again = counted(() => runChainOnce(FIRST, figures));
    expect(first).toMatchObject({ evaluated: 1, reused: 0 });
    expect(again).toMatchObject({ evaluated: 0, reused: 1 });
    expect(again.value).toBe(first.value);
    expect(first.value.chain!.rows.find((r) => r.name === 'meanStreams')!.spoken).toBe('about 22 million streams');
  });

  it('evaluates again with another figure table, and gets that table’s numbers', () => {
    runChainOnce(FIRST, figuresWith(96e9));
    const other = counted(() => runChainOnce(FIRST, figuresWith(48e9)));
    expect(other.evaluated).toBe(1);
    expect(other.value.chain!.rows.find((r) => r.name === 'meanStreams')!.spoken).toBe('about 11 million streams');
  });

  it('evaluates again when the text differs', () => {
    const figures = figuresWith(96e9);
    runChainOnce(FIRST, figures);
    expect(counted(() => runChainOnce(FIRST.replace('184 day', '183 day'), figures)).evaluated).toBe(1);
  });

  it('reuses a chain that reads an earlier one only when the earlier chain is the very same result', () => {
    const figures = figuresWith(96e9);
    const first = runChainOnce(FIRST, figures).chain!;
    const second = runChainOnce(SECOND, figures, new Map([['first', first]]));
    expect(counted(() => runChainOnce(SECOND, figures, new Map([['first', first]]))).value).toBe(second);
    // Same id, another evaluation (other figures behind it): not reused.
    const otherFirst = runChainOnce(FIRST, figuresWith(48e9)).chain!;
    const fresh = counted(() => runChainOnce(SECOND, figures, new Map([['first', otherFirst]])));
    expect(fresh.evaluated).toBe(1);
    expect(fresh.value.chain!.rows.find((r) => r.name === 'doubled')!.spoken).toBe('about 22 million streams');
  });

  it('keeps an error result as it is', () => {
    const figures = figuresWith(96e9);
    const broken = `${FIRST}\nbad = viewing + halfYear -> stream\n  label: Not a sum`;
    const first = runChainOnce(broken, figures);
    expect(first.chain).toBeUndefined();
    expect(first.errors.length).toBeGreaterThan(0);
    expect(runChainOnce(broken, figures)).toBe(first);
  });
});

describe('the loader and the remark plugin share results', () => {
  it("reuses every chain the loader evaluated for a page's front-matter tokens", () => {
    const figures = figuresWith(96e9);
    const body = ['Intro.', '', '```estimate', FIRST, '```', '', '```estimate', SECOND, '```'].join('\n');
    const entry = { id: 'p', data: { summary: '[[second.doubled]] at once.' }, body, filePath: 'content/prompts/p.mdx', digest: 'd' };
    const loaded = counted(() => resolveEntry(entry, figures));
    expect(loaded.evaluated).toBe(2);
    expect(loaded.value.data).toEqual({ summary: 'about 43 million streams at once.' });
    // The remark plugin's walk: each block in order, with the chains above it.
    const rendered = counted(() => {
      const chains = new Map();
      for (const block of findEstimateBlocks(body)) {
        const chain = runChainOnce(block.text, figures, chains).chain!;
        chains.set(chain.id, chain);
      }
      return chains;
    });
    expect(rendered).toMatchObject({ evaluated: 0, reused: 2 });
  });
});

describe('keys by content', () => {
  it('reuses a result for another table of the same figures, in any order', () => {
    const one = new Map<string, Figure>([
      ['hours-viewed', { id: 'hours-viewed', title: 'Same', value: 96e9, unit: 'stream hour', basis: 'mean', status: 'assumption' }],
      ['other', { id: 'other', title: 'Other', value: 1, unit: '', status: 'assumption' }],
    ]);
    const reordered = new Map([...one].reverse());
    const first = runChainOnce(FIRST, one);
    const again = counted(() => runChainOnce(FIRST, reordered));
    expect(again).toMatchObject({ evaluated: 0, reused: 1 });
    expect(again.value).toBe(first);
  });

  it('never reuses a chain that reads an earlier chain evaluated elsewhere (no key)', () => {
    const figures = figuresWith(96e9);
    const outside = runChain(FIRST, figures).chain!;
    const first = counted(() => runChainOnce(SECOND, figures, new Map([['first', outside]])));
    const second = counted(() => runChainOnce(SECOND, figures, new Map([['first', outside]])));
    expect([first.evaluated, second.evaluated]).toEqual([1, 1]);
    expect(second.value.chain!.rows.find((r) => r.name === 'doubled')!.spoken).toBe('about 43 million streams');
  });
});

describe('a long-running process', () => {
  it(`keeps at most ${MAX_STORED} results: past that it starts afresh, and evaluates again what it let go`, () => {
    const figures = figuresWith(96e9);
    const chain = (n: number) => ['id: c', 'title: C', `assume n = ${n}`, '  label: N', '  why: A test.'].join('\n');
    const first = runChainOnce(chain(0), figures);
    expect(counted(() => runChainOnce(chain(0), figures))).toMatchObject({ evaluated: 0, reused: 1 });
    // More results than are kept since the first: it has been let go.
    for (let n = 1; n <= MAX_STORED; n += 1) runChainOnce(chain(n), figures);
    const again = counted(() => runChainOnce(chain(0), figures));
    expect(again).toMatchObject({ evaluated: 1, reused: 0 });
    expect(again.value).not.toBe(first);
    expect(again.value).toEqual(first);
  });
});
