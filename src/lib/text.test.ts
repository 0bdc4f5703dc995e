import { describe, expect, it } from 'vitest';
import { countNoun, editDistance, formatDate, listWords, nearest, slugify } from './text.ts';

describe('nearest', () => {
  it('suggests a close candidate for a typo', () => {
    expect(nearest('kafka-without-reason', ['kafka-without-a-reason', 'ignoring-cost'])).toBe('kafka-without-a-reason');
    expect(nearest('hystrx', ['hystrix', 'zuul'])).toBe('hystrix');
  });
  it('suggests nothing when nothing is close', () => {
    expect(nearest('completely-different', ['zuul', 'eureka'])).toBeUndefined();
  });
  it('counts a candidate that extends what was written as close, by half the letters it adds', () => {
    // Three letters added: 1.5 by containment, within the limit of 2 for a 7-letter name; the
    // edit distance alone (3) would be too far.
    expect(nearest('hystrix', ['hystrix-go'])).toBe('hystrix-go');
    expect(nearest('hystrix', ['hystrix-java'])).toBeUndefined();
  });
  it('keeps the first of equally close candidates', () => {
    expect(nearest('zuum', ['zuul', 'zuuk'])).toBe('zuul');
    expect(nearest('ZUUM', ['zuuk', 'zuul'])).toBe('zuuk');
  });
  it('computes edit distance', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
  });
});

describe('formatting', () => {
  it('slugifies headings the way heading ids are made', () => {
    expect(slugify('Failure modes and degradation')).toBe('failure-modes-and-degradation');
    expect(slugify("What's next?")).toBe('whats-next');
  });
  it('formats dates one way, in UTC', () => {
    expect(formatDate(new Date('2026-01-20T23:30:00Z'))).toBe('January 20, 2026');
  });
  it('joins words with commas and "and"', () => {
    expect(listWords(['a'])).toBe('a');
    expect(listWords(['a', 'b', 'c'])).toBe('a, b and c');
  });
});

describe('countNoun', () => {
  it('uses the singular for exactly one and the plural otherwise', () => {
    expect(countNoun(1, 'mock round')).toBe('1 mock round');
    expect(countNoun(0, 'mock round')).toBe('0 mock rounds');
    expect(countNoun(2, 'story', 'stories')).toBe('2 stories');
    expect(countNoun(1, 'story', 'stories')).toBe('1 story');
  });
});
