// @vitest-environment happy-dom
/**
 * The flashcards island on a real DOM (happy-dom), driven as a reader does: the decks and their
 * counts, a review session (show the answer, rate it, by mouse or keyboard), the end of a session,
 * and what happens when the browser will not save. The clock is faked. The browser side is in
 * tests/e2e/flashcards.test.ts.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Flashcard } from '../../lib/practice-data.ts';
import { STORAGE_KEY } from '../study/store.ts';
import { emptyStudyData, type CardState } from '../study/schema.ts';
import { GRADES, rate } from './schedule.ts';
import { formatDueDate, formatDueIn } from './format.ts';
import { fakeStorage, savedStudyData } from '../study/__fixtures__/fake-storage.ts';
import { $, text } from '../__fixtures__/dom.ts';

const T0 = Date.parse('2026-03-01T10:00:00.000Z');
const DAY = 86_400_000;

const DECKS = [
  { id: 'stack', name: 'Netflix stack' },
  { id: 'culture', name: 'Culture memo' },
  { id: 'mistakes', name: 'Common mistakes' },
];

const CARDS: Flashcard[] = [
  { id: 'stack:evcache', deck: 'stack', front: 'What is EVCache?', back: 'A memcached-based cache.', path: '/netflix-sd/stack/evcache/' },
  { id: 'stack:zuul', deck: 'stack', front: 'What is Zuul?', back: 'The edge gateway.', path: '/netflix-sd/stack/zuul/' },
  {
    id: 'culture:candor',
    deck: 'culture',
    front: 'What is candor?',
    back: 'Saying it to the person.',
    path: '/netflix-sd/culture/candor/',
  },
];

const PAGE = `
  <script type="application/json" id="flashcard-decks">${JSON.stringify(DECKS)}</script>
  <div data-flashcards>
    <p data-cards-loading>Loading the cards…</p>
    <p data-cards-error role="alert"></p>
    <ul data-deck-list></ul>
    <button type="button" data-study-due hidden>Study all due cards</button>
    <p data-upcoming></p>
    <p data-review-idle>Choose a deck.</p>
    <div data-review-session hidden>
      <p data-review-meta></p>
      <div data-front tabindex="-1"><p data-front-text></p></div>
      <button type="button" data-show>Show answer</button>
      <div data-answer tabindex="-1" hidden>
        <p data-back-text></p>
        <a data-read-more href="#">Read more<span data-read-more-topic></span></a>
      </div>
      <div data-rate hidden>
        ${GRADES.map((g) => `<button type="button" data-grade="${g.key}"><span>${g.label}</span> <span data-when></span></button>`).join('')}
      </div>
      <input type="text" data-notes />
      <button type="button" data-stop>Stop and go back to the decks</button>
    </div>
    <div data-review-done tabindex="-1" hidden>
      <p data-done-text></p>
      <button type="button" data-back>Back to the decks</button>
    </div>
    <p data-result role="status"></p>
    <p data-announce role="status"></p>
  </div>`;

const storage = fakeStorage();
const saved = () => savedStudyData(storage)!;

const counts = (deck: string) =>
  [...document.querySelectorAll(`[data-deck="${deck}"] [data-count]`)].map((dd) => [(dd as HTMLElement).dataset.count, dd.textContent]);
const studyDeck = (deck: string) => $(`[data-study-deck="${deck}"]`);
const grade = (key: string) => $(`[data-grade="${key}"]`);
const key = (name: string, init: KeyboardEventInit = {}, target: EventTarget = document.body) =>
  target.dispatchEvent(new KeyboardEvent('keydown', { key: name, bubbles: true, cancelable: true, ...init }));

let urls: string[];
/** The island's keyboard listeners, removed after each test so an earlier test's island never answers. */
let keyListeners: EventListenerOrEventListenerObject[];

function serve(cards: Flashcard[] | 'fail'): void {
  urls = [];
  vi.stubGlobal('fetch', async (input: string | URL) => {
    urls.push(String(input));
    // A refusal may still carry a JSON body; it is never read as cards.
    return cards === 'fail'
      ? { ok: false, status: 500, json: async () => [] }
      : { ok: true, status: 200, json: async () => structuredClone(cards) };
  });
}

/** A schedule saved on an earlier visit: rated Easy `daysAgo` days ago. */
function reviewed(daysAgo: number): CardState {
  return rate(undefined, GRADES[3]!.grade, new Date(T0 - daysAgo * DAY));
}

function seed(cards: Record<string, CardState>): void {
  storage.items.set(STORAGE_KEY, JSON.stringify({ ...emptyStudyData(), cards }));
}

async function load(): Promise<void> {
  vi.resetModules();
  await import('./flashcards-app.ts');
  for (let i = 0; i < 5; i += 1) await new Promise((resolve) => setImmediate(resolve));
}

beforeEach(() => {
  vi.useFakeTimers({ now: T0, toFake: ['Date', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
  storage.items.clear();
  storage.refuse = null;
  vi.spyOn(window, 'localStorage', 'get').mockReturnValue(storage as unknown as Storage);
  serve(CARDS);
  keyListeners = [];
  const listen = document.addEventListener.bind(document);
  vi.spyOn(document, 'addEventListener').mockImplementation(
    (type: string, listener: EventListenerOrEventListenerObject, options?: unknown) => {
      if (type === 'keydown') keyListeners.push(listener);
      listen(type, listener, options as AddEventListenerOptions);
    },
  );
  document.documentElement.dataset.base = '/netflix-sd/';
  document.body.replaceChildren(...new DOMParser().parseFromString(PAGE, 'text/html').body.childNodes);
});

afterEach(() => {
  for (const listener of keyListeners) document.removeEventListener('keydown', listener);
  vi.clearAllTimers();
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('the decks', () => {
  it('loads the cards and shows each deck with its counts and a study button', async () => {
    await load();
    expect(urls).toEqual(['/netflix-sd/practice/cards.json']);
    expect($('[data-cards-loading]').hidden).toBe(true);
    expect([...document.querySelectorAll('[data-deck] h3')].map((h) => h.textContent)).toEqual([
      'Netflix stack',
      'Culture memo',
      'Common mistakes',
    ]);
    expect(counts('stack')).toEqual([
      ['new', '2'],
      ['due', '0'],
      ['total', '2'],
    ]);
    expect(counts('mistakes')).toEqual([
      ['new', '0'],
      ['due', '0'],
      ['total', '0'],
    ]);
    expect([...document.querySelectorAll('[data-deck="stack"] dt')].map((dt) => dt.textContent)).toEqual(['New', 'Due now', 'Total']);
    expect(studyDeck('stack').textContent).toBe('Study this deck: Netflix stack');
    expect($('[data-study-due]').hidden).toBe(false);
    expect($<HTMLButtonElement>('[data-study-due]').disabled).toBe(true);
    expect(text('[data-study-due]')).toBe('Study all due cards (0)');
    expect(text('[data-upcoming]')).toBe('No reviews scheduled yet. Start a deck to learn its new cards.');
  });

  it('says so when the cards cannot be loaded', async () => {
    serve('fail');
    await load();
    expect($('[data-cards-loading]').hidden).toBe(true);
    expect(text('[data-cards-error]')).toBe(
      'The cards could not be loaded. Reload the page to try again; your saved schedule is unchanged.',
    );
    expect(document.querySelectorAll('[data-deck]')).toHaveLength(0);
  });

  it('counts cards due from an earlier visit and says when reviews come', async () => {
    seed({ 'stack:evcache': reviewed(60), 'culture:candor': { ...reviewed(0) } });
    await load();
    expect(counts('stack')).toEqual([
      ['new', '1'],
      ['due', '1'],
      ['total', '2'],
    ]);
    expect(text('[data-study-due]')).toBe('Study all due cards (1)');
    expect($<HTMLButtonElement>('[data-study-due]').disabled).toBe(false);
    const next = new Date(reviewed(0).due);
    // The card rated Easy today comes back in more than a week.
    expect(text('[data-upcoming]')).toBe(
      `Reviews due by the end of today: 1. In the next 7 days: 1. Next review ${formatDueIn(next, new Date(T0))} (${formatDueDate(next)}).`,
    );
  });

  it('refreshes the counts as cards fall due while the page is open', async () => {
    const soon = { ...reviewed(0), due: new Date(T0 + 20_000).toISOString() };
    seed({ 'stack:zuul': soon });
    await load();
    expect(counts('stack')[1]).toEqual(['due', '0']);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(counts('stack')[1]).toEqual(['due', '1']);
    expect(text('[data-study-due]')).toBe('Study all due cards (1)');
  });
});

describe('a review session', () => {
  it('shows a card, reveals the answer, rates it and moves on until the deck is done', async () => {
    await load();
    studyDeck('stack').click();
    expect($('[data-review-idle]').hidden).toBe(true);
    expect($('[data-review-session]').hidden).toBe(false);
    expect(text('[data-review-meta]')).toBe('Netflix stack · new card · 0 reviewed this session');
    expect(text('[data-front-text]')).toBe('What is EVCache?');
    expect($('[data-review-session]').dataset.cardId).toBe('stack:evcache');
    expect(document.activeElement).toBe($('[data-front]'));
    expect($('[data-answer]').hidden).toBe(true);
    expect($('[data-rate]').hidden).toBe(true);
    expect($('[data-show]').hidden).toBe(false);

    $('[data-show]').click();
    expect($('[data-answer]').hidden).toBe(false);
    expect($('[data-rate]').hidden).toBe(false);
    expect($('[data-show]').hidden).toBe(true);
    expect(document.activeElement).toBe($('[data-answer]'));
    expect(text('[data-back-text]')).toBe('A memcached-based cache.');
    expect($<HTMLAnchorElement>('[data-read-more]').getAttribute('href')).toBe('/netflix-sd/stack/evcache/');
    expect($('[data-read-more-topic]').textContent).toBe(' about this card (Netflix stack)');
    expect(text('[data-announce]')).toBe('Answer shown. Rate how well you remembered it: 1 Again, 2 Hard, 3 Good, 4 Easy.');
    // Each rating says when the card would come back.
    const now = new Date(T0);
    for (const choice of GRADES) {
      const due = new Date(rate(undefined, choice.grade, now).due);
      expect(grade(choice.key).querySelector('[data-when]')!.textContent).toBe(formatDueIn(due, now));
    }

    grade('4').click();
    const first = saved().cards['stack:evcache']!;
    expect(first).toEqual(rate(undefined, GRADES[3]!.grade, now));
    const due = new Date(first.due);
    expect(text('[data-result]')).toBe(`Rated Easy. This card comes back ${formatDueIn(due, now)} (${formatDueDate(due)}).`);
    expect($('[data-result]').dataset.cardId).toBe('stack:evcache');
    expect(text('[data-announce]')).toBe('');
    expect(text('[data-front-text]')).toBe('What is Zuul?');
    expect(text('[data-review-meta]')).toBe('Netflix stack · new card · 1 reviewed this session');
    expect(counts('stack')).toEqual([
      ['new', '1'],
      ['due', '0'],
      ['total', '2'],
    ]);

    $('[data-show]').click();
    grade('4').click();
    expect($('[data-review-session]').hidden).toBe(true);
    expect($('[data-review-session]').dataset.cardId).toBeUndefined();
    expect($('[data-review-done]').hidden).toBe(false);
    expect(document.activeElement).toBe($('[data-review-done]'));
    expect(text('[data-done-text]')).toMatch(/^Nothing more to review in Netflix stack right now\. 2 cards reviewed\. The next review is /);

    $('[data-back]').click();
    expect($('[data-review-done]').hidden).toBe(true);
    expect($('[data-review-idle]').hidden).toBe(false);
    expect(document.activeElement).toBe(studyDeck('stack'));
  });

  it('counts one card in the singular, and names the next review even when it was not saved', async () => {
    await load();
    studyDeck('culture').click();
    $('[data-show]').click();
    storage.refuse = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    grade('4').click();
    const due = new Date(rate(undefined, GRADES[3]!.grade, new Date(T0)).due);
    expect(text('[data-done-text]')).toBe(
      `Nothing more to review in Culture memo right now. 1 card reviewed. The next review is ${formatDueIn(due, new Date(T0))} (${formatDueDate(due)}).`,
    );
  });

  it('ends at once for a deck with nothing to study', async () => {
    await load();
    studyDeck('mistakes').click();
    expect($('[data-review-session]').hidden).toBe(true);
    expect(text('[data-done-text]')).toBe('Nothing more to review in Common mistakes right now. 0 cards reviewed.');
  });

  it('reviews only due cards from every deck, then returns focus to a deck when none is left', async () => {
    seed({ 'stack:zuul': reviewed(60) });
    await load();
    $('[data-study-due]').click();
    expect(text('[data-review-meta]')).toBe('Netflix stack · review · 0 reviewed this session');
    expect(text('[data-front-text]')).toBe('What is Zuul?');
    $('[data-show]').click();
    grade('4').click();
    expect(text('[data-done-text]')).toMatch(/^Nothing more to review in all decks \(due cards only\) right now\. 1 card reviewed\./);
    $('[data-back]').click();
    expect($<HTMLButtonElement>('[data-study-due]').disabled).toBe(true);
    expect(document.activeElement).toBe(studyDeck('stack'));
  });

  it('stops a session midway and goes back to the decks', async () => {
    await load();
    studyDeck('culture').click();
    $('[data-show]').click();
    $('[data-stop]').click();
    expect($('[data-review-session]').hidden).toBe(true);
    expect($('[data-review-session]').dataset.cardId).toBeUndefined();
    expect($('[data-review-idle]').hidden).toBe(false);
    expect(text('[data-announce]')).toBe('');
    expect(document.activeElement).toBe(studyDeck('culture'));
    expect(saved()).toBeNull();
    // With no session, the keys do nothing.
    expect(key('4')).toBe(true);
  });

  it('keeps counting reviews the browser will not save, and says so', async () => {
    await load();
    studyDeck('stack').click();
    storage.refuse = new DOMException('The operation is insecure.', 'SecurityError');
    $('[data-show]').click();
    grade('4').click();
    expect(text('[data-cards-error]')).toMatch(
      /^Your reviews are not being saved: This browser refused .* They count only until you leave this page\.$/,
    );
    // The session moves on instead of offering the same card again, and the counts include the review.
    expect(text('[data-front-text]')).toBe('What is Zuul?');
    expect(counts('stack')[0]).toEqual(['new', '1']);
  });
});

describe('details a reader relies on', () => {
  it('does nothing on a page without flashcards', async () => {
    document.body.replaceChildren();
    await expect(load()).resolves.toBeUndefined();
    expect(urls).toEqual([]);
  });

  it('marks up the deck tiles for the page’s styles and for screen readers', async () => {
    await load();
    const tile = $('[data-deck="stack"]');
    expect(tile.className).toBe('cards-deck');
    expect(tile.querySelector('dl')!.className).toBe('cards-deck-counts');
    const study = studyDeck('stack') as HTMLButtonElement;
    expect([study.type, study.className]).toEqual(['button', 'icon-button']);
    expect(study.querySelector('span')!.className).toBe('sr-only');
  });

  it('names a card’s deck by its id when the page does not list that deck', async () => {
    const extra: Flashcard = { id: 'estimation:qps', deck: 'estimation', front: 'QPS?', back: 'Starts a second.', path: '/x/' };
    serve([...CARDS, extra]);
    seed({ 'estimation:qps': reviewed(60) });
    await load();
    $('[data-study-due]').click();
    expect(text('[data-review-meta]')).toBe('estimation · review · 0 reviewed this session');
  });

  it('counts reviews due now without naming a next one when none is later', async () => {
    seed({ 'stack:zuul': reviewed(60) });
    await load();
    expect(text('[data-upcoming]')).toBe('Reviews due by the end of today: 1. In the next 7 days: 1.');
  });

  it('clears the last result and the finished note when a new session starts', async () => {
    await load();
    studyDeck('culture').click();
    $('[data-show]').click();
    grade('4').click();
    expect(text('[data-result]')).toMatch(/^Rated Easy\./);
    expect($('[data-review-done]').hidden).toBe(false);
    expect(text('[data-cards-error]')).toBe('');
    studyDeck('stack').click();
    expect(text('[data-result]')).toBe('');
    expect($('[data-review-done]').hidden).toBe(true);
  });

  it('ignores the answer and rating buttons outside their moment', async () => {
    await load();
    $('[data-show]').click();
    grade('3').click();
    $('[data-stop]').click();
    $('[data-back]').click();
    expect(saved()).toBeNull();
    expect($('[data-answer]').hidden).toBe(true);
    studyDeck('stack').click();
    grade('3').click();
    expect(saved()).toBeNull();
    expect(text('[data-review-meta]')).toBe('Netflix stack · new card · 0 reviewed this session');
  });

  it('recounts the decks on stopping, for cards that fell due during the session', async () => {
    seed({ 'stack:zuul': { ...reviewed(0), due: new Date(T0 + 10 * 60_000).toISOString() } });
    await load();
    studyDeck('culture').click();
    vi.setSystemTime(T0 + 11 * 60_000);
    $('[data-stop]').click();
    expect(counts('stack')[1]).toEqual(['due', '1']);
    expect(text('[data-study-due]')).toBe('Study all due cards (1)');
  });

  it('takes keys pressed with nothing focused', async () => {
    await load();
    studyDeck('stack').click();
    document.dispatchEvent(new KeyboardEvent('keydown', { key: ' ', cancelable: true }));
    expect($('[data-answer]').hidden).toBe(false);
  });
});

describe('the keyboard', () => {
  it('shows the answer with Space or Enter and rates with 1 to 4', async () => {
    await load();
    studyDeck('stack').click();
    expect(key('4')).toBe(true);
    expect(saved()).toBeNull();
    expect(key(' ')).toBe(false);
    expect($('[data-answer]').hidden).toBe(false);
    expect(key('9')).toBe(true);
    expect(key('1')).toBe(false);
    expect(saved().cards['stack:evcache']).toEqual(rate(undefined, GRADES[0]!.grade, new Date(T0)));
    expect(text('[data-result]')).toMatch(/^Rated Again\./);
    expect(key('Enter', {}, $('[data-show]'))).toBe(false);
    expect($('[data-answer]').hidden).toBe(false);
  });

  it('leaves keys to text fields, other controls, modifiers and held keys', async () => {
    await load();
    studyDeck('stack').click();
    expect(key(' ', {}, $('[data-notes]'))).toBe(true);
    expect(key('Enter', {}, $('[data-stop]'))).toBe(true);
    expect(key(' ', { ctrlKey: true })).toBe(true);
    expect(key(' ', { altKey: true })).toBe(true);
    expect(key(' ', { metaKey: true })).toBe(true);
    expect(key(' ', { repeat: true })).toBe(true);
    expect($('[data-answer]').hidden).toBe(true);
    const handled = new KeyboardEvent('keydown', { key: ' ', bubbles: true, cancelable: true });
    handled.preventDefault();
    document.body.dispatchEvent(handled);
    expect($('[data-answer]').hidden).toBe(true);
    key(' ');
    expect(key('3', {}, $('[data-notes]'))).toBe(true);
    expect(key('3', { metaKey: true })).toBe(true);
    expect(saved()).toBeNull();
  });
});
