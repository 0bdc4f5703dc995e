// @vitest-environment happy-dom
/**
 * When the progress code loads (progress-loader.ts), on a simulated DOM: at once for a reader with
 * saved study data or a page with checklists, otherwise on the reader's intent (pointing at,
 * focusing or pressing a "Mark as studied" switch) or when another tab saves study data; a press
 * that loads the code counts once the code has arrived, and a failed load says so and can be
 * retried. The browser side is in tests/e2e/progress.test.ts.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { STORAGE_KEY } from './store.ts';
import { emptyStudyData } from './schema.ts';
import { fakeStorage, savedStudyData } from './__fixtures__/fake-storage.ts';
import { $, text } from '../__fixtures__/dom.ts';
import { removeWindowListeners, trackWindowListeners } from '../__fixtures__/window-listeners.ts';

const storage = fakeStorage();
const saved = () => savedStudyData(storage);

function page({ checklist = false, sidebar = false, switches = true } = {}): void {
  setBody(`
    ${sidebar ? '<nav class="sidebar"><a href="/guides/loop/" data-study-key="guides/loop">The loop</a></nav>' : ''}
    <article data-page-key="guides/loop">
      ${switches ? '<div data-study-toggle data-where="top"><button type="button" aria-pressed="false">Mark as studied</button><span data-study-status></span></div>' : ''}
      ${checklist ? '<div data-checklist="plan"><ul><li data-task="read"><span>Read</span></li></ul></div>' : ''}
      ${switches ? '<div data-study-toggle data-where="end"><button type="button" aria-pressed="false">Mark as studied</button><span data-study-status></span></div>' : ''}
    </article>`);
}

/** Lets dynamic imports and the promises after them finish. */
const settle = async () => {
  for (let i = 0; i < 10; i += 1) await new Promise((resolve) => setImmediate(resolve));
};

/** Waits until both progress modules have loaded and run. */
async function loadedBoth(loadProgress: () => Promise<unknown>): Promise<void> {
  await vi.waitFor(() => expect([...loaded].sort()).toEqual(['page-progress', 'sidebar-progress']));
  await loadProgress();
}

const button = (where: string) => $<HTMLButtonElement>(`[data-where="${where}"] button`);

/** Which of the progress modules have been imported, with the real code behind them. */
let loaded: string[] = [];
function watchLoads(): void {
  loaded = [];
  vi.doMock('./page-progress.ts', async (importOriginal) => {
    loaded.push('page-progress');
    return importOriginal();
  });
  vi.doMock('./sidebar-progress.ts', async (importOriginal) => {
    loaded.push('sidebar-progress');
    return importOriginal();
  });
}

async function load() {
  vi.resetModules();
  watchLoads();
  const module = await import('./progress-loader.ts');
  await settle();
  return module;
}

/** Puts this test's markup in the page (parsed, as the server's HTML is). */
const setBody = (html: string) => document.body.replaceChildren(...new DOMParser().parseFromString(html, 'text/html').body.childNodes);

beforeEach(() => {
  trackWindowListeners();
  storage.items.clear();
  storage.refuse = null;
  storage.unreadable = false;
  vi.spyOn(window, 'localStorage', 'get').mockReturnValue(storage as unknown as Storage);
});

afterEach(() => {
  removeWindowListeners();
  vi.doUnmock('./page-progress.ts');
  vi.doUnmock('./sidebar-progress.ts');
  vi.restoreAllMocks();
});

describe('hasSavedStudy', () => {
  it('is true when anything is stored under the study key, even text that cannot be read', async () => {
    page({ switches: false });
    const { hasSavedStudy } = await load();
    storage.items.set(STORAGE_KEY, '');
    expect(hasSavedStudy(storage)).toBe(true);
    storage.items.set(STORAGE_KEY, '{broken');
    expect(hasSavedStudy(storage)).toBe(true);
  });

  it('is false with nothing stored, no storage, or storage that cannot be read', async () => {
    page({ switches: false });
    const { hasSavedStudy } = await load();
    storage.items.set('another-key', '{}');
    expect(hasSavedStudy(storage)).toBe(false);
    expect(hasSavedStudy(undefined)).toBe(false);
    storage.items.set(STORAGE_KEY, '{}');
    storage.unreadable = true;
    expect(hasSavedStudy(storage)).toBe(false);
  });
});

describe('loading at once', () => {
  it('loads when this device has saved study data, and the switch shows it', async () => {
    storage.items.set(STORAGE_KEY, JSON.stringify({ ...emptyStudyData(), studied: { 'guides/loop': '2026-02-01T10:00:00.000Z' } }));
    page();
    await loadedBoth((await load()).loadProgress);
    expect(button('top').textContent).toBe('Studied ✓');
  });

  it('loads when the page has checklists, which become checkboxes', async () => {
    page({ checklist: true });
    await loadedBoth((await load()).loadProgress);
    expect(document.querySelectorAll('input[type="checkbox"]')).toHaveLength(1);
  });

  it('loads for the sidebar marks on a page without a switch', async () => {
    storage.items.set(STORAGE_KEY, JSON.stringify({ ...emptyStudyData(), studied: { 'guides/loop': '2026-02-01T10:00:00.000Z' } }));
    page({ switches: false, sidebar: true });
    await loadedBoth((await load()).loadProgress);
    expect($('.sidebar a').hasAttribute('data-studied')).toBe(true);
  });

  it('loads nothing on a page with neither a switch nor sidebar marks', async () => {
    storage.items.set(STORAGE_KEY, '{}');
    page({ switches: false, checklist: true });
    await load();
    expect(loaded).toEqual([]);
  });

  it('treats storage the page may not even look at as no saved data', async () => {
    vi.spyOn(window, 'localStorage', 'get').mockImplementation(() => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    });
    page();
    await load();
    expect(loaded).toEqual([]);
  });
});

describe('a press while the code loads at once', () => {
  /** Loads the loader with page-progress held back until `release()`, as on a slow network. */
  async function loadHeld() {
    vi.resetModules();
    watchLoads();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    vi.doMock('./page-progress.ts', async (importOriginal) => {
      loaded.push('page-progress');
      await gate;
      return importOriginal();
    });
    const module = await import('./progress-loader.ts');
    await settle();
    return { ...module, release };
  }

  for (const [why, prepare] of [
    ['the page has checklists', () => page({ checklist: true })],
    [
      'this device has saved study data',
      () => {
        storage.items.set(STORAGE_KEY, JSON.stringify(emptyStudyData()));
        page();
      },
    ],
  ] as const) {
    it(`counts a press made before the code arrived, once, when ${why}`, async () => {
      prepare();
      const { loadProgress, release } = await loadHeld();
      const seen: EventTarget[] = [];
      document.addEventListener('click', (event) => seen.push(event.target!));
      // The code is on its way but has not run: nothing handles the press yet.
      expect(loaded).toContain('page-progress');
      button('top').click();
      await settle();
      expect(saved()?.studied ?? {}).toEqual({});
      release();
      await vi.waitFor(() => expect(Object.keys(saved()?.studied ?? {})).toEqual(['guides/loop']));
      expect(button('end').getAttribute('aria-pressed')).toBe('true');
      expect(seen).toEqual([button('top')]);
      // Loaded: a press goes straight to the code, in the same turn, and is seen once.
      await loadProgress();
      await settle();
      button('end').click();
      expect(saved()?.studied).toEqual({});
      expect(seen).toEqual([button('top'), button('end')]);
    });
  }
});

describe('loading on intent', () => {
  it('waits for a first-time reader', async () => {
    page();
    await load();
    expect(loaded).toEqual([]);
    expect(button('top').textContent).toBe('Mark as studied');
  });

  for (const intent of ['pointerenter', 'focus']) {
    it(`loads when the reader's ${intent} reaches a switch, once`, async () => {
      page();
      const { loadProgress } = await load();
      button('end').dispatchEvent(new Event(intent));
      await loadedBoth(loadProgress);
      // Loaded once: the same promise each time.
      expect(loadProgress()).toBe(loadProgress());
    });
  }

  it('loads when another tab saves study data, not for other keys', async () => {
    page();
    const { loadProgress } = await load();
    window.dispatchEvent(new StorageEvent('storage', { key: 'something-else' }));
    await settle();
    expect(loaded).toEqual([]);
    window.dispatchEvent(new StorageEvent('storage', { key: STORAGE_KEY }));
    await loadedBoth(loadProgress);
  });

  it('counts the press that loads the code, once, and later presses as usual', async () => {
    page();
    await load();
    const seen: EventTarget[] = [];
    document.addEventListener('click', (event) => seen.push(event.target!));
    button('end').click();
    await vi.waitFor(() => expect(Object.keys(saved()?.studied ?? {})).toEqual(['guides/loop']));
    expect(button('top').textContent).toBe('Studied ✓');
    expect(button('end').getAttribute('aria-pressed')).toBe('true');
    // The rest of the page sees one press, not the held one and then its replay.
    expect(seen).toEqual([button('end')]);
    button('top').click();
    await settle();
    expect(saved()?.studied).toEqual({});
    expect(button('end').textContent).toBe('Mark as studied');
  });
});

describe('a load that fails', () => {
  it('says so beside the switch, and the next press tries again', async () => {
    page();
    vi.resetModules();
    let fail = true;
    vi.doMock('./page-progress.ts', async (importOriginal) => {
      if (fail) throw new Error('network down');
      return importOriginal();
    });
    const { loadProgress } = await import('./progress-loader.ts');
    await settle();
    button('end').click();
    await vi.waitFor(() =>
      expect(text('[data-where="end"] [data-study-status]')).toBe(
        'Not saved: the progress code did not load. Check the connection and press again.',
      ),
    );
    expect(text('[data-where="top"] [data-study-status]')).toBe('');
    expect(saved()).toBeNull();
    await expect(loadProgress()).rejects.toThrow();
    fail = false;
    button('top').click();
    await vi.waitFor(() => expect(Object.keys(saved()?.studied ?? {})).toEqual(['guides/loop']));
    expect(text('[data-where="top"] [data-study-status]')).toMatch(/^Marked on /);
  });

  it('tries again on the next press even beside a switch without a status line', async () => {
    page();
    $('[data-where="end"] [data-study-status]').remove();
    vi.resetModules();
    let fail = true;
    let attempts = 0;
    vi.doMock('./page-progress.ts', async (importOriginal) => {
      attempts += 1;
      if (fail) throw new Error('network down');
      return importOriginal();
    });
    await import('./progress-loader.ts');
    button('end').click();
    await vi.waitFor(() => expect(attempts).toBe(1));
    await settle();
    fail = false;
    button('end').click();
    await vi.waitFor(() => expect(Object.keys(saved()?.studied ?? {})).toEqual(['guides/loop']));
  });

  it('does not fetch again each time the pointer passes after a failed load; a press does', async () => {
    page();
    vi.resetModules();
    let fail = true;
    let attempts = 0;
    vi.doMock('./page-progress.ts', async (importOriginal) => {
      attempts += 1;
      if (fail) throw new Error('network down');
      return importOriginal();
    });
    await import('./progress-loader.ts');
    button('end').dispatchEvent(new Event('pointerenter'));
    await vi.waitFor(() => expect(attempts).toBe(1));
    await settle();
    button('end').dispatchEvent(new Event('pointerenter'));
    await settle();
    expect(attempts).toBe(1);
    fail = false;
    button('end').click();
    await vi.waitFor(() => expect(Object.keys(saved()?.studied ?? {})).toEqual(['guides/loop']));
  });
});
