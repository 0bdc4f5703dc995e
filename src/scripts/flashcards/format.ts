/** Words for the schedule: "in 10 minutes", "in 3 days", and the date beside it. */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;

/**
 * A duration in the largest unit that reads naturally. Each unit is rounded before choosing, so
 * 59.6 minutes reads "1 hour", not "60 minutes".
 */
export function formatInterval(ms: number): string {
  const minutes = Math.round(ms / MINUTE);
  if (minutes < 60) return plural(Math.max(1, minutes), 'minute');
  const hours = Math.round(ms / HOUR);
  if (hours < 24) return plural(hours, 'hour');
  const days = Math.round(ms / DAY);
  if (days < 31) return plural(days, 'day');
  const months = Math.round(days / 30.44);
  if (months < 12) return plural(months, 'month');
  const years = Math.round((days / 365.25) * 10) / 10;
  return `${years} year${years === 1 ? '' : 's'}`;
}

/** "now" once due, otherwise "in …". */
export function formatDueIn(due: Date, now: Date): string {
  const ms = due.getTime() - now.getTime();
  return ms <= 0 ? 'now' : `in ${formatInterval(ms)}`;
}

/** The due moment as a short date and time ("Fri, 10 Jan, 09:10" in en-GB). */
export function formatDueDate(due: Date, locale?: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(locale, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
  }).format(due);
}
