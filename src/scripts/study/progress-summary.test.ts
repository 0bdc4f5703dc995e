// @vitest-environment happy-dom
/**
 * The home page's progress summary (progress-summary.ts) on a simulated DOM: hidden until the
 * reader has studied something, the list of pages fetched only then (and once), the figures and the
 * next page, and hidden again when the list cannot be fetched. The browser side is in
 * tests/e2e/progress.test.ts.
 */
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { STORAGE_KEY } from './store.ts';
import { emptyStudyData, type StudyData } from './schema.ts';
import type { ManifestSection } from './progress.ts';
import { fakeStorage } from './__fixtures__/fake-storage.ts';
import { $, text } from '../__fixtures__/dom.ts';
import { removeWindowListeners, trackWindowListeners } from '../__fixtures__/window-listeners.ts';

const T1 = '2026-02-01T10:00:00.000Z';
const MANIFEST: ManifestSection[] = [
  {
    label: 'Guides',
    pages: [
      { key: 'guides/loop', title: 'The loop', path: '/netflix-sd/guides/loop/' },
      { key: 'guides/scoping', title: 'Scoping', path: '/netflix-sd/guides/scoping/' },
    ],
  },
  { label: 'Stack', pages: [{ key: 'stack/evcache', title: 'EVCache', path: '/netflix-sd/stack/evcache/' }] },
];

const storage = fakeStorage();
const seed = (overrides: Partial<StudyData>) => storage.items.set(STORAGE_KEY, JSON.stringify({ ...emptyStudyData(), ...overrides }));

/** A fetch that answers the manifest (or the status given), recording each address asked for. */
function serve(status = 200) {
  const fetch = vi.fn(async (_url: string) => new Response(JSON.stringify(MANIFEST), { status }));
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

/** Lets the fetch and the drawing finish. */
const settle = async () => {
  for (let i = 0; i < 5; i += 1) await new Promise((resolve) => setImmediate(resolve));
};

/** Loads the island; returns the page's store. */
async function load() {
  vi.resetModules();
  await import('./progress-summary.ts');
  await settle();
  return (await import('./store.ts')).studyStore();
}

const box = () => $('[data-progress-summary]');

/** Puts this test's markup in the page (parsed, as the server's HTML is). */
const setBody = (html: string) => document.body.replaceChildren(...new DOMParser().parseFromString(html, 'text/html').body.childNodes);

beforeEach(() => {
  trackWindowListeners();
  storage.items.clear();
  vi.spyOn(window, 'localStorage', 'get').mockReturnValue(storage as unknown as Storage);
  document.documentElement.dataset.base = '/netflix-sd/';
  setBody('<aside data-progress-summary hidden><p data-summary-text></p></aside>');
});

afterEach(() => {
  removeWindowListeners();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  delete document.documentElement.dataset.base;
});

it('stays hidden, without fetching the list of pages, for a reader who has studied nothing', async () => {
  const fetch = serve();
  seed({ studied: { 'guides/loop': '' }, tasks: { 'guides/loop#plan/a': T1 } });
  await load();
  expect(box().hidden).toBe(true);
  expect(fetch).not.toHaveBeenCalled();
});

it('says how much is studied and links the next page', async () => {
  const fetch = serve();
  seed({ studied: { 'guides/loop': T1, 'guides/scoping': '' } });
  await load();
  expect(fetch.mock.calls.map(([url]) => url)).toEqual(['/netflix-sd/practice/study-manifest.json']);
  expect(box().hidden).toBe(false);
  expect(text('[data-summary-text]')).toBe('You have studied 1 of 3 pages (33%). Next: Scoping.');
  const link = $<HTMLAnchorElement>('[data-summary-text] a');
  expect(link.getAttribute('href')).toBe('/netflix-sd/guides/scoping/');
  expect(link.textContent).toBe('Scoping');
});

it('names no next page once every page is studied', async () => {
  serve();
  seed({ studied: { 'guides/loop': T1, 'guides/scoping': T1, 'stack/evcache': T1 } });
  await load();
  expect($('[data-summary-text]').textContent).toBe('You have studied 3 of 3 pages (100%). ');
  expect(box().hidden).toBe(false);
  expect(document.querySelector('[data-summary-text] a')).toBeNull();
});

it('fetches the list from the site root when the page names no base path', async () => {
  delete document.documentElement.dataset.base;
  const fetch = serve();
  seed({ studied: { 'guides/loop': T1 } });
  await load();
  expect(fetch.mock.calls.map(([url]) => url)).toEqual(['/practice/study-manifest.json']);
});

it('stays hidden when the pages studied are no longer in the list', async () => {
  serve();
  seed({ studied: { 'guides/retired': T1 } });
  await load();
  expect(box().hidden).toBe(true);
});

it('follows new marks, fetching the list once, and hides when everything is unmarked', async () => {
  const fetch = serve();
  const store = await load();
  expect(box().hidden).toBe(true);
  store.update((data) => {
    data.studied['stack/evcache'] = T1;
  });
  await settle();
  expect(box().hidden).toBe(false);
  expect(text('[data-summary-text]')).toBe('You have studied 1 of 3 pages (33%). Next: The loop.');
  store.update((data) => {
    data.studied['guides/loop'] = T1;
  });
  await settle();
  // The new figures replace the old ones.
  expect(text('[data-summary-text]')).toBe('You have studied 2 of 3 pages (66%). Next: Scoping.');
  expect(fetch).toHaveBeenCalledTimes(1);
  store.update((data) => {
    data.studied = {};
  });
  await settle();
  expect(box().hidden).toBe(true);
});

it('stays hidden when the list does not load, and tries again on the next change', async () => {
  const failing = serve(404);
  seed({ studied: { 'guides/loop': T1 } });
  box().hidden = false;
  const store = await load();
  expect(failing).toHaveBeenCalledTimes(1);
  expect(box().hidden).toBe(true);
  const fetch = serve();
  store.update((data) => {
    data.studied['guides/scoping'] = T1;
  });
  await settle();
  expect(fetch).toHaveBeenCalledTimes(1);
  expect(box().hidden).toBe(false);
  expect(text('[data-summary-text]')).toBe('You have studied 2 of 3 pages (66%). Next: EVCache.');
});

it('does nothing on a page without the summary', async () => {
  const fetch = serve();
  setBody('');
  seed({ studied: { 'guides/loop': T1 } });
  await load();
  expect(fetch).not.toHaveBeenCalled();
});
