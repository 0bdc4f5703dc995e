import { describe, expect, it } from 'vitest';
import { formatDueDate, formatDueIn, formatInterval } from './format.ts';

const MIN = 60_000;
const DAY = 24 * 60 * MIN;

describe('formatInterval', () => {
  it.each([
    [0, '1 minute'],
    [MIN, '1 minute'],
    [10 * MIN, '10 minutes'],
    [59.6 * MIN, '1 hour'],
    [5 * 60 * MIN, '5 hours'],
    [23.6 * 60 * MIN, '1 day'],
    [3 * DAY, '3 days'],
    [45 * DAY, '1 month'],
    [90 * DAY, '3 months'],
    [365 * DAY, '1 year'],
    [548 * DAY, '1.5 years'],
  ])('%d ms reads "%s"', (ms, text) => {
    expect(formatInterval(ms)).toBe(text);
  });
});

describe('formatDueIn', () => {
  const now = new Date('2025-01-10T09:00:00Z');
  it('says "now" once due and "in …" before', () => {
    expect(formatDueIn(new Date('2025-01-10T08:00:00Z'), now)).toBe('now');
    expect(formatDueIn(now, now)).toBe('now');
    expect(formatDueIn(new Date('2025-01-10T09:10:00Z'), now)).toBe('in 10 minutes');
    expect(formatDueIn(new Date('2025-01-13T09:00:00Z'), now)).toBe('in 3 days');
  });
});

describe('formatDueDate', () => {
  it('gives the weekday, date and time', () => {
    const text = formatDueDate(new Date('2025-01-10T09:10:00Z'), 'en-GB', 'UTC');
    expect(text).toMatch(/Fri/);
    expect(text).toMatch(/10 Jan/);
    expect(text).toMatch(/09:10/);
  });
});
