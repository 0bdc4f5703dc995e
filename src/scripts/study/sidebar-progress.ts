/**
 * The sidebar marks the pages the reader has studied (a check after the link, with "studied" for
 * screen readers), from the study store, and keeps the marks current when a page is marked here
 * or in another tab. The space for the mark is reserved in CSS, so nothing moves when it appears.
 */
import { studyStore } from './store.ts';
import type { StudyData } from './schema.ts';

const links = [...document.querySelectorAll<HTMLAnchorElement>('.sidebar a[data-study-key]')];

function render(data: StudyData): void {
  for (const link of links) {
    const studied = Boolean(data.studied[link.dataset.studyKey!]);
    if (studied) link.dataset.studied = '';
    else delete link.dataset.studied;
  }
}

if (links.length > 0) {
  const store = studyStore();
  store.subscribe(render);
  render(store.read());
}
