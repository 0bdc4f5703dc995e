/**
 * Progress on a content page: the "Mark as studied" switch, and real checkboxes for the page's
 * checklists (study plan steps, preparation checklists, a prompt's self-check rubric). Loaded
 * only on pages that have something to track. Everything is saved on this device only.
 */
import { studyStore } from './store.ts';
import type { StudyData } from './schema.ts';

const article = document.querySelector<HTMLElement>('[data-page-key]');
const pageKey = article?.dataset.pageKey;

function formatDay(iso: string): string {
  return new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' }).format(new Date(iso));
}

function taskKey(list: HTMLElement, item: HTMLElement): string {
  return `${pageKey}#${list.dataset.checklist}/${item.dataset.task}`;
}

function render(data: StudyData): void {
  const toggle = document.querySelector<HTMLButtonElement>('[data-study-toggle] button');
  const status = document.querySelector<HTMLElement>('[data-study-toggle] [data-study-status]');
  if (toggle && status && pageKey) {
    const studiedAt = data.studied[pageKey];
    toggle.setAttribute('aria-pressed', String(Boolean(studiedAt)));
    toggle.textContent = studiedAt ? 'Studied ✓' : 'Mark as studied';
    status.textContent = studiedAt ? `Marked on ${formatDay(studiedAt)}.` : '';
  }
  for (const list of document.querySelectorAll<HTMLElement>('[data-checklist]')) {
    let done = 0;
    const items = [...list.querySelectorAll<HTMLElement>('li[data-task]')];
    for (const item of items) {
      const box = item.querySelector<HTMLInputElement>('input[type="checkbox"]');
      if (!box) continue;
      box.checked = Boolean(data.tasks[taskKey(list, item)]);
      if (box.checked) done += 1;
    }
    const count = list.querySelector<HTMLElement>('[data-checklist-count]');
    if (count) count.textContent = `${done} of ${items.length} done`;
  }
}

function enhanceChecklists(): void {
  document.querySelectorAll<HTMLElement>('[data-checklist]').forEach((list, listIndex) => {
    list.classList.add('enhanced');
    const count = document.createElement('p');
    count.className = 'checklist-count';
    count.dataset.checklistCount = '';
    count.setAttribute('aria-live', 'polite');
    list.append(count);
    list.querySelectorAll<HTMLElement>('li[data-task]').forEach((item, itemIndex) => {
      const id = `task-${listIndex}-${itemIndex}`;
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.id = id;
      const label = document.createElement('label');
      label.htmlFor = id;
      label.append(...item.childNodes);
      item.replaceChildren(box, label);
      box.addEventListener('change', () => {
        studyStore().update((data) => {
          const key = taskKey(list, item);
          if (box.checked) data.tasks[key] = new Date().toISOString();
          else delete data.tasks[key];
        });
      });
    });
  });
}

if (pageKey) {
  const store = studyStore();
  const toggleBox = document.querySelector<HTMLElement>('[data-study-toggle]');
  toggleBox?.querySelector('button')?.addEventListener('click', () => {
    store.update((data) => {
      if (data.studied[pageKey]) delete data.studied[pageKey];
      else data.studied[pageKey] = new Date().toISOString();
    });
  });
  enhanceChecklists();
  store.subscribe(render);
  render(store.read());
}
