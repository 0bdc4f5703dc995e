/**
 * Formatting what the tools read back from storage, safely: saved data may hold a value the site
 * would never write (a damaged record, a file imported before the import checks were tightened,
 * an edit by hand). A formatter here never throws, so one bad entry shows as "an unknown date"
 * and never hides the entries around it.
 */

export const UNKNOWN_DATE = 'an unknown date';

/** A stored ISO date as a Date, or undefined when it is missing or not a real date. */
export function storedDate(value: unknown): Date | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

function format(value: unknown, options: Intl.DateTimeFormatOptions, locale?: string, timeZone?: string): string {
  const date = storedDate(value);
  if (!date) return UNKNOWN_DATE;
  try {
    return new Intl.DateTimeFormat(locale, { ...options, timeZone }).format(date);
  } catch {
    return UNKNOWN_DATE;
  }
}

/** "20 Jan 2026" (in the reader's locale). */
export function formatStoredDay(value: unknown, locale?: string, timeZone?: string): string {
  return format(value, { day: 'numeric', month: 'short', year: 'numeric' }, locale, timeZone);
}

/** "20 Jan 2026, 10:00" (in the reader's locale). */
export function formatStoredDateTime(value: unknown, locale?: string, timeZone?: string): string {
  return format(value, { dateStyle: 'medium', timeStyle: 'short' }, locale, timeZone);
}

/** A stored text field as text: anything else (missing, a number, an object) becomes "". */
export function storedText(value: unknown): string {
  return typeof value === 'string' ? value : '';
}
