/**
 * The story bank island: the form (new and edit), the list with edit and delete (after a
 * confirmation), the coverage matrix, and the Markdown download. Stories are saved through the
 * study store only; the logic that decides anything lives in story-bank.ts. Saved stories are
 * read defensively (readableStory), so a damaged one never hides the others, and a story the
 * browser does not keep stays in the form with the reason shown.
 */
import { studyStore } from '../study/store.ts';
import type { Story, StudyData } from '../study/schema.ts';
import { formatStoredDay, storedText } from '../study/format.ts';
import { FRAMED_MESSAGE, isFramed } from '../study/framing.ts';
import {
  buildCoverage,
  checkDraft,
  markdownFileName,
  STORY_PARTS,
  storiesToMarkdown,
  storyFromDraft,
  storyValueTitles,
  type CoverageRow,
  type CultureItem,
  type StoryDraft,
} from './story-bank.ts';

const root = document.querySelector<HTMLElement>('[data-story-bank]');
const items = JSON.parse(document.getElementById('story-culture')?.textContent ?? '[]') as CultureItem[];

/** Builds an element with text, so story text is never parsed as HTML. */
function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]) {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

function hidden(text: string): HTMLSpanElement {
  return el('span', { className: 'sr-only', textContent: text });
}

const countStories = (count: number) => `${count} ${count === 1 ? 'story' : 'stories'}`;

/**
 * A saved story as the page can show it: text fields as text, values as a list of names, so a
 * damaged record (a missing field, a number where text belongs) still shows what it holds.
 */
function readableStory(saved: unknown, index: number): Story {
  const story = (saved && typeof saved === 'object' ? saved : {}) as Partial<Record<keyof Story, unknown>>;
  return {
    id: storedText(story.id) || `damaged-${index}`,
    title: storedText(story.title) || 'Untitled story',
    situation: storedText(story.situation),
    decision: storedText(story.decision),
    friction: storedText(story.friction),
    outcome: storedText(story.outcome),
    learned: storedText(story.learned),
    values: Array.isArray(story.values) ? story.values.filter((v): v is string => typeof v === 'string') : [],
    updatedAt: storedText(story.updatedAt),
  };
}

if (root) {
  const store = studyStore();
  const form = root.querySelector<HTMLFormElement>('[data-story-form]')!;
  const formHeading = root.querySelector<HTMLElement>('[data-form-heading]')!;
  const formStatus = root.querySelector<HTMLElement>('[data-form-status]')!;
  const cancel = root.querySelector<HTMLButtonElement>('[data-cancel]')!;
  const list = root.querySelector<HTMLElement>('[data-story-list]')!;
  const listHeading = root.querySelector<HTMLElement>('#your-stories')!;
  const listStatus = root.querySelector<HTMLElement>('[data-list-status]')!;
  const dialog = root.querySelector<HTMLDialogElement>('[data-delete-dialog]')!;
  const titleInput = form.querySelector<HTMLInputElement>('[name="title"]')!;
  /** The story being edited, or null while writing a new one. */
  let editing: string | null = null;
  let deleting: Story | null = null;

  const readDraft = (): StoryDraft => {
    const text = (name: string) => form.querySelector<HTMLInputElement | HTMLTextAreaElement>(`[name="${name}"]`)!.value;
    return {
      title: text('title'),
      situation: text('situation'),
      decision: text('decision'),
      friction: text('friction'),
      outcome: text('outcome'),
      learned: text('learned'),
      values: [...form.querySelectorAll<HTMLInputElement>('input[name="values"]:checked')].map((box) => box.value),
    };
  };

  const showErrors = (errors: ReturnType<typeof checkDraft>) => {
    for (const name of ['title', ...STORY_PARTS.map((p) => p.key)] as const) {
      const message = errors[name] ?? '';
      form.querySelector(`[data-error-for="${name}"]`)!.textContent = message;
      const control = form.querySelector(`[name="${name}"]`)!;
      if (message) control.setAttribute('aria-invalid', 'true');
      else control.removeAttribute('aria-invalid');
    }
  };

  const fillForm = (story: Story | null) => {
    form.reset();
    showErrors({});
    if (story) {
      titleInput.value = story.title;
      for (const part of STORY_PARTS) form.querySelector<HTMLTextAreaElement>(`[name="${part.key}"]`)!.value = story[part.key];
      for (const box of form.querySelectorAll<HTMLInputElement>('input[name="values"]')) box.checked = story.values.includes(box.value);
    }
    editing = story?.id ?? null;
    formHeading.textContent = story ? `Edit “${story.title}”` : 'Write a story';
    cancel.hidden = !story;
  };

  const startEdit = (story: Story) => {
    fillForm(story);
    formStatus.textContent = '';
    formHeading.scrollIntoView({ block: 'start' });
    titleInput.focus();
  };

  const renderList = (stories: Story[]) => {
    root.querySelector('[data-story-count]')!.textContent =
      stories.length === 0 ? 'No stories yet. Write your first one above.' : `${countStories(stories.length)} on this device.`;
    list.replaceChildren(
      ...stories.map((story) => {
        try {
          return storyItem(story);
        } catch {
          return el('li', { className: 'story-item', textContent: 'A saved story whose record is damaged and cannot be shown.' });
        }
      }),
    );
  };

  const storyItem = (story: Story) => {
    const shows = storyValueTitles(story, items);
    const parts = el('dl');
    for (const part of STORY_PARTS)
      parts.append(el('dt', { textContent: part.label }), el('dd', { textContent: story[part.key] || 'Not written yet.' }));
    const edit = el('button', { type: 'button', className: 'icon-button' }, 'Edit', hidden(` “${story.title}”`));
    edit.addEventListener('click', () => startEdit(story));
    const remove = el('button', { type: 'button', className: 'icon-button danger-button' }, 'Delete', hidden(` “${story.title}”`));
    remove.addEventListener('click', () => {
      if (isFramed()) {
        listStatus.textContent = FRAMED_MESSAGE;
        return;
      }
      deleting = story;
      dialog.querySelector('[data-delete-text]')!.textContent =
        `“${story.title}” will be removed from this browser. This cannot be undone.`;
      dialog.showModal();
    });
    return el(
      'li',
      { className: 'story-item' },
      el('h3', { textContent: story.title }),
      el('p', { className: 'story-item-meta', textContent: `Shows: ${shows.length > 0 ? shows.join(', ') : 'no values ticked yet'}.` }),
      el('p', { className: 'story-item-meta', textContent: `Last edited ${formatStoredDay(story.updatedAt)}.` }),
      el('details', {}, el('summary', {}, 'Read the story', hidden(` “${story.title}”`)), parts),
      el('div', { className: 'tool-actions' }, edit, remove),
    );
  };

  const renderMatrix = (stories: Story[]) => {
    const coverage = buildCoverage(stories, items);
    const table = root.querySelector<HTMLTableElement>('[data-coverage-table]')!;
    const columns = 2 + stories.length;
    const head = el(
      'thead',
      {},
      el(
        'tr',
        {},
        el('th', { scope: 'col', textContent: 'Value or concept' }),
        el('th', { scope: 'col', textContent: 'Stories' }),
        ...stories.map((story) => el('th', { scope: 'col', textContent: story.title })),
      ),
    );
    const row = (entry: CoverageRow) =>
      el(
        'tr',
        {},
        el('th', { scope: 'row', textContent: entry.item.title }),
        entry.storyIds.length > 0
          ? el('td', { textContent: countStories(entry.storyIds.length) })
          : el('td', { className: 'story-gap', textContent: 'No story yet' }),
        ...stories.map((story) =>
          entry.storyIds.includes(story.id)
            ? el('td', {}, el('span', { ariaHidden: 'true', textContent: '✓ ' }), 'Shows it')
            : el('td', {}, el('span', { ariaHidden: 'true', textContent: '–' }), hidden('No')),
        ),
      );
    const group = (label: string, rows: CoverageRow[]) =>
      el(
        'tbody',
        {},
        el('tr', { className: 'story-group-row' }, el('th', { scope: 'rowgroup', colSpan: columns, textContent: label })),
        ...rows.map(row),
      );
    const caption = table.querySelector('caption')!;
    table.replaceChildren(caption, head, group('Values', coverage.values), group('Concepts', coverage.concepts));

    const valueCount = coverage.values.length;
    const covered = valueCount - coverage.uncoveredValues.length;
    const gaps = coverage.uncoveredValues.map((v) => v.title).join(', ');
    root.querySelector('[data-coverage-summary]')!.textContent =
      `${covered} of ${valueCount} values have a story.` + (gaps ? ` No story yet for: ${gaps}.` : ' Every value has at least one story.');

    for (const entry of [...coverage.values, ...coverage.concepts]) {
      const count = document.querySelector(`[data-prompts-for="${CSS.escape(entry.item.id)}"] [data-covered-count]`);
      if (count) count.textContent = entry.storyIds.length > 0 ? `(${countStories(entry.storyIds.length)})` : '(no story yet)';
    }
  };

  const render = (data: StudyData) => {
    const stories = data.stories.map(readableStory);
    renderList(stories);
    renderMatrix(stories);
    // Another tab deleted the story being edited: keep the text, but save it as a new story.
    if (editing && !data.stories.some((s) => s.id === editing)) {
      editing = null;
      cancel.hidden = true;
      formHeading.textContent = 'Write a story';
    }
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const draft = readDraft();
    const errors = checkDraft(draft);
    showErrors(errors);
    if (Object.keys(errors).length > 0) {
      formStatus.textContent = 'Not saved yet: fix the field marked above.';
      // Stryker disable next-line OptionalChaining: showErrors has just marked the field of each error, so one is always found.
      form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    const wasEditing = editing;
    const story = storyFromDraft(draft, wasEditing ?? crypto.randomUUID(), new Date());
    const saved = store.update((data) => {
      // Found by the id the list showed, so a damaged record is replaced by the story as edited.
      const index = data.stories.findIndex((s, i) => readableStory(s, i).id === story.id);
      if (index === -1) data.stories.push(story);
      else data.stories[index] = story;
    });
    if (!saved.ok) {
      formStatus.textContent = `Not saved: ${saved.problem} Your story is still in the form; copy it somewhere safe before leaving the page.`;
      return;
    }
    fillForm(null);
    formStatus.textContent = wasEditing
      ? `Saved your changes to “${story.title}”.`
      : `Saved “${story.title}”. It is listed under Your stories.`;
  });

  cancel.addEventListener('click', () => {
    fillForm(null);
    formStatus.textContent = 'Editing cancelled; the story is unchanged.';
    titleInput.focus();
  });

  dialog.addEventListener('close', () => {
    const story = deleting;
    deleting = null;
    if (!story || dialog.returnValue !== 'confirm') return;
    if (isFramed()) {
      listStatus.textContent = FRAMED_MESSAGE;
      return;
    }
    // Read before saving: the save redraws, and the redraw forgets a story that is gone.
    const wasEditing = editing === story.id;
    const saved = store.update((data) => {
      data.stories = data.stories.filter((s, i) => readableStory(s, i).id !== story.id);
    });
    if (!saved.ok) {
      listStatus.textContent = `Not deleted: ${saved.problem}`;
      return;
    }
    if (wasEditing) fillForm(null);
    listStatus.textContent = `Deleted “${story.title}”.`;
    listHeading.focus();
  });

  root.querySelector('[data-export-markdown]')!.addEventListener('click', () => {
    const now = new Date();
    const stories = store.read().stories.map(readableStory);
    const url = URL.createObjectURL(new Blob([storiesToMarkdown(stories, items, now)], { type: 'text/markdown' }));
    const link = el('a', { href: url, download: markdownFileName(now) });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    root.querySelector('[data-export-status]')!.textContent = `Downloaded ${countStories(stories.length)} as ${markdownFileName(now)}.`;
  });

  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-write-for]')) {
    button.hidden = false;
    button.addEventListener('click', () => {
      const box = form.querySelector<HTMLInputElement>(`input[name="values"][value="${CSS.escape(button.dataset.writeFor!)}"]`);
      if (box) box.checked = true;
      const title = items.find((item) => item.id === button.dataset.writeFor)?.title ?? '';
      formStatus.textContent = `${title} is ticked. Write your story.`;
      formHeading.scrollIntoView({ block: 'start' });
      titleInput.focus();
    });
  }

  root.hidden = false;
  store.subscribe(render);
  render(store.read());
}
