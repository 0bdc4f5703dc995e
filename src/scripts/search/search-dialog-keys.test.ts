// @vitest-environment happy-dom
// @vitest-environment-options {"url":"http://localhost/netflix-sd/loop/","settings":{"handleDisabledFileLoadingAsSuccess":true}}
/**
 * The search dialog driven as a reader drives it, on a simulated DOM (happy-dom) over a fake
 * Pagefind: arrow keys move through the results (the input keeps focus and points at the active
 * one), Enter opens one, Escape clears and then closes, focus goes back to the opener; recent
 * searches are offered, picked and forgotten; and the next results load with "More results", with
 * the arrow keys past the last one, or by themselves when the end of the list is on screen.
 */
import { afterEach, beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import { NEXT_PAGE_SIZE, PAGE_SIZE, RECENT_STORAGE_KEY, TYPING_DELAY_MS } from './config.ts';
import { BASE, fakeNetwork, fakePagefind, loadDialog, type FakePagefind } from './__fixtures__/fake-pagefind.ts';
import { ALL_PAGES, EDGE_GUIDE, ZUUL } from './__fixtures__/pages.ts';
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
  selected,
  summary,
  titles,
  typeOnly,
  typeQuery,
} from './__fixtures__/dialog.ts';
import { $ } from '../__fixtures__/dom.ts';

let fake: FakePagefind;
let search: Awaited<ReturnType<typeof loadDialog>>;
let button: HTMLButtonElement;
let place: ReturnType<typeof layout>;
let assign: Mock<(url: string | URL) => void>;

const recentStored = () => JSON.parse(localStorage.getItem(RECENT_STORAGE_KEY) ?? 'null') as string[] | null;
const activeDescendant = () => input().getAttribute('aria-activedescendant');
const cacheTitles = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `Cache page ${from + i}`);

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  document.head.replaceChildren();
  page('<button type="button" data-search-open>Search</button><a href="#elsewhere">Elsewhere</a>');
  button = $<HTMLButtonElement>('[data-search-open]');
  localStorage.clear();
  place = layout();
  fakeNetwork(404);
  assign = vi.fn();
  vi.spyOn(location, 'assign').mockImplementation(assign);
  fake = fakePagefind(ALL_PAGES);
  search = await loadDialog(fake);
});

afterEach(() => {
  vi.clearAllTimers();
  vi.useRealTimers();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('the arrow keys', () => {
  it('move through pages and sections, wrapping at both ends, while the input keeps focus and points at the active one', async () => {
    const scrolled: [string, unknown][] = [];
    vi.spyOn(HTMLElement.prototype, 'scrollIntoView').mockImplementation(function (this: HTMLElement, options) {
      scrolled.push([this.id, options]);
    });
    await search.open(button);
    await typeQuery('gateway');
    expect(selected()).toEqual([]);
    const event = press('ArrowDown');
    expect(event.defaultPrevented).toBe(true);
    expect(selected()).toEqual(['Zuul']);
    expect(activeDescendant()).toBe(options()[0]!.id);
    expect(scrolled).toEqual([[options()[0]!.id, { block: 'nearest' }]]);
    press('ArrowDown');
    expect(selected()).toEqual(['Filters']);
    expect(activeDescendant()).toBe(options()[1]!.id);
    press('ArrowUp');
    press('ArrowUp');
    expect(selected()).toEqual(['Gateway mistakes']);
    press('ArrowDown');
    expect(selected()).toEqual(['Zuul']);
    expect(document.activeElement).toBe(input());
    expect(options().map((option) => option.getAttribute('aria-selected'))).toEqual(['true', 'false', 'false', 'false', 'false']);
  });

  it('ArrowUp with nothing active goes to the last option; a new query starts again from none', async () => {
    await search.open(button);
    await typeQuery('gateway');
    press('ArrowUp');
    expect(selected()).toEqual(['Gateway mistakes']);
    await typeQuery('gateway edge');
    expect(selected()).toEqual([]);
    expect(activeDescendant()).toBeNull();
    press('ArrowDown');
    expect(selected()).toEqual(['Zuul']);
  });

  it('are left alone when nothing is listed, as are other keys', async () => {
    await search.open(button);
    expect(press('ArrowDown').defaultPrevented).toBe(false);
    expect(press('ArrowUp').defaultPrevented).toBe(false);
    expect(activeDescendant()).toBeNull();
    await typeQuery('gateway');
    expect(press('a').defaultPrevented).toBe(false);
    expect(press('ArrowLeft').defaultPrevented).toBe(false);
    expect(selected()).toEqual([]);
  });
});

describe('Enter', () => {
  it('opens the active result: goes to its address, remembers the query and closes, giving focus back', async () => {
    await search.open(button);
    await typeQuery('gateway');
    press('ArrowDown');
    press('ArrowDown');
    expect(press('Enter').defaultPrevented).toBe(true);
    expect(assign.mock.calls).toEqual([[`${BASE}stack/zuul/#filters`]]);
    expect(recentStored()).toEqual(['gateway']);
    expect(dialog().open).toBe(false);
    expect(document.activeElement).toBe(button);
  });

  it('opens the first result when none is active', async () => {
    await search.open(button);
    // Spaces around the query are not a new query.
    await typeQuery(' edge cdn ');
    press('Enter');
    expect(assign.mock.calls).toEqual([[EDGE_GUIDE.url]]);
  });

  it('with nothing typed and nothing listed, searches nothing', async () => {
    await search.open(button);
    press('Enter');
    await idle();
    expect(fake.searches).toEqual([]);
    expect(options()).toEqual([]);
    expect(dialog().dataset.state).toBe('recent');
  });

  it('searches what is typed, rather than open a result of the previous query, before the typing pause ends', async () => {
    await search.open(button);
    await typeQuery('gateway');
    typeOnly('edge cdn');
    press('Enter');
    await idle();
    expect(assign).not.toHaveBeenCalled();
    expect(pageLinks()).toEqual([EDGE_GUIDE.url]);
    expect(dialog().open).toBe(true);
    // The pending search was dropped: one search (and its demotion search) per query.
    await vi.advanceTimersByTimeAsync(TYPING_DELAY_MS);
    await idle();
    expect(fake.searches.map((s) => s.query)).toEqual(['gateway', 'gateway', 'edge cdn', 'edge cdn']);
    press('Enter');
    expect(assign.mock.calls).toEqual([[EDGE_GUIDE.url]]);
  });

  it('with no results, searches again instead of opening anything', async () => {
    await search.open(button);
    await typeQuery('nothing like this');
    press('Enter');
    await idle();
    expect(assign).not.toHaveBeenCalled();
    expect(fake.searches).toHaveLength(4);
    expect(recentStored()).toBeNull();
  });
});

describe('closing', () => {
  it('Escape clears the query first, then closes, and focus goes back to the button that opened it', async () => {
    await search.open(button);
    await typeQuery('gateway');
    const first = press('Escape');
    expect(first.defaultPrevented).toBe(true);
    expect(input().value).toBe('');
    expect(options()).toEqual([]);
    expect(dialog().dataset.state).toBe('recent');
    expect(dialog().open).toBe(true);
    expect(document.activeElement).toBe(input());
    expect(press('Escape').defaultPrevented).toBe(true);
    expect(dialog().open).toBe(false);
    expect(document.activeElement).toBe(button);
  });

  it('Escape on a filter button clears the query and puts the focus back in the input', async () => {
    await search.open(button);
    await typeQuery('cache');
    const filter = $('.search-type');
    filter.focus();
    press('Escape', filter);
    expect(input().value).toBe('');
    expect(document.activeElement).toBe(input());
    expect(dialog().open).toBe(true);
  });

  it('a close request the keys did not see also clears the query first', async () => {
    await search.open(button);
    await typeQuery('gateway');
    const cancel = new Event('cancel', { cancelable: true });
    dialog().dispatchEvent(cancel);
    expect(cancel.defaultPrevented).toBe(true);
    expect(input().value).toBe('');
    expect(dialog().dataset.state).toBe('recent');
    const again = new Event('cancel', { cancelable: true });
    dialog().dispatchEvent(again);
    expect(again.defaultPrevented).toBe(false);
  });

  it('closes with its Close button and a click on the backdrop, not a click inside', async () => {
    await search.open(button);
    click($('.search-summary'));
    expect(dialog().open).toBe(true);
    click($('.search-close'));
    expect(dialog().open).toBe(false);
    await search.open(button);
    click(dialog());
    expect(dialog().open).toBe(false);
    expect(document.activeElement).toBe(button);
  });

  it('gives focus back to the first opener when opened again while open', async () => {
    const other = $<HTMLAnchorElement>('a[href="#elsewhere"]');
    await search.open(button);
    await search.open(other);
    dialog().close();
    expect(document.activeElement).toBe(button);
  });

  it('gives focus back only once, and not to an opener that has left the page', async () => {
    await search.open(button);
    dialog().close();
    input().focus();
    dialog().dispatchEvent(new Event('close'));
    expect(document.activeElement).toBe(input());
    await search.open(button);
    button.remove();
    const focus = vi.spyOn(button, 'focus');
    dialog().close();
    expect(focus).not.toHaveBeenCalled();
  });
});

describe('recent searches', () => {
  beforeEach(() => localStorage.setItem(RECENT_STORAGE_KEY, JSON.stringify(['routing', 'edge cdn'])));

  it('are offered when the dialog opens with no query', async () => {
    await search.open(button);
    expect(all('.search-recent').map((option) => option.textContent)).toEqual(['routing', 'edge cdn']);
    expect(
      all('.search-recent').map((option) => [option.getAttribute('role'), option.className, option.getAttribute('aria-selected')]),
    ).toEqual([
      ['option', 'search-hit search-recent', 'false'],
      ['option', 'search-hit search-recent', 'false'],
    ]);
    const group = $('.search-group');
    expect([group.getAttribute('role'), group.getAttribute('aria-label')]).toEqual(['group', 'Recent searches']);
    expect($('.search-group-label').textContent).toBe('Recent searches');
    // Said once, by the group's label, not again by the visible heading.
    expect($('.search-group-label').getAttribute('aria-hidden')).toBe('true');
    expect(summary()).toBe('Recent searches: 2. Use the arrow keys to pick one.');
    expect(input().getAttribute('aria-expanded')).toBe('true');
    expect($('.search-clear-recent').hidden).toBe(false);
    expect($('.search-clear-recent').textContent).toBe('Forget recent searches');
    expect(dialog().dataset.state).toBe('recent');
  });

  it('a click on one searches it, once', async () => {
    await search.open(button);
    // A click outside the input takes the focus from it.
    $('.search-clear-recent').focus();
    click(all('.search-recent')[1]!);
    expect(input().value).toBe('edge cdn');
    expect(document.activeElement).toBe(input());
    await idle();
    expect(pageLinks()).toEqual([EDGE_GUIDE.url]);
    expect(all('.search-recent')).toEqual([]);
    expect($('.search-clear-recent').hidden).toBe(true);
    await vi.advanceTimersByTimeAsync(TYPING_DELAY_MS);
    expect(fake.searches.map((s) => s.query)).toEqual(['edge cdn', 'edge cdn']);
  });

  it('picked while a typed query waits for the pause, only the recent search runs', async () => {
    await search.open(button);
    typeOnly('gate');
    click(all('.search-recent')[0]!);
    await vi.advanceTimersByTimeAsync(TYPING_DELAY_MS);
    await idle();
    expect(fake.searches.map((s) => s.query)).toEqual(['routing', 'routing']);
    expect(pageLinks()).toEqual([ZUUL.url]);
  });

  it('the arrow keys and Enter pick one', async () => {
    await search.open(button);
    press('ArrowDown');
    press('ArrowDown');
    expect(selected()).toEqual(['edge cdn']);
    press('Enter');
    expect(input().value).toBe('edge cdn');
    await idle();
    expect(pageLinks()).toEqual([EDGE_GUIDE.url]);
    expect(assign).not.toHaveBeenCalled();
  });

  it('the arrow keys and Enter pick one while a typed query waits for the pause', async () => {
    await search.open(button);
    typeOnly('gate');
    press('ArrowDown');
    press('Enter');
    expect(input().value).toBe('routing');
    await vi.advanceTimersByTimeAsync(TYPING_DELAY_MS);
    await idle();
    expect(fake.searches.map((s) => s.query)).toEqual(['routing', 'routing']);
    expect(pageLinks()).toEqual([ZUUL.url]);
  });

  it('opening a result remembers its query first; the link itself navigates', async () => {
    await search.open(button);
    await typeQuery('gateway');
    const event = click($('.search-section .search-heading'));
    expect(event.defaultPrevented).toBe(false);
    expect(assign).not.toHaveBeenCalled();
    expect(dialog().open).toBe(false);
    expect(recentStored()).toEqual(['gateway', 'routing', 'edge cdn']);
    await search.open(button);
    expect(input().value).toBe('gateway');
    typeOnly('');
    expect(all('.search-recent').map((option) => option.textContent)).toEqual(['gateway', 'routing', 'edge cdn']);
  });

  it('a click between results changes nothing', async () => {
    await search.open(button);
    await typeQuery('gateway');
    click($('.search-results'));
    expect(dialog().open).toBe(true);
    expect(recentStored()).toEqual(['routing', 'edge cdn']);
  });

  it('"Forget recent searches" empties the list and this device\'s copy, and gives the input focus', async () => {
    await search.open(button);
    $('.search-clear-recent').focus();
    click($('.search-clear-recent'));
    expect(localStorage.getItem(RECENT_STORAGE_KEY)).toBeNull();
    expect(all('.search-recent')).toEqual([]);
    expect(summary()).toBe('Type to search the guides, prompts, mistakes, culture pages and the stack.');
    expect(input().getAttribute('aria-expanded')).toBe('false');
    expect($('.search-clear-recent').hidden).toBe(true);
    expect(document.activeElement).toBe(input());
  });
});

describe('when the browser blocks storage', () => {
  it('searches and opens results all the same, with no recent searches', async () => {
    vi.spyOn(window, 'localStorage', 'get').mockImplementation(() => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    });
    search = await loadDialog(fake);
    await search.open(button);
    await typeQuery('routing');
    press('Enter');
    expect(assign.mock.calls).toEqual([[ZUUL.url]]);
    await search.open(button);
    typeOnly('');
    expect(all('.search-recent')).toEqual([]);
    expect(summary()).toBe('Type to search the guides, prompts, mistakes, culture pages and the stack.');
  });
});

describe('more results', () => {
  it('loads fragments only for the first results, and offers the rest with "More results"', async () => {
    await search.open(button);
    await typeQuery('cache');
    expect(fake.fragments).toEqual(['cache-1', 'cache-2', 'cache-3']);
    expect(titles()).toEqual(cacheTitles(1, PAGE_SIZE));
    expect(more().hidden).toBe(false);
    expect(more().textContent).toBe('More results');
  });

  it('"More results" loads the next ones, makes the first of them active and gives the input focus back', async () => {
    await search.open(button);
    await typeQuery('cache');
    more().focus();
    click(more());
    await idle();
    expect(titles()).toEqual(cacheTitles(1, PAGE_SIZE + NEXT_PAGE_SIZE));
    expect(fake.fragments).toHaveLength(PAGE_SIZE + NEXT_PAGE_SIZE);
    expect(selected()).toEqual(['Cache page 4']);
    expect(activeDescendant()).toBe(options()[PAGE_SIZE]!.id);
    expect(document.activeElement).toBe(input());
    expect(summary()).toBe(`10 results for “cache”, showing ${PAGE_SIZE + NEXT_PAGE_SIZE}.`);
    expect(dialog().dataset.state).toBe('done');
    click(more());
    await idle();
    expect(titles()).toEqual([...cacheTitles(1, 9), `${BASE}cache-10/`]);
    expect(selected()).toEqual(['Cache page 9']);
    expect(more().hidden).toBe(true);
    expect(summary()).toBe('10 results for “cache”.');
  });

  it('say the dialog is busy while they load', async () => {
    await search.open(button);
    await typeQuery('cache');
    const release = fake.holdFragment('cache-4');
    click(more());
    await idle();
    expect(dialog().dataset.state).toBe('searching');
    release();
    await idle();
    expect(dialog().dataset.state).toBe('done');
  });

  it('is not offered when the first results are all there is', async () => {
    await search.open(button);
    await typeQuery('gateway');
    expect(titles()).toHaveLength(PAGE_SIZE);
    expect(more().hidden).toBe(true);
  });

  it('ArrowDown past the last result loads the next ones and moves to the first of them; once all are shown it wraps', async () => {
    await search.open(button);
    await typeQuery('cache');
    press('ArrowUp');
    expect(selected()).toEqual(['Cache page 3']);
    // Up from the last result only moves.
    press('ArrowUp');
    await idle();
    expect(selected()).toEqual(['Cache page 2']);
    expect(fake.fragments).toHaveLength(PAGE_SIZE);
    press('ArrowDown');
    expect(press('ArrowDown').defaultPrevented).toBe(true);
    await idle();
    expect(selected()).toEqual(['Cache page 4']);
    expect(titles()).toHaveLength(PAGE_SIZE + NEXT_PAGE_SIZE);
    press('ArrowUp');
    press('ArrowUp');
    press('ArrowUp');
    press('ArrowDown'); // from page 1 to 2: nothing loads
    await idle();
    expect(selected()).toEqual(['Cache page 2']);
    expect(titles()).toHaveLength(PAGE_SIZE + NEXT_PAGE_SIZE);
    click(more());
    await idle();
    expect(selected()).toEqual(['Cache page 9']);
    press('ArrowDown');
    expect(selected()).toEqual([`${BASE}cache-10/`]);
    press('ArrowDown');
    expect(selected()).toEqual(['Cache page 1']);
  });

  it('load by themselves while the end of the list is on screen, without moving the active option', async () => {
    place.moreAt = { top: 300, bottom: 340 };
    await search.open(button);
    await typeQuery('cache');
    expect(titles()).toHaveLength(10);
    expect(fake.fragments).toHaveLength(10);
    expect(more().hidden).toBe(true);
    expect(selected()).toEqual([]);
    expect(summary()).toBe('10 results for “cache”.');
  });

  it('load when scrolling brings "More results" wholly into view, not while it is cut off', async () => {
    await search.open(button);
    await typeQuery('cache');
    const scroll = () => $('.search-scroll').dispatchEvent(new Event('scroll'));
    place.moreAt = { top: 480, bottom: 501 }; // cut off at the bottom edge
    scroll();
    await idle();
    expect(titles()).toHaveLength(PAGE_SIZE);
    place.moreAt = { top: 99, bottom: 139 }; // cut off at the top edge
    scroll();
    await idle();
    expect(titles()).toHaveLength(PAGE_SIZE);
    place.moreAt = { top: 460, bottom: 500 }; // flush with the bottom edge
    scroll();
    await idle();
    // In view after each load, so they keep loading to the end.
    expect(titles()).toHaveLength(10);
  });

  it('scrolled to the top edge, the button counts as in view', async () => {
    await search.open(button);
    await typeQuery('cache');
    place.moreAt = { top: 100, bottom: 140 };
    $('.search-scroll').dispatchEvent(new Event('scroll'));
    await idle();
    expect(titles()).toHaveLength(10);
  });

  it('wait while a search is running, and never load for a query the reader left', async () => {
    await search.open(button);
    await typeQuery('cache');
    const release = fake.hold('gateway');
    await typeQuery('gateway');
    expect(dialog().dataset.state).toBe('searching');
    click(more());
    place.moreAt = { top: 300, bottom: 340 };
    $('.search-scroll').dispatchEvent(new Event('scroll'));
    await idle();
    expect(fake.fragments).toEqual(['cache-1', 'cache-2', 'cache-3']);
    release();
    await idle();
    expect(pageLinks()).toEqual([ZUUL.url, EDGE_GUIDE.url, `${BASE}mistakes/gateway/`]);
  });

  it('drops a page of results that arrives after the reader typed a new query', async () => {
    await search.open(button);
    await typeQuery('cache');
    const releaseFragment = fake.holdFragment('cache-4');
    click(more());
    await idle();
    await typeQuery('routing');
    releaseFragment();
    await idle();
    expect(pageLinks()).toEqual([ZUUL.url]);
    expect(dialog().dataset.state).toBe('done');
  });
});
