// @vitest-environment happy-dom
// @vitest-environment-options { "url": "https://guide.test/netflix-sd/practice/" }
/**
 * The "Save for offline" island (save.ts) on a simulated DOM, with small stand-ins for the Cache
 * API, fetch and navigator.storage: what it says without a service worker or the Cache API, and
 * offline; the sizes and pages already on the device before anything downloads; the storage used
 * and free; a save with its progress, four downloads at a time, into the caches the service worker
 * reads; and failures said in words. The browser side is in tests/e2e/offline.test.ts.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { offlineCacheNames, type OfflineManifest } from '../../lib/offline.ts';
import { deferred, fakeCaches } from './__fixtures__/fake-caches.ts';
import { $, text } from '../__fixtures__/dom.ts';
import { removeWindowListeners, trackWindowListeners } from '../__fixtures__/window-listeners.ts';

const ORIGIN = 'https://guide.test';
const BASE = '/netflix-sd/';
const names = offlineCacheNames(BASE);
const DIAGRAM = `${BASE}_astro/diagram.js`;
const FRAGMENT = `${BASE}pagefind/fragment/b.pf_fragment`;

const MANIFEST: OfflineManifest = {
  version: 1,
  sections: [
    { key: 'home', label: 'Home and site pages', pages: [{ url: BASE, bytes: 2048, assets: [] }] },
    {
      key: 'prompts',
      label: 'Design prompts',
      pages: [
        { url: `${BASE}prompts/a/`, bytes: 10240, assets: [DIAGRAM] },
        { url: `${BASE}prompts/b/`, bytes: 10240, assets: [DIAGRAM, FRAGMENT] },
      ],
    },
    { key: 'stack', label: 'Netflix stack', pages: [{ url: `${BASE}stack/zuul/`, bytes: 5120, assets: [] }] },
  ],
  assets: { [DIAGRAM]: 20480, [FRAGMENT]: 1024 },
};
/** The design prompts: both pages, the diagram script once, and the search fragment. */
const PROMPT_URLS = [`${BASE}prompts/a/`, DIAGRAM, `${BASE}prompts/b/`, FRAGMENT];

/** The island as SaveOffline.astro renders it, from this test only. */
function island(scope: 'all' | 'section' | 'current', section?: string): HTMLElement {
  const html = `
    <div class="save-offline" data-save-offline data-scope="${scope}" ${section ? `data-section="${section}"` : ''}>
      <p data-save-unsupported>Saving pages for offline reading needs JavaScript and a browser with service workers.</p>
      <div data-save-start hidden><button type="button" data-save-open>Save</button></div>
      <div data-save-panel hidden></div>
      <progress data-save-progress max="1" value="0" hidden></progress>
      <p data-save-status role="status" aria-live="polite"></p>
    </div>`;
  document.body.replaceChildren(...new DOMParser().parseFromString(html, 'text/html').body.childNodes);
  return $('[data-save-offline]');
}

let caches: ReturnType<typeof fakeCaches>;
let online: boolean;
let fetchManifest: ReturnType<typeof vi.fn<(url: string) => Promise<Response>>>;
let storage: {
  estimate?: () => Promise<{ usage?: number; quota?: number }>;
  persisted?: () => Promise<boolean>;
  persist?: () => Promise<boolean>;
};

/** Answers the manifest request with this body and status. */
function serve(body: unknown = MANIFEST, status = 200): void {
  fetchManifest.mockImplementation(async () => new Response(JSON.stringify(body), { status }));
}

/** Lets pending promises (fetch, caches, downloads) run. */
const settle = async () => {
  for (let i = 0; i < 10; i += 1) await new Promise((resolve) => setImmediate(resolve));
};

/** Loads save.ts afresh and starts the island (as save-loader.ts does). */
async function start(scope: 'all' | 'section' | 'current' = 'all', section?: string): Promise<HTMLElement> {
  const element = island(scope, section);
  vi.resetModules();
  const { initSaveOffline } = await import('./save.ts');
  initSaveOffline(element);
  return element;
}

/** Presses the open button and waits for the panel (or the error) to be drawn. */
async function open(): Promise<void> {
  $<HTMLButtonElement>('[data-save-open]').click();
  await settle();
}

const status = () => text('[data-save-status]');
const bar = () => $<HTMLProgressElement>('[data-save-progress]');
const rows = () =>
  [...document.querySelectorAll<HTMLTableRowElement>('[data-save-panel] tbody tr')].map((row) =>
    [...row.cells].map((cell) => cell.textContent),
  );
/** The Save button on the row whose first cell is this label. */
const saveButton = (label: string) =>
  [...document.querySelectorAll<HTMLTableRowElement>('[data-save-panel] tbody tr')]
    .find((row) => row.cells[0]!.textContent === label)!
    .querySelector('button')!;

/** Changes the page's address (same origin), as arriving there would. */
const visit = (path: string) => history.replaceState(null, '', path);

function goOnline(value: boolean): void {
  online = value;
  window.dispatchEvent(new Event(value ? 'online' : 'offline'));
}

beforeEach(() => {
  trackWindowListeners();
  document.documentElement.dataset.base = BASE;
  caches = fakeCaches(ORIGIN);
  vi.stubGlobal('caches', caches);
  fetchManifest = vi.fn<(url: string) => Promise<Response>>();
  serve();
  vi.stubGlobal('fetch', fetchManifest);
  vi.stubEnv('DEV', false);
  online = true;
  Object.defineProperty(navigator, 'onLine', { get: () => online, configurable: true });
  Object.defineProperty(navigator, 'serviceWorker', { value: {}, configurable: true });
  storage = {
    estimate: async () => ({ usage: 3 * 1024 * 1024, quota: 10 * 1024 * 1024 }),
    persisted: async () => false,
    persist: vi.fn(async () => true),
  };
  Object.defineProperty(navigator, 'storage', { get: () => storage, configurable: true });
});

afterEach(() => {
  removeWindowListeners();
  vi.unstubAllGlobals();
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
  for (const key of ['onLine', 'serviceWorker', 'storage']) Reflect.deleteProperty(navigator, key);
  delete document.documentElement.dataset.base;
});

describe('where it cannot save', () => {
  const unsupported = async () => {
    await open();
    expect($('[data-save-unsupported]').hidden).toBe(false);
    expect($('[data-save-start]').hidden).toBe(true);
    expect(fetchManifest).not.toHaveBeenCalled();
    expect(status()).toBe('');
  };

  it('keeps saying it needs a service worker in a browser without one', async () => {
    Reflect.deleteProperty(navigator, 'serviceWorker');
    await start();
    await unsupported();
  });

  it('keeps saying so in a browser without the Cache API', async () => {
    vi.stubGlobal('caches', undefined);
    Reflect.deleteProperty(window, 'caches');
    await start();
    await unsupported();
  });

  it('does nothing on the development server, where no service worker runs', async () => {
    vi.stubEnv('DEV', true);
    await start();
    await unsupported();
  });

  it('shows its button where it can save', async () => {
    await start();
    expect($('[data-save-unsupported]').hidden).toBe(true);
    expect($('[data-save-start]').hidden).toBe(false);
    expect($<HTMLButtonElement>('[data-save-open]').disabled).toBe(false);
    expect($('[data-save-panel]').hidden).toBe(true);
    expect(status()).toBe('');
  });
});

describe('offline', () => {
  it('says to save once back online, and clears that when the connection returns', async () => {
    online = false;
    await start();
    expect($<HTMLButtonElement>('[data-save-open]').disabled).toBe(true);
    expect(status()).toBe('You are offline. Back online, save this section or the whole site so it opens offline next time.');
    goOnline(true);
    expect($<HTMLButtonElement>('[data-save-open]').disabled).toBe(false);
    expect(status()).toBe('');
    goOnline(false);
    expect($<HTMLButtonElement>('[data-save-open]').disabled).toBe(true);
    expect(status()).toMatch(/^You are offline/);
  });

  it('disables the Save buttons while offline, and leaves other messages alone when the connection returns', async () => {
    await start();
    await open();
    goOnline(false);
    expect(saveButton('Design prompts').disabled).toBe(true);
    expect(saveButton('The whole site').disabled).toBe(true);
    goOnline(true);
    expect(saveButton('Design prompts').disabled).toBe(false);
    saveButton('Netflix stack').click();
    await settle();
    expect(status()).toBe('Saved Netflix stack: it opens offline on this device.');
    goOnline(true);
    expect(status()).toBe('Saved Netflix stack: it opens offline on this device.');
  });
});

describe('before saving', () => {
  it('lists every section and the whole site with what each would download, and the storage used and free', async () => {
    await start();
    $<HTMLButtonElement>('[data-save-open]').click();
    expect(status()).toBe('Working out what to download…');
    await settle();
    expect(status()).toBe('');
    expect(fetchManifest.mock.calls.map(([url]) => url)).toEqual([`${BASE}offline-manifest.json`]);
    expect($('[data-save-panel]').hidden).toBe(false);
    expect($('[data-save-start]').hidden).toBe(true);
    expect(text('[data-save-panel] p')).toBe('Storage used by this site on this device: 3.0 MB; free: 7.0 MB.');
    const headings = [...document.querySelectorAll<HTMLTableCellElement>('[data-save-panel] thead th')];
    expect(headings.map((th) => th.textContent)).toEqual(['Save', 'Pages on this device', 'To download', 'Action']);
    expect(headings.map((th) => th.scope)).toEqual(['col', 'col', 'col', 'col']);
    expect(headings.map((th) => th.className)).toEqual(['', '', '', 'sr-only']);
    expect(rows()).toEqual([
      ['Home and site pages', '0 of 1', '2 KB', 'Save (2 KB)'],
      ['Design prompts', '0 of 2', '41 KB', 'Save (41 KB)'],
      ['Netflix stack', '0 of 1', '5 KB', 'Save (5 KB)'],
      ['The whole site', '0 of 4', '48 KB', 'Save (48 KB)'],
    ]);
    const button = saveButton('Design prompts');
    expect(button.type).toBe('button');
    expect(button.className).toBe('icon-button');
    expect(button.getAttribute('aria-label')).toBe('Save Design prompts for offline, 41 KB');
    expect(button.disabled).toBe(false);
  });

  it('keeps the offline message when the connection drops while it works out the sizes', async () => {
    await start();
    $<HTMLButtonElement>('[data-save-open]').click();
    online = false;
    await settle();
    expect(status()).toMatch(/^You are offline\./);
    expect(saveButton('Design prompts').disabled).toBe(true);
  });

  it('counts what visits and earlier saves already stored, and offers nothing more for a saved section', async () => {
    caches.put(names.pages, BASE, `${BASE}prompts/a/`);
    caches.put(names.assets, DIAGRAM);
    caches.put(names.files, FRAGMENT);
    await start();
    await open();
    expect(rows()).toEqual([
      ['Home and site pages', '1 of 1', 'nothing: all saved', 'Saved'],
      ['Design prompts', '1 of 2', '10 KB', 'Save (10 KB)'],
      ['Netflix stack', '0 of 1', '5 KB', 'Save (5 KB)'],
      ['The whole site', '2 of 4', '15 KB', 'Save (15 KB)'],
    ]);
    expect(saveButton('Home and site pages').disabled).toBe(true);
    expect(saveButton('Home and site pages').getAttribute('aria-label')).toBe('Save Home and site pages for offline, 0 bytes');
  });

  it('says when the browser keeps saved pages under storage pressure', async () => {
    storage.persisted = async () => true;
    await start();
    await open();
    expect(text('[data-save-panel] p')).toBe(
      'Storage used by this site on this device: 3.0 MB; free: 7.0 MB. The browser keeps saved pages until you clear the site data.',
    );
  });

  it('shows no free space below zero, and zero when the browser gives no figures', async () => {
    storage.estimate = async () => ({ usage: 5000, quota: 4000 });
    storage.persisted = undefined;
    await start();
    await open();
    expect(text('[data-save-panel] p')).toBe('Storage used by this site on this device: 5 KB; free: 0 bytes.');
    storage.estimate = async () => ({});
    vi.resetModules();
    const { initSaveOffline } = await import('./save.ts');
    initSaveOffline(island('all'));
    await open();
    expect(text('[data-save-panel] p')).toBe('Storage used by this site on this device: 0 bytes; free: 0 bytes.');
  });

  it('says when the browser does not tell how much storage is left', async () => {
    storage.estimate = undefined;
    await start();
    await open();
    expect(text('[data-save-panel] p')).toBe('This browser does not say how much storage it has left.');
    Object.defineProperty(navigator, 'storage', { value: undefined, configurable: true });
    vi.resetModules();
    const { initSaveOffline } = await import('./save.ts');
    initSaveOffline(island('all'));
    await open();
    expect(text('[data-save-panel] p')).toBe('This browser does not say how much storage it has left.');
  });
});

describe('when the list of pages does not load', () => {
  it('says why, and the next press tries again', async () => {
    serve({ error: 'down' }, 503);
    await start();
    await open();
    expect(status()).toBe('Saving for offline is not available: The list of pages to save did not load (HTTP 503).');
    expect($('[data-save-panel]').hidden).toBe(true);
    expect($('[data-save-start]').hidden).toBe(false);
    serve();
    await open();
    expect(status()).toBe('');
    expect(rows()).toHaveLength(4);
    expect(fetchManifest).toHaveBeenCalledTimes(2);
  });

  const wrong: [string, unknown][] = [
    ['another format version', { ...MANIFEST, version: 2 }],
    ['sections that are not a list', { ...MANIFEST, sections: {} }],
    ['no asset sizes', { version: 1, sections: [] }],
  ];
  for (const [what, body] of wrong) {
    it(`asks for a reload when the list has ${what}`, async () => {
      serve(body);
      await start();
      await open();
      expect(status()).toBe(
        'Saving for offline is not available: The list of pages to save is from another version of the site. Reload the page and try again.',
      );
      expect($('[data-save-panel]').hidden).toBe(true);
    });
  }

  it('names a section the list does not have', async () => {
    await start('section', 'retired');
    await open();
    expect(status()).toMatch(/^Saving for offline is not available: No section "retired" in offline-manifest\.json\./);
  });
});

describe('saving', () => {
  it('downloads a section into the caches the service worker reads, with progress, then says it is saved', async () => {
    const held = new Map(PROMPT_URLS.map((url) => [url, deferred()]));
    caches.download = (url) => held.get(url)!.promise;
    await start();
    await open();
    saveButton('Design prompts').click();
    await settle();
    // Busy: nothing else can start.
    expect(storage.persist).toHaveBeenCalledTimes(1);
    expect(bar().hidden).toBe(false);
    expect(bar().max).toBe(41984);
    expect(bar().value).toBe(0);
    for (const label of ['Home and site pages', 'Design prompts', 'The whole site']) expect(saveButton(label).disabled).toBe(true);
    expect($<HTMLButtonElement>('[data-save-open]').disabled).toBe(true);
    goOnline(false);
    expect(status()).not.toMatch(/offline/);
    goOnline(true);

    held.get(DIAGRAM)!.resolve();
    await settle();
    expect(bar().value).toBe(20480);
    expect(status()).toBe('Saving Design prompts: 1 of 4 files, 20 KB of 41 KB.');
    held.get(`${BASE}prompts/a/`)!.resolve();
    await settle();
    expect(bar().value).toBe(30720);
    expect(status()).toBe('Saving Design prompts: 2 of 4 files, 30 KB of 41 KB.');
    held.get(FRAGMENT)!.resolve();
    held.get(`${BASE}prompts/b/`)!.resolve();
    await settle();

    expect(bar().hidden).toBe(true);
    expect(status()).toBe('Saved Design prompts: it opens offline on this device.');
    expect(caches.paths(names.pages).sort()).toEqual([`${BASE}prompts/a/`, `${BASE}prompts/b/`]);
    expect(caches.paths(names.assets)).toEqual([DIAGRAM]);
    expect(caches.paths(names.files)).toEqual([FRAGMENT]);
    // The table is drawn again from what is stored now, without fetching the list again.
    expect(rows()).toHaveLength(4);
    expect(rows()[1]).toEqual(['Design prompts', '2 of 2', 'nothing: all saved', 'Saved']);
    expect(rows()[3]).toEqual(['The whole site', '2 of 4', '7 KB', 'Save (7 KB)']);
    expect(saveButton('Design prompts').disabled).toBe(true);
    expect(saveButton('Netflix stack').disabled).toBe(false);
    expect($<HTMLButtonElement>('[data-save-open]').disabled).toBe(false);
    expect(fetchManifest).toHaveBeenCalledTimes(1);
  });

  it("stores mermaid's browser build (vendor/) with the files the worker reads offline, not with the pages", async () => {
    const mermaid = `${BASE}vendor/mermaid/mermaid.esm.min.mjs`;
    const page = { url: `${BASE}prompts/a/`, bytes: 1024, assets: [mermaid] };
    serve({ version: 1, sections: [{ key: 'prompts', label: 'Design prompts', pages: [page] }], assets: { [mermaid]: 2048 } });
    await start();
    await open();
    saveButton('Design prompts').click();
    await settle();
    expect(caches.paths(names.files)).toEqual([mermaid]);
    expect(caches.paths(names.pages)).toEqual([page.url]);
    expect(caches.paths(names.assets)).toEqual([]);
  });

  it('downloads four files at a time', async () => {
    const held = new Map<string, ReturnType<typeof deferred>>();
    caches.download = (url) => {
      const wait = deferred();
      held.set(url, wait);
      return wait.promise;
    };
    await start();
    await open();
    saveButton('The whole site').click();
    await settle();
    expect([...held.keys()]).toEqual([BASE, `${BASE}prompts/a/`, DIAGRAM, `${BASE}prompts/b/`]);
    held.get(DIAGRAM)!.resolve();
    await settle();
    expect(held.size).toBe(5);
    expect(held.has(FRAGMENT)).toBe(true);
    for (const wait of held.values()) wait.resolve();
    await settle();
    for (const wait of held.values()) wait.resolve();
    await settle();
    expect([...held.keys()]).toEqual([BASE, `${BASE}prompts/a/`, DIAGRAM, `${BASE}prompts/b/`, FRAGMENT, `${BASE}stack/zuul/`]);
    expect(status()).toBe('Saved The whole site: it opens offline on this device.');
  });

  it('says how many files failed and which first, keeps what was saved, and counts the failures in the progress', async () => {
    caches.download = async (url) => {
      if (url === `${BASE}prompts/b/` || url === FRAGMENT) throw new TypeError('Failed to fetch');
    };
    await start();
    await open();
    saveButton('Design prompts').click();
    await settle();
    expect(status()).toBe(
      `2 of 4 files could not be downloaded (the first: ${BASE}prompts/b/). What was saved stays; check the connection and save again.`,
    );
    expect(caches.paths(names.pages)).toEqual([`${BASE}prompts/a/`]);
    expect(rows()[1]).toEqual(['Design prompts', '1 of 2', '11 KB', 'Save (11 KB)']);
    expect(bar().value).toBe(41984);
  });

  it('saves when the browser cannot be asked to keep the data, or refuses', async () => {
    storage.persist = vi.fn(async () => {
      throw new Error('not allowed');
    });
    await start();
    await open();
    saveButton('Netflix stack').click();
    await settle();
    expect(status()).toBe('Saved Netflix stack: it opens offline on this device.');
    storage.persist = undefined;
    saveButton('Home and site pages').click();
    await settle();
    expect(status()).toBe('Saved Home and site pages: it opens offline on this device.');
  });

  it('saves with no storage manager at all', async () => {
    Object.defineProperty(navigator, 'storage', { value: undefined, configurable: true });
    await start();
    await open();
    saveButton('Netflix stack').click();
    await settle();
    expect(status()).toBe('Saved Netflix stack: it opens offline on this device.');
  });
});

describe('scopes', () => {
  it('offers only its own section on a section page', async () => {
    await start('section', 'stack');
    await open();
    expect(rows()).toEqual([['Netflix stack', '0 of 1', '5 KB', 'Save (5 KB)']]);
  });

  it('offers the section of the address asked for, and the whole site, on the offline page', async () => {
    visit(`${BASE}prompts/b/`);
    await start('current');
    await open();
    expect(rows().map((row) => row[0])).toEqual(['This section: Design prompts', 'The whole site']);
    const button = saveButton('This section: Design prompts');
    expect(button.getAttribute('aria-label')).toBe('Save Design prompts for offline, 41 KB');
    button.click();
    await settle();
    expect(status()).toBe('Saved Design prompts: it opens offline on this device.');
    visit(`${BASE}practice/`);
  });

  it('offers the whole site alone for an address in no section', async () => {
    visit(`${BASE}retired/page/`);
    await start('current');
    await open();
    expect(rows().map((row) => row[0])).toEqual(['The whole site']);
    visit(`${BASE}practice/`);
  });

  it('reads the section from the whole path when the site is served at the root', async () => {
    document.documentElement.dataset.base = '/';
    visit(`/stack/zuul/`);
    await start('current');
    await open();
    expect(fetchManifest.mock.calls.map(([url]) => url)).toEqual(['/offline-manifest.json']);
    expect(rows().map((row) => row[0])).toEqual(['This section: Netflix stack', 'The whole site']);
    visit(`${BASE}practice/`);
  });

  it('fetches the list from the site root when the page names no base path', async () => {
    delete document.documentElement.dataset.base;
    await start();
    await open();
    expect(fetchManifest.mock.calls.map(([url]) => url)).toEqual(['/offline-manifest.json']);
  });

  it('reads the home section at the base path itself', async () => {
    visit(`${BASE}`);
    await start('current');
    await open();
    expect(rows().map((row) => row[0])).toEqual(['This section: Home and site pages', 'The whole site']);
    visit(`${BASE}practice/`);
  });
});
