// @vitest-environment happy-dom
/**
 * When the "Save for offline" code loads (save-loader.ts), on a simulated DOM: never where saving
 * cannot work (no service worker, no Cache API, the development server); otherwise on the reader's
 * intent (pointing at, focusing or pressing the button), at once on the offline page and when the
 * browser is offline; a press that loads the code counts once it has arrived, and a failed load
 * says so and can be retried. The browser side is in tests/e2e/offline.test.ts.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeCaches } from './__fixtures__/fake-caches.ts';
import { $, text } from '../__fixtures__/dom.ts';
import { removeWindowListeners, trackWindowListeners } from '../__fixtures__/window-listeners.ts';

/** Islands as SaveOffline.astro renders them, from this test only. */
function page(...scopes: ('all' | 'current' | 'no-button')[]): void {
  const html = scopes
    .map(
      (scope, index) => `
    <div data-save-offline data-scope="${scope === 'no-button' ? 'all' : scope}" data-n="${index}">
      <p data-save-unsupported>Saving pages for offline reading needs JavaScript and a browser with service workers.</p>
      <div data-save-start hidden>${scope === 'no-button' ? '' : '<button type="button" data-save-open>Save</button>'}</div>
      <div data-save-panel hidden></div>
      <progress data-save-progress max="1" value="0" hidden></progress>
      <p data-save-status role="status"></p>
    </div>`,
    )
    .join('');
  document.body.replaceChildren(...new DOMParser().parseFromString(html, 'text/html').body.childNodes);
}

let online: boolean;
let loads: number;
let fail: boolean;

/** Lets dynamic imports and the promises after them finish. */
const settle = async () => {
  for (let i = 0; i < 10; i += 1) await new Promise((resolve) => setImmediate(resolve));
};

async function load() {
  vi.resetModules();
  vi.doMock('./save.ts', async (importOriginal) => {
    loads += 1;
    if (fail) throw new Error('network down');
    return importOriginal();
  });
  const module = await import('./save-loader.ts');
  await settle();
  return module;
}

const island = (n = 0) => $(`[data-n="${n}"]`);
const openButton = (n = 0) => $<HTMLButtonElement>(`[data-n="${n}"] [data-save-open]`);
const status = (n = 0) => text(`[data-n="${n}"] [data-save-status]`);

beforeEach(() => {
  trackWindowListeners();
  loads = 0;
  fail = false;
  online = true;
  vi.stubEnv('DEV', false);
  vi.stubGlobal('caches', fakeCaches('https://guide.test'));
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => new Response(JSON.stringify({ version: 1, sections: [], assets: {} }))),
  );
  Object.defineProperty(navigator, 'onLine', { get: () => online, configurable: true });
  Object.defineProperty(navigator, 'serviceWorker', { value: {}, configurable: true });
});

afterEach(() => {
  removeWindowListeners();
  vi.doUnmock('./save.ts');
  vi.unstubAllGlobals();
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
  for (const key of ['onLine', 'serviceWorker']) Reflect.deleteProperty(navigator, key);
});

describe('saveSupported', () => {
  it('needs a service worker, the Cache API and a built site', async () => {
    page();
    const { saveSupported } = await load();
    expect(saveSupported()).toBe(true);
    Reflect.deleteProperty(navigator, 'serviceWorker');
    expect(saveSupported()).toBe(false);
    Object.defineProperty(navigator, 'serviceWorker', { value: {}, configurable: true });
    vi.unstubAllGlobals();
    Reflect.deleteProperty(window, 'caches');
    expect(saveSupported()).toBe(false);
    vi.stubGlobal('caches', fakeCaches('https://guide.test'));
    vi.stubEnv('DEV', true);
    expect(saveSupported()).toBe(false);
  });
});

describe('where saving cannot work', () => {
  it('leaves the island saying what it needs, and loads nothing when pressed', async () => {
    Reflect.deleteProperty(navigator, 'serviceWorker');
    page('all', 'current');
    await load();
    for (const n of [0, 1]) {
      expect($(`[data-n="${n}"] [data-save-unsupported]`).hidden).toBe(false);
      expect($(`[data-n="${n}"] [data-save-start]`).hidden).toBe(true);
    }
    openButton().click();
    openButton().dispatchEvent(new Event('pointerenter'));
    await settle();
    expect(loads).toBe(0);
  });

  it('skips an island without its button', async () => {
    page('no-button', 'all');
    await load();
    expect($('[data-n="0"] [data-save-unsupported]').hidden).toBe(false);
    expect($('[data-n="0"] [data-save-start]').hidden).toBe(true);
    expect($('[data-n="1"] [data-save-unsupported]').hidden).toBe(true);
  });
});

describe('loading', () => {
  it('shows the button at once and waits for the reader', async () => {
    page('all');
    await load();
    expect($('[data-save-unsupported]').hidden).toBe(true);
    expect($('[data-save-start]').hidden).toBe(false);
    expect(loads).toBe(0);
  });

  for (const intent of ['pointerenter', 'focus']) {
    it(`loads when the reader's ${intent} reaches the button, once`, async () => {
      page('all');
      await load();
      openButton().dispatchEvent(new Event(intent));
      await vi.waitFor(() => expect(loads).toBe(1));
      openButton().dispatchEvent(new Event(intent));
      await settle();
      expect(loads).toBe(1);
      expect(status()).toBe('');
    });
  }

  it('counts the press that loads the code: the island opens, and the page sees one press', async () => {
    page('all');
    await load();
    let presses = 0;
    document.addEventListener('click', () => (presses += 1));
    openButton().click();
    await vi.waitFor(() => expect($(`[data-save-panel]`).hidden).toBe(false));
    expect(loads).toBe(1);
    expect($('[data-save-start]').hidden).toBe(true);
    expect(presses).toBe(1);
  });

  it('loads at once on the offline page', async () => {
    page('all', 'current');
    await load();
    await vi.waitFor(() => expect(loads).toBe(1));
    expect(island(0).querySelector('[data-save-panel]')?.hasAttribute('hidden')).toBe(true);
  });

  it('loads at once when the browser is offline, so the island says why it cannot save', async () => {
    online = false;
    page('all');
    await load();
    await vi.waitFor(() => expect(status()).toMatch(/^You are offline\./));
    expect(openButton().disabled).toBe(true);
  });
});

describe('a load that fails', () => {
  it('says so, and the next press tries again', async () => {
    fail = true;
    page('all');
    await load();
    openButton().click();
    await vi.waitFor(() => expect(status()).toMatch(/^Saving for offline did not load: /));
    // The loader's reason (here, the test runner's words for the failed import), then what to do.
    expect(status()).toMatch(/: .+\. Check the connection and try again\.$/);
    expect(loads).toBe(1);
    fail = false;
    openButton().click();
    await vi.waitFor(() => expect($(`[data-save-panel]`).hidden).toBe(false));
    expect(loads).toBe(2);
  });

  it('says so when a load on intent fails, and loads again on the press', async () => {
    fail = true;
    page('all');
    await load();
    openButton().dispatchEvent(new Event('focus'));
    await vi.waitFor(() => expect(status()).toMatch(/^Saving for offline did not load: /));
    // Focusing again does not fetch again; the press does.
    openButton().dispatchEvent(new Event('focus'));
    await settle();
    expect(loads).toBe(1);
    fail = false;
    openButton().click();
    await vi.waitFor(() => expect($(`[data-save-panel]`).hidden).toBe(false));
    expect(loads).toBe(2);
  });
});
