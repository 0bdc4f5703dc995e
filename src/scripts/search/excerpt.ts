/**
 * What a result shows: its best-matching sections (the heading each match sits under, with an
 * excerpt around the matched words) and the excerpt text split into plain and marked parts, so
 * the dialog builds it with text nodes and never parses HTML from the index.
 */
import { SUB_RESULTS_SHOWN, type SearchMap } from './config.ts';

/** The part of Pagefind's result fragment the dialog uses. */
export interface FragmentLike {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  sub_results?: {
    title: string;
    url: string;
    excerpt: string;
    anchor?: { element: string; id: string };
    weighted_locations?: { balanced_score: number }[];
  }[];
}

export interface ExcerptPart {
  text: string;
  marked: boolean;
}

export interface Section {
  /** The heading the excerpt sits under; null for text before the page's first heading. */
  heading: string | null;
  url: string;
  excerpt: ExcerptPart[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, name: string) => {
    if (name[0] === '#') {
      const code = name[1]?.toLowerCase() === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
    }
    return ENTITIES[name.toLowerCase()] ?? entity;
  });
}

/**
 * Pagefind's excerpt ("…the <mark>cache</mark> stampede…") as parts. Only <mark> is read as
 * markup; any other tag is dropped and entities are decoded, so the result is safe as text.
 */
export function excerptParts(html: string): ExcerptPart[] {
  const parts: ExcerptPart[] = [];
  let marked = false;
  for (const piece of html.split(/(<\/?mark>)/i)) {
    if (/^<mark>$/i.test(piece)) marked = true;
    else if (/^<\/mark>$/i.test(piece)) marked = false;
    else {
      const text = decode(piece.replace(/<[^>]*>/g, ''));
      if (!text) continue;
      const last = parts.at(-1);
      if (last && last.marked === marked) last.text += text;
      else parts.push({ text, marked });
    }
  }
  return parts;
}

const score = (locations: { balanced_score: number }[] = []) => locations.reduce((sum, l) => sum + l.balanced_score, 0);

/**
 * The sections to show under a result: the best-scoring sub-results (by the summed score of their
 * matches), in page order; the page's own excerpt when no section under a heading matched.
 */
export function sectionsOf(fragment: FragmentLike, shown = SUB_RESULTS_SHOWN): Section[] {
  const subs = (fragment.sub_results ?? []).map((sub, index) => ({ sub, index, score: score(sub.weighted_locations) }));
  const headed = subs.filter(({ sub }) => sub.anchor && sub.excerpt);
  const best = headed
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .slice(0, shown)
    .sort((a, b) => a.index - b.index);
  if (best.length === 0) return [{ heading: null, url: fragment.url, excerpt: excerptParts(fragment.excerpt) }];
  return best.map(({ sub }) => ({ heading: sub.title, url: sub.url, excerpt: excerptParts(sub.excerpt) }));
}

/** Said after the count when some results on screen have no excerpt (their fragment could not load). */
export const NO_EXCERPT_NOTE = 'Pages not saved on this device are listed by title; their excerpts appear once you are online.';

/** The sentence the screen reader hears when results change. */
export function summaryText(state: { query: string; total: number; shown: number; type: string | null; withoutExcerpt?: number }): string {
  const where = state.type ? ` in ${state.type}` : '';
  if (state.total === 0) return `No results for “${state.query}”${where}.`;
  const count = `${state.total} result${state.total === 1 ? '' : 's'}`;
  const note = state.withoutExcerpt ? ` ${NO_EXCERPT_NOTE}` : '';
  return state.shown < state.total
    ? `${count} for “${state.query}”${where}, showing ${state.shown}.${note}`
    : `${count} for “${state.query}”${where}.${note}`;
}

/** A result shown without its fragment: its page from the search map, or undefined when the map lacks it. */
export interface MapResult {
  url: string;
  title: string;
  type: string | null;
}

/**
 * The search map's entry for a result id, with the page's address under the site's base path
 * (joined as Pagefind joins its baseUrl and a fragment's url, so both kinds of result link alike).
 */
export function fromSearchMap(map: SearchMap, id: string, base: string): MapResult | undefined {
  const entry = Object.hasOwn(map.pages, id) ? map.pages[id] : undefined;
  if (!entry) return undefined;
  const [url, title, type] = entry;
  return { url: /^(https?:)?\/\//.test(url) ? url : `${base}/${url}`.replace(/\/+/g, '/'), title, type };
}
