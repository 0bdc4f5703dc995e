import { describe, expect, it } from 'vitest';
import { demote } from './rank.ts';

const results = [
  { id: 'mistake', score: 10 },
  { id: 'guide', score: 6 },
  { id: 'list', score: 5 },
  { id: 'prompt', score: 2 },
];

describe('demote', () => {
  it('ranks a canonical page above a demoted page that scored higher', () => {
    expect(demote(results, new Set(['mistake', 'list']), 0.5).map((r) => r.id)).toEqual(['guide', 'mistake', 'list', 'prompt']);
  });

  it('keeps a demoted page first when nothing else comes close', () => {
    expect(demote(results, new Set(['mistake']), 0.9).map((r) => r.id)).toEqual(['mistake', 'guide', 'list', 'prompt']);
  });

  it("keeps Pagefind's order for equal scores and leaves the input untouched", () => {
    const tied = [
      { id: 'a', score: 4 },
      { id: 'b', score: 8 },
      { id: 'c', score: 4 },
    ];
    expect(demote(tied, new Set(['b']), 0.5).map((r) => r.id)).toEqual(['a', 'b', 'c']);
    expect(tied.map((r) => r.id)).toEqual(['a', 'b', 'c']);
  });

  it('refuses a factor outside 0..1', () => {
    expect(() => demote(results, new Set(), 1.5)).toThrow(/between 0 and 1/);
    expect(() => demote(results, new Set(), Number.NaN)).toThrow(/between 0 and 1/);
  });
});
