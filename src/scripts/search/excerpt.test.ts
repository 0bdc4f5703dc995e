import { describe, expect, it } from 'vitest';
import { NO_EXCERPT_NOTE, excerptParts, fromSearchMap, sectionsOf, summaryText, type FragmentLike } from './excerpt.ts';

describe('excerptParts', () => {
  it('splits marked words from plain text and decodes entities', () => {
    expect(excerptParts('a <mark>cache</mark> &amp; <mark>stampede</mark> &lt;b&gt; &#39;x&#x27;')).toEqual([
      { text: 'a ', marked: false },
      { text: 'cache', marked: true },
      { text: ' & ', marked: false },
      { text: 'stampede', marked: true },
      { text: " <b> 'x'", marked: false },
    ]);
  });

  it('drops any tag other than <mark>, so nothing from the index becomes markup', () => {
    const parts = excerptParts('<img src=x onerror=alert(1)>safe <mark>text</mark><script>bad()</script>');
    expect(parts.map((p) => p.text).join('')).toBe('safe textbad()');
    expect(parts.some((p) => p.text.includes('<'))).toBe(false);
  });
});

const fragment = (subs: FragmentLike['sub_results']): FragmentLike => ({
  url: '/netflix-sd/prompts/rate-limiter/',
  excerpt: 'page <mark>limiter</mark> intro',
  meta: { title: 'Rate limiter' },
  sub_results: subs,
});
const sub = (title: string, id: string | null, score: number) => ({
  title,
  url: `/netflix-sd/prompts/rate-limiter/${id ? `#${id}` : ''}`,
  excerpt: `about <mark>${title}</mark>`,
  anchor: id ? { element: 'h2', id } : undefined,
  weighted_locations: [{ balanced_score: score }],
});

describe('sectionsOf', () => {
  it('shows the best-scoring sections under their headings, in page order', () => {
    const sections = sectionsOf(
      fragment([
        sub('Rate limiter', null, 50),
        sub('Scope', 'scope', 1),
        sub('Token bucket', 'token-bucket', 9),
        sub('Sliding window', 'sliding-window', 7),
      ]),
      2,
    );
    expect(sections.map((s) => s.heading)).toEqual(['Token bucket', 'Sliding window']);
    expect(sections[0]!.url).toBe('/netflix-sd/prompts/rate-limiter/#token-bucket');
    expect(sections[0]!.excerpt.find((p) => p.marked)?.text).toBe('Token bucket');
  });

  it("falls back to the page's excerpt when no section under a heading matched", () => {
    expect(sectionsOf(fragment([sub('Rate limiter', null, 5)]))).toEqual([
      {
        heading: null,
        url: '/netflix-sd/prompts/rate-limiter/',
        excerpt: [
          { text: 'page ', marked: false },
          { text: 'limiter', marked: true },
          { text: ' intro', marked: false },
        ],
      },
    ]);
    expect(sectionsOf(fragment(undefined))[0]!.heading).toBeNull();
  });
});

describe('summaryText', () => {
  it('announces the count, the query, the filter and how many are shown', () => {
    expect(summaryText({ query: 'cdn', total: 0, shown: 0, type: null })).toBe('No results for “cdn”.');
    expect(summaryText({ query: 'cdn', total: 1, shown: 1, type: null })).toBe('1 result for “cdn”.');
    expect(summaryText({ query: 'cache', total: 23, shown: 5, type: 'Prompt' })).toBe('23 results for “cache” in Prompt, showing 5.');
  });
});

describe('summaryText without excerpts', () => {
  it('adds the offline note only when some results shown have no excerpt', () => {
    expect(summaryText({ query: 'zuul', total: 3, shown: 3, type: null, withoutExcerpt: 0 })).toBe('3 results for “zuul”.');
    expect(summaryText({ query: 'zuul', total: 3, shown: 3, type: null, withoutExcerpt: 2 })).toBe(
      `3 results for “zuul”. ${NO_EXCERPT_NOTE}`,
    );
    expect(summaryText({ query: 'zuul', total: 9, shown: 3, type: null, withoutExcerpt: 1 })).toBe(
      `9 results for “zuul”, showing 3. ${NO_EXCERPT_NOTE}`,
    );
    expect(summaryText({ query: 'zuul', total: 0, shown: 0, type: null, withoutExcerpt: 1 })).toBe('No results for “zuul”.');
  });
});

describe('fromSearchMap', () => {
  const map = {
    version: 1 as const,
    pages: { en_a: ['/stack/zuul/', 'Zuul', 'Stack component'], en_b: ['https://x.example/p/', 'Elsewhere', null] } as Record<
      string,
      [string, string, string | null]
    >,
  };
  it('gives the title, type and address under the base path, joined as Pagefind joins them', () => {
    expect(fromSearchMap(map, 'en_a', '/netflix-sd/')).toEqual({ url: '/netflix-sd/stack/zuul/', title: 'Zuul', type: 'Stack component' });
    expect(fromSearchMap(map, 'en_a', '/')).toEqual({ url: '/stack/zuul/', title: 'Zuul', type: 'Stack component' });
    expect(fromSearchMap(map, 'en_b', '/netflix-sd/')).toEqual({ url: 'https://x.example/p/', title: 'Elsewhere', type: null });
  });
  it('is undefined for an id the map lacks, including inherited names', () => {
    expect(fromSearchMap(map, 'en_missing', '/')).toBeUndefined();
    expect(fromSearchMap(map, 'constructor', '/')).toBeUndefined();
  });
});
