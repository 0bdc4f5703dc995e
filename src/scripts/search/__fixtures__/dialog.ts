/**
 * What a reader sees and does in the search dialog, for its unit tests on happy-dom: lookups of
 * its parts, typing (past the typing pause, with fake timers), key presses, and the layout the
 * dialog measures to decide whether "More results" is on screen (happy-dom lays nothing out, so
 * every box would be empty and the button always "in view").
 */
import { vi } from 'vitest';
import { TYPING_DELAY_MS } from '../config.ts';
import { $ } from '../../__fixtures__/dom.ts';

export const dialog = () => $<HTMLDialogElement>('.search-dialog');
export const input = () => $<HTMLInputElement>('.search-input');
export const summary = () => $('.search-summary').textContent;
export const more = () => $<HTMLButtonElement>('.search-more');
export const all = <T extends Element = HTMLElement>(selector: string) => [...document.querySelectorAll<T & Element>(selector)] as T[];
/** The options (results, sections, recent searches) in order. */
export const options = () => all('[role="option"]');
/** Each result page's link, in order. */
export const pageLinks = () => all('.search-page').map((a) => a.getAttribute('href'));
/** Each result page's title, in order. */
export const titles = () => all('.search-page .search-title').map((title) => title.textContent);
/** The type filter buttons as "label count" and whether each is pressed. */
export const typeButtons = () =>
  all('.search-type').map((button) => `${button.textContent}${button.getAttribute('aria-pressed') === 'true' ? ' (pressed)' : ''}`);
/** The option marked selected, by its text. */
export const selected = () =>
  options()
    .filter((option) => option.getAttribute('aria-selected') === 'true')
    .map((option) => option.querySelector('.search-title, .search-heading')?.textContent ?? option.textContent);

/** The page around the dialog: `html` as the body's content (parsed, as the other island tests do). */
export function page(html: string): void {
  document.body.replaceChildren(...new DOMParser().parseFromString(html, 'text/html').body.childNodes);
}

/** The type filter button whose label starts with `label`. */
export const typeButton = (label: string) => all('.search-type').find((button) => button.textContent.startsWith(label))!;

/** Lets the dialog's pending work (engine, fragments, the search map) finish. */
export async function idle(): Promise<void> {
  for (let i = 0; i < 20; i += 1) await new Promise((resolve) => setImmediate(resolve));
}

/** Types `text` as the whole query, without waiting for the typing pause. */
export function typeOnly(text: string): void {
  input().value = text;
  input().dispatchEvent(new Event('input', { bubbles: true }));
}

/** Types `text` as the whole query and waits until its results are on screen. */
export async function typeQuery(text: string): Promise<void> {
  typeOnly(text);
  await vi.advanceTimersByTimeAsync(TYPING_DELAY_MS);
  await idle();
}

/** Presses `key` on `target` (the input by default); returns the event, to see whether it was handled. */
export function press(key: string, target: Element = input(), init: KeyboardEventInit = {}): KeyboardEvent {
  const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init });
  target.dispatchEvent(event);
  return event;
}

/** Clicks `target` as a pointer would; returns the event. */
export function click(target: Element): MouseEvent {
  const event = new MouseEvent('click', { bubbles: true, cancelable: true });
  target.dispatchEvent(event);
  return event;
}

/**
 * Lays out the dialog's scrolling area from 100 to 500 px and "More results" at `moreAt` (its
 * top and bottom; by default below the fold, so nothing loads by itself).
 */
export function layout(moreAt = { top: 900, bottom: 940 }): { moreAt: { top: number; bottom: number } } {
  const place = { moreAt };
  vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(function (this: HTMLElement) {
    const box = this.classList.contains('search-scroll')
      ? { top: 100, bottom: 500 }
      : this.classList.contains('search-more')
        ? place.moreAt
        : { top: 0, bottom: 0 };
    const rect = { x: 0, y: box.top, left: 0, right: 600, width: 600, top: box.top, bottom: box.bottom, height: box.bottom - box.top };
    return { ...rect, toJSON: () => rect };
  });
  return place;
}
