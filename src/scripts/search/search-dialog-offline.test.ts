// @vitest-environment happy-dom
// @vitest-environment-options {"url":"http://localhost/netflix-sd/loop/","settings":{"handleDisabledFileLoadingAsSuccess":true}}
/**
 * Offline search on a simulated DOM (happy-dom) over a fake Pagefind: a result whose fragment is
 * on this device shows its excerpt; one whose fragment cannot load is listed by title, type and
 * link from the search map (fetched once, under the site's base), and the summary says excerpts
 * appear once online; a result the map lacks, or every such result when the map cannot load or
 * is from another version of the site, is left out, and a failed map is asked for again.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { NO_EXCERPT_NOTE } from './excerpt.ts';
import {
  BASE,
  fakeNetwork,
  fakePagefind,
  loadDialog,
  searchMapOf,
  type FakePagefind,
  type FakePage,
} from './__fixtures__/fake-pagefind.ts';
import { ALL_PAGES, CACHE_PAGES, EDGE_GUIDE, GATEWAY_MISTAKES, ZUUL } from './__fixtures__/pages.ts';
import { all, click, dialog, idle, input, layout, more, pageLinks, selected, summary, titles, typeQuery } from './__fixtures__/dialog.ts';

let fake: FakePagefind;
let search: Awaited<ReturnType<typeof loadDialog>>;

/** The index with the pages named by `ids` not on this device. */
const offline = (...ids: string[]): FakePage[] => ALL_PAGES.map((page) => (ids.includes(page.id) ? { ...page, offline: true } : page));
const MAP_URL = `${BASE}pagefind/search-map.json`;

async function start(pages: FakePage[]): Promise<void> {
  fake = fakePagefind(pages);
  search = await loadDialog(fake);
  await search.open(null);
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  document.head.replaceChildren();
  document.body.replaceChildren();
  localStorage.clear();
  layout();
});

afterEach(() => {
  vi.clearAllTimers();
  vi.useRealTimers();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('offline search', () => {
  it('lists a page not on this device by title, type and link from the search map, and says why it has no excerpt', async () => {
    const requests = fakeNetwork(searchMapOf(ALL_PAGES));
    await start(offline(EDGE_GUIDE.id, GATEWAY_MISTAKES.id));
    await typeQuery('gateway');
    expect(pageLinks()).toEqual([ZUUL.url, EDGE_GUIDE.url, GATEWAY_MISTAKES.url]);
    expect(titles()).toEqual(['Zuul', 'The edge, end to end', 'Gateway mistakes']);
    const [zuul, guide, mistakes] = all('.search-page');
    // The page read online keeps its excerpt and sections.
    expect(zuul!.className).toBe('search-hit search-page');
    expect(all('.search-section')).toHaveLength(2);
    for (const page of [guide!, mistakes!]) {
      expect(page.className).toBe('search-hit search-page search-no-excerpt');
      expect(page.getAttribute('role')).toBe('option');
      expect(page.querySelector('.search-excerpt')).toBeNull();
    }
    expect(all('.search-badge').map((badge) => badge.textContent)).toEqual(['Stack component', 'Guide', 'Mistake']);
    expect(summary()).toBe(`3 results for “gateway”. ${NO_EXCERPT_NOTE}`);
    expect(requests).toEqual([MAP_URL]);
    // Fetched once: the next search uses the same map.
    await typeQuery('edge');
    expect(pageLinks()).toEqual([ZUUL.url, EDGE_GUIDE.url]);
    expect(requests).toEqual([MAP_URL]);
  });

  it('fetches no map when every fragment loads, and says nothing about excerpts', async () => {
    const requests = fakeNetwork(searchMapOf(ALL_PAGES));
    await start(ALL_PAGES);
    await typeQuery('gateway');
    expect(requests).toEqual([]);
    expect(all('.search-no-excerpt')).toEqual([]);
    expect(summary()).toBe('3 results for “gateway”.');
  });

  it('shows no badge for a page the map gives no type', async () => {
    fakeNetwork(searchMapOf(ALL_PAGES));
    await start(offline('cache-10'));
    await typeQuery('number 10');
    expect(titles()).toEqual([`${BASE}cache-10/`]);
    expect(pageLinks()).toEqual([`${BASE}cache-10/`]);
    expect(all('.search-badge')).toEqual([]);
  });

  it('leaves out a result the map does not list', async () => {
    fakeNetwork(searchMapOf(ALL_PAGES.filter((page) => page.id !== EDGE_GUIDE.id)));
    await start(offline(EDGE_GUIDE.id, GATEWAY_MISTAKES.id));
    await typeQuery('gateway');
    expect(pageLinks()).toEqual([ZUUL.url, GATEWAY_MISTAKES.url]);
  });

  it('leaves out every result without a fragment when the map cannot load, and asks for it again next time', async () => {
    const requests = fakeNetwork(503);
    await start(offline(EDGE_GUIDE.id, GATEWAY_MISTAKES.id));
    await typeQuery('gateway');
    expect(pageLinks()).toEqual([ZUUL.url]);
    expect(summary()).toBe('3 results for “gateway”.');
    await typeQuery('gateway edge');
    expect(requests).toEqual([MAP_URL, MAP_URL]);
  });

  it.each([
    ['another version', { version: 2, pages: searchMapOf(ALL_PAGES).pages }],
    ['no pages', { version: 1 }],
    ['pages that are not a table', { version: 1, pages: 'zuul' }],
    ['an error status, even with a map for its body', { status: 500, body: searchMapOf(ALL_PAGES) }],
  ])('does not use a map with %s, and asks for it again next time', async (_name, map) => {
    const requests = fakeNetwork(map);
    await start(offline(EDGE_GUIDE.id, GATEWAY_MISTAKES.id));
    await typeQuery('gateway');
    expect(pageLinks()).toEqual([ZUUL.url]);
    await typeQuery('gateway edge');
    expect(requests).toHaveLength(2);
  });

  it('keeps the last result active when "More results" brings none that can be listed', async () => {
    fakeNetwork(503);
    await start(offline('cache-4', 'cache-5', 'cache-6', 'cache-7', 'cache-8'));
    await typeQuery('cache');
    click(more());
    await idle();
    expect(titles()).toEqual(['Cache page 1', 'Cache page 2', 'Cache page 3']);
    expect(selected()).toEqual(['Cache page 3']);
    expect(summary()).toBe('10 results for “cache”, showing 8.');
  });

  it('lists nothing, and fails at nothing, when neither fragments nor the map can load, even after "More results"', async () => {
    fakeNetwork(503);
    await start(offline(...CACHE_PAGES.map((page) => page.id)));
    await typeQuery('cache');
    expect(titles()).toEqual([]);
    more().focus();
    click(more());
    await idle();
    expect(titles()).toEqual([]);
    expect(fake.fragments).toHaveLength(8);
    expect(dialog().dataset.state).toBe('done');
    expect(document.activeElement).toBe(input());
  });

  it('says excerpts are missing once a page without one is on screen, and not for a later search where none is', async () => {
    fakeNetwork(searchMapOf(ALL_PAGES));
    await start(offline('cache-5'));
    await typeQuery('cache');
    expect(summary()).toBe('10 results for “cache”, showing 3.');
    click(more());
    await idle();
    expect(titles()).toEqual(CACHE_PAGES.slice(0, 8).map((page) => page.title));
    expect(all('.search-no-excerpt').map((page) => page.getAttribute('href'))).toEqual([`${BASE}cache-5/`]);
    expect(summary()).toBe(`10 results for “cache”, showing 8. ${NO_EXCERPT_NOTE}`);
    await typeQuery('gateway');
    expect(summary()).toBe('3 results for “gateway”.');
  });
});
