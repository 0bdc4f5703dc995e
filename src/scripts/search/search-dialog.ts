/**
 * The search dialog, over Pagefind's JS API (pagefind.js: options, init, search, data). Loaded
 * by opener.ts when a reader shows intent to search; the engine (pagefind.js, its WebAssembly
 * and the index metadata) loads with it, index chunks as words are typed, and result fragments
 * only for the results on screen (PAGE_SIZE first; the next NEXT_PAGE_SIZE when the reader
 * scrolls to the end of the list or presses "More results").
 *
 * Offline, the engine and the word index come from the service worker's precache, but a result's
 * fragment (its excerpt) only when the reader has opened or saved the page, or searched for it
 * online; a result without its fragment is listed by title and link from the search map
 * (SEARCH_MAP_FILE, precached), and the summary says excerpts appear once online.
 *
 * Keyboard: arrows move through results, Enter opens one, Escape clears the query and then
 * closes; focus goes back to the control that opened the dialog. The result count is announced
 * (role="status"), and recent searches, kept on this device, are offered when the query is empty.
 */
import { SEARCH_TYPES } from '../../lib/search.ts';
import {
  DEMOTE_FILTER,
  EXCERPT_WORDS,
  NEXT_PAGE_SIZE,
  PAGE_SIZE,
  RANKING,
  SEARCH_MAP_FILE,
  TYPING_DELAY_MS,
  type SearchMap,
} from './config.ts';
import { fromSearchMap, sectionsOf, summaryText, type ExcerptPart, type FragmentLike, type MapResult } from './excerpt.ts';
import { demote } from './rank.ts';
import { clearRecent, loadRecent, saveRecent } from './recent.ts';

interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<FragmentLike>;
}
interface PagefindResponse {
  results: PagefindResult[];
  filters: Record<string, Record<string, number>>;
  totalFilters?: Record<string, Record<string, number>>;
}
interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(query: string, options?: { filters?: Record<string, string> }): Promise<PagefindResponse | null>;
  filters(): Promise<Record<string, Record<string, number>>>;
}

const root = document.documentElement;
const base = root.dataset.base ?? '/';
const bundle = `${base}pagefind/`;
let storage: Storage | undefined;
try {
  storage = window.localStorage;
} catch {
  // Blocked (private browsing, a sandboxed frame): search works, without recent searches.
}

export const LOAD_ERROR = 'Search could not load. If you are offline, open the site once while online; after that, search works offline.';

// ---- Engine ----------------------------------------------------------------------------------
let engine: Promise<Pagefind> | undefined;

function loadEngine(): Promise<Pagefind> {
  engine ??= (async () => {
    const pagefind = (await import(/* @vite-ignore */ `${bundle}pagefind.js`)) as Pagefind;
    // No web worker: it would be one more download (pagefind-worker.js) for a search that takes
    // milliseconds on the main thread at this index size.
    await pagefind.options({ basePath: bundle, baseUrl: base, excerptLength: EXCERPT_WORDS, noWorker: true, ranking: RANKING });
    await pagefind.init();
    // Loads the filter index, so every search reports its count per content type.
    await pagefind.filters();
    return pagefind;
  })();
  engine.catch(() => {
    engine = undefined;
  });
  return engine;
}

let searchMap: Promise<SearchMap> | undefined;
/** The search map, fetched once (from the precache when offline) the first time a fragment fails to load. */
function loadSearchMap(): Promise<SearchMap> {
  searchMap ??= fetch(`${base}${SEARCH_MAP_FILE}`).then(async (response) => {
    // Stryker disable next-line StringLiteral: the message is never shown: a map that fails to load only leaves results out
    if (!response.ok) throw new Error(`${SEARCH_MAP_FILE}: HTTP ${response.status}`);
    const map = (await response.json()) as Partial<SearchMap>;
    // Stryker disable next-line StringLiteral: the message is never shown: a map that fails to load only leaves results out
    if (map.version !== 1 || typeof map.pages !== 'object') throw new Error(`${SEARCH_MAP_FILE} is from another version of the site.`);
    return map as SearchMap;
  });
  searchMap.catch(() => {
    searchMap = undefined;
  });
  return searchMap;
}

let stylesheet: Promise<void> | undefined;
function loadStyles(): Promise<void> {
  stylesheet ??= new Promise<void>((resolve) => {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = `${base}styles/search.css`;
    link.onload = link.onerror = () => resolve();
    document.head.append(link);
  });
  return stylesheet;
}

/** Starts loading the dialog's styles and the engine, without opening anything. */
export function warm(): void {
  void loadStyles();
  loadEngine().catch(() => {
    // Reported when the reader opens search.
  });
}

// ---- Dialog ------------------------------------------------------------------------------------
function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string> = {},
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  // Stryker disable next-line ConditionalExpression: setting a new element's text to undefined leaves it empty, as it was
  if (text !== undefined) node.textContent = text;
  return node;
}

interface Parts {
  dialog: HTMLDialogElement;
  input: HTMLInputElement;
  types: HTMLDivElement;
  summary: HTMLParagraphElement;
  list: HTMLDivElement;
  more: HTMLButtonElement;
  clearRecent: HTMLButtonElement;
  scroller: HTMLDivElement;
}

let parts: Parts | undefined;
let opener: HTMLElement | null = null;

interface State {
  query: string;
  type: string | null;
  ranked: PagefindResult[];
  shown: number;
  total: number;
  counts: Record<string, number>;
  active: number;
  sequence: number;
  /** Results on screen listed without an excerpt (their fragment did not load). */
  withoutExcerpt: number;
}
// Stryker disable next-line StringLiteral,ArrayDeclaration,UnaryOperator: open() resets query and active (showRecent) and a search sets ranked before any is read
const state: State = { query: '', type: null, ranked: [], shown: 0, total: 0, counts: {}, active: -1, sequence: 0, withoutExcerpt: 0 };

function build(): Parts {
  const dialog = el('dialog', { class: 'search-dialog', 'aria-label': 'Search the guide' });
  const bar = el('div', { class: 'search-bar', role: 'search' });
  const input = el('input', {
    type: 'search',
    class: 'search-input',
    role: 'combobox',
    'aria-label': 'Search',
    // Stryker disable next-line StringLiteral: open() sets it (showRecent) before the dialog is shown
    'aria-expanded': 'false',
    'aria-controls': 'search-results',
    'aria-autocomplete': 'list',
    autocomplete: 'off',
    spellcheck: 'false',
    enterkeyhint: 'search',
    placeholder: 'Search prompts, rounds, mistakes, the stack…',
  });
  const close = el('button', { type: 'button', class: 'search-close' }, 'Close');
  bar.append(input, close);
  const types = el('div', { class: 'search-types', role: 'group', 'aria-label': 'Filter by content type' });
  const summary = el('p', { class: 'search-summary', role: 'status' });
  const list = el('div', { id: 'search-results', class: 'search-results', role: 'listbox', 'aria-label': 'Results' });
  const more = el('button', { type: 'button', class: 'search-more', hidden: '' }, 'More results');
  const clearRecentButton = el('button', { type: 'button', class: 'search-clear-recent', hidden: '' }, 'Forget recent searches');
  const hints = el('p', { class: 'search-hints', 'aria-hidden': 'true' });
  for (const [key, action] of [
    ['↑ ↓', 'move'],
    ['Enter', 'open'],
    ['Esc', 'clear, then close'],
  ] as const) {
    hints.append(el('kbd', {}, key), ` ${action} `);
  }
  // The list and the "More results" button scroll together, so the button comes into view only
  // when the reader reaches the end of the list; that loads the next results.
  const scroller = el('div', { class: 'search-scroll' });
  scroller.append(list, more, clearRecentButton);
  dialog.append(bar, types, summary, scroller, hints);
  // Stryker disable next-line ObjectLiteral,BooleanLiteral: passive only lets the browser scroll without waiting for the listener
  scroller.addEventListener('scroll', () => loadIfInView(), { passive: true });
  document.body.append(dialog);

  input.addEventListener('input', onInput);
  input.addEventListener('keydown', onKeydown);
  close.addEventListener('click', () => dialog.close());
  more.addEventListener('click', () => void showMore(true));
  clearRecentButton.addEventListener('click', () => {
    clearRecent(storage);
    showRecent();
    input.focus();
  });
  dialog.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    if (input.value) {
      input.value = '';
      onInput();
      input.focus();
    } else dialog.close();
  });
  // Escape reaching the dialog another way (a close request the keydown did not see).
  dialog.addEventListener('cancel', (event) => {
    if (input.value) {
      event.preventDefault();
      input.value = '';
      onInput();
    }
  });
  dialog.addEventListener('click', (event) => {
    if (event.target === dialog) dialog.close(); // the backdrop
  });
  dialog.addEventListener('close', () => {
    const target = opener?.isConnected ? opener : null;
    opener = null;
    target?.focus();
  });
  list.addEventListener('click', (event) => {
    const option = (event.target as Element).closest<HTMLElement>('[role="option"]');
    if (option) choose(option, event);
  });
  return { dialog, input, types, summary, list, more, clearRecent: clearRecentButton, scroller };
}

/** Opens the dialog; `from` gets focus back when it closes. */
export async function open(from: Element | null): Promise<void> {
  await loadStyles();
  parts ??= build();
  if (!parts.dialog.open) {
    opener = from instanceof HTMLElement && from !== document.body ? from : null;
    parts.dialog.showModal();
  }
  parts.input.focus();
  parts.input.select();
  if (!parts.input.value) showRecent();
  try {
    await loadEngine();
  } catch {
    setSummary(LOAD_ERROR);
    parts.dialog.dataset.state = 'error';
  }
}

// ---- Rendering ---------------------------------------------------------------------------------
function setSummary(text: string): void {
  // Stryker disable next-line ConditionalExpression: parts is set once open() has built the dialog, before anything that calls this can run
  if (parts) parts.summary.textContent = text;
}

function options(): HTMLElement[] {
  // Stryker disable next-line ArrayDeclaration: parts is set once open() has built the dialog, before anything that calls this can run
  return parts ? [...parts.list.querySelectorAll<HTMLElement>('[role="option"]')] : [];
}

function setActive(index: number): void {
  // Stryker disable next-line ConditionalExpression: parts is set once open() has built the dialog, before anything that calls this can run
  if (!parts) return;
  const all = options();
  // Stryker disable next-line ConditionalExpression,UnaryOperator: with no options there is no active one either way (-1 or 0 picks none)
  state.active = all.length === 0 ? -1 : Math.max(0, Math.min(index, all.length - 1));
  all.forEach((option, i) => option.setAttribute('aria-selected', String(i === state.active)));
  const current = all[state.active];
  if (current) {
    parts.input.setAttribute('aria-activedescendant', current.id);
    current.scrollIntoView({ block: 'nearest' });
  } else parts.input.removeAttribute('aria-activedescendant');
}

function resetList(): void {
  // Stryker disable next-line ConditionalExpression: parts is set once open() has built the dialog, before anything that calls this can run
  if (!parts) return;
  parts.list.replaceChildren();
  parts.more.hidden = true;
  parts.clearRecent.hidden = true;
  state.active = -1;
  parts.input.removeAttribute('aria-activedescendant');
}

let optionCount = 0;
function optionId(): string {
  optionCount += 1;
  return `search-option-${optionCount}`;
}

function excerptNode(excerpt: ExcerptPart[]): HTMLSpanElement {
  const node = el('span', { class: 'search-excerpt' });
  for (const part of excerpt) node.append(part.marked ? el('mark', {}, part.text) : document.createTextNode(part.text));
  return node;
}

function showRecent(): void {
  // Stryker disable next-line ConditionalExpression: parts is set once open() has built the dialog, before anything that calls this can run
  if (!parts) return;
  state.sequence += 1;
  state.query = '';
  resetList();
  renderTypes();
  parts.dialog.dataset.state = 'recent';
  const recent = loadRecent(storage);
  parts.input.setAttribute('aria-expanded', String(recent.length > 0));
  if (recent.length === 0) {
    setSummary('Type to search the guides, prompts, mistakes, culture pages and the stack.');
    return;
  }
  setSummary(`Recent searches: ${recent.length}. Use the arrow keys to pick one.`);
  const group = el('div', { role: 'group', 'aria-label': 'Recent searches', class: 'search-group' });
  group.append(el('p', { class: 'search-group-label', 'aria-hidden': 'true' }, 'Recent searches'));
  for (const query of recent) {
    group.append(
      el(
        'div',
        { role: 'option', id: optionId(), class: 'search-hit search-recent', 'aria-selected': 'false', 'data-query': query },
        query,
      ),
    );
  }
  parts.list.append(group);
  parts.clearRecent.hidden = false;
}

function renderTypes(): void {
  // Stryker disable next-line ConditionalExpression: parts is set once open() has built the dialog, before anything that calls this can run
  if (!parts) return;
  const buttons: HTMLButtonElement[] = [];
  const make = (label: string, type: string | null, count?: number) => {
    const button = el('button', { type: 'button', class: 'search-type', 'aria-pressed': String(state.type === type) }, label);
    if (count !== undefined) button.append(el('span', { class: 'search-type-count' }, ` ${count}`));
    button.addEventListener('click', () => {
      state.type = state.type === type ? null : type;
      void runSearch();
      // Stryker disable next-line OptionalChaining: parts is set once open() has built the dialog, before anything that calls this can run
      parts?.input.focus();
    });
    buttons.push(button);
  };
  if (state.query) {
    make('All types', null);
    for (const type of SEARCH_TYPES) {
      const count = state.counts[type] ?? 0;
      if (count > 0 || state.type === type) make(type, type, count);
    }
  }
  parts.types.replaceChildren(...buttons);
  parts.types.hidden = buttons.length === 0;
}

/**
 * Each result's fragment, or, when it cannot be fetched (offline, and the page neither opened nor
 * saved on this device), its page from the search map; a result in neither is left out.
 */
async function resultData(results: PagefindResult[]): Promise<(FragmentLike | MapResult)[]> {
  const fragments = await Promise.all(results.map((result) => result.data().catch(() => undefined)));
  if (!fragments.includes(undefined)) return fragments as FragmentLike[];
  const map = await loadSearchMap().catch(() => undefined);
  return fragments.flatMap((fragment, i) => fragment ?? (map ? (fromSearchMap(map, results[i]!.id, base) ?? []) : []));
}

const isFragment = (data: FragmentLike | MapResult): data is FragmentLike => 'meta' in data;

async function renderPage(results: PagefindResult[], sequence: number): Promise<boolean> {
  const shown = await resultData(results);
  if (!parts || sequence !== state.sequence) return false;
  for (const data of shown) {
    const fragment = isFragment(data) ? data : undefined;
    const type = fragment
      ? (fragment as FragmentLike & { filters?: Record<string, string[]> }).filters?.type?.[0]
      : (data as MapResult).type;
    const title = fragment ? (fragment.meta.title ?? fragment.url) : (data as MapResult).title;
    const group = el('div', { role: 'group', 'aria-label': title, class: 'search-group' });
    const page = el('a', {
      role: 'option',
      id: optionId(),
      class: fragment ? 'search-hit search-page' : 'search-hit search-page search-no-excerpt',
      href: data.url,
      tabindex: '-1',
      'aria-selected': 'false',
    });
    page.append(el('span', { class: 'search-title' }, title));
    if (type) page.append(el('span', { class: 'search-badge' }, type));
    group.append(page);
    parts.list.append(group);
    if (!fragment) {
      // Stryker disable next-line AssignmentOperator: only whether it is zero is read, and it only ever moves away from zero
      state.withoutExcerpt += 1;
      continue;
    }
    for (const section of sectionsOf(fragment)) {
      if (section.heading === null) {
        page.append(excerptNode(section.excerpt));
        continue;
      }
      const link = el('a', {
        role: 'option',
        id: optionId(),
        class: 'search-hit search-section',
        href: section.url,
        tabindex: '-1',
        'aria-selected': 'false',
      });
      link.append(el('span', { class: 'search-heading' }, section.heading), excerptNode(section.excerpt));
      group.append(link);
    }
  }
  return true;
}

async function runSearch(): Promise<void> {
  // Stryker disable next-line ConditionalExpression: parts is set once open() has built the dialog, before anything that calls this can run
  if (!parts) return;
  const query = parts.input.value.trim();
  if (!query) {
    showRecent();
    return;
  }
  const sequence = ++state.sequence;
  parts.dialog.dataset.state = 'searching';
  let pagefind: Pagefind;
  try {
    pagefind = await loadEngine();
  } catch {
    if (sequence === state.sequence) {
      setSummary(LOAD_ERROR);
      parts.dialog.dataset.state = 'error';
    }
    return;
  }
  const filters: Record<string, string> = state.type ? { type: state.type } : {};
  const [response, demoted] = await Promise.all([
    pagefind.search(query, { filters }),
    pagefind.search(query, { filters: { ...filters, ...DEMOTE_FILTER } }),
  ]);
  if (!response || sequence !== state.sequence) return;
  state.query = query;
  state.ranked = demote(response.results, new Set(demoted?.results.map((result) => result.id)));
  state.total = state.ranked.length;
  state.counts = (response.totalFilters ?? response.filters).type ?? {};
  state.shown = Math.min(PAGE_SIZE, state.total);
  state.withoutExcerpt = 0;
  resetList();
  if (!(await renderPage(state.ranked.slice(0, state.shown), sequence))) return;
  renderTypes();
  parts.more.hidden = state.shown >= state.total;
  parts.input.setAttribute('aria-expanded', String(state.total > 0));
  setSummary(summaryText({ query, total: state.total, shown: state.shown, type: state.type, withoutExcerpt: state.withoutExcerpt }));
  parts.dialog.dataset.state = 'done';
  loadIfInView();
}

/** Loads the next results when "More results" is on screen: the list ends above the fold. */
function loadIfInView(): void {
  if (!parts || parts.more.hidden || parts.dialog.dataset.state !== 'done') return;
  const view = parts.scroller.getBoundingClientRect();
  const button = parts.more.getBoundingClientRect();
  // Wholly in view: a button cut off at the bottom edge means the list still fills the screen.
  if (button.top >= view.top && button.bottom <= view.bottom) void showMore(false);
}

/** Loads and shows the next results; `focusFirst` moves the active option to the first of them. */
async function showMore(focusFirst: boolean): Promise<void> {
  if (!parts || parts.dialog.dataset.state !== 'done') return;
  const sequence = state.sequence;
  const first = options().length;
  const next = state.ranked.slice(state.shown, state.shown + NEXT_PAGE_SIZE);
  parts.dialog.dataset.state = 'searching';
  if (!(await renderPage(next, sequence))) return;
  state.shown += next.length;
  parts.more.hidden = state.shown >= state.total;
  setSummary(
    summaryText({ query: state.query, total: state.total, shown: state.shown, type: state.type, withoutExcerpt: state.withoutExcerpt }),
  );
  parts.dialog.dataset.state = 'done';
  if (focusFirst) setActive(first);
  parts.input.focus();
  loadIfInView();
}

// ---- Input -------------------------------------------------------------------------------------
let typingTimer: ReturnType<typeof setTimeout> | undefined;
function onInput(): void {
  clearTimeout(typingTimer);
  // Stryker disable next-line OptionalChaining: parts is set once open() has built the dialog, before anything that calls this can run
  if (!parts?.input.value.trim()) {
    showRecent();
    return;
  }
  typingTimer = setTimeout(() => void runSearch(), TYPING_DELAY_MS);
}

function choose(option: HTMLElement, event?: Event): void {
  // Stryker disable next-line ConditionalExpression: parts is set once open() has built the dialog, before anything that calls this can run
  if (!parts) return;
  const recent = option.dataset.query;
  if (recent !== undefined) {
    event?.preventDefault();
    parts.input.value = recent;
    clearTimeout(typingTimer);
    void runSearch();
    parts.input.focus();
    return;
  }
  // Stryker disable next-line ConditionalExpression: a result is listed only for the query in state.query (clearing it lists recent searches instead)
  if (state.query) saveRecent(storage, state.query);
  const href = option.getAttribute('href');
  // Stryker disable next-line ConditionalExpression: every option but a recent search (handled above) is a link with an href
  if (!href) return;
  if (!event) location.assign(href);
  // A link to a section of the page already open only scrolls, so the dialog must close.
  parts.dialog.close();
}

function onKeydown(event: KeyboardEvent): void {
  const all = options();
  if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
    if (all.length === 0) return;
    event.preventDefault();
    const step = event.key === 'ArrowDown' ? 1 : -1;
    if (step === 1 && state.active === all.length - 1 && parts && !parts.more.hidden) {
      void showMore(true);
      return;
    }
    setActive(state.active === -1 ? (step === 1 ? 0 : all.length - 1) : (state.active + step + all.length) % all.length);
  } else if (event.key === 'Enter') {
    event.preventDefault();
    clearTimeout(typingTimer);
    const option = all[state.active] ?? all[0];
    // Stryker disable next-line OptionalChaining: parts is set once open() has built the dialog, before anything that calls this can run
    if (option && (state.query === parts?.input.value.trim() || option.dataset.query !== undefined)) choose(option);
    else void runSearch();
  }
}
