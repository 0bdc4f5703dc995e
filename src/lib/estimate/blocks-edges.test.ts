/**
 * What a writer reads when a [[chain.name]] token does not resolve, and how several chain errors
 * are listed: each on its own line, numbered in the file.
 */
import { describe, expect, it } from 'vitest';
import { runChain, type EvaluatedChain } from './index.ts';
import { describeErrors, findEstimateBlocks, resolveToken } from './blocks.ts';

const chainOf = (id: string) => runChain(`id: ${id}\ntitle: A chain under test\nx = 2\n  label: Two`, new Map()).chain!;

describe('a token naming a chain that is not on the page', () => {
  it('says so, and lists the chains that are', () => {
    const chains = new Map<string, EvaluatedChain>([
      ['first-chain', chainOf('first-chain')],
      ['second-chain', chainOf('second-chain')],
    ]);
    expect(resolveToken('other', 'x', chains)).toEqual({
      ok: false,
      message: '[[other.x]] names a chain that is not on this page.',
      fix: 'Use the id of an ```estimate block on the same page (first-chain, second-chain).',
    });
  });

  it('lists nothing on a page without chains', () => {
    expect(resolveToken('other', 'x', new Map())).toMatchObject({ fix: 'Use the id of an ```estimate block on the same page.' });
  });
});

describe('finding estimate blocks', () => {
  it('finds a block fenced with tildes, and closes it only on a bare fence at least as long', () => {
    const body = ['~~~estimate', 'id: a', '~~~js', '~~', '~~~~', 'after'].join('\n');
    expect(findEstimateBlocks(body)).toEqual([{ text: 'id: a\n~~~js\n~~', fenceLine: 1 }]);
  });

  it('skips an estimate example shown inside another code block, and fences mentioned in prose', () => {
    const body = [
      'Write ```estimate on its own line to start a chain.',
      '````md',
      '```estimate',
      'id: example',
      '```',
      '````js',
      '````',
      '```estimate',
      'id: real',
      '```',
    ].join('\n');
    expect(findEstimateBlocks(body)).toEqual([{ text: 'id: real', fenceLine: 8 }]);
  });
});

describe('describeErrors', () => {
  it('puts each error on its own line, at its line in the file', () => {
    expect(
      describeErrors(
        [
          { code: 'syntax', line: 1, message: 'First.', fix: 'Fix one.' },
          { code: 'syntax', line: 2, message: 'Second.', fix: 'Fix two.' },
        ],
        10,
      ),
    ).toBe('line 11: First. Fix: Fix one.\nline 12: Second. Fix: Fix two.');
  });
});
