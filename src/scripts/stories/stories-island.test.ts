// @vitest-environment happy-dom
/**
 * The story bank island on a real DOM (happy-dom), driven as a reader does: the page's markup
 * (as src/pages/practice/stories.astro renders it, with one value and one concept), then typing,
 * saving, editing, cancelling, deleting and downloading, checking what the page says and what is
 * saved in the browser. The browser side is in tests/e2e/workshop.test.ts.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { STORAGE_KEY } from '../study/store.ts';
import { emptyStudyData, type Story } from '../study/schema.ts';
import { FRAMED_MESSAGE } from '../study/framing.ts';
import { markdownFileName, STORY_PARTS } from './story-bank.ts';
import { fakeStorage, savedStudyData } from '../study/__fixtures__/fake-storage.ts';
import { $, text } from '../__fixtures__/dom.ts';

const ITEMS = [
  { id: 'candor', title: 'Candor', kind: 'value' },
  { id: 'context-not-control', title: 'Context, not control', kind: 'concept' },
];

const field = (name: string) => `
  <textarea name="${name}"></textarea>
  <p data-error-for="${name}"></p>`;

/** The markup stories.astro renders (the parts the island reads), from this test only. */
function page(): void {
  const html = `
    <script type="application/json" id="story-culture">${JSON.stringify(ITEMS)}</script>
    <div data-story-bank hidden>
      <h2 id="write" tabindex="-1" data-form-heading>Write a story</h2>
      <form data-story-form novalidate>
        <input name="title" type="text" />
        <p data-error-for="title"></p>
        ${STORY_PARTS.map((part) => field(part.key)).join('')}
        <input type="checkbox" name="values" value="candor" />
        <input type="checkbox" name="values" value="context-not-control" />
        <button type="submit" data-save>Save story</button>
        <button type="button" data-cancel hidden>Cancel editing</button>
        <p role="status" data-form-status></p>
      </form>
      <h2 id="your-stories" tabindex="-1">Your stories</h2>
      <p data-story-count>No stories yet.</p>
      <p role="status" data-list-status></p>
      <ul data-story-list></ul>
      <p data-coverage-summary></p>
      <table data-coverage-table><caption>Which values and concepts each story shows</caption></table>
      <button type="button" data-export-markdown>Download Markdown</button>
      <p role="status" data-export-status></p>
      <dialog data-delete-dialog><p data-delete-text></p></dialog>
    </div>
    <details data-prompts-for="candor"><summary>Candor <span data-covered-count></span></summary>
      <button type="button" data-write-for="candor" hidden>Write a story showing Candor</button>
    </details>
    <details data-prompts-for="context-not-control"><summary>Context <span data-covered-count></span></summary></details>`;
  document.body.replaceChildren(...new DOMParser().parseFromString(html, 'text/html').body.childNodes);
}

const input = (name: string) => $<HTMLInputElement>(`[data-story-form] [name="${name}"]`);
const storage = fakeStorage();
const saved = () => savedStudyData(storage)!;

function story(overrides: Partial<Story> = {}): Story {
  return {
    id: 's1',
    title: 'Pushed back on a launch date',
    situation: 'The launch was in two weeks.',
    decision: 'I asked to slip it.',
    friction: 'The PM disagreed.',
    outcome: 'We slipped a week.',
    learned: 'Say it early.',
    values: ['candor'],
    updatedAt: '2026-03-01T10:00:00.000Z',
    ...overrides,
  };
}

/** Saves study data before the island loads, as an earlier visit would have. */
function seed(stories: unknown[]): void {
  storage.items.set(STORAGE_KEY, JSON.stringify({ ...emptyStudyData(), stories }));
}

/** Loads the island fresh (its own study store too), as the page's script does. */
async function load(): Promise<void> {
  vi.resetModules();
  await import('./stories-island.ts');
}

function submit(): void {
  $<HTMLFormElement>('[data-story-form]').dispatchEvent(new Event('submit', { cancelable: true }));
}

function write(title: string, parts: Partial<Record<string, string>> = {}): void {
  input('title').value = title;
  for (const part of STORY_PARTS) input(part.key).value = parts[part.key] ?? '';
}

const listedTitles = () => [...document.querySelectorAll('[data-story-list] h3')].map((h) => h.textContent);
const button = (label: string) =>
  [...document.querySelectorAll<HTMLButtonElement>('[data-story-list] button')].find((b) => b.textContent?.startsWith(label))!;

beforeEach(() => {
  storage.items.clear();
  storage.refuse = null;
  vi.spyOn(window, 'localStorage', 'get').mockReturnValue(storage as unknown as Storage);
  page();
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the story bank on first visit', () => {
  it('shows itself, an empty list, the coverage gaps and the write-a-story buttons', async () => {
    await load();
    expect($('[data-story-bank]').hidden).toBe(false);
    expect(text('[data-story-count]')).toBe('No stories yet. Write your first one above.');
    expect(text('[data-coverage-summary]')).toBe('0 of 1 values have a story. No story yet for: Candor.');
    expect(text('[data-prompts-for="candor"] [data-covered-count]')).toBe('(no story yet)');
    expect(text('[data-prompts-for="context-not-control"] [data-covered-count]')).toBe('(no story yet)');
    expect($<HTMLButtonElement>('[data-write-for="candor"]').hidden).toBe(false);
    // The matrix: caption, a header row with no story columns, a Values group and a Concepts group.
    const table = $<HTMLTableElement>('[data-coverage-table]');
    expect(table.querySelector('caption')?.textContent).toBe('Which values and concepts each story shows');
    expect([...table.querySelectorAll('thead th')].map((th) => th.textContent)).toEqual(['Value or concept', 'Stories']);
    expect([...table.querySelectorAll('th[scope="rowgroup"]')].map((th) => [th.textContent, th.getAttribute('colspan')])).toEqual([
      ['Values', '2'],
      ['Concepts', '2'],
    ]);
    expect([...table.querySelectorAll('td.story-gap')].map((td) => td.textContent)).toEqual(['No story yet', 'No story yet']);
  });

  it('ticks the value and says so when the reader starts a story from its prompts', async () => {
    await load();
    $('[data-write-for="candor"]').click();
    expect($<HTMLInputElement>('input[value="candor"]').checked).toBe(true);
    expect($<HTMLInputElement>('input[value="context-not-control"]').checked).toBe(false);
    expect(text('[data-form-status]')).toBe('Candor is ticked. Write your story.');
    expect(document.activeElement).toBe(input('title'));
  });
});

describe('saving a story', () => {
  it('refuses a story without a title, marks the field and saves nothing', async () => {
    await load();
    write('   ', { situation: 'Some text.' });
    submit();
    expect(text('[data-error-for="title"]')).toMatch(/^Give the story a title/);
    expect(input('title').getAttribute('aria-invalid')).toBe('true');
    expect(input('situation').hasAttribute('aria-invalid')).toBe(false);
    expect(text('[data-form-status]')).toBe('Not saved yet: fix the field marked above.');
    expect(document.activeElement).toBe(input('title'));
    expect(storage.getItem(STORAGE_KEY)).toBeNull();
    expect(input('situation').value).toBe('Some text.');
  });

  it('saves a new story trimmed, lists it, updates the matrix and clears the form', async () => {
    vi.spyOn(crypto, 'randomUUID').mockReturnValue('1-2-3-4-5');
    await load();
    write('  Pushed back  ', { situation: ' Two weeks out. ', learned: 'Say it early.' });
    $<HTMLInputElement>('input[value="candor"]').checked = true;
    submit();

    expect(text('[data-form-status]')).toBe('Saved “Pushed back”. It is listed under Your stories.');
    const [kept] = saved().stories;
    expect(kept).toMatchObject({ id: '1-2-3-4-5', title: 'Pushed back', situation: 'Two weeks out.', decision: '', values: ['candor'] });
    expect(listedTitles()).toEqual(['Pushed back']);
    expect(text('[data-story-count]')).toBe('1 story on this device.');
    const item = $('[data-story-list] li');
    expect([...item.querySelectorAll('.story-item-meta')].map((p) => p.textContent)[0]).toBe('Shows: Candor.');
    expect([...item.querySelectorAll('dd')].map((dd) => dd.textContent)).toEqual([
      'Two weeks out.',
      'Not written yet.',
      'Not written yet.',
      'Not written yet.',
      'Say it early.',
    ]);
    expect([...item.querySelectorAll('dt')].map((dt) => dt.textContent)).toEqual(STORY_PARTS.map((p) => p.label));
    expect(text('[data-coverage-summary]')).toBe('1 of 1 values have a story. Every value has at least one story.');
    expect(text('[data-prompts-for="candor"] [data-covered-count]')).toBe('(1 story)');
    expect(text('[data-prompts-for="context-not-control"] [data-covered-count]')).toBe('(no story yet)');
    // The matrix has a column for the story, ticked for the value it shows.
    const table = $<HTMLTableElement>('[data-coverage-table]');
    expect([...table.querySelectorAll('thead th')].map((th) => th.textContent)).toEqual(['Value or concept', 'Stories', 'Pushed back']);
    expect(table.querySelector('th[scope="rowgroup"]')?.getAttribute('colspan')).toBe('3');
    const rows = [...table.querySelectorAll('tbody tr:not(.story-group-row)')].map((tr) => [...tr.children].map((c) => c.textContent));
    expect(rows).toEqual([
      ['Candor', '1 story', '✓ Shows it'],
      ['Context, not control', 'No story yet', '–No'],
    ]);
    // The form is ready for the next story.
    expect(input('title').value).toBe('');
    expect($<HTMLInputElement>('input[value="candor"]').checked).toBe(false);
  });

  it('counts several stories in the plural', async () => {
    seed([story(), story({ id: 's2', title: 'Second', values: ['candor', 'context-not-control'] })]);
    await load();
    expect(text('[data-story-count]')).toBe('2 stories on this device.');
    expect(text('[data-prompts-for="candor"] [data-covered-count]')).toBe('(2 stories)');
    expect($('[data-story-list] li:nth-child(2) .story-item-meta').textContent).toBe('Shows: Candor, Context, not control.');
  });

  it('keeps the story in the form and says why when the browser does not save it', async () => {
    await load();
    storage.refuse = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    write('Pushed back', { situation: 'Two weeks out.' });
    submit();
    expect(text('[data-form-status]')).toMatch(/^Not saved: This browser's storage for the site is full/);
    expect(text('[data-form-status]')).toMatch(/Your story is still in the form; copy it somewhere safe before leaving the page\.$/);
    expect(input('title').value).toBe('Pushed back');
    expect(input('situation').value).toBe('Two weeks out.');
    expect(listedTitles()).toEqual([]);
  });
});

describe('editing a story', () => {
  it('fills the form, saves the changes under the same id and says so', async () => {
    seed([story(), story({ id: 's2', title: 'Other story', values: [] })]);
    await load();
    button('Edit').click();
    expect(text('[data-form-heading]')).toBe('Edit “Pushed back on a launch date”');
    expect($<HTMLButtonElement>('[data-cancel]').hidden).toBe(false);
    expect(input('title').value).toBe('Pushed back on a launch date');
    expect(input('friction').value).toBe('The PM disagreed.');
    expect($<HTMLInputElement>('input[value="candor"]').checked).toBe(true);
    expect($<HTMLInputElement>('input[value="context-not-control"]').checked).toBe(false);
    expect(document.activeElement).toBe(input('title'));

    input('title').value = 'Slipped the launch';
    submit();
    expect(text('[data-form-status]')).toBe('Saved your changes to “Slipped the launch”.');
    expect(saved().stories.map((s) => [s.id, s.title])).toEqual([
      ['s1', 'Slipped the launch'],
      ['s2', 'Other story'],
    ]);
    expect(text('[data-form-heading]')).toBe('Write a story');
    expect($<HTMLButtonElement>('[data-cancel]').hidden).toBe(true);
  });

  it('cancels without changing the story', async () => {
    seed([story()]);
    await load();
    button('Edit').click();
    input('title').value = 'Changed my mind';
    $('[data-cancel]').click();
    expect(text('[data-form-status]')).toBe('Editing cancelled; the story is unchanged.');
    expect(text('[data-form-heading]')).toBe('Write a story');
    expect(input('title').value).toBe('');
    expect($<HTMLButtonElement>('[data-cancel]').hidden).toBe(true);
    expect(saved().stories).toEqual([story()]);
  });

  it('saves as a new story when another tab deleted the one being edited', async () => {
    seed([story()]);
    await load();
    button('Edit').click();
    seed([]);
    window.dispatchEvent(new StorageEvent('storage', { key: STORAGE_KEY }));
    expect(text('[data-form-heading]')).toBe('Write a story');
    expect($<HTMLButtonElement>('[data-cancel]').hidden).toBe(true);
    // The text stays in the form.
    expect(input('title').value).toBe('Pushed back on a launch date');
  });

  it('replaces a damaged saved record with the story as edited', async () => {
    seed([{ id: 's1', title: 42, values: 'candor' }]);
    await load();
    expect(listedTitles()).toEqual(['Untitled story']);
    expect($('[data-story-list] .story-item-meta').textContent).toBe('Shows: no values ticked yet.');
    button('Edit').click();
    input('title').value = 'Repaired';
    submit();
    expect(saved().stories).toHaveLength(1);
    expect(saved().stories[0]).toMatchObject({ id: 's1', title: 'Repaired', values: [] });
  });

  it('shows a record with no id under a stand-in id, and an unreadable one as damaged', async () => {
    seed([null, story({ id: 's2' })]);
    await load();
    expect(listedTitles()).toEqual(['Untitled story', 'Pushed back on a launch date']);
    expect(text('[data-story-count]')).toBe('2 stories on this device.');
  });
});

describe('deleting a story', () => {
  it('asks first, then deletes it and moves focus to the list', async () => {
    seed([story(), story({ id: 's2', title: 'Keep me' })]);
    await load();
    button('Delete').click();
    const dialog = $<HTMLDialogElement>('[data-delete-dialog]');
    expect(dialog.open).toBe(true);
    expect(text('[data-delete-text]')).toBe('“Pushed back on a launch date” will be removed from this browser. This cannot be undone.');
    dialog.close('confirm');
    expect(text('[data-list-status]')).toBe('Deleted “Pushed back on a launch date”.');
    expect(saved().stories.map((s) => s.id)).toEqual(['s2']);
    expect(listedTitles()).toEqual(['Keep me']);
    expect(document.activeElement).toBe($('#your-stories'));
  });

  it('keeps the story when the reader cancels', async () => {
    seed([story()]);
    await load();
    button('Delete').click();
    $<HTMLDialogElement>('[data-delete-dialog]').close('cancel');
    expect(listedTitles()).toEqual(['Pushed back on a launch date']);
    expect(text('[data-list-status]')).toBe('');
    expect(saved().stories).toHaveLength(1);
  });

  it('clears the form when the story being edited is deleted', async () => {
    seed([story()]);
    await load();
    button('Edit').click();
    button('Delete').click();
    $<HTMLDialogElement>('[data-delete-dialog]').close('confirm');
    expect(text('[data-form-heading]')).toBe('Write a story');
    expect(input('title').value).toBe('');
  });

  it('does not clear the form when another story is deleted', async () => {
    seed([story(), story({ id: 's2', title: 'Other' })]);
    await load();
    button('Edit').click();
    const deleteOther = [...document.querySelectorAll<HTMLButtonElement>('[data-story-list] li:nth-child(2) button')].find((b) =>
      b.textContent?.startsWith('Delete'),
    )!;
    deleteOther.click();
    $<HTMLDialogElement>('[data-delete-dialog]').close('confirm');
    expect(text('[data-form-heading]')).toBe('Edit “Pushed back on a launch date”');
    expect(input('title').value).toBe('Pushed back on a launch date');
  });

  it('says why when the browser does not delete it', async () => {
    seed([story()]);
    await load();
    button('Delete').click();
    storage.refuse = new DOMException('The operation is insecure.', 'SecurityError');
    $<HTMLDialogElement>('[data-delete-dialog]').close('confirm');
    expect(text('[data-list-status]')).toMatch(/^Not deleted: This browser refused to save the change/);
    expect(listedTitles()).toEqual(['Pushed back on a launch date']);
  });

  it('refuses to delete inside another site’s frame', async () => {
    seed([story()]);
    await load();
    const top = vi.spyOn(window, 'top', 'get').mockReturnValue({} as Window);
    button('Delete').click();
    expect(text('[data-list-status]')).toBe(FRAMED_MESSAGE);
    expect($<HTMLDialogElement>('[data-delete-dialog]').open).toBe(false);
    // Framed only after the dialog opened: the confirmation still does nothing.
    top.mockRestore();
    button('Delete').click();
    $('[data-list-status]').textContent = '';
    vi.spyOn(window, 'top', 'get').mockReturnValue({} as Window);
    $<HTMLDialogElement>('[data-delete-dialog]').close('confirm');
    expect(text('[data-list-status]')).toBe(FRAMED_MESSAGE);
    expect(listedTitles()).toEqual(['Pushed back on a launch date']);
  });
});

describe('details a reader relies on', () => {
  it('does nothing on a page without the story bank', async () => {
    document.body.replaceChildren();
    await expect(load()).resolves.toBeUndefined();
  });

  it('clears a field’s error once it is fixed, and when editing is cancelled', async () => {
    seed([story()]);
    await load();
    write('');
    const submitted = new Event('submit', { cancelable: true });
    $<HTMLFormElement>('[data-story-form]').dispatchEvent(submitted);
    expect(submitted.defaultPrevented).toBe(true);
    expect(input('title').getAttribute('aria-invalid')).toBe('true');
    write('Fixed');
    submit();
    expect(input('title').hasAttribute('aria-invalid')).toBe(false);
    expect(text('[data-error-for="title"]')).toBe('');

    button('Edit').click();
    write('');
    submit();
    expect(text('[data-error-for="title"]')).not.toBe('');
    $('[data-cancel]').click();
    expect(text('[data-error-for="title"]')).toBe('');
    expect(input('title').hasAttribute('aria-invalid')).toBe(false);
    expect(document.activeElement).toBe(input('title'));
  });

  it('scrolls to the form when the reader starts a story or edits one', async () => {
    seed([story()]);
    await load();
    const scrolled: [Element, unknown][] = [];
    vi.spyOn(Element.prototype, 'scrollIntoView').mockImplementation(function (this: Element, options?: unknown) {
      scrolled.push([this, options]);
    });
    button('Edit').click();
    $('[data-write-for="candor"]').click();
    expect(scrolled).toEqual([
      [$('[data-form-heading]'), { block: 'start' }],
      [$('[data-form-heading]'), { block: 'start' }],
    ]);
  });

  it('keeps editing when another tab changes something else', async () => {
    seed([story(), story({ id: 's2', title: 'Other' })]);
    await load();
    button('Edit').click();
    seed([story(), story({ id: 's2', title: 'Other, renamed elsewhere' })]);
    window.dispatchEvent(new StorageEvent('storage', { key: STORAGE_KEY }));
    expect(text('[data-form-heading]')).toBe('Edit “Pushed back on a launch date”');
    expect($<HTMLButtonElement>('[data-cancel]').hidden).toBe(false);
    expect(listedTitles()).toEqual(['Pushed back on a launch date', 'Other, renamed elsewhere']);
  });

  it('saves an edit to the story edited, leaving the others as they were', async () => {
    seed([story(), story({ id: 's2', title: 'Second' })]);
    await load();
    [...document.querySelectorAll<HTMLButtonElement>('[data-story-list] li:nth-child(2) button')]
      .find((b) => b.textContent?.startsWith('Edit'))!
      .click();
    input('title').value = 'Second, edited';
    submit();
    expect(saved().stories.map((s) => [s.id, s.title])).toEqual([
      ['s1', 'Pushed back on a launch date'],
      ['s2', 'Second, edited'],
    ]);
  });

  it('tells apart two damaged records without ids, deleting only the one chosen', async () => {
    seed([{ title: 'First damaged' }, { title: 'Second damaged' }]);
    await load();
    button('Delete').click();
    $<HTMLDialogElement>('[data-delete-dialog]').close('confirm');
    expect(listedTitles()).toEqual(['Second damaged']);
    expect(saved().stories).toEqual([{ title: 'Second damaged' }]);
  });

  it('shows only the value names of a damaged record, not what else its list holds', async () => {
    seed([story({ values: [7, 'candor', null] as unknown as string[] })]);
    await load();
    expect($('[data-story-list] .story-item-meta').textContent).toBe('Shows: Candor.');
  });

  it('marks up the list and the matrix for the page’s styles and for screen readers', async () => {
    seed([story()]);
    await load();
    const item = $('[data-story-list] li');
    expect(item.className).toBe('story-item');
    expect([...item.querySelectorAll('p')].map((p) => p.className)).toEqual(['story-item-meta', 'story-item-meta']);
    expect([...item.querySelectorAll('button')].map((b) => [b.className, b.type])).toEqual([
      ['icon-button', 'button'],
      ['icon-button danger-button', 'button'],
    ]);
    // Each button and the disclosure name the story for a screen reader, in text hidden on screen.
    expect([...item.querySelectorAll('.sr-only')].map((span) => span.textContent)).toEqual([
      ' “Pushed back on a launch date”',
      ' “Pushed back on a launch date”',
      ' “Pushed back on a launch date”',
    ]);
    expect(item.querySelector('summary')!.textContent).toBe('Read the story “Pushed back on a launch date”');
    expect(item.querySelector('.tool-actions')).not.toBeNull();
    const table = $<HTMLTableElement>('[data-coverage-table]');
    expect([...table.querySelectorAll('thead th')].map((th) => th.getAttribute('scope'))).toEqual(['col', 'col', 'col']);
    expect([...table.querySelectorAll('tbody th[scope="row"]')].map((th) => th.textContent)).toEqual(['Candor', 'Context, not control']);
    expect(table.querySelectorAll('tr.story-group-row')).toHaveLength(2);
    // The ✓ and – marks are hidden from screen readers, which hear "Shows it" or "No".
    // (Set as the ariaHidden property, which browsers reflect to aria-hidden; happy-dom does not reflect it.)
    const marks = [...table.querySelectorAll<HTMLElement>('tbody td span:not(.sr-only)')]
      .filter((span) => span.ariaHidden === 'true')
      .map((span) => span.textContent);
    expect(marks).toEqual(['✓ ', '–']);
    expect([...table.querySelectorAll('tbody td .sr-only')].map((span) => span.textContent)).toEqual(['No']);
    expect(table.querySelector('td.story-gap')!.textContent).toBe('No story yet');
  });
});

describe('downloading the stories', () => {
  it('downloads every story as one Markdown file and names it', async () => {
    vi.useFakeTimers({ now: new Date('2026-03-05T12:00:00Z'), toFake: ['Date', 'setTimeout'] });
    try {
      seed([story()]);
      await load();
      const create = vi.fn((_blob: Blob) => 'blob:stories');
      const revoke = vi.fn();
      Object.assign(URL, { createObjectURL: create, revokeObjectURL: revoke });
      const clicks: HTMLAnchorElement[] = [];
      vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
        // Some browsers download only from a link that is in the page.
        expect(this.isConnected).toBe(true);
        clicks.push(this);
      });
      $('[data-export-markdown]').click();
      const name = markdownFileName(new Date('2026-03-05T12:00:00Z'));
      expect(clicks.map((a) => [a.getAttribute('href'), a.download])).toEqual([['blob:stories', name]]);
      expect(document.querySelector('a[download]')).toBeNull();
      const blob = create.mock.calls[0]![0];
      expect(blob.type).toBe('text/markdown');
      expect(await blob.text()).toContain('Pushed back on a launch date');
      expect(text('[data-export-status]')).toBe(`Downloaded 1 story as ${name}.`);
      expect(revoke).not.toHaveBeenCalled();
      vi.advanceTimersByTime(1000);
      expect(revoke).toHaveBeenCalledWith('blob:stories');
    } finally {
      vi.useRealTimers();
    }
  });
});
