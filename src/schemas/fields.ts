/**
 * Building blocks shared by the content schemas. Every message here is written for a contributor
 * reading a build error: it says what is wrong and what to write instead.
 */
import { z } from 'astro/zod';
import { keysOf } from './vocabulary.ts';

/** The collections of the content model, in the order the site presents them. */
export const COLLECTIONS = ['guides', 'prompts', 'mistakes', 'culture', 'stack', 'sources', 'figures'] as const;
export type CollectionName = (typeof COLLECTIONS)[number];

/**
 * Makes the schema for a reference to another entry. Astro passes its own `reference()`; the
 * content checker passes one that also checks the entry exists, so both share one schema.
 */
export type ReferenceFactory<R extends z.ZodType = z.ZodType> = (collection: CollectionName) => R;

/** One value of a vocabulary, with an error listing every allowed value. */
export function oneOf<T extends Record<string, string>>(vocabulary: T, what: string) {
  const allowed = keysOf(vocabulary);
  return z.enum(allowed, {
    error: (issue) =>
      `${issue.input === undefined ? 'Missing' : `${JSON.stringify(issue.input)} is not a valid`} ${what}. Use one of: ${allowed.join(', ')}.`,
  });
}

/** A list of vocabulary values without repeats. */
export function someOf<T extends Record<string, string>>(vocabulary: T, what: string, min = 1) {
  return z
    .array(oneOf(vocabulary, what))
    .min(min, `List at least ${min} ${what}${min === 1 ? '' : 's'}.`)
    .refine((values) => new Set(values).size === values.length, `Each ${what} may appear only once.`);
}

/** A single line of prose, bounded so it fits where it is shown. */
export function line(what: string, min: number, max: number) {
  return z
    .string({ error: (issue) => (issue.input === undefined ? `Missing ${what}.` : `${what} must be text.`) })
    .trim()
    .min(min, `${what} is too short: write at least ${min} characters.`)
    .max(max, `${what} is too long: keep it under ${max} characters.`)
    .refine((text) => !text.includes('\n'), `${what} must be a single line.`);
}

/** A paragraph of prose (may wrap over several lines in YAML). */
export function paragraph(what: string, min = 20, max = 1500) {
  return z
    .string({ error: (issue) => (issue.input === undefined ? `Missing ${what}.` : `${what} must be text.`) })
    .trim()
    .min(min, `${what} is too short: write at least ${min} characters.`)
    .max(max, `${what} is too long: keep it under ${max} characters, or move detail into the page body.`);
}

/** A list of short prose items, such as checklist entries or interview questions. */
export function items(what: string, min: number, max = 30) {
  return z
    .array(paragraph(what, 8, 400))
    .min(min, `List at least ${min} ${what}s.`)
    .max(max, `List at most ${max} ${what}s.`);
}

/** The title of a page: shown as its heading, in the sidebar and in search results. */
export const title = line('title', 3, 90);

/** The summary under the title; also the meta description and the text on index cards. */
export const description = line('description', 50, 220);

/** Lower-case words joined by hyphens, for tags. */
export const tag = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Tags are lower-case words joined by hyphens, such as "load-shedding".');

/**
 * Today's date as YYYY-MM-DD where the day starts first (UTC+14), so a contributor anywhere on
 * Earth can write their own today without it counting as the future.
 */
export function latestToday(now = Date.now()): string {
  return new Date(now + 14 * 60 * 60 * 1000).toISOString().slice(0, 10);
}

/**
 * Why a YYYY, YYYY-MM or YYYY-MM-DD date is not a real past date, or undefined when it is: the
 * month must be 01 to 12, the day must exist in that month (no 2026-02-30), and the date must not
 * be after today.
 */
export function calendarDateProblem(text: string, now = Date.now()): string | undefined {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text);
  if (!match) return undefined;
  const [, year, month, day] = match;
  if (month !== undefined && (Number(month) < 1 || Number(month) > 12)) {
    return `${text} has no month ${month}: months run from 01 to 12.`;
  }
  if (month !== undefined && day !== undefined) {
    const daysInMonth = new Date(Date.UTC(Number(year), Number(month), 0)).getUTCDate();
    if (Number(day) < 1 || Number(day) > daysInMonth) {
      return `${text} is not a real date: ${year}-${month} has days 01 to ${String(daysInMonth).padStart(2, '0')}.`;
    }
  }
  const today = latestToday(now);
  if (text > today.slice(0, text.length)) return `${text} is in the future (today is ${today}). Write the date it actually happened.`;
  return undefined;
}

/** YAML may hand over a Date (js-yaml) or a string (yaml 1.2); both become YYYY-MM-DD text. */
const dateText = (value: string | number | Date): string =>
  value instanceof Date ? (Number.isNaN(value.getTime()) ? 'an invalid date' : value.toISOString().slice(0, 10)) : String(value).trim();

/**
 * A real calendar date, not in the future, written YYYY-MM-DD (such as when a page was checked).
 * Becomes a Date at midnight UTC.
 */
export const isoDate = z
  .union([z.string(), z.date()], { error: 'Write the date as YYYY-MM-DD, for example 2026-01-20.' })
  .transform((value, context) => {
    const text = dateText(value);
    const problem = /^\d{4}-\d{2}-\d{2}$/.test(text) ? calendarDateProblem(text) : 'Write the date as YYYY-MM-DD, for example 2026-01-20.';
    if (problem) {
      context.addIssue({ code: 'custom', message: problem, input: value, continue: true });
      return z.NEVER;
    }
    return new Date(`${text}T00:00:00.000Z`);
  });

/**
 * A date that may be only as precise as the source states it: YYYY, YYYY-MM or YYYY-MM-DD, a real
 * calendar date and not in the future. Stays text, as precise as written.
 */
export const partialDate = z.union([z.string(), z.number(), z.date()]).transform((value, context) => {
  const text = dateText(value);
  const problem = /^\d{4}(-\d{2}(-\d{2})?)?$/.test(text) ? calendarDateProblem(text) : 'Write the date as YYYY, YYYY-MM or YYYY-MM-DD.';
  if (problem) {
    context.addIssue({ code: 'custom', message: problem, input: value, continue: true });
    return z.NEVER;
  }
  return text;
});

/** An absolute http(s) URL. */
export const url = z.url({ protocol: /^https?$/, error: 'Write a full URL starting with https://.' });

/** An object that rejects keys it does not know, naming them and listing the ones it accepts. */
export function strictObject<T extends z.ZodRawShape>(shape: T) {
  const known = Object.keys(shape);
  return z.strictObject(shape, {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `Unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}. Check the spelling or remove ${issue.keys.length > 1 ? 'them' : 'it'}; the allowed keys are: ${known.join(', ')}.`
        : undefined,
  });
}

/** An optional list of references to another collection; missing means none. */
export function references<R extends z.ZodType>(reference: ReferenceFactory<R>, collection: CollectionName) {
  return z.array(reference(collection)).default([]);
}

/** A list of references that must name at least `min` entries. */
export function requiredReferences<R extends z.ZodType>(reference: ReferenceFactory<R>, collection: CollectionName, min = 1) {
  return z
    .array(reference(collection), { error: `List the ${collection} entries by id, one per line starting with "- ".` })
    .min(min, `List at least ${min} ${collection} entr${min === 1 ? 'y' : 'ies'} by id.`);
}
