/**
 * Every id on a page is unique, as HTML requires: a link to #id, a <label for>, aria-labelledby
 * and a script's getElementById all find only the first element with it, so a repeated id breaks
 * them silently. Ids inside a <template> are left out (they exist only once a script clones it).
 */
import type { Problem } from '../../lib/problems.ts';
import { attribute, lineContaining, runRules, type BuiltPage, type BuiltSite, type SiteRule } from '../site.ts';

export function checkIds(site: BuiltSite): Problem[] {
  return runRules(site, [idsRule]);
}

export const idsRule: SiteRule = { page: (_site, page) => pageIds(page) };

function pageIds(page: BuiltPage): Problem[] {
  const problems: Problem[] = [];
  const counts = new Map<string, number>();
  for (const { element, inTemplate } of page.elements) {
    const id = attribute(element, 'id');
    if (inTemplate || id === undefined || id === '') continue;
    counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  for (const [id, count] of counts) {
    if (count < 2) continue;
    problems.push({
      file: page.sourceFile ?? page.htmlFile,
      line: page.sourceFile ? lineContaining(page.sourceFile, [`id="${id}"`, `id='${id}'`, `id: ${id}`, `{#${id}}`]) : undefined,
      rule: 'duplicate-id',
      message: `The id "${id}" is used ${count} times on ${page.sitePath}; an id must be unique on its page (links to #${id}, labels and scripts find only the first).`,
      fix: 'Rename all but one. A heading gets its id from its text, so two headings with the same text on one page need different words.',
    });
  }
  return problems;
}
