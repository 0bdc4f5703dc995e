// @vitest-environment happy-dom
/**
 * The progress dashboard island on a real DOM (happy-dom), driven as a reader does: the figures
 * from saved data, export, import with its preview (merge, replace, cancel, a bad or too large
 * file), and reset, including the browser refusing to save and the page shown inside a frame. The
 * browser side is in tests/e2e/progress.test.ts.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { STORAGE_KEY } from './store.ts';
import { emptyStudyData, type StudyData } from './schema.ts';
import { exportStudyData } from './transfer.ts';
import { IMPORT_LIMITS } from './validate.ts';
import { FRAMED_MESSAGE } from './framing.ts';
import { fakeStorage, savedStudyData } from './__fixtures__/fake-storage.ts';
import { $, text } from '../__fixtures__/dom.ts';

const T1 = '2026-02-01T10:00:00.000Z';

const MANIFEST = [
  {
    label: 'Guides',
    pages: [
      { key: 'guides/loop', title: 'The loop', path: '/netflix-sd/guides/loop/' },
      { key: 'guides/scoping', title: 'Scoping', path: '/netflix-sd/guides/scoping/' },
    ],
  },
  { label: 'Stack & tools', pages: [{ key: 'stack/evcache', title: 'EVCache', path: '/netflix-sd/stack/evcache/' }] },
];

/** The markup progress.astro renders around the island, from this test only: no list of pages. */
function page(): void {
  const pages = MANIFEST.flatMap((s) => s.pages);
  const html = `
    <div data-progress-dashboard>
      <strong data-overall>0 of 3 pages studied (0%).</strong>
      <span data-next>Next: <a href="${pages[0]!.path}">${pages[0]!.title}</a>.</span>
      <progress data-overall-bar max="3" value="0">0%</progress>
      <p data-manifest-error role="alert" hidden></p>
      <table><tbody>
        ${MANIFEST.map((s) => `<tr data-section="${s.label}"><th>${s.label}</th><td data-studied>0</td><td>${s.pages.length}</td></tr>`).join('')}
      </tbody></table>
      <ul data-page-list><li>Loading the list of 3 pages…</li></ul>
      <button type="button" data-export>Export to a file</button>
      <input type="file" data-import />
      <div data-import-preview hidden>
        <p data-import-summary role="status"></p>
        <button type="button" data-import-merge>Merge with this device</button>
        <button type="button" data-import-replace>Replace this device's data</button>
        <button type="button" data-import-cancel>Cancel</button>
      </div>
      <p data-import-error role="alert"></p>
      <p data-import-done role="status"></p>
      <button type="button" data-reset>Reset all study data…</button>
      <dialog data-reset-dialog><form method="dialog"></form></dialog>
    </div>`;
  document.body.replaceChildren(...new DOMParser().parseFromString(html, 'text/html').body.childNodes);
}

const storage = fakeStorage();
const saved = () => savedStudyData(storage);

const pageState = (key: string) => $(`li[data-page="${key}"] [data-page-state]`).textContent;

function data(overrides: Partial<StudyData> = {}): StudyData {
  return { ...emptyStudyData(), ...overrides };
}

function seed(overrides: Partial<StudyData>): void {
  storage.items.set(STORAGE_KEY, JSON.stringify(data(overrides)));
}

/** What the site serves at practice/study-manifest.json in each test (a response, or a network failure). */
let served: () => Promise<Response>;
const fetched: string[] = [];

/** Starts the island and lets it fetch the list of pages. */
async function load(): Promise<void> {
  vi.resetModules();
  await import('./progress-dashboard.ts');
  for (let i = 0; i < 5; i += 1) await new Promise((resolve) => setImmediate(resolve));
}

/** Chooses a file in the import field, as the reader does, and waits for it to be read. */
async function choose(file: { name: string; size: number; text: () => Promise<string> }): Promise<void> {
  const input = $<HTMLInputElement>('[data-import]');
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  input.dispatchEvent(new Event('change'));
  for (let i = 0; i < 5; i += 1) await new Promise((resolve) => setImmediate(resolve));
}

const fileOf = (name: string, contents: string) => ({ name, size: contents.length, text: async () => contents });

beforeEach(() => {
  storage.items.clear();
  storage.refuse = null;
  storage.unreadable = false;
  vi.spyOn(window, 'localStorage', 'get').mockReturnValue(storage as unknown as Storage);
  served = async () => new Response(JSON.stringify(MANIFEST), { headers: { 'content-type': 'application/json' } });
  fetched.length = 0;
  vi.stubGlobal('fetch', async (url: string) => {
    fetched.push(url);
    return served();
  });
  document.documentElement.dataset.base = '/netflix-sd/';
  page();
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('the figures', () => {
  it('shows what is studied and ticked, overall, by section and by page, and the next page', async () => {
    seed({ studied: { 'guides/loop': T1 }, tasks: { 'guides/scoping#a': T1, 'guides/scoping#b': T1, 'guides/loop#x': T1 } });
    await load();
    expect(text('[data-overall]')).toBe('1 of 3 pages studied (33%).');
    const bar = $<HTMLProgressElement>('[data-overall-bar]');
    expect(bar.value).toBe(1);
    expect(bar.textContent).toBe('33%');
    expect(text('[data-next]')).toBe('Next: Scoping.');
    expect($<HTMLAnchorElement>('[data-next] a').getAttribute('href')).toBe('/netflix-sd/guides/scoping/');
    expect(text('tr[data-section="Guides"] [data-studied]')).toBe('1');
    expect(text('tr[data-section="Stack & tools"] [data-studied]')).toBe('0');
    expect(pageState('guides/loop')).toBe('studied, 1 item ticked');
    expect(pageState('guides/scoping')).toBe('not studied, 2 items ticked');
    expect(pageState('stack/evcache')).toBe('not studied');
    expect(text('[data-import-error]')).toBe('');
  });

  it('fetches the list of pages under the base path and lists each page with a link, in order', async () => {
    await load();
    expect(fetched).toEqual(['/netflix-sd/practice/study-manifest.json']);
    const links = [...document.querySelectorAll<HTMLAnchorElement>('[data-page-list] li[data-page] a')];
    expect(links.map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      ['The loop', '/netflix-sd/guides/loop/'],
      ['Scoping', '/netflix-sd/guides/scoping/'],
      ['EVCache', '/netflix-sd/stack/evcache/'],
    ]);
    expect(document.querySelectorAll('[data-page-list] > li')).toHaveLength(3);
    expect($('[data-manifest-error]').hidden).toBe(true);
  });

  it('updates the figures and the list when the data changes in another tab', async () => {
    await load();
    expect(pageState('guides/scoping')).toBe('not studied');
    seed({ studied: { 'guides/scoping': T1 } });
    window.dispatchEvent(new StorageEvent('storage', { key: STORAGE_KEY }));
    await expect.poll(() => pageState('guides/scoping')).toBe('studied');
    expect(text('[data-overall]')).toBe('1 of 3 pages studied (33%).');
  });

  for (const [name, response, message] of [
    [
      'offline',
      () => Promise.reject(new TypeError('Failed to fetch')),
      'The list of pages could not be fetched: you may be offline. Reload the page once you are online.',
    ],
    [
      'an HTTP error',
      async () => new Response('gone', { status: 404 }),
      'The list of pages did not load (HTTP 404). Reload the page to try again.',
    ],
    [
      'not JSON',
      async () => new Response('<html>', { status: 200 }),
      'The list of pages is not in the expected format. Reload the page to try again.',
    ],
    [
      'not a list',
      async () => new Response('{"pages":[]}', { status: 200 }),
      'The list of pages is not in the expected format. Reload the page to try again.',
    ],
  ] as const) {
    it(`says why when the list of pages does not load (${name}), and keeps export working`, async () => {
      served = response;
      seed({ studied: { 'guides/loop': T1 } });
      await load();
      expect($('[data-manifest-error]').hidden).toBe(false);
      expect(text('[data-manifest-error]')).toBe(message);
      // The first visit's figures stay; no half-built list.
      expect(text('[data-overall]')).toBe('0 of 3 pages studied (0%).');
      expect(document.querySelectorAll('[data-page-list] li')).toHaveLength(0);
      Object.assign(URL, { createObjectURL: () => 'blob:export', revokeObjectURL: vi.fn() });
      const download = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
      $('[data-export]').click();
      expect(download).toHaveBeenCalledTimes(1);
      expect(text('[data-import-done]')).toBe('Exported. The file is in your downloads.');
    });
  }

  it('says when every page is studied', async () => {
    seed({ studied: { 'guides/loop': T1, 'guides/scoping': T1, 'stack/evcache': T1 } });
    await load();
    expect(text('[data-overall]')).toBe('3 of 3 pages studied (100%).');
    expect(text('[data-next]')).toBe('You have studied every page.');
    expect($('[data-next] a')).toBeNull();
  });

  it('says why when the saved data cannot be read', async () => {
    storage.unreadable = true;
    await load();
    expect(text('[data-import-error]')).toBe('This browser does not let the site read its storage, so saved study data cannot be shown.');
    expect(text('[data-overall]')).toBe('0 of 3 pages studied (0%).');
  });
});

describe('export', () => {
  it('downloads every record as a dated JSON file', async () => {
    vi.useFakeTimers({ now: new Date('2026-03-05T12:00:00Z'), toFake: ['Date', 'setTimeout'] });
    seed({ studied: { 'guides/loop': T1 } });
    await load();
    const create = vi.fn((_blob: Blob) => 'blob:export');
    const revoke = vi.fn();
    Object.assign(URL, { createObjectURL: create, revokeObjectURL: revoke });
    const clicks: [string | null, string][] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      // Some browsers download only from a link that is in the page.
      expect(this.isConnected).toBe(true);
      clicks.push([this.getAttribute('href'), this.download]);
    });
    $('[data-export]').click();
    expect(clicks).toEqual([['blob:export', 'netflix-loop-guide-study-2026-03-05.json']]);
    expect(document.querySelector('a[download]')).toBeNull();
    const blob = create.mock.calls[0]![0];
    expect(blob.type).toBe('application/json');
    expect(await blob.text()).toBe(exportStudyData(data({ studied: { 'guides/loop': T1 } }), new Date('2026-03-05T12:00:00Z')));
    expect(text('[data-import-done]')).toBe('Exported. The file is in your downloads.');
    vi.advanceTimersByTime(999);
    expect(revoke).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(revoke).toHaveBeenCalledWith('blob:export');
  });
});

describe('import', () => {
  const incoming = data({ studied: { 'stack/evcache': T1 }, tasks: { 'stack/evcache#a': T1 } });

  it('previews the file against this device, then merges it', async () => {
    seed({ studied: { 'guides/loop': T1 } });
    await load();
    await choose(fileOf('backup.json', exportStudyData(incoming)));
    expect($('[data-import-preview]').hidden).toBe(false);
    expect(text('[data-import-summary]')).toBe(
      '"backup.json" holds 1 studied page, 1 ticked item, 0 flashcards reviewed, 0 mock rounds and 0 stories. ' +
        'This device has 1 studied page, 0 ticked items, 0 flashcards reviewed, 0 mock rounds and 0 stories. ' +
        'Merge keeps both; replace keeps only the file.',
    );
    expect(saved()?.studied).toEqual({ 'guides/loop': T1 });
    $('[data-import-merge]').click();
    expect(saved()?.studied).toEqual({ 'guides/loop': T1, 'stack/evcache': T1 });
    expect(text('[data-import-done]')).toBe('Merged. Your progress now includes the file.');
    expect($('[data-import-preview]').hidden).toBe(true);
    expect($<HTMLInputElement>('[data-import]').value).toBe('');
    expect(text('[data-overall]')).toBe('2 of 3 pages studied (66%).');
    // The preview is closed: the buttons do nothing more.
    storage.items.delete(STORAGE_KEY);
    $('[data-import-merge]').click();
    $('[data-import-replace]').click();
    expect(saved()).toBeNull();
    expect(text('[data-import-error]')).toBe('');
    expect(text('[data-import-done]')).toBe('Merged. Your progress now includes the file.');
  });

  it('replaces this device’s data with the file', async () => {
    seed({ studied: { 'guides/loop': T1 } });
    await load();
    await choose(fileOf('backup.json', exportStudyData(incoming)));
    $('[data-import-replace]').click();
    expect(saved()?.studied).toEqual({ 'stack/evcache': T1 });
    expect(text('[data-import-done]')).toBe("Replaced. This device now holds the file's data.");
    expect(text('[data-overall]')).toBe('1 of 3 pages studied (33%).');
  });

  it('cancels without changing anything', async () => {
    seed({ studied: { 'guides/loop': T1 } });
    await load();
    await choose(fileOf('backup.json', exportStudyData(incoming)));
    $('[data-import-cancel]').click();
    expect($('[data-import-preview]').hidden).toBe(true);
    expect(text('[data-import-done]')).toBe('Import cancelled; nothing changed.');
    expect(saved()?.studied).toEqual({ 'guides/loop': T1 });
    $('[data-import-merge]').click();
    expect(saved()?.studied).toEqual({ 'guides/loop': T1 });
  });

  it('refuses a file that is not a study export, saying why', async () => {
    await load();
    await choose(fileOf('notes.json', 'not json'));
    expect($('[data-import-preview]').hidden).toBe(true);
    expect(text('[data-import-error]')).toBe(
      'Nothing was imported and your data is unchanged. The file is not valid JSON, so it is not a study export (or it is damaged).',
    );
  });

  it('refuses a file too large to be an export before reading it', async () => {
    await load();
    const read = vi.fn(async () => exportStudyData(incoming));
    await choose({ name: 'huge.json', size: IMPORT_LIMITS.fileBytes + 1, text: read });
    expect(read).not.toHaveBeenCalled();
    expect(text('[data-import-error]')).toMatch(/^Nothing was imported and your data is unchanged\. The file is 2\.0 MB; /);
  });

  it('says the file could not be read when the browser fails to read it', async () => {
    await load();
    await choose({ name: 'x.json', size: 10, text: () => Promise.reject(new Error('NotReadableError')) });
    expect(text('[data-import-error]')).toBe('Nothing was imported and your data is unchanged. The file could not be read.');
  });

  it('does nothing when no file is chosen, and clears earlier messages', async () => {
    await load();
    $('[data-import-error]').textContent = 'old';
    $('[data-import-done]').textContent = 'old';
    const input = $<HTMLInputElement>('[data-import]');
    Object.defineProperty(input, 'files', { value: [], configurable: true });
    input.dispatchEvent(new Event('change'));
    expect(text('[data-import-error]')).toBe('');
    expect(text('[data-import-done]')).toBe('');
    expect($('[data-import-preview]').hidden).toBe(true);
  });

  it('keeps the previous data and says why when the browser does not store the import', async () => {
    seed({ studied: { 'guides/loop': T1 } });
    await load();
    await choose(fileOf('backup.json', exportStudyData(incoming)));
    storage.refuse = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    $('[data-import-merge]').click();
    expect(text('[data-import-error]')).toBe(
      "Nothing was imported and your previous data is unchanged. This browser's storage for the site is full, so the change was not saved.",
    );
    expect(text('[data-import-done]')).toBe('');
    expect(saved()?.studied).toEqual({ 'guides/loop': T1 });
  });

  it('refuses to replace inside another site’s frame', async () => {
    seed({ studied: { 'guides/loop': T1 } });
    await load();
    await choose(fileOf('backup.json', exportStudyData(incoming)));
    vi.spyOn(window, 'top', 'get').mockReturnValue({} as Window);
    $('[data-import-replace]').click();
    expect(text('[data-import-error]')).toBe(FRAMED_MESSAGE);
    expect(saved()?.studied).toEqual({ 'guides/loop': T1 });
    expect($('[data-import-preview]').hidden).toBe(false);
  });
});

describe('details a reader relies on', () => {
  it('does nothing on a page without the dashboard', async () => {
    document.body.replaceChildren();
    await expect(load()).resolves.toBeUndefined();
  });

  it('skips a section the page has no row for', async () => {
    $('tr[data-section="Stack & tools"]').remove();
    seed({ studied: { 'stack/evcache': T1 } });
    await load();
    expect(text('[data-overall]')).toBe('1 of 3 pages studied (33%).');
  });

  it('counts one story in the singular in the import preview', async () => {
    await load();
    await choose(
      fileOf(
        'one.json',
        exportStudyData(
          data({
            stories: [
              { id: 's', title: 'T', situation: '', decision: '', friction: '', outcome: '', learned: '', values: [], updatedAt: T1 },
            ],
          }),
        ),
      ),
    );
    expect(text('[data-import-summary]')).toContain(
      'holds 0 studied pages, 0 ticked items, 0 flashcards reviewed, 0 mock rounds and 1 story.',
    );
  });

  it('closes the preview of an earlier file when the next one is refused', async () => {
    await load();
    await choose(fileOf('good.json', exportStudyData(data({ studied: { 'guides/loop': T1 } }))));
    expect($('[data-import-preview]').hidden).toBe(false);
    await choose(fileOf('bad.json', '{'));
    expect($('[data-import-preview]').hidden).toBe(true);
    $('[data-import-merge]').click();
    expect(saved()).toBeNull();
  });

  it('reads a file field with no file list as no file', async () => {
    await load();
    const input = $<HTMLInputElement>('[data-import]');
    Object.defineProperty(input, 'files', { value: null, configurable: true });
    input.dispatchEvent(new Event('change'));
    expect(text('[data-import-error]')).toBe('');
  });

  it('clears an earlier error when the reader merges or replaces', async () => {
    await load();
    await choose(fileOf('good.json', exportStudyData(data({ studied: { 'guides/loop': T1 } }))));
    $('[data-import-error]').textContent = 'An earlier problem.';
    $('[data-import-merge]').click();
    expect(text('[data-import-error]')).toBe('');
    await choose(fileOf('good.json', exportStudyData(data({ studied: { 'guides/loop': T1 } }))));
    $('[data-import-error]').textContent = 'An earlier problem.';
    $('[data-import-replace]').click();
    expect(text('[data-import-error]')).toBe('');
  });
});

describe('why an import is refused', () => {
  const T0 = '2026-01-01T10:00:00.000Z';
  const round = (over: Record<string, unknown> = {}) => ({
    id: 'm1',
    promptId: 'p',
    format: 45,
    startedAt: T0,
    endedAt: T0,
    covered: [],
    rubricSize: 3,
    rating: 3,
    notes: '',
    level: 'L5',
    levelCovered: [],
    ...over,
  });
  const active = { promptId: 'p', format: 45, startedAt: Date.parse(T0), pausedAt: null, pausedTotal: 0, partner: false, level: null };
  const story = { id: 's', title: 'T', situation: '', decision: '', friction: '', outcome: '', learned: '', values: [], updatedAt: T0 };
  const damaged = (over: Record<string, unknown>) => JSON.stringify({ ...JSON.parse(exportStudyData(data())), ...over });

  it.each([
    [
      'a date that is not real',
      { studied: { page: '2026-02-30T10:00:00.000Z' } },
      '"studied.page" is not valid (expected a real date and time such as 2026-01-20T10:00:00.000Z)',
    ],
    ['an empty key', { tasks: { '': T0 } }, '"tasks." is not valid (a key that is empty, longer than 300 characters or not allowed)'],
    ['a round of another length', { mocks: [round({ format: 50 })] }, '"mocks.0.format" is not valid (expected 45 or 60 (minutes))'],
    ['an unknown level', { mocks: [round({ level: 'L9' })] }, '"mocks.0.level" is not valid (expected L4, L5, L6 or null (not recorded))'],
    [
      'an unknown expectation',
      { mocks: [round({ levelCovered: ['charm'] })] },
      '"mocks.0.levelCovered.0" is not valid (expected one of scoping, design, deepDive, operations, separates)',
    ],
    [
      'an expectation twice',
      { mocks: [round({ levelCovered: ['design', 'design'] })] },
      '"mocks.0.levelCovered" is not valid (a level expectation is listed twice)',
    ],
    [
      'expectations without a level',
      { mocks: [round({ level: null, levelCovered: ['design'] })] },
      '"mocks.0.levelCovered" is not valid (level expectations are ticked but no level is recorded)',
    ],
    [
      'an item outside the rubric',
      { mocks: [round({ covered: [3] })] },
      '"mocks.0.covered" is not valid (a covered rubric item is not in the rubric (each must be below rubricSize))',
    ],
    ['an item twice', { mocks: [round({ covered: [1, 1] })] }, '"mocks.0.covered" is not valid (a rubric item is listed twice)'],
    [
      'a round that ends before it starts',
      { mocks: [round({ endedAt: '2025-12-31T10:00:00.000Z' })] },
      '"mocks.0.endedAt" is not valid (the round ends before it starts)',
    ],
    ['a rating out of range', { mocks: [round({ rating: 5 })] }, '"mocks.0.rating" is not valid (expected a whole number from 1 to 4)'],
    [
      'a covered item that is not a whole number',
      { mocks: [round({ covered: [1.5] })] },
      '"mocks.0.covered.0" is not valid (expected a whole number from 0 to 99)',
    ],
    [
      'a round paused before it started',
      { activeMock: { ...active, pausedAt: Date.parse(T0) - 1 } },
      '"activeMock.pausedAt" is not valid (paused before it started)',
    ],
    [
      'a start time out of range',
      { activeMock: { ...active, startedAt: 5 } },
      '"activeMock.startedAt" is not valid (expected a time in milliseconds since 1970, from the year 2000 to 2200)',
    ],
    [
      'paused time out of range',
      { activeMock: { ...active, pausedTotal: -1 } },
      '"activeMock.pausedTotal" is not valid (expected a whole number from 0 to 6,311,433,600,000)',
    ],
    [
      'a story without a title',
      { stories: [{ ...story, title: '' }] },
      '"stories.0.title" is not valid (expected text of 1 to 200 characters)',
    ],
    [
      'notes too long',
      { mocks: [round({ notes: 'x'.repeat(20_001) })] },
      '"mocks.0.notes" is not valid (expected text of at most 20,000 characters)',
    ],
    [
      'a negative stability',
      {
        cards: {
          c: { due: T0, stability: -1, difficulty: 1, elapsed_days: 0, scheduled_days: 0, learning_steps: 0, reps: 0, lapses: 0, state: 0 },
        },
      },
      '"cards.c.stability" is not valid (expected a number from 0 to ',
    ],
  ])('says so for %s', async (_, over, message) => {
    await load();
    await choose(fileOf('damaged.json', damaged(over)));
    expect(text('[data-import-error]')).toContain(`Nothing was imported and your data is unchanged. The data is damaged: ${message}`);
  });
});

describe('reset', () => {
  it('asks, then deletes every record', async () => {
    seed({ studied: { 'guides/loop': T1 } });
    await load();
    $('[data-import-done]').textContent = 'Exported.';
    $('[data-reset]').click();
    const dialog = $<HTMLDialogElement>('[data-reset-dialog]');
    expect(dialog.open).toBe(true);
    expect(text('[data-import-done]')).toBe('');
    dialog.close('cancel');
    expect(saved()?.studied).toEqual({ 'guides/loop': T1 });
    $('[data-reset]').click();
    dialog.close('confirm');
    expect(storage.items.has(STORAGE_KEY)).toBe(false);
    expect(text('[data-import-done]')).toBe('All study data on this device was deleted.');
    expect(text('[data-overall]')).toBe('0 of 3 pages studied (0%).');
  });

  it('says why when the browser does not delete', async () => {
    seed({ studied: { 'guides/loop': T1 } });
    await load();
    $('[data-reset]').click();
    storage.refuse = new DOMException('The operation is insecure.', 'SecurityError');
    $<HTMLDialogElement>('[data-reset-dialog]').close('confirm');
    expect(text('[data-import-error]')).toBe(
      'Nothing was deleted. This browser refused to save the change (its storage may be turned off or read-only).',
    );
    expect(saved()?.studied).toEqual({ 'guides/loop': T1 });
  });

  it('refuses inside another site’s frame, before asking and after', async () => {
    seed({ studied: { 'guides/loop': T1 } });
    await load();
    const top = vi.spyOn(window, 'top', 'get').mockReturnValue({} as Window);
    $('[data-reset]').click();
    expect(text('[data-import-error]')).toBe(FRAMED_MESSAGE);
    expect($<HTMLDialogElement>('[data-reset-dialog]').open).toBe(false);
    top.mockRestore();
    $('[data-reset]').click();
    expect(text('[data-import-error]')).toBe('');
    vi.spyOn(window, 'top', 'get').mockReturnValue({} as Window);
    $<HTMLDialogElement>('[data-reset-dialog]').close('confirm');
    expect(text('[data-import-error]')).toBe(FRAMED_MESSAGE);
    expect(saved()?.studied).toEqual({ 'guides/loop': T1 });
  });
});
