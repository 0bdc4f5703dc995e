// @vitest-environment happy-dom
/**
 * A content page's progress island (page-progress.ts) on a simulated DOM, driven as a reader does:
 * the "Mark as studied" switch at the top and end of the page, checklists turned into checkboxes,
 * saved state shown on arrival, and a browser that refuses to save. The browser side is in
 * tests/e2e/progress.test.ts and tests/e2e/storage.test.ts.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { STORAGE_KEY, SAVE_PROBLEMS } from './store.ts';
import { emptyStudyData, type StudyData } from './schema.ts';
import { studiedStatus } from './studied-status.ts';
import { fakeStorage, savedStudyData } from './__fixtures__/fake-storage.ts';
import { $, text } from '../__fixtures__/dom.ts';
import { removeWindowListeners, trackWindowListeners } from '../__fixtures__/window-listeners.ts';

const KEY = 'guides/loop';
const T1 = '2026-02-01T10:00:00.000Z';
const NOW = '2026-03-05T12:00:00.000Z';

/** A switch as DocLayout.astro renders it (before the code arrives). */
const toggle = (where: string) => `
  <div class="study-toggle" data-study-toggle data-where="${where}">
    <button type="button" aria-pressed="false">Mark as studied</button>
    <span data-study-status></span>
  </div>`;

/** The markup of a content page with two switches and two checklists, from this test only. */
function page({ key = KEY, updated }: { key?: string | null; updated?: string } = {}): void {
  const html = `
    <article ${key === null ? '' : `data-page-key="${key}"`} ${updated ? `data-updated="${updated}"` : ''}>
      ${toggle('top')}
      <div data-checklist="plan"><ul>
        <li data-task="read"><span>Read the <a href="/x">guide</a></span></li>
        <li data-task="draw"><span>Draw the diagram</span></li>
      </ul></div>
      <div data-checklist="rubric"><ul>
        <li data-task="scope"><span>Scoped the problem</span></li>
      </ul></div>
      ${toggle('end')}
    </article>`;
  document.body.replaceChildren(...new DOMParser().parseFromString(html, 'text/html').body.childNodes);
}

const storage = fakeStorage();
const saved = () => savedStudyData(storage);
const seed = (overrides: Partial<StudyData>) => storage.items.set(STORAGE_KEY, JSON.stringify({ ...emptyStudyData(), ...overrides }));

const button = (where: string) => $<HTMLButtonElement>(`[data-where="${where}"] button`);
const status = (where: string) => text(`[data-where="${where}"] [data-study-status]`);
const box = (id: string) => $<HTMLInputElement>(`#${id}`);
const count = (list: string) => text(`[data-checklist="${list}"] [data-checklist-count]`);

/** Ticks or unticks a checkbox as a reader's click does. */
function tick(id: string, checked: boolean): void {
  box(id).checked = checked;
  box(id).dispatchEvent(new Event('change'));
}

async function load(): Promise<void> {
  vi.resetModules();
  await import('./page-progress.ts');
}

beforeEach(() => {
  trackWindowListeners();
  storage.items.clear();
  storage.refuse = null;
  storage.unreadable = false;
  vi.spyOn(window, 'localStorage', 'get').mockReturnValue(storage as unknown as Storage);
  vi.useFakeTimers({ now: new Date(NOW), toFake: ['Date'] });
});

afterEach(() => {
  removeWindowListeners();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('on arrival', () => {
  it('shows both switches unpressed and turns each checklist item into a labelled checkbox', async () => {
    page();
    await load();
    for (const where of ['top', 'end']) {
      expect(button(where).getAttribute('aria-pressed')).toBe('false');
      expect(button(where).textContent).toBe('Mark as studied');
      expect(status(where)).toBe('');
    }
    const ids = [...document.querySelectorAll('input[type="checkbox"]')].map((input) => input.id);
    expect(ids).toEqual(['task-0-0', 'task-0-1', 'task-1-0']);
    for (const id of ids) {
      const label = document.querySelector<HTMLLabelElement>(`label[for="${id}"]`)!;
      expect(label.parentElement).toBe(box(id).parentElement);
      expect(box(id).checked).toBe(false);
    }
    // The item's own content (link included) moves into the label, after the box.
    const first = $('li[data-task="read"]');
    expect([...first.children].map((child) => child.tagName)).toEqual(['INPUT', 'LABEL']);
    expect(first.querySelector('label a')?.getAttribute('href')).toBe('/x');
    expect(first.querySelector('label')?.textContent).toBe('Read the guide');
    for (const list of document.querySelectorAll('[data-checklist]')) {
      expect(list.classList.contains('enhanced')).toBe(true);
      const line = list.querySelector('[data-checklist-count]')!;
      expect(line.tagName).toBe('P');
      expect(line.className).toBe('checklist-count');
      expect(line.getAttribute('aria-live')).toBe('polite');
      expect(list.lastElementChild).toBe(line);
    }
    expect(count('plan')).toBe('0 of 2 done');
    expect(count('rubric')).toBe('0 of 1 done');
  });

  it('restores what this device saved: the page marked studied and the ticked items', async () => {
    seed({ studied: { [KEY]: T1, 'guides/other': T1 }, tasks: { [`${KEY}#plan/draw`]: T1, 'guides/other#plan/read': T1 } });
    page();
    await load();
    const expected = studiedStatus(T1, undefined);
    for (const where of ['top', 'end']) {
      expect(button(where).getAttribute('aria-pressed')).toBe('true');
      expect(button(where).textContent).toBe('Studied ✓');
      expect(status(where)).toBe(expected.status);
      expect(status(where)).toMatch(/^Marked on /);
      expect($(`[data-where="${where}"]`).classList.contains('is-updated')).toBe(false);
    }
    expect(box('task-0-0').checked).toBe(false);
    expect(box('task-0-1').checked).toBe(true);
    expect(box('task-1-0').checked).toBe(false);
    expect(count('plan')).toBe('1 of 2 done');
    expect(count('rubric')).toBe('0 of 1 done');
  });

  it('says when the page changed after the reader studied it', async () => {
    const updated = '2026-02-20T00:00:00.000Z';
    seed({ studied: { [KEY]: T1 } });
    page({ updated });
    await load();
    for (const where of ['top', 'end']) {
      expect($(`[data-where="${where}"]`).classList.contains('is-updated')).toBe(true);
      expect(status(where)).toBe(studiedStatus(T1, updated).status);
      expect(status(where)).toContain('This page was updated since you studied it');
    }
  });

  it('leaves a page without a page key alone: no checkboxes, switches as rendered', async () => {
    seed({ studied: { [KEY]: T1 } });
    page({ key: null });
    $('[data-where="top"]').classList.add('is-updated');
    await load();
    expect(document.querySelectorAll('input[type="checkbox"]')).toHaveLength(0);
    expect(document.querySelector('.enhanced')).toBeNull();
    expect(document.querySelector('[data-checklist-count]')).toBeNull();
    expect(button('top').textContent).toBe('Mark as studied');
    expect($('[data-where="top"]').classList.contains('is-updated')).toBe(true);
    button('top').click();
    expect(saved()?.studied).toEqual({ [KEY]: T1 });
  });

  it('skips a switch that lacks its status line and still draws the others', async () => {
    seed({ studied: { [KEY]: T1 } });
    page();
    $('[data-where="top"] [data-study-status]').remove();
    await load();
    expect(button('top').textContent).toBe('Mark as studied');
    expect(button('end').textContent).toBe('Studied ✓');
    // Pressing it still saves, and the other switch follows.
    button('top').click();
    expect(saved()?.studied).toEqual({});
    expect(button('end').textContent).toBe('Mark as studied');
  });

  it('skips a switch that lacks its button', async () => {
    page();
    $('[data-where="top"] button').remove();
    await load();
    button('end').click();
    expect(saved()?.studied).toEqual({ [KEY]: NOW });
    expect(status('top')).toBe('');
  });

  it('shows a mark whose date cannot be read as studied', async () => {
    seed({ studied: { [KEY]: 'yes' as unknown as string } });
    page();
    await load();
    expect(button('top').getAttribute('aria-pressed')).toBe('true');
  });
});

describe('Mark as studied', () => {
  it('marks the page with the time of the press, shows it on both switches, and unmarks it on a second press', async () => {
    page();
    await load();
    button('end').click();
    expect(saved()?.studied).toEqual({ [KEY]: NOW });
    for (const where of ['top', 'end']) {
      expect(button(where).getAttribute('aria-pressed')).toBe('true');
      expect(button(where).textContent).toBe('Studied ✓');
      expect(status(where)).toBe(studiedStatus(NOW, undefined).status);
    }
    button('top').click();
    expect(saved()?.studied).toEqual({});
    expect(Object.keys(saved()!.studied)).not.toContain(KEY);
    for (const where of ['top', 'end']) {
      expect(button(where).getAttribute('aria-pressed')).toBe('false');
      expect(button(where).textContent).toBe('Mark as studied');
      expect(status(where)).toBe('');
    }
  });

  it('keeps other pages’ marks', async () => {
    seed({ studied: { 'guides/other': T1 } });
    page();
    await load();
    button('top').click();
    expect(saved()?.studied).toEqual({ 'guides/other': T1, [KEY]: NOW });
  });

  it('says why when the browser refuses the change, beside the switch that was pressed', async () => {
    page();
    await load();
    storage.refuse = new DOMException('full', 'QuotaExceededError');
    button('end').click();
    expect(status('end')).toBe(`Not saved: ${SAVE_PROBLEMS.full}`);
    expect(status('top')).toBe('');
    expect(button('end').getAttribute('aria-pressed')).toBe('false');
    expect(saved()).toBeNull();
  });

  it('follows a change saved in another tab', async () => {
    page();
    await load();
    seed({ studied: { [KEY]: T1 } });
    window.dispatchEvent(new StorageEvent('storage', { key: STORAGE_KEY }));
    expect(button('top').textContent).toBe('Studied ✓');
  });
});

describe('checklists', () => {
  it('saves a ticked item under the page, list and task, and forgets it when unticked', async () => {
    page();
    await load();
    tick('task-0-1', true);
    expect(saved()?.tasks).toEqual({ [`${KEY}#plan/draw`]: NOW });
    expect(count('plan')).toBe('1 of 2 done');
    tick('task-1-0', true);
    expect(saved()?.tasks).toEqual({ [`${KEY}#plan/draw`]: NOW, [`${KEY}#rubric/scope`]: NOW });
    expect(count('rubric')).toBe('1 of 1 done');
    tick('task-0-1', false);
    expect(saved()?.tasks).toEqual({ [`${KEY}#rubric/scope`]: NOW });
    expect(count('plan')).toBe('0 of 2 done');
    // Studying is separate from ticking.
    expect(saved()?.studied).toEqual({});
  });

  it('puts the box back and says why when the browser refuses the change', async () => {
    page();
    await load();
    storage.refuse = new DOMException('locked', 'SecurityError');
    tick('task-0-0', true);
    expect(box('task-0-0').checked).toBe(false);
    expect(count('plan')).toBe(`0 of 2 done Your change was not saved: ${SAVE_PROBLEMS.refused}`);
    expect(count('rubric')).toBe('0 of 1 done');
    expect(saved()).toBeNull();
  });

  it('says nothing more when the change is saved', async () => {
    page();
    await load();
    tick('task-0-0', true);
    expect(count('plan')).toBe('1 of 2 done');
  });
});
