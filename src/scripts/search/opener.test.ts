// @vitest-environment happy-dom
/**
 * The search opener every page runs, on a simulated DOM (happy-dom): the dialog module loads on
 * intent only (hovering or focusing a search button warms it, once), a click, "/" outside a text
 * field, or Ctrl+K / Cmd+K opens it with the element to give focus back to, and a dialog that
 * cannot load is reported in the page's status line and tried again on the next attempt.
 *
 * The dialog module (search-dialog.ts, tested in search-dialog*.test.ts) stands in as its two
 * entry points, open() and warm(); each test imports the opener afresh into a fresh page.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { $ } from '../__fixtures__/dom.ts';

const dialog = { open: vi.fn(async (_from: Element | null) => {}), warm: vi.fn() };
/** Whether importing the dialog module fails, as it does offline before the first visit. */
let unreachable = false;
/** The opener's listeners on the document, removed after each test (a page runs the opener once). */
let listeners: [string, EventListenerOrEventListenerObject][] = [];

const html = `
  <header><button type="button" id="header-search" data-search-open>Search</button></header>
  <main>
    <a href="#top" id="link">Top</a>
    <button type="button" id="hero-search" data-search-open>Search the guide</button>
    <input id="field" /><textarea id="notes"></textarea><select id="choice"><option>a</option></select>
    <div contenteditable="" id="editable-empty"><p id="inside-editable">text</p></div>
    <div contenteditable="true" id="editable-true"></div>
    <div contenteditable="false" id="editable-false"></div>
  </main>
  <p id="search-status" role="status"></p>`;

beforeEach(async () => {
  dialog.open.mockClear();
  dialog.warm.mockClear();
  unreachable = false;
  document.body.replaceChildren(...new DOMParser().parseFromString(html, 'text/html').body.childNodes);
  const add = vi.spyOn(document, 'addEventListener');
  vi.resetModules();
  vi.doMock('./search-dialog.ts', () => {
    if (unreachable) throw new TypeError('Failed to fetch dynamically imported module');
    return dialog;
  });
  // @ts-expect-error -- opener.ts is a page script, with no exports: importing it runs it, as site.ts does.
  await import('./opener.ts');
  listeners = add.mock.calls.map(([type, listener]) => [type, listener]);
  add.mockRestore();
});

afterEach(() => {
  for (const [type, listener] of listeners) document.removeEventListener(type, listener);
});

const idle = async () => {
  for (let i = 0; i < 10; i += 1) await new Promise((resolve) => setImmediate(resolve));
};

function press(target: Element, key: string, init: KeyboardEventInit = {}): KeyboardEvent {
  const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init });
  target.dispatchEvent(event);
  return event;
}

describe('when the dialog cannot load', () => {
  it('fails quietly on a page without the status line', async () => {
    $('#search-status').remove();
    unreachable = true;
    press(document.body, '/');
    await idle();
    expect(document.body.textContent).not.toContain('Search could not load');
    unreachable = false;
    press(document.body, '/');
    await idle();
    expect(dialog.open).toHaveBeenCalledOnce();
  });

  it('warming up fails silently; opening says why in the status line, and the next attempt loads it', async () => {
    const { LOAD_ERROR } = await vi.importActual<typeof import('./search-dialog.ts')>('./search-dialog.ts');
    unreachable = true;
    $('#hero-search').dispatchEvent(new Event('pointerenter'));
    await idle();
    expect($('#search-status').textContent).toBe('');
    press(document.body, '/');
    await idle();
    expect($('#search-status').textContent).toBe(LOAD_ERROR);
    expect(dialog.open).not.toHaveBeenCalled();
    unreachable = false;
    press(document.body, '/');
    await idle();
    expect(dialog.open).toHaveBeenCalledOnce();
  });
});

describe('opening search', () => {
  it('a click on a search button opens the dialog, with that button to give focus back to', async () => {
    $('#hero-search').click();
    await idle();
    expect(dialog.open.mock.calls).toEqual([[$('#hero-search')]]);
    $('#header-search').click();
    await idle();
    expect(dialog.open.mock.calls.at(-1)).toEqual([$('#header-search')]);
  });

  it('hovering or focusing a search button starts loading search, once for each', async () => {
    const header = $('#header-search');
    header.dispatchEvent(new Event('pointerenter'));
    header.dispatchEvent(new Event('pointerenter'));
    await idle();
    expect(dialog.warm).toHaveBeenCalledOnce();
    header.dispatchEvent(new Event('focus'));
    header.dispatchEvent(new Event('focus'));
    await idle();
    expect(dialog.warm).toHaveBeenCalledTimes(2);
    expect(dialog.open).not.toHaveBeenCalled();
  });

  it('"/" outside a text field opens it, with the focused element to give focus back to', async () => {
    const link = $('#link');
    link.focus();
    const event = press(link, '/');
    await idle();
    expect(event.defaultPrevented).toBe(true);
    expect(dialog.open.mock.calls).toEqual([[link]]);
    const event2 = press($('#editable-false'), '/');
    await idle();
    expect(event2.defaultPrevented).toBe(true);
    expect(dialog.open).toHaveBeenCalledTimes(2);
  });

  it.each(['field', 'notes', 'choice', 'editable-empty', 'inside-editable', 'editable-true'])(
    '"/" is left alone in a text field (#%s)',
    async (id) => {
      const event = press($(`#${id}`), '/');
      await idle();
      expect(event.defaultPrevented).toBe(false);
      expect(dialog.open).not.toHaveBeenCalled();
    },
  );

  it.each([{ ctrlKey: true }, { metaKey: true }, { altKey: true }])('"/" with a modifier (%o) is left alone', async (modifier) => {
    const event = press(document.body, '/', modifier);
    await idle();
    expect(event.defaultPrevented).toBe(false);
    expect(dialog.open).not.toHaveBeenCalled();
  });

  it.each([
    ['Ctrl+K', 'k', { ctrlKey: true }],
    ['Cmd+K', 'k', { metaKey: true }],
    ['Ctrl+Shift+K', 'K', { ctrlKey: true, shiftKey: true }],
  ])('%s opens it, even from a text field', async (_name, key, modifiers) => {
    const field = $('#field');
    field.focus();
    const event = press(field, key, modifiers);
    await idle();
    expect(event.defaultPrevented).toBe(true);
    expect(dialog.open.mock.calls).toEqual([[field]]);
  });

  it.each([
    ['K alone', 'k', {}],
    ['Ctrl+Alt+K', 'k', { ctrlKey: true, altKey: true }],
    ['Ctrl+J', 'j', { ctrlKey: true }],
  ])('%s is left alone', async (_name, key, modifiers) => {
    const event = press(document.body, key, modifiers);
    await idle();
    expect(event.defaultPrevented).toBe(false);
    expect(dialog.open).not.toHaveBeenCalled();
  });
});
