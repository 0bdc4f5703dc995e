/**
 * Progress on a content page: the "Mark as studied" switch, and real checkboxes for the page's
 * checklists (study plan steps, preparation checklists, a prompt's self-check rubric). Loaded
 * only on pages that have something to track. Everything is saved on this device only; when the
 * browser does not keep a change, the page shows what is still saved and says why.
 */
import { studyStore } from './store.ts';
import type { StudyData } from './schema.ts';
import { studiedStatus } from './studied-status.ts';

const article = document.querySelector<HTMLElement>('[data-page-key]');
const pageKey = article?.dataset.pageKey;

function taskKey(list: HTMLElement, item: HTMLElement): string {
  return `${pageKey}#${list.dataset.checklist}/${item.dataset.task}`;
}

function render(data: StudyData): void {
  // The switch sits at the top and at the end of the page; both show the same state.
  if (pageKey) {
    // Stryker disable next-line OptionalChaining: a page key comes from the article, so it exists here
    const state = studiedStatus(data.studied[pageKey], article?.dataset.updated);
    for (const box of document.querySelectorAll<HTMLElement>('[data-study-toggle]')) {
      const toggle = box.querySelector<HTMLButtonElement>('button');
      const status = box.querySelector<HTMLElement>('[data-study-status]');
      if (!toggle || !status) continue;
      toggle.setAttribute('aria-pressed', String(state.studied));
      toggle.textContent = state.label;
      status.textContent = state.status;
      box.classList.toggle('is-updated', state.updatedSince);
    }
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
    // Stryker disable next-line StringLiteral: only the attribute's presence is looked up
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
        const saved = studyStore().update((data) => {
          const key = taskKey(list, item);
          if (box.checked) data.tasks[key] = new Date().toISOString();
          else delete data.tasks[key];
        });
        // The box is back as saved (the store redrew it); say why the change did not stick.
        const count = list.querySelector<HTMLElement>('[data-checklist-count]');
        if (!saved.ok && count) count.textContent = `${count.textContent} Your change was not saved: ${saved.problem}`;
      });
    });
  });
}

if (pageKey) {
  const store = studyStore();
  for (const toggleBox of document.querySelectorAll<HTMLElement>('[data-study-toggle]')) {
    toggleBox.querySelector('button')?.addEventListener('click', () => {
      const saved = store.update((data) => {
        if (data.studied[pageKey]) delete data.studied[pageKey];
        else data.studied[pageKey] = new Date().toISOString();
      });
      const status = toggleBox.querySelector<HTMLElement>('[data-study-status]');
      if (!saved.ok && status) status.textContent = `Not saved: ${saved.problem}`;
    });
  }
  enhanceChecklists();
  store.subscribe(render);
  render(store.read());
}
