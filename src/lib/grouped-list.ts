/**
 * Index pages that list a whole collection by group (the stack glossary by layer, the GOOD/BAD
 * catalog by round) list every entry while the collection is small. Past `fullListMax` entries,
 * each group shows its first `perGroup` entries and links to a page of its own that lists the
 * whole group, so the index stays the same size however large the collection grows: the budget
 * in scripts/quality/budgets.ts holds at ten times today's content (`npm run bench -- --scale 10`).
 */

export interface ListGroup<T> {
  /** The group's key: its page's address segment and its heading's id. */
  key: string;
  label: string;
  /** Every entry of the group, in display order. */
  items: T[];
}

export interface GroupPreview<T> extends ListGroup<T> {
  /** The entries the index shows: all of them, or the first `perGroup`. */
  shown: T[];
  /** True when the group has more entries than the index shows, so it gets a page of its own. */
  hasPage: boolean;
}

export interface PreviewLimits {
  /** The most entries the index lists in full, over all groups. */
  fullListMax: number;
  /** Past that, the entries each group shows on the index. */
  perGroup: number;
}

/** What the index shows of each group, and which groups get a page of their own. Empty groups are dropped. */
export function previewGroups<T>(groups: readonly ListGroup<T>[], limits: PreviewLimits): GroupPreview<T>[] {
  for (const [name, value] of Object.entries(limits))
    if (!Number.isInteger(value) || value < 1) throw new Error(`previewGroups: ${name} must be a whole number of 1 or more, not ${value}.`);
  const nonEmpty = groups.filter((group) => group.items.length > 0);
  const total = nonEmpty.reduce((sum, group) => sum + group.items.length, 0);
  const full = total <= limits.fullListMax;
  return nonEmpty.map((group) => {
    const shown = full ? group.items : group.items.slice(0, limits.perGroup);
    return { ...group, shown, hasPage: shown.length < group.items.length };
  });
}
