// @vitest-environment happy-dom
/**
 * The sidebar's studied marks (sidebar-progress.ts) on a simulated DOM: a mark on each studied
 * page's link from saved data, kept current when a page is marked here or in another tab. The
 * browser side is in tests/e2e/progress.test.ts.
 */
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { STORAGE_KEY } from './store.ts';
import { emptyStudyData, type StudyData } from './schema.ts';
import { fakeStorage } from './__fixtures__/fake-storage.ts';
import { $ } from '../__fixtures__/dom.ts';
import { removeWindowListeners, trackWindowListeners } from '../__fixtures__/window-listeners.ts';

const T1 = '2026-02-01T10:00:00.000Z';
const storage = fakeStorage();
const seed = (overrides: Partial<StudyData>) => storage.items.set(STORAGE_KEY, JSON.stringify({ ...emptyStudyData(), ...overrides }));

function page(): void {
  setBody(`
    <nav class="sidebar">
      <a href="/guides/loop/" data-study-key="guides/loop">The loop</a>
      <a href="/guides/scoping/" data-study-key="guides/scoping" data-studied>Scoping</a>
      <a href="/about/">About</a>
    </nav>
    <main><a href="/guides/loop/" data-study-key="guides/loop">The loop, in the text</a></main>`);
}

const marked = () => [...document.querySelectorAll<HTMLAnchorElement>('a[data-studied]')].map((a) => a.textContent);

/** Loads the island; returns the page's store, as the other islands share it. */
async function load() {
  vi.resetModules();
  await import('./sidebar-progress.ts');
  return (await import('./store.ts')).studyStore();
}

/** Puts this test's markup in the page (parsed, as the server's HTML is). */
const setBody = (html: string) => document.body.replaceChildren(...new DOMParser().parseFromString(html, 'text/html').body.childNodes);

beforeEach(() => {
  trackWindowListeners();
  storage.items.clear();
  vi.spyOn(window, 'localStorage', 'get').mockReturnValue(storage as unknown as Storage);
  page();
});

afterEach(() => {
  removeWindowListeners();
  vi.restoreAllMocks();
});

it('marks the sidebar links of studied pages, and only those, from saved data', async () => {
  seed({ studied: { 'guides/loop': T1 } });
  await load();
  expect(marked()).toEqual(['The loop']);
  expect($('.sidebar a[data-study-key="guides/loop"]').getAttribute('data-studied')).toBe('');
});

it('keeps the marks current as pages are marked and unmarked', async () => {
  const store = await load();
  expect(marked()).toEqual([]);
  store.update((data) => {
    data.studied['guides/scoping'] = T1;
  });
  expect(marked()).toEqual(['Scoping']);
  store.update((data) => {
    data.studied = { 'guides/loop': T1 };
  });
  expect(marked()).toEqual(['The loop']);
});

it('follows a page marked in another tab', async () => {
  await load();
  seed({ studied: { 'guides/loop': T1, 'guides/scoping': T1 } });
  window.dispatchEvent(new StorageEvent('storage', { key: STORAGE_KEY }));
  expect(marked()).toEqual(['The loop', 'Scoping']);
});

it('does nothing on a page without a sidebar of study pages', async () => {
  setBody('<main><a href="/guides/loop/" data-study-key="guides/loop">The loop</a></main>');
  seed({ studied: { 'guides/loop': T1 } });
  const store = await load();
  expect(marked()).toEqual([]);
  store.update((data) => {
    data.studied['guides/scoping'] = T1;
  });
  expect(marked()).toEqual([]);
});
