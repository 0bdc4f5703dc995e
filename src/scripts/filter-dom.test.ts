// @vitest-environment happy-dom
/**
 * Facet filtering on a real DOM (happy-dom): matching items show, the rest hide, a group whose
 * items are all hidden hides with them (and shows again when one matches), the counts are right,
 * and the chosen values round-trip through the page's URL.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { applyFilters, readFiltersFromUrl, writeFiltersToUrl } from './filter.ts';

function list(): HTMLElement {
  const html = `
    <div id="list">
      <section data-filter-group id="storage">
        <article class="item" id="a" data-difficulty="hard" data-theme="storage caching"></article>
        <article class="item" id="b" data-difficulty="medium" data-theme="storage"></article>
      </section>
      <section data-filter-group id="delivery">
        <article class="item" id="c" data-difficulty="hard" data-theme="delivery"></article>
      </section>
      <section data-filter-group id="empty-from-start"></section>
    </div>`;
  document.body.replaceChildren(...new DOMParser().parseFromString(html, 'text/html').body.childNodes);
  return document.getElementById('list')!;
}

const hidden = (...ids: string[]) => ids.map((id) => document.getElementById(id)!.hidden);

describe('applyFilters', () => {
  it('shows every item and every group with items when nothing is chosen', () => {
    const root = list();
    expect(applyFilters(root, '.item', { difficulty: '', theme: '' })).toEqual({ shown: 3, total: 3 });
    expect(hidden('a', 'b', 'c', 'storage', 'delivery')).toEqual([false, false, false, false, false]);
    // A group with no items at all has nothing to show.
    expect(hidden('empty-from-start')).toEqual([true]);
  });

  it('hides the items that do not match and a group left with none', () => {
    const root = list();
    expect(applyFilters(root, '.item', { difficulty: 'medium' })).toEqual({ shown: 1, total: 3 });
    expect(hidden('a', 'b', 'c')).toEqual([true, false, true]);
    expect(hidden('storage', 'delivery')).toEqual([false, true]);
  });

  it('shows a hidden group again once one of its items matches', () => {
    const root = list();
    applyFilters(root, '.item', { theme: 'caching' });
    expect(hidden('storage', 'delivery')).toEqual([false, true]);
    expect(applyFilters(root, '.item', { theme: 'delivery' })).toEqual({ shown: 1, total: 3 });
    expect(hidden('a', 'b', 'c', 'storage', 'delivery')).toEqual([true, true, false, true, false]);
  });

  it('counts only the items under the list it is given', () => {
    const root = list();
    document.body.insertAdjacentElement('beforeend', Object.assign(document.createElement('article'), { className: 'item' }));
    expect(applyFilters(root, '.item', { difficulty: 'hard' })).toEqual({ shown: 2, total: 3 });
  });
});

describe('filters in the URL', () => {
  beforeEach(() => history.replaceState(null, '', '/prompts/'));

  it('reads each named filter, empty when absent', () => {
    expect(readFiltersFromUrl(['difficulty', 'theme'], '?theme=storage&other=x')).toEqual({ difficulty: '', theme: 'storage' });
    history.replaceState(null, '', '/prompts/?difficulty=hard');
    expect(readFiltersFromUrl(['difficulty'])).toEqual({ difficulty: 'hard' });
  });

  it('writes chosen values and removes cleared ones, keeping the rest of the URL', () => {
    history.replaceState({ kept: true }, '', '/prompts/?theme=delivery&page=2#list');
    writeFiltersToUrl({ difficulty: 'hard', theme: '' });
    expect(location.pathname + location.search + location.hash).toBe('/prompts/?page=2&difficulty=hard#list');
    expect(history.state).toEqual({ kept: true });
  });
});
