/**
 * The flashcards island: deck counts, a review session (front, reveal, rate) and the upcoming
 * summary. Scheduling and counting live in schedule.ts and queue.ts; this file only wires them to
 * the page. Every schedule is saved through studyStore(), so it is in the progress export.
 */
import type { Flashcard } from '../../lib/practice-data.ts';
import { studyStore } from '../study/store.ts';
import type { StudyData } from '../study/schema.ts';
import { deckCounts, pickNext, savedFor, upcoming, type Counts, type Deck, type Saved, type Scope } from './queue.ts';
import { cardStatus, GRADES, previewDue, rate } from './schedule.ts';
import { formatDueDate, formatDueIn } from './format.ts';

interface DeckName {
  id: Deck;
  name: string;
}

interface Session {
  scope: Scope;
  title: string;
  /** The button that started it, to return focus there. */
  opener: HTMLElement;
  card: Flashcard | null;
  revealed: boolean;
  reviewed: number;
}

/** How often the counts are refreshed while the page is open (cards fall due as time passes). */
const REFRESH_MS = 30_000;

const root = document.querySelector<HTMLElement>('[data-flashcards]');
const decks = JSON.parse(document.getElementById('flashcard-decks')?.textContent ?? '[]') as DeckName[];
const deckName = (id: Deck) => decks.find((d) => d.id === id)?.name ?? id;

const pick = <T extends HTMLElement = HTMLElement>(selector: string): T => {
  // Stryker disable next-line OptionalChaining: pick runs only once root was found (below).
  const element = root?.querySelector<T>(selector);
  if (!element) throw new Error(`Flashcards: missing ${selector}`);
  return element;
};

function countsList(counts: Counts): HTMLDListElement {
  const list = document.createElement('dl');
  list.className = 'cards-deck-counts';
  for (const [key, label] of [
    ['new', 'New'],
    ['due', 'Due now'],
    ['total', 'Total'],
  ] as const) {
    const group = document.createElement('div');
    const term = document.createElement('dt');
    term.textContent = label;
    const value = document.createElement('dd');
    value.dataset.count = key;
    value.textContent = String(counts[key]);
    group.append(term, value);
    list.append(group);
  }
  return list;
}

function setCounts(container: Element, counts: Counts): void {
  for (const key of ['new', 'due', 'total'] as const) {
    const value = container.querySelector(`[data-count="${key}"]`);
    if (value) value.textContent = String(counts[key]);
  }
}

async function loadCards(): Promise<Flashcard[]> {
  const base = document.documentElement.dataset.base ?? '/';
  const response = await fetch(`${base}practice/cards.json`);
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return (await response.json()) as Flashcard[];
}

function start(cards: Flashcard[]): void {
  const store = studyStore();
  const deckList = pick('[data-deck-list]');
  const studyDue = pick<HTMLButtonElement>('[data-study-due]');
  const upcomingText = pick('[data-upcoming]');
  const idle = pick('[data-review-idle]');
  const sessionView = pick('[data-review-session]');
  const meta = pick('[data-review-meta]');
  const front = pick('[data-front]');
  const frontText = pick('[data-front-text]');
  const showButton = pick<HTMLButtonElement>('[data-show]');
  const answer = pick('[data-answer]');
  const backText = pick('[data-back-text]');
  const readMore = pick<HTMLAnchorElement>('[data-read-more]');
  const readMoreTopic = pick('[data-read-more-topic]');
  const rateGroup = pick('[data-rate]');
  const done = pick('[data-review-done]');
  const doneText = pick('[data-done-text]');
  const result = pick('[data-result]');
  const announce = pick('[data-announce]');
  const error = pick('[data-cards-error]');
  let session: Session | null = null;
  /**
   * Ratings the browser refused to store (storage full, read-only or off): kept for this visit so
   * the session still moves on instead of offering the same card forever.
   */
  const unsaved: Saved = {};
  const schedules = (data: StudyData = store.read()): Saved => ({ ...data.cards, ...unsaved });

  // Deck tiles, built once; render() below fills in their counts before anything is shown.
  for (const deck of decks) {
    const item = document.createElement('li');
    item.className = 'cards-deck';
    item.dataset.deck = deck.id;
    const heading = document.createElement('h3');
    heading.textContent = deck.name;
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'icon-button';
    button.dataset.studyDeck = deck.id;
    const hidden = document.createElement('span');
    hidden.className = 'sr-only';
    hidden.textContent = `: ${deck.name}`;
    button.append('Study this deck', hidden);
    button.addEventListener('click', () => begin({ deck: deck.id, includeNew: true }, deck.name, button));
    item.append(heading, countsList({ new: 0, due: 0, total: 0 }), button);
    deckList.append(item);
  }
  studyDue.hidden = false;
  // Stryker disable next-line ObjectLiteral: a scope without includeNew leaves new cards out too; the flag says so.
  studyDue.addEventListener('click', () => begin({ includeNew: false }, 'all decks (due cards only)', studyDue));

  function render(data: StudyData): void {
    const now = new Date();
    const counts = deckCounts(
      decks.map((d) => d.id),
      cards,
      schedules(data),
      now,
    );
    for (const item of deckList.querySelectorAll<HTMLElement>('[data-deck]')) {
      const deckCount = counts.decks.get(item.dataset.deck as Deck);
      if (deckCount) setCounts(item, deckCount);
    }
    studyDue.textContent = `Study all due cards (${counts.all.due})`;
    studyDue.disabled = counts.all.due === 0;
    const soon = upcoming(cards, schedules(data), now);
    upcomingText.textContent =
      soon.week === 0 && !soon.next
        ? 'No reviews scheduled yet. Start a deck to learn its new cards.'
        : `Reviews due by the end of today: ${soon.today}. In the next 7 days: ${soon.week}.` +
          (soon.next ? ` Next review ${formatDueIn(soon.next, now)} (${formatDueDate(soon.next)}).` : '');
  }

  function begin(scope: Scope, title: string, opener: HTMLElement): void {
    // Stryker disable next-line BooleanLiteral: showNext sets revealed to false before the card is shown.
    session = { scope, title, opener, card: null, revealed: false, reviewed: 0 };
    result.textContent = '';
    idle.hidden = true;
    done.hidden = true;
    showNext();
  }

  function showNext(): void {
    if (!session) return;
    const now = new Date();
    const saved = schedules();
    const card = pickNext(cards, saved, now, session.scope);
    session.card = card;
    session.revealed = false;
    if (!card) {
      finish();
      return;
    }
    const status = cardStatus(savedFor(saved, card.id), now);
    meta.textContent = `${deckName(card.deck)} · ${status === 'new' ? 'new card' : 'review'} · ${session.reviewed} reviewed this session`;
    sessionView.dataset.cardId = card.id;
    frontText.textContent = card.front;
    backText.textContent = card.back;
    readMore.href = card.path;
    readMoreTopic.textContent = ` about this card (${deckName(card.deck)})`;
    answer.hidden = true;
    rateGroup.hidden = true;
    showButton.hidden = false;
    sessionView.hidden = false;
    // The question is read out when focused; Space or Enter then shows the answer.
    front.focus();
  }

  function reveal(): void {
    if (!session?.card || session.revealed) return;
    session.revealed = true;
    const now = new Date();
    const preview = previewDue(savedFor(schedules(), session.card.id), now);
    for (const button of rateGroup.querySelectorAll<HTMLButtonElement>('[data-grade]')) {
      const choice = GRADES.find((g) => g.key === button.dataset.grade);
      const due = choice && preview.get(choice.grade);
      button.querySelector('[data-when]')!.textContent = due ? formatDueIn(due, now) : '';
    }
    showButton.hidden = true;
    answer.hidden = false;
    rateGroup.hidden = false;
    answer.focus();
    announce.textContent = 'Answer shown. Rate how well you remembered it: 1 Again, 2 Hard, 3 Good, 4 Easy.';
  }

  function rateCard(key: string): void {
    const choice = GRADES.find((g) => g.key === key);
    const card = session?.card;
    if (!session || !card || !session.revealed || !choice) return;
    const now = new Date();
    const next = rate(savedFor(schedules(), card.id), choice.grade, now);
    const saved = store.update((draft) => {
      draft.cards[card.id] = next;
    });
    if (!saved.ok) {
      unsaved[card.id] = next;
      error.textContent = `Your reviews are not being saved: ${saved.problem} They count only until you leave this page.`;
      // The store redrew from what is saved; count this visit's unsaved review too.
      render(saved.data);
    }
    session.reviewed += 1;
    const due = new Date(next.due);
    result.dataset.cardId = card.id;
    result.textContent = `Rated ${choice.label}. This card comes back ${formatDueIn(due, now)} (${formatDueDate(due)}).`;
    announce.textContent = '';
    showNext();
  }

  function finish(): void {
    if (!session) return;
    sessionView.hidden = true;
    delete sessionView.dataset.cardId;
    const now = new Date();
    const soon = upcoming(cards, schedules(), now);
    const reviewed = `${session.reviewed} card${session.reviewed === 1 ? '' : 's'} reviewed.`;
    const next = soon.next ? ` The next review is ${formatDueIn(soon.next, now)} (${formatDueDate(soon.next)}).` : '';
    doneText.textContent = `Nothing more to review in ${session.title} right now. ${reviewed}${next}`;
    done.hidden = false;
    done.focus();
  }

  function stop(): void {
    if (!session) return;
    const { opener } = session;
    session = null;
    sessionView.hidden = true;
    delete sessionView.dataset.cardId;
    done.hidden = true;
    idle.hidden = false;
    announce.textContent = '';
    render(store.read());
    // "Study all due" is disabled once nothing is due; focus then goes to the first deck instead.
    // Stryker disable next-line OptionalChaining: the page always lists its decks, each with a button, so one is found.
    (opener instanceof HTMLButtonElement && opener.disabled ? deckList.querySelector<HTMLElement>('button') : opener)?.focus();
  }

  showButton.addEventListener('click', reveal);
  for (const button of rateGroup.querySelectorAll<HTMLButtonElement>('[data-grade]')) {
    button.addEventListener('click', () => rateCard(button.dataset.grade ?? ''));
  }
  pick('[data-stop]').addEventListener('click', stop);
  pick('[data-back]').addEventListener('click', stop);

  document.addEventListener('keydown', (event) => {
    if (!session?.card || event.defaultPrevented || event.repeat || event.altKey || event.ctrlKey || event.metaKey) return;
    const target = event.target instanceof Element ? event.target : null;
    // Never take keys from a text field, nor Space/Enter from another control (they activate it).
    if (target?.closest('input, textarea, select, [contenteditable]')) return;
    if (!session.revealed && (event.key === ' ' || event.key === 'Enter')) {
      if (target?.closest('a, button, summary') && target !== showButton) return;
      event.preventDefault();
      reveal();
    } else if (session.revealed && GRADES.some((g) => g.key === event.key)) {
      event.preventDefault();
      rateCard(event.key);
    }
  });

  store.subscribe(render);
  render(store.read());
  setInterval(() => render(store.read()), REFRESH_MS);
}

if (root) {
  const loading = pick('[data-cards-loading]');
  loadCards()
    .then((cards) => {
      loading.hidden = true;
      start(cards);
    })
    .catch(() => {
      loading.hidden = true;
      pick('[data-cards-error]').textContent =
        'The cards could not be loaded. Reload the page to try again; your saved schedule is unchanged.';
    });
}
