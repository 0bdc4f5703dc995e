/**
 * What the search dialog's unit tests stand in for the network with: a fake Pagefind (the module
 * object pagefind.js exports, with the calls search-dialog.ts makes: options, init, filters,
 * search, and each result's data()), the search map the build writes beside the index, and a
 * loader that imports a fresh dialog module with that fake as its engine.
 *
 * The fake searches a small index of pages by words, as Pagefind does: a page matches when every
 * word of the query is in its title or text, results come best score first, a `type` filter
 * narrows them, the `rank: demoted` filter keeps only demoted pages, and the answer counts the
 * matches per type (`filters` within the chosen type, `totalFilters` over every type). A page
 * marked `offline` has no fragment on the device: its data() rejects, as a failed fetch does.
 */
import { vi } from 'vitest';
import type { SearchMap } from '../config.ts';
import type { FragmentLike } from '../excerpt.ts';

/** The site's base path, as BaseLayout writes it on <html data-base>. */
export const BASE = '/netflix-sd/';

/** One page of the fake index. */
export interface FakePage {
  /** The result id (Pagefind's fragment hash; the search map's key). */
  id: string;
  /** The page's address as Pagefind gives it: the base joined to the page's path. */
  url: string;
  /** Shown as the result's title; a fragment without one shows its url. */
  title?: string;
  /** The `type` filter's value (the badge); absent for a page without a content type. */
  type?: string;
  /** Tagged `rank: demoted` (mistakes, catalogs, lists). */
  demoted?: boolean;
  /** Pagefind's score for the page. */
  score: number;
  /** The words the page is found by, besides its title. */
  text: string;
  /** The page's excerpt, as Pagefind's HTML (with <mark>). */
  excerpt?: string;
  /** Matches under headings, as Pagefind's fragment lists them. */
  subResults?: FragmentLike['sub_results'];
  /** Its fragment is not on this device (offline and never opened): data() rejects. */
  offline?: boolean;
}

interface Filters {
  type?: string;
  rank?: string;
}

/** One result of a search, as Pagefind gives it. */
export interface FakeResult {
  id: string;
  score: number;
  data(): Promise<FragmentLike>;
}

/** Pagefind's answer to a search: the results and the count of matches per value of each filter. */
export interface FakeResponse {
  results: FakeResult[];
  filters: Record<string, Record<string, number>>;
  totalFilters?: Record<string, Record<string, number>>;
}

/** A fake Pagefind over `pages`; `module` is what `import('…/pagefind.js')` gives the dialog. */
export function fakePagefind(pages: FakePage[]) {
  const held = new Map<string, Promise<void>>();
  const heldFragments = new Map<string, Promise<void>>();
  const fake = {
    pages,
    /** Whether pagefind.js fails to load (as when the network is down and nothing is cached). */
    unreachable: false,
    /** Whether answers leave out `totalFilters` (the counts fall back to `filters`). */
    noTotals: false,
    /** Queries (with their filters) for which search() answers null, as Pagefind does for a superseded search. */
    nullFor: (_query: string, _filters: Filters) => false,
    /** Every search() call, in order. */
    searches: [] as { query: string; filters: Filters }[],
    /** The ids whose fragment data() was asked for, in order. */
    fragments: [] as string[],
    module: {
      options: vi.fn(async (_options: Record<string, unknown>) => {}),
      init: vi.fn(async () => {}),
      filters: vi.fn(() => Promise.resolve({ type: countTypes(pages) })),
      search: async (query: string, options: { filters?: Filters } = {}): Promise<FakeResponse | null> => {
        const filters = options.filters ?? {};
        fake.searches.push({ query, filters });
        await held.get(query);
        if (fake.nullFor(query, filters)) return null;
        const words = query.toLowerCase().split(/\s+/).filter(Boolean);
        const matching = pages.filter((page) => words.every((word) => `${page.title ?? ''} ${page.text}`.toLowerCase().includes(word)));
        const chosen = matching.filter(
          (page) => (!filters.type || page.type === filters.type) && (filters.rank !== 'demoted' || page.demoted === true),
        );
        const results = [...chosen]
          .sort((a, b) => b.score - a.score)
          .map((page) => ({
            id: page.id,
            score: page.score,
            data: async () => {
              fake.fragments.push(page.id);
              await heldFragments.get(page.id);
              if (page.offline) throw new TypeError('Failed to fetch');
              return fragmentOf(page);
            },
          }));
        return {
          results,
          filters: { type: countTypes(chosen) },
          ...(fake.noTotals ? {} : { totalFilters: { type: countTypes(matching) } }),
        };
      },
    },
    /** Makes the searches for `query` wait until the returned function is called. */
    hold(query: string): () => void {
      return gate(held, query);
    },
    /** Makes the fragment of the page `id` wait until the returned function is called. */
    holdFragment(id: string): () => void {
      return gate(heldFragments, id);
    },
  };
  return fake;
}

export type FakePagefind = ReturnType<typeof fakePagefind>;

/** Puts a promise under `key` in `gates`; returns what resolves it. */
function gate(gates: Map<string, Promise<void>>, key: string): () => void {
  let release = () => {};
  gates.set(
    key,
    new Promise<void>((resolve) => {
      release = resolve;
    }),
  );
  return release;
}

function countTypes(pages: FakePage[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const page of pages) if (page.type) counts[page.type] = (counts[page.type] ?? 0) + 1;
  return counts;
}

/** The page's fragment as Pagefind's data() gives it. */
export function fragmentOf(page: FakePage): FragmentLike & { filters: Record<string, string[]> } {
  return {
    url: page.url,
    excerpt: page.excerpt ?? page.text,
    meta: page.title === undefined ? {} : { title: page.title },
    filters: { ...(page.type ? { type: [page.type] } : {}), ...(page.demoted ? { rank: ['demoted'] } : {}) },
    sub_results: page.subResults ?? [],
  };
}

/** The search map the build would write for `pages`: each page's path without the base, title and type. */
export function searchMapOf(pages: FakePage[]): SearchMap {
  return {
    version: 1,
    pages: Object.fromEntries(pages.map((page) => [page.id, [page.url.slice(BASE.length - 1), page.title ?? page.url, page.type ?? null]])),
  };
}

/**
 * The network the dialog sees for the search map: `map` as JSON (or, for a number, that HTTP
 * status; for `{ status, body }`, that status with `body` as JSON), counting the requests; any
 * other address fails, as it would offline.
 */
export function fakeNetwork(map: unknown) {
  const requests: string[] = [];
  const fetch = vi.fn((input: string | URL | Request) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    requests.push(url);
    if (url !== `${BASE}pagefind/search-map.json`) return Promise.reject(new TypeError(`Failed to fetch ${url}`));
    if (typeof map === 'number') return Promise.resolve(new Response('Not found', { status: map }));
    if (isErrorPage(map)) return Promise.resolve(Response.json(map.body, { status: map.status }));
    return Promise.resolve(Response.json(map));
  });
  vi.stubGlobal('fetch', fetch);
  return requests;
}

const isErrorPage = (value: unknown): value is { status: number; body: unknown } =>
  typeof value === 'object' && value !== null && 'status' in value && 'body' in value;

/**
 * A fresh search dialog module (its own dialog, engine and state) whose pagefind.js is `fake`,
 * on a site under `base` (null: a page without data-base, as at the root of a domain).
 */
export async function loadDialog(fake: FakePagefind, base: string | null = BASE): Promise<typeof import('../search-dialog.ts')> {
  if (base === null) delete document.documentElement.dataset.base;
  else document.documentElement.dataset.base = base;
  vi.resetModules();
  vi.doMock(`${base ?? '/'}pagefind/pagefind.js`, () => {
    if (fake.unreachable) throw new TypeError('Failed to fetch dynamically imported module');
    return fake.module;
  });
  return import('../search-dialog.ts');
}
