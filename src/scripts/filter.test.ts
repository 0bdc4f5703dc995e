import { describe, expect, it } from 'vitest';
import { matches } from './filter.ts';

describe('facet matching', () => {
  it('requires every chosen facet to be among the item values', () => {
    const item = { difficulty: 'hard', theme: 'playback reliability' };
    expect(matches(item, {})).toBe(true);
    expect(matches(item, { theme: 'reliability' })).toBe(true);
    expect(matches(item, { theme: 'reliability', difficulty: 'medium' })).toBe(false);
    expect(matches(item, { theme: 'play' })).toBe(false);
    expect(matches(item, { round: 'coding' })).toBe(false);
    expect(matches(item, { difficulty: '' })).toBe(true);
  });
});
