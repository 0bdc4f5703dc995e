/**
 * The date fields of the content schemas: checkedOn and statusCheckedOn (isoDate) and published
 * (partialDate) accept only real calendar dates that are not in the future, whether YAML hands
 * them over as text or as a Date.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { calendarDateProblem, isoDate, latestToday, partialDate } from './fields.ts';

const NOW = Date.parse('2026-11-29T12:00:00Z');

function messages(result: { success: boolean; error?: { issues: { message: string }[] } }): string[] {
  return result.success ? [] : result.error!.issues.map((issue) => issue.message);
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
});
afterEach(() => {
  vi.useRealTimers();
});

describe('calendarDateProblem', () => {
  it('accepts real past dates at every precision, and leap days in leap years', () => {
    for (const text of ['2020', '2020-02', '2020-02-29', '2024-12-31', '2026-11-29', '2026-11', '2026']) {
      expect(calendarDateProblem(text, NOW), text).toBeUndefined();
    }
  });

  it('rejects days a month does not have, and months past 12', () => {
    expect(calendarDateProblem('2026-02-30', NOW)).toBe('2026-02-30 is not a real date: 2026-02 has days 01 to 28.');
    expect(calendarDateProblem('2025-02-29', NOW)).toBe('2025-02-29 is not a real date: 2025-02 has days 01 to 28.');
    expect(calendarDateProblem('2026-04-31', NOW)).toBe('2026-04-31 is not a real date: 2026-04 has days 01 to 30.');
    expect(calendarDateProblem('2026-01-00', NOW)).toBe('2026-01-00 is not a real date: 2026-01 has days 01 to 31.');
    expect(calendarDateProblem('2026-99', NOW)).toBe('2026-99 has no month 99: months run from 01 to 12.');
    expect(calendarDateProblem('2026-00-10', NOW)).toBe('2026-00-10 has no month 00: months run from 01 to 12.');
  });

  it('rejects the future at every precision, allowing today in the earliest time zone', () => {
    expect(latestToday(NOW)).toBe('2026-11-30');
    expect(calendarDateProblem('2026-11-30', NOW)).toBeUndefined();
    expect(calendarDateProblem('2026-12-01', NOW)).toBe(
      '2026-12-01 is in the future (today is 2026-11-30). Write the date it actually happened.',
    );
    expect(calendarDateProblem('2026-12', NOW)).toBe(
      '2026-12 is in the future (today is 2026-11-30). Write the date it actually happened.',
    );
    expect(calendarDateProblem('2027', NOW)).toBe('2027 is in the future (today is 2026-11-30). Write the date it actually happened.');
  });
});

describe('isoDate (checkedOn, statusCheckedOn)', () => {
  it('turns a real date into midnight UTC, from text or from a YAML Date', () => {
    expect(isoDate.parse('2026-11-21')).toEqual(new Date('2026-11-21T00:00:00.000Z'));
    expect(isoDate.parse(new Date('2026-11-21T00:00:00Z'))).toEqual(new Date('2026-11-21T00:00:00.000Z'));
  });

  it('names the problem with an impossible, future or badly written date', () => {
    expect(messages(isoDate.safeParse('2026-02-30'))).toEqual(['2026-02-30 is not a real date: 2026-02 has days 01 to 28.']);
    expect(messages(isoDate.safeParse('2026-13-01'))).toEqual(['2026-13-01 has no month 13: months run from 01 to 12.']);
    expect(messages(isoDate.safeParse('2027-01-01'))).toEqual([
      '2027-01-01 is in the future (today is 2026-11-30). Write the date it actually happened.',
    ]);
    expect(messages(isoDate.safeParse(new Date('2030-05-01T00:00:00Z')))).toEqual([
      '2030-05-01 is in the future (today is 2026-11-30). Write the date it actually happened.',
    ]);
    for (const bad of ['2026-11', 'last week', '21/11/2026', '2026-11-21T10:00:00Z']) {
      expect(messages(isoDate.safeParse(bad)), bad).toEqual(['Write the date as YYYY-MM-DD, for example 2026-01-20.']);
    }
    expect(messages(isoDate.safeParse(20261121))).toEqual(['Write the date as YYYY-MM-DD, for example 2026-01-20.']);
  });
});

describe('partialDate (published)', () => {
  it('keeps the precision written', () => {
    expect(partialDate.parse('2020')).toBe('2020');
    expect(partialDate.parse(2020)).toBe('2020');
    expect(partialDate.parse('2020-11')).toBe('2020-11');
    expect(partialDate.parse('2020-11-05')).toBe('2020-11-05');
    expect(partialDate.parse(new Date('2020-11-05T00:00:00Z'))).toBe('2020-11-05');
  });

  it('rejects impossible months and days, the future, and other forms', () => {
    expect(messages(partialDate.safeParse('2026-99'))).toEqual(['2026-99 has no month 99: months run from 01 to 12.']);
    expect(messages(partialDate.safeParse('2026-02-30'))).toEqual(['2026-02-30 is not a real date: 2026-02 has days 01 to 28.']);
    expect(messages(partialDate.safeParse('2031'))).toEqual([
      '2031 is in the future (today is 2026-11-30). Write the date it actually happened.',
    ]);
    expect(messages(partialDate.safeParse('Nov 2020'))).toEqual(['Write the date as YYYY, YYYY-MM or YYYY-MM-DD.']);
  });
});
