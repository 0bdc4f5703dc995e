// @vitest-environment happy-dom
// @vitest-environment-options {"url":"http://localhost/netflix-sd/loop/","settings":{"handleDisabledFileLoadingAsSuccess":true}}
/**
 * The search dialog on a simulated DOM (happy-dom) over a fake Pagefind (__fixtures__/fake-pagefind.ts):
 * opening it (modal, input focused, the engine configured and loaded once), the plain message when
 * Pagefind cannot load, results (title, type, link, marked words, sections under their headings,
 * text from the index never read as markup), the announced count, ranking (demoted pages after
 * the page they mention), answers that arrive late, and the filters by content type.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EXCERPT_WORDS, PAGE_SIZE, RANKING, TYPING_DELAY_MS } from './config.ts';
import { BASE, fakeNetwork, fakePagefind, loadDialog, type FakePagefind } from './__fixtures__/fake-pagefind.ts';
import { ALL_PAGES, EDGE_GUIDE, GATEWAY_MISTAKES, ZUUL } from './__fixtures__/pages.ts';
import {
  all,
  click,
  dialog,
  idle,
  input,
  layout,
  more,
  options,
  page,
  pageLinks,
  press,
  summary,
  titles,
  typeButton,
  typeButtons,
  typeOnly,
  typeQuery,
} from './__fixtures__/dialog.ts';
import { $ } from '../__fixtures__/dom.ts';

const INVITATION = 'Type to search the guides, prompts, mistakes, culture pages and the stack.';

let fake: FakePagefind;
let search: Awaited<ReturnType<typeof loadDialog>>;
let button: HTMLButtonElement;

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  document.head.replaceChildren();
  page('<button type="button" data-search-open>Search</button>');
  button = $<HTMLButtonElement>('[data-search-open]');
  localStorage.clear();
  layout();
  fakeNetwork(404);
  fake = fakePagefind(ALL_PAGES);
  search = await loadDialog(fake);
});

afterEach(() => {
  vi.clearAllTimers();
  vi.useRealTimers();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('opening the dialog', () => {
  it('opens as a modal with the input focused, and loads the styles and the engine, configured for the site', async () => {
    await search.open(button);
    expect(dialog().open).toBe(true);
    expect(document.activeElement).toBe(input());
    expect(all('link[rel="stylesheet"]').map((link) => link.getAttribute('href'))).toEqual([`${BASE}styles/search.css`]);
    expect(fake.module.options).toHaveBeenCalledWith({
      basePath: `${BASE}pagefind/`,
      baseUrl: BASE,
      excerptLength: EXCERPT_WORDS,
      noWorker: true,
      ranking: RANKING,
    });
    expect(fake.module.init).toHaveBeenCalledOnce();
    // The filter index, so the first search can count its results per type.
    expect(fake.module.filters).toHaveBeenCalledOnce();
  });

  it('opens the same dialog again without loading anything twice', async () => {
    await search.open(button);
    dialog().close();
    await search.open(button);
    await search.open(button);
    expect(all('.search-dialog')).toHaveLength(1);
    expect(dialog().open).toBe(true);
    expect(all('link[rel="stylesheet"]')).toHaveLength(1);
    expect(fake.module.options).toHaveBeenCalledOnce();
    expect(fake.module.init).toHaveBeenCalledOnce();
  });

  it('on a site at the root of its domain (no data-base), loads its styles and engine from the root', async () => {
    search = await loadDialog(fake, null);
    await search.open(button);
    expect(all('link[rel="stylesheet"]').map((link) => link.getAttribute('href'))).toEqual(['/styles/search.css']);
    expect(fake.module.options).toHaveBeenCalledWith(expect.objectContaining({ basePath: '/pagefind/', baseUrl: '/' }));
  });

  it('names its parts for assistive technology and shows the keys it answers to', async () => {
    await search.open(button);
    expect(dialog().getAttribute('aria-label')).toBe('Search the guide');
    expect($('.search-bar').getAttribute('role')).toBe('search');
    const list = $('.search-results');
    expect(input().getAttribute('role')).toBe('combobox');
    expect(input().getAttribute('aria-label')).toBe('Search');
    expect(input().getAttribute('aria-autocomplete')).toBe('list');
    expect(input().getAttribute('aria-controls')).toBe(list.id);
    expect(input().type).toBe('search');
    expect(input().placeholder).toBe('Search prompts, rounds, mistakes, the stack…');
    // No suggestions or spelling marks from the browser; the phone keyboard's key says "search".
    expect([input().getAttribute('autocomplete'), input().getAttribute('spellcheck'), input().getAttribute('enterkeyhint')]).toEqual([
      'off',
      'false',
      'search',
    ]);
    expect(['.search-close', '.search-more', '.search-clear-recent'].map((selector) => $(selector).getAttribute('type'))).toEqual([
      'button',
      'button',
      'button',
    ]);
    expect(list.getAttribute('role')).toBe('listbox');
    expect(list.getAttribute('aria-label')).toBe('Results');
    expect($('.search-summary').getAttribute('role')).toBe('status');
    expect($('.search-types').getAttribute('role')).toBe('group');
    expect($('.search-types').getAttribute('aria-label')).toBe('Filter by content type');
    expect($('.search-close').textContent).toBe('Close');
    expect($('.search-hints').getAttribute('aria-hidden')).toBe('true');
    expect($('.search-hints').textContent).toBe('↑ ↓ move Enter open Esc clear, then close ');
    expect(all('.search-hints kbd').map((kbd) => kbd.textContent)).toEqual(['↑ ↓', 'Enter', 'Esc']);
  });

  it('invites typing when there are no recent searches, with nothing listed and no filters', async () => {
    await search.open(button);
    expect(summary()).toBe(INVITATION);
    expect(dialog().dataset.state).toBe('recent');
    expect(input().getAttribute('aria-expanded')).toBe('false');
    expect(options()).toEqual([]);
    expect($('.search-types').hidden).toBe(true);
    expect(more().hidden).toBe(true);
    expect($('.search-clear-recent').hidden).toBe(true);
  });

  it('reopens with the last query selected and its results kept', async () => {
    await search.open(button);
    await typeQuery('gateway');
    dialog().close();
    await search.open(button);
    expect(input().value).toBe('gateway');
    expect([input().selectionStart, input().selectionEnd]).toEqual([0, 'gateway'.length]);
    expect(pageLinks()).toEqual([ZUUL.url, EDGE_GUIDE.url, GATEWAY_MISTAKES.url]);
    expect(dialog().dataset.state).toBe('done');
  });

  it('warm() loads the styles and the engine without opening anything', async () => {
    search.warm();
    await idle();
    expect(all('.search-dialog')).toEqual([]);
    expect(all('link[rel="stylesheet"]')).toHaveLength(1);
    expect(fake.module.init).toHaveBeenCalledOnce();
    await search.open(button);
    expect(fake.module.init).toHaveBeenCalledOnce();
  });
});

describe('when Pagefind cannot load', () => {
  it('says so plainly on opening, and loads it on the next opening once it can', async () => {
    fake.unreachable = true;
    await search.open(button);
    expect(summary()).toBe(search.LOAD_ERROR);
    expect(dialog().dataset.state).toBe('error');
    fake.unreachable = false;
    dialog().close();
    await search.open(button);
    expect(dialog().dataset.state).toBe('recent');
    await typeQuery('gateway');
    expect(titles()).toEqual(['Zuul', 'The edge, end to end', 'Gateway mistakes']);
  });

  it('says so when a query is typed, and searches once Pagefind loads', async () => {
    fake.unreachable = true;
    await search.open(button);
    typeOnly('');
    expect(summary()).toBe(INVITATION);
    await typeQuery('gateway');
    expect(dialog().dataset.state).toBe('error');
    expect(summary()).toBe(search.LOAD_ERROR);
    expect(options()).toEqual([]);
    fake.unreachable = false;
    await typeQuery('gateway edge');
    expect(dialog().dataset.state).toBe('done');
    expect(titles()).toEqual(['Zuul', 'The edge, end to end']);
  });

  it('Enter with nothing typed goes back from the message to the invitation', async () => {
    fake.unreachable = true;
    await search.open(button);
    expect(dialog().dataset.state).toBe('error');
    fake.unreachable = false;
    press('Enter');
    expect(dialog().dataset.state).toBe('recent');
    expect(summary()).toBe(INVITATION);
    expect(fake.searches).toEqual([]);
  });

  it('says nothing of a failure for a query the reader has since erased', async () => {
    fake.unreachable = true;
    await search.open(button);
    fake.unreachable = false;
    let fail = () => {};
    fake.module.init.mockImplementationOnce(
      () =>
        new Promise<void>((_resolve, reject) => {
          fail = () => reject(new TypeError('Failed to fetch'));
        }),
    );
    typeOnly('gateway');
    await vi.advanceTimersByTimeAsync(TYPING_DELAY_MS);
    await idle();
    expect(fake.module.init).toHaveBeenCalledOnce();
    typeOnly('');
    fail();
    await idle();
    expect(dialog().dataset.state).toBe('recent');
    expect(summary()).toBe(INVITATION);
  });

  it('warming up fails silently, and opening tries again', async () => {
    fake.unreachable = true;
    search.warm();
    await idle();
    expect(all('.search-dialog')).toEqual([]);
    fake.unreachable = false;
    await search.open(button);
    expect(dialog().dataset.state).toBe('recent');
    expect(fake.module.init).toHaveBeenCalledOnce();
  });
});

describe('results', () => {
  it('searches once the reader pauses typing, for what is typed then', async () => {
    await search.open(button);
    typeOnly('gate');
    await vi.advanceTimersByTimeAsync(TYPING_DELAY_MS - 1);
    typeOnly('gateway ');
    await vi.advanceTimersByTimeAsync(TYPING_DELAY_MS - 1);
    expect(fake.searches).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    await idle();
    // One search as typed (trimmed), one for the demoted pages among its results.
    expect(fake.searches).toEqual([
      { query: 'gateway', filters: {} },
      { query: 'gateway', filters: { rank: 'demoted' } },
    ]);
    expect(dialog().dataset.state).toBe('done');
  });

  it('lists each page by title with its type and link, and marks the matched words in its excerpt', async () => {
    await search.open(button);
    await typeQuery('edge cdn');
    const [page] = all('.search-page');
    expect(pageLinks()).toEqual([EDGE_GUIDE.url]);
    expect(page!.getAttribute('role')).toBe('option');
    expect(page!.getAttribute('tabindex')).toBe('-1');
    expect(page!.getAttribute('aria-selected')).toBe('false');
    expect(page!.className).toBe('search-hit search-page');
    expect(page!.querySelector('.search-title')!.textContent).toBe('The edge, end to end');
    expect(page!.querySelector('.search-badge')!.textContent).toBe('Guide');
    const excerpt = page!.querySelector('.search-excerpt')!;
    expect(excerpt.textContent).toBe('From the device to the gateway.');
    expect([...excerpt.querySelectorAll('mark')].map((mark) => mark.textContent)).toEqual(['gateway']);
    // Each page is a labeled group, so its sections are heard as part of it.
    const group = page!.closest('.search-group')!;
    expect(group.getAttribute('role')).toBe('group');
    expect(group.getAttribute('aria-label')).toBe('The edge, end to end');
  });

  it('shows the best-matching sections under their headings, in page order, each linked to its heading', async () => {
    await search.open(button);
    await typeQuery('routing');
    const sections = all('.search-section');
    expect(sections.map((section) => section.getAttribute('href'))).toEqual([`${BASE}stack/zuul/#filters`, `${BASE}stack/zuul/#routing`]);
    expect(sections.map((section) => section.querySelector('.search-heading')!.textContent)).toEqual(['Filters', 'Routing']);
    expect(sections.map((section) => section.querySelector('.search-excerpt mark')!.textContent)).toEqual(['gateway', 'gateway']);
    expect(
      sections.map((section) => [
        section.getAttribute('role'),
        section.getAttribute('tabindex'),
        section.getAttribute('aria-selected'),
        section.className,
      ]),
    ).toEqual([
      ['option', '-1', 'false', 'search-hit search-section'],
      ['option', '-1', 'false', 'search-hit search-section'],
    ]);
    // The page's own excerpt is left out when sections are shown; sections sit in the page's group.
    expect($('.search-page .search-excerpt')).toBeNull();
    expect(sections.every((section) => section.parentElement === $('.search-page').parentElement)).toBe(true);
    // Every option has its own id, for aria-activedescendant.
    const ids = options().map((option) => option.id);
    expect(new Set(ids).size).toBe(3);
    expect(ids.every((id) => /^search-option-\d+$/.test(id))).toBe(true);
  });

  it('shows text from the index as text, never as markup', async () => {
    fake.pages.push({
      id: 'hostile',
      url: `${BASE}hostile/`,
      title: '<img src=x onerror="alert(1)">',
      score: 1,
      text: 'hostile',
      excerpt: 'a <b>bold</b> <mark>hostile</mark> &lt;script&gt;alert(1)&lt;/script&gt; <img src=x onerror=alert(2)>',
    });
    await search.open(button);
    await typeQuery('hostile');
    const page = $('.search-page');
    expect(page.querySelector('.search-title')!.textContent).toBe('<img src=x onerror="alert(1)">');
    expect(page.querySelectorAll('img, b, script')).toHaveLength(0);
    expect(page.querySelector('.search-excerpt')!.textContent).toBe('a bold hostile <script>alert(1)</script> ');
    expect([...page.querySelectorAll('mark')].map((mark) => mark.textContent)).toEqual(['hostile']);
  });

  it('shows a page without a title by its address, and no badge for a page without a type', async () => {
    await search.open(button);
    await typeQuery('number 10');
    expect(titles()).toEqual([`${BASE}cache-10/`]);
    expect($('.search-badge')).toBeNull();
  });

  it('announces how many results there are and how many are shown, and says when there are none', async () => {
    await search.open(button);
    await typeQuery('cache');
    expect(summary()).toBe(`10 results for “cache”, showing ${PAGE_SIZE}.`);
    expect(input().getAttribute('aria-expanded')).toBe('true');
    await typeQuery('number 7');
    expect(summary()).toBe('1 result for “number 7”.');
    await typeQuery('nothing like this');
    expect(summary()).toBe('No results for “nothing like this”.');
    expect(options()).toEqual([]);
    expect(input().getAttribute('aria-expanded')).toBe('false');
    expect(more().hidden).toBe(true);
    expect(dialog().dataset.state).toBe('done');
  });

  it('ranks a demoted page (mistakes, lists) below the pages it mentions', async () => {
    await search.open(button);
    await typeQuery('gateway');
    // Pagefind scores the mistakes page first (12 against 9 and 5); demoted, it keeps 35% of that.
    expect(pageLinks()).toEqual([ZUUL.url, EDGE_GUIDE.url, GATEWAY_MISTAKES.url]);
  });

  it("keeps Pagefind's order when the search for demoted pages gives no answer", async () => {
    fake.nullFor = (_query, filters) => filters.rank === 'demoted';
    await search.open(button);
    await typeQuery('gateway');
    expect(pageLinks()).toEqual([GATEWAY_MISTAKES.url, ZUUL.url, EDGE_GUIDE.url]);
  });

  it('shows nothing from an answer Pagefind withdrew', async () => {
    await search.open(button);
    await typeQuery('gateway');
    fake.nullFor = (query) => query === 'cache';
    await typeQuery('cache');
    expect(pageLinks()).toEqual([ZUUL.url, EDGE_GUIDE.url, GATEWAY_MISTAKES.url]);
    expect(fake.fragments).not.toContain('cache-1');
  });

  it('shows the answer to the latest query when an earlier one answers late', async () => {
    await search.open(button);
    const release = fake.hold('gateway');
    await typeQuery('gateway');
    await typeQuery('cache');
    expect(titles()).toEqual(['Cache page 1', 'Cache page 2', 'Cache page 3']);
    release();
    await idle();
    expect(titles()).toEqual(['Cache page 1', 'Cache page 2', 'Cache page 3']);
    expect(summary()).toBe(`10 results for “cache”, showing ${PAGE_SIZE}.`);
    expect(fake.fragments).not.toContain('zuul');
  });

  it('drops the results of a query the reader erased before they arrived', async () => {
    await search.open(button);
    const release = fake.hold('gateway');
    await typeQuery('gateway');
    typeOnly('');
    release();
    await idle();
    expect(options()).toEqual([]);
    expect(dialog().dataset.state).toBe('recent');
    expect(summary()).toBe(INVITATION);
  });

  it('drops the answer to a query the reader erased and replaced while it was on its way', async () => {
    await search.open(button);
    const release = fake.hold('gateway');
    await typeQuery('gateway');
    typeOnly('');
    await typeQuery('cache');
    release();
    await idle();
    expect(titles()).toEqual(['Cache page 1', 'Cache page 2', 'Cache page 3']);
    expect(summary()).toBe(`10 results for “cache”, showing ${PAGE_SIZE}.`);
  });

  it('keeps the summary of the latest query when the excerpts of an earlier one arrive late', async () => {
    await search.open(button);
    const release = fake.holdFragment(EDGE_GUIDE.id);
    await typeQuery('gateway');
    expect(dialog().dataset.state).toBe('searching');
    await typeQuery('cache');
    release();
    await idle();
    expect(summary()).toBe(`10 results for “cache”, showing ${PAGE_SIZE}.`);
    expect(titles()).toEqual(['Cache page 1', 'Cache page 2', 'Cache page 3']);
    expect(typeButtons()).toEqual(['All types (pressed)', 'Guide 4', 'Prompt 3', 'Mistake 2']);
  });

  it('goes back to the invitation (or recent searches) when the query is cleared', async () => {
    await search.open(button);
    await typeQuery('gateway');
    typeOnly('   ');
    expect(options()).toEqual([]);
    expect(dialog().dataset.state).toBe('recent');
    expect($('.search-types').hidden).toBe(true);
    await vi.advanceTimersByTimeAsync(TYPING_DELAY_MS);
    expect(fake.searches.filter((s) => s.query.trim() === '')).toEqual([]);
  });
});

describe('filters by content type', () => {
  it('offers every type found, with its count, in the order of the site, after "All types"', async () => {
    await search.open(button);
    await typeQuery('cache');
    expect(typeButtons()).toEqual(['All types (pressed)', 'Guide 4', 'Prompt 3', 'Mistake 2']);
    expect($('.search-types').hidden).toBe(false);
    expect(all('.search-type').every((b) => b.getAttribute('type') === 'button')).toBe(true);
    expect(all('.search-type-count').map((count) => count.textContent)).toEqual([' 4', ' 3', ' 2']);
  });

  it('narrows the results to a type, says so, and keeps every count; pressing it again shows all', async () => {
    await search.open(button);
    await typeQuery('cache');
    click(typeButton('Prompt'));
    expect(document.activeElement).toBe(input());
    await idle();
    expect(fake.searches.slice(-2)).toEqual([
      { query: 'cache', filters: { type: 'Prompt' } },
      { query: 'cache', filters: { type: 'Prompt', rank: 'demoted' } },
    ]);
    expect(titles()).toEqual(['Cache page 5', 'Cache page 6', 'Cache page 7']);
    expect(summary()).toBe('3 results for “cache” in Prompt.');
    expect(typeButtons()).toEqual(['All types', 'Guide 4', 'Prompt 3 (pressed)', 'Mistake 2']);
    click(typeButton('Prompt'));
    await idle();
    expect(typeButtons()).toEqual(['All types (pressed)', 'Guide 4', 'Prompt 3', 'Mistake 2']);
    expect(summary()).toBe(`10 results for “cache”, showing ${PAGE_SIZE}.`);
  });

  it('"All types" clears the chosen type', async () => {
    await search.open(button);
    await typeQuery('cache');
    click(typeButton('Guide'));
    await idle();
    expect(titles()).toEqual(['Cache page 1', 'Cache page 2', 'Cache page 3']);
    expect(summary()).toBe('4 results for “cache” in Guide, showing 3.');
    click(all('.search-type')[0]!);
    await idle();
    expect(typeButtons()[0]).toBe('All types (pressed)');
    expect(fake.searches.at(-2)).toEqual({ query: 'cache', filters: {} });
  });

  it('counts within the results when Pagefind gives no totals', async () => {
    fake.noTotals = true;
    await search.open(button);
    await typeQuery('cache');
    click(typeButton('Mistake'));
    await idle();
    expect(typeButtons()).toEqual(['All types', 'Mistake 2 (pressed)']);
  });

  it('keeps the chosen type when the next query finds none of it, so it can be cleared', async () => {
    await search.open(button);
    await typeQuery('cache');
    click(typeButton('Mistake'));
    await idle();
    await typeQuery('routing');
    expect(summary()).toBe('No results for “routing” in Mistake.');
    expect(typeButtons()).toEqual(['All types', 'Mistake 0 (pressed)', 'Stack component 1']);
  });

  it('offers only "All types" when no result has a type', async () => {
    await search.open(button);
    await typeQuery('number 10');
    expect(typeButtons()).toEqual(['All types (pressed)']);
  });

  it('offers only "All types" when Pagefind counts no types at all', async () => {
    const search2 = fake.module.search;
    fake.module.search = async (query, options) => {
      const response = await search2(query, options);
      return response && { results: response.results, filters: {}, totalFilters: {} };
    };
    await search.open(button);
    await typeQuery('cache');
    expect(typeButtons()).toEqual(['All types (pressed)']);
    expect(titles()).toEqual(['Cache page 1', 'Cache page 2', 'Cache page 3']);
  });
});
