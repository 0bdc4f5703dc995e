/**
 * Estimates said aloud and read from content, at their edges: zero is exact, negative money,
 * squared units, a unit mathjs does not know is not a reserved name, the unit of a plain number,
 * figure files with every kind of date, and a body whose chain or token does not resolve, reported
 * at its line in the page.
 */
import { describe, expect, it } from 'vitest';
import { isRound, speak } from './speech.ts';
import { isReservedName, math, unitOf, unitSpeech } from './units.ts';
import { figureFromData } from './load.ts';
import { chainsOfBody, replaceTokens } from './blocks.ts';
import type { Figure } from './index.ts';

describe('speech at its edges', () => {
  it('treats zero as exact and says negative money with its sign', () => {
    expect(isRound(0, 2)).toBe(true);
    expect(speak(0, unitSpeech('stream'), { digits: 2 })).toBe('0 streams');
    expect(speak(-2_600_000, unitSpeech('USD/year'), { digits: 2, about: false })).toBe('-$2.6 million a year');
  });

  it('says squared units with their power, and knows a plain number has no unit', () => {
    expect(unitSpeech('m^2')).toMatchObject({ singular: 'm^2', plural: 'm^2' });
    expect(unitSpeech('event/s^2').plural).toBe('events per second^2');
    expect(unitOf(5)).toBe('');
    expect(unitOf(math.unit(5, 'MB'))).toBe('MB');
  });

  it('does not reserve a word mathjs cannot read as a unit', () => {
    expect(isReservedName('peakStreams')).toBe(false);
    expect(isReservedName('sqrt')).toBe(true);
    expect(isReservedName('day')).toBe(true);
    expect(isReservedName('2x')).toBe(false);
    // Asked again, the same answers (they are kept after the first).
    expect(['peakStreams', 'sqrt', 'day', '2x'].map(isReservedName)).toEqual([false, true, true, false]);
  });

  it('gives one frozen speech per unit, shared by every row in it', () => {
    const first = unitSpeech('start/s');
    expect(unitSpeech('start/s')).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(first.plural).toBe('starts a second');
    expect(unitSpeech('TB/day')).not.toBe(first);
    // A unit that does not parse throws every time, not only the first.
    expect(() => unitSpeech('no-such-unit')).toThrow();
    expect(() => unitSpeech('no-such-unit')).toThrow();
  });
});

describe('figure files', () => {
  it('reads a full date, a year or a month, and leaves out anything else', () => {
    expect(figureFromData('a', { value: 1, date: new Date('2026-01-20T00:00:00Z') }).date).toBe('2026-01-20');
    expect(figureFromData('a', { value: 1, date: 2024 }).date).toBe('2024');
    expect(figureFromData('a', { value: 1, date: '2024-05' }).date).toBe('2024-05');
    expect(figureFromData('a', { value: 1, date: true }).date).toBeUndefined();
  });

  it('fills what a file leaves out, and refuses a value that is not a number', () => {
    expect(figureFromData('a', { value: 3 })).toEqual({
      id: 'a',
      title: 'a',
      value: 3,
      unit: '',
      basis: undefined,
      status: 'assumption',
      source: undefined,
      date: undefined,
    });
    expect(() => figureFromData('b', { value: '3' })).toThrow('content/figures/b.yaml: "value" must be a number.');
    expect(() => figureFromData('b', { value: Number.POSITIVE_INFINITY })).toThrow('"value" must be a number');
  });
});

describe('a page body with estimates', () => {
  const figures = new Map<string, Figure>();
  const body = ['Intro.', '', '```estimate', 'id: broken', 'title: A broken chain', 'x = 2', '```'].join('\n');

  it('fails on a chain with an error, naming its line in the page and the fix', () => {
    expect(() => chainsOfBody(body, figures)).toThrow('line 6: "x" needs a label. Fix: Add an indented "label:" line');
  });

  it('fails on a token that does not resolve, saying what to use', () => {
    const good = ['```estimate', 'id: good', 'title: A good chain', 'x = 2', '  label: Two', '```'].join('\n');
    const chains = chainsOfBody(good, figures);
    expect(replaceTokens('It is [[good.x]].', chains)).toBe('It is 2.');
    expect(() => replaceTokens('It is [[good.y]].', chains)).toThrow(/has no "y"\. Use one of: x\.$/);
  });
});
