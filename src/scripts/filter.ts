/**
 * Facet filtering for lists (the prompt library, the mistakes catalog). Pure DOM logic: an
 * item shows when, for every facet with a value chosen, its data-<facet> list contains it.
 */

export type Chosen = Record<string, string>;

/** Whether an item's facet values match every chosen value. */
export function matches(values: Record<string, string | undefined>, chosen: Chosen): boolean {
  return Object.entries(chosen).every(([facet, value]) => !value || (values[facet] ?? '').split(/\s+/).includes(value));
}

/** Shows matching items, hides the rest and any group left empty; returns the counts. */
export function applyFilters(list: HTMLElement, itemSelector: string, chosen: Chosen): { shown: number; total: number } {
  const items = [...list.querySelectorAll<HTMLElement>(itemSelector)];
  let shown = 0;
  for (const item of items) {
    const visible = matches({ ...item.dataset }, chosen);
    item.hidden = !visible;
    if (visible) shown += 1;
  }
  for (const group of list.querySelectorAll<HTMLElement>('[data-filter-group]')) {
    group.hidden = ![...group.querySelectorAll<HTMLElement>(itemSelector)].some((item) => !item.hidden);
  }
  return { shown, total: items.length };
}

export function readFiltersFromUrl(names: string[], search = location.search): Chosen {
  const params = new URLSearchParams(search);
  return Object.fromEntries(names.map((name) => [name, params.get(name) ?? '']));
}

export function writeFiltersToUrl(chosen: Chosen): void {
  const url = new URL(location.href);
  for (const [name, value] of Object.entries(chosen)) {
    if (value) url.searchParams.set(name, value);
    else url.searchParams.delete(name);
  }
  // Stryker disable next-line StringLiteral: browsers ignore replaceState's title argument.
  history.replaceState(history.state, '', url);
}
