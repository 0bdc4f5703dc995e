/**
 * The fake index the search dialog's unit tests search: a handful of pages shaped like the site's
 * (a stack entry with sections, a guide, a demoted mistake page), and ten pages for "cache" to
 * page through (PAGE_SIZE, then NEXT_PAGE_SIZE at a time).
 */
import { BASE, type FakePage } from './fake-pagefind.ts';

const anchor = (id: string) => ({ element: 'h2', id });

/** Zuul: found by "gateway", with four sections, two of which match best. */
export const ZUUL: FakePage = {
  id: 'zuul',
  url: `${BASE}stack/zuul/`,
  title: 'Zuul',
  type: 'Stack component',
  score: 9,
  text: 'gateway edge routing',
  excerpt: 'Zuul is the <mark>gateway</mark> at the edge.',
  subResults: [
    // Text before the first heading: not a section of its own.
    { title: 'Zuul', url: `${BASE}stack/zuul/`, excerpt: 'Zuul is the <mark>gateway</mark> at the edge.' },
    {
      title: 'Filters',
      url: `${BASE}stack/zuul/#filters`,
      excerpt: 'Each <mark>gateway</mark> filter runs in order.',
      anchor: anchor('filters'),
      weighted_locations: [{ balanced_score: 4 }],
    },
    {
      title: 'History',
      url: `${BASE}stack/zuul/#history`,
      excerpt: 'The <mark>gateway</mark> began in 2013.',
      anchor: anchor('history'),
      weighted_locations: [{ balanced_score: 1 }],
    },
    {
      title: 'Routing',
      url: `${BASE}stack/zuul/#routing`,
      excerpt: 'How the <mark>gateway</mark> routes a request.',
      anchor: anchor('routing'),
      weighted_locations: [{ balanced_score: 2 }, { balanced_score: 1 }],
    },
  ],
};

/** A guide that mentions the gateway, without sections under headings. */
export const EDGE_GUIDE: FakePage = {
  id: 'edge-guide',
  url: `${BASE}guides/edge/`,
  title: 'The edge, end to end',
  type: 'Guide',
  score: 5,
  text: 'gateway cdn edge',
  excerpt: 'From the device to the <mark>gateway</mark>.',
};

/** A mistakes page: scores highest for "gateway", but demoted below the pages it points to. */
export const GATEWAY_MISTAKES: FakePage = {
  id: 'gateway-mistakes',
  url: `${BASE}mistakes/gateway/`,
  title: 'Gateway mistakes',
  type: 'Mistake',
  demoted: true,
  score: 12,
  text: 'gateway mistakes',
  excerpt: 'Putting logic in the <mark>gateway</mark>.',
};

/** Ten pages for "cache", best first: four guides, three prompts, two mistakes and one page with neither title nor type. */
export const CACHE_PAGES: FakePage[] = Array.from({ length: 10 }, (_, i) => {
  const n = i + 1;
  const type = n <= 4 ? 'Guide' : n <= 7 ? 'Prompt' : n <= 9 ? 'Mistake' : undefined;
  return {
    id: `cache-${n}`,
    url: `${BASE}cache-${n}/`,
    ...(n === 10 ? {} : { title: `Cache page ${n}` }),
    ...(type ? { type } : {}),
    score: 20 - n,
    text: `cache number ${n}`,
    excerpt: `The <mark>cache</mark>, part ${n}.`,
  };
});

export const ALL_PAGES: FakePage[] = [ZUUL, EDGE_GUIDE, GATEWAY_MISTAKES, ...CACHE_PAGES];
