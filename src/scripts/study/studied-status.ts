/**
 * What a page's "Mark as studied" switch says, from when the reader marked the page and when the
 * page last changed (its last-modified date from git, written into the page at build time). Pure,
 * so the wording is tested without a browser.
 */
import { formatStoredDay, storedDate } from './format.ts';

export interface StudiedStatus {
  /** Whether the page is marked studied (the switch's aria-pressed). */
  studied: boolean;
  /** The button's label. */
  label: string;
  /** The line beside the button ("" when there is nothing to say). */
  status: string;
  /** True when the page changed after the reader marked it. */
  updatedSince: boolean;
}

/**
 * @param studiedAt the stored ISO time the page was marked studied (anything else counts as a
 *   mark with an unknown date: the reader did mark it)
 * @param updated the page's last-modified date as an ISO string, when the page has one
 */
export function studiedStatus(studiedAt: unknown, updated: string | undefined, locale?: string, timeZone?: string): StudiedStatus {
  if (studiedAt === undefined || studiedAt === null || studiedAt === '') {
    return { studied: false, label: 'Mark as studied', status: '', updatedSince: false };
  }
  const marked = storedDate(studiedAt);
  const changed = updated ? storedDate(updated) : undefined;
  const updatedSince = Boolean(marked && changed && changed.getTime() > marked.getTime());
  const on = `Marked on ${formatStoredDay(studiedAt, locale, timeZone)}.`;
  return {
    studied: true,
    label: 'Studied ✓',
    status: updatedSince ? `${on} This page was updated since you studied it (on ${formatStoredDay(updated, locale, timeZone)}).` : on,
    updatedSince,
  };
}
