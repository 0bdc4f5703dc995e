/** Small text helpers shared by pages and checkers. */

/** Edit distance between two strings (Levenshtein), used to suggest the nearest valid value. */
export function editDistance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0]!;
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j]!;
      previous[j] = Math.min(above + 1, previous[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return previous[b.length]!;
}

/**
 * The candidate closest to `wanted`, if it is close enough to be a plausible typo (or contains
 * the wanted text, or is contained in it).
 */
export function nearest(wanted: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestScore = Number.POSITIVE_INFINITY;
  const target = wanted.toLowerCase();
  for (const candidate of candidates) {
    const lower = candidate.toLowerCase();
    const distance = editDistance(target, lower);
    // A candidate that contains what was written (a shortened id) counts as close.
    const contained = lower.includes(target) ? Math.abs(lower.length - target.length) * 0.5 : distance;
    const score = Math.min(distance, contained);
    if (score < bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  const limit = Math.max(2, Math.floor(target.length / 3));
  return best !== undefined && bestScore <= limit ? best : undefined;
}

/** GitHub-style heading slug: lower case, punctuation dropped, spaces to hyphens. */
export function slugify(text: string): string {
  return text
    .toLowerCase()
    .trim()
    .replace(/[^\p{L}\p{N}\s-]/gu, '')
    .replace(/\s/g, '-');
}

// One formatter for every page: building one costs about a millisecond, and the build formats
// dates on every page.
const DATE_FORMAT = new Intl.DateTimeFormat('en-US', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** Formats a date as "November 21, 2026" (the site's one date format, American). */
export function formatDate(date: Date): string {
  return DATE_FORMAT.format(date);
}

/** Joins words as "a, b and c". */
export function listWords(words: readonly string[]): string {
  // Stryker disable next-line StringLiteral: with one word or none, join never uses its separator.
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/** "1 mock round", "2 mock rounds": a count with its noun in the right number. */
export function countNoun(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : plural}`;
}
