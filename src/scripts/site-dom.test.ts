// @vitest-environment happy-dom
/**
 * The script every page runs (site.ts) on a simulated DOM (happy-dom), loaded afresh for each
 * test: diagrams get their "Open full screen" button and open in the viewer, which loads only on
 * the reader's intent (the click that loads it opens it; a link in a drawing is followed); the
 * theme switch and the system's theme, saved or not, with storage refused; the offline notice;
 * and, in a production build, the service worker with its "new version" offer. The search opener
 * and the progress loader it imports have their own tests, so they are stood in for here.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeStorage } from './study/__fixtures__/fake-storage.ts';
import { removeWindowListeners, trackWindowListeners } from './__fixtures__/window-listeners.ts';

const openDiagram = vi.fn<(canvas: HTMLElement) => Promise<void>>();
/** How many times the viewer module was fetched, and whether the next fetch fails. */
let viewerLoads: number;
let viewerFails: boolean;

const documentListeners: [string, EventListenerOrEventListenerObject][] = [];

/** The system's dark-mode query, as site.ts sees it through matchMedia. */
let systemDark: EventTarget & { matches: boolean };
let storage: ReturnType<typeof fakeStorage>;

const FIGURES = `
  <button type="button" data-theme-toggle aria-pressed="false">Theme</button>
  <figure class="diagram" id="first">
    <div class="diagram-canvas" tabindex="0"><svg><a href="/loop/"><text>Loop</text></a><rect></rect></svg></div>
    <figcaption><span class="diagram-caption">First</span><button type="button" class="diagram-open" data-diagram-open hidden>Open full screen</button>
      <details><summary>Text description</summary><p>Words</p></details></figcaption>
  </figure>
  <figure class="diagram" id="second">
    <div class="diagram-canvas" tabindex="0"><svg><rect></rect></svg></div>
    <figcaption><button type="button" class="diagram-open" data-diagram-open hidden>Open full screen</button></figcaption>
  </figure>
  <p id="outside" tabindex="0">Text outside the figures</p>
  <div class="app-status" data-app-status role="status" hidden></div>`;

async function loadSite(html = FIGURES): Promise<void> {
  document.body.replaceChildren(...new DOMParser().parseFromString(html, 'text/html').body.childNodes);
  vi.resetModules();
  await import('./site.ts');
}

const $ = <T extends Element = HTMLElement>(selector: string) => document.querySelector<T>(selector)!;
const canvasOf = (id: string) => $(`#${id} .diagram-canvas`);
const buttonOf = (id: string) => $<HTMLButtonElement>(`#${id} [data-diagram-open]`);
const status = () => $('[data-app-status]');

/** Lets the viewer's import and what follows it settle. */
async function settle(): Promise<void> {
  for (let i = 0; i < 10; i++) await new Promise((resolve) => setTimeout(resolve, 0));
}

function fire(target: Element, type: string): Event {
  const event =
    type === 'click'
      ? new MouseEvent('click', { bubbles: true, cancelable: true })
      : type === 'focusin'
        ? new FocusEvent('focusin', { bubbles: true })
        : new PointerEvent(type, { bubbles: true });
  target.dispatchEvent(event);
  return event;
}

function press(target: Element, key: string): KeyboardEvent {
  const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true });
  target.dispatchEvent(event);
  return event;
}

beforeEach(() => {
  viewerLoads = 0;
  viewerFails = false;
  openDiagram.mockReset().mockResolvedValue(undefined);
  vi.doMock('./search/opener.ts', () => ({}));
  vi.doMock('./study/progress-loader.ts', () => ({}));
  vi.doMock('./diagram-viewer.ts', () => {
    viewerLoads++;
    if (viewerFails) throw new Error('Failed to fetch dynamically imported module');
    return { openDiagram };
  });
  trackWindowListeners();
  const add = document.addEventListener.bind(document);
  vi.spyOn(document, 'addEventListener').mockImplementation((...args: Parameters<Document['addEventListener']>) => {
    if (args[1]) documentListeners.push([args[0], args[1]]);
    add(...args);
  });
  systemDark = Object.assign(new EventTarget(), { matches: false });
  vi.stubGlobal(
    'matchMedia',
    vi.fn((query: string) => (query === '(prefers-color-scheme: dark)' ? systemDark : undefined)),
  );
  storage = fakeStorage();
  vi.stubGlobal('localStorage', storage);
  document.documentElement.dataset.theme = 'light';
  document.documentElement.dataset.base = '/netflix-sd/';
});

afterEach(() => {
  removeWindowListeners();
  for (const [type, listener] of documentListeners.splice(0)) document.removeEventListener(type, listener);
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  vi.unstubAllEnvs();
  vi.doUnmock('./diagram-viewer.ts');
  document.body.replaceChildren();
});

describe('diagrams', () => {
  it('show their "Open full screen" buttons and mark their drawings as openable, without loading the viewer', async () => {
    await loadSite();
    expect([buttonOf('first').hidden, buttonOf('second').hidden]).toEqual([false, false]);
    expect([canvasOf('first').dataset.viewer, canvasOf('second').dataset.viewer]).toEqual(['ready', 'ready']);
    await settle();
    expect(viewerLoads).toBe(0);
  });

  it('load the viewer when the reader points at a diagram or its button, without opening it', async () => {
    await loadSite();
    fire(buttonOf('first'), 'pointerover');
    await settle();
    expect(viewerLoads).toBe(1);
    fire($('#second svg rect'), 'pointerover');
    await settle();
    expect(viewerLoads).toBe(1);
    expect(openDiagram).not.toHaveBeenCalled();
  });

  it('load the viewer when the reader focuses a diagram or its button, without opening it', async () => {
    await loadSite();
    fire(canvasOf('second'), 'focusin');
    await settle();
    expect(viewerLoads).toBe(1);
    fire(buttonOf('first'), 'focusin');
    await settle();
    expect(openDiagram).not.toHaveBeenCalled();
  });

  it('open the viewer on the diagram of the button clicked, with the click that loads it', async () => {
    await loadSite();
    fire(buttonOf('second'), 'click');
    await settle();
    expect(viewerLoads).toBe(1);
    expect(openDiagram).toHaveBeenCalledExactlyOnceWith(canvasOf('second'));
    fire(buttonOf('first'), 'click');
    await settle();
    expect(openDiagram).toHaveBeenLastCalledWith(canvasOf('first'));
  });

  it('open on a click or tap on the drawing, but follow a link in it', async () => {
    await loadSite();
    fire($('#first svg rect'), 'click');
    await settle();
    expect(openDiagram).toHaveBeenCalledExactlyOnceWith(canvasOf('first'));
    fire($('#first svg a text'), 'click');
    await settle();
    expect(openDiagram).toHaveBeenCalledTimes(1);
  });

  it('do not open after a drag that selected text, except from the button', async () => {
    await loadSite();
    vi.stubGlobal('getSelection', () => ({ toString: () => 'Loop' }));
    fire(canvasOf('first'), 'click');
    await settle();
    expect(openDiagram).not.toHaveBeenCalled();
    fire(buttonOf('first'), 'click');
    await settle();
    expect(openDiagram).toHaveBeenCalledExactlyOnceWith(canvasOf('first'));
  });

  it('open on a click where the browser has no selection to report', async () => {
    await loadSite();
    vi.stubGlobal('getSelection', () => null);
    fire(canvasOf('first'), 'click');
    await settle();
    expect(openDiagram).toHaveBeenCalledExactlyOnceWith(canvasOf('first'));
  });

  it('open on Enter or Space on the focused drawing, keeping the key from scrolling the page', async () => {
    await loadSite();
    const enter = press(canvasOf('first'), 'Enter');
    await settle();
    expect(enter.defaultPrevented).toBe(true);
    expect(openDiagram).toHaveBeenCalledExactlyOnceWith(canvasOf('first'));
    const space = press(canvasOf('second'), ' ');
    await settle();
    expect(space.defaultPrevented).toBe(true);
    expect(openDiagram).toHaveBeenLastCalledWith(canvasOf('second'));
  });

  it('leave other keys, and Enter on a link or on the button, to the browser', async () => {
    await loadSite();
    const events = [
      press(canvasOf('first'), 'a'),
      press(canvasOf('first'), 'Tab'),
      press($('#first svg a'), 'Enter'),
      press(buttonOf('first'), 'Enter'),
    ];
    await settle();
    expect(events.map((event) => event.defaultPrevented)).toEqual([false, false, false, false]);
    expect(openDiagram).not.toHaveBeenCalled();
    expect(viewerLoads).toBe(0);
  });

  it('ignore the rest of the figure and the page: the caption, the text description, other elements', async () => {
    await loadSite();
    for (const target of [$('#first .diagram-caption'), $('#first summary'), $('#outside'), document.body]) {
      fire(target, 'pointerover');
      fire(target, 'focusin');
      fire(target, 'click');
      press(target, 'Enter');
    }
    document.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    await settle();
    expect(viewerLoads).toBe(0);
    expect(openDiagram).not.toHaveBeenCalled();
  });

  it('say so when the viewer cannot load on a click, and try again on the next', async () => {
    await loadSite();
    viewerFails = true;
    fire(buttonOf('first'), 'click');
    await settle();
    expect(status().hidden).toBe(false);
    expect(status().textContent).toBe('The full-screen viewer did not load. Check the connection and try again.');
    viewerFails = false;
    fire(buttonOf('first'), 'click');
    await settle();
    expect(viewerLoads).toBe(2);
    expect(openDiagram).toHaveBeenCalledExactlyOnceWith(canvasOf('first'));
  });

  it('stay quiet when a fetch ahead of a click fails, and fetch again on the click', async () => {
    await loadSite();
    viewerFails = true;
    fire(buttonOf('first'), 'pointerover');
    await settle();
    expect(status().hidden).toBe(true);
    expect(status().textContent).toBe('');
    viewerFails = false;
    press(canvasOf('first'), 'Enter');
    await settle();
    expect(openDiagram).toHaveBeenCalledExactlyOnceWith(canvasOf('first'));
  });

  it('leave a page without diagrams alone, and a figure without a button', async () => {
    await loadSite('<figure class="diagram"><div class="diagram-canvas"></div></figure><p>No diagram</p>');
    expect($('.diagram-canvas').dataset.viewer).toBe('ready');
    await loadSite('<figure class="diagram"><button data-diagram-open hidden>Open</button></figure>');
    expect($('[data-diagram-open]').hidden).toBe(false);
    fire($('[data-diagram-open]'), 'click');
    await settle();
    expect(viewerLoads).toBe(0);
  });
});

describe('the theme', () => {
  it('marks the switch pressed when the page starts dark, and not when it starts light', async () => {
    document.documentElement.dataset.theme = 'dark';
    await loadSite();
    expect($('[data-theme-toggle]').getAttribute('aria-pressed')).toBe('true');
    document.documentElement.dataset.theme = 'light';
    await loadSite();
    expect($('[data-theme-toggle]').getAttribute('aria-pressed')).toBe('false');
  });

  it('treats an unknown theme as light', async () => {
    document.documentElement.dataset.theme = 'sepia';
    await loadSite();
    expect(document.documentElement.dataset.theme).toBe('light');
    expect($('[data-theme-toggle]').getAttribute('aria-pressed')).toBe('false');
  });

  it('switches between light and dark, saves the choice and tells the page', async () => {
    await loadSite();
    const changes: unknown[] = [];
    document.addEventListener('themechange', (event) => changes.push((event as CustomEvent).detail));
    $('[data-theme-toggle]').click();
    expect(document.documentElement.dataset.theme).toBe('dark');
    expect($('[data-theme-toggle]').getAttribute('aria-pressed')).toBe('true');
    expect(storage.items.get('theme')).toBe('dark');
    $('[data-theme-toggle]').click();
    expect(document.documentElement.dataset.theme).toBe('light');
    expect($('[data-theme-toggle]').getAttribute('aria-pressed')).toBe('false');
    expect(storage.items.get('theme')).toBe('light');
    expect(changes).toEqual(['dark', 'light']);
  });

  it('still switches for this page when storage refuses the choice', async () => {
    storage.refuse = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    await loadSite();
    $('[data-theme-toggle]').click();
    expect(document.documentElement.dataset.theme).toBe('dark');
  });

  it('follows the system’s theme while the reader has not chosen one', async () => {
    await loadSite();
    const changes: unknown[] = [];
    document.addEventListener('themechange', (event) => changes.push((event as CustomEvent).detail));
    systemDark.dispatchEvent(Object.assign(new Event('change'), { matches: true }));
    expect(document.documentElement.dataset.theme).toBe('dark');
    expect($('[data-theme-toggle]').getAttribute('aria-pressed')).toBe('true');
    systemDark.dispatchEvent(Object.assign(new Event('change'), { matches: false }));
    expect(document.documentElement.dataset.theme).toBe('light');
    expect(changes).toEqual(['dark', 'light']);
  });

  it('keeps the reader’s saved choice when the system’s theme changes', async () => {
    storage.items.set('theme', 'light');
    await loadSite();
    const changes: unknown[] = [];
    document.addEventListener('themechange', (event) => changes.push((event as CustomEvent).detail));
    systemDark.dispatchEvent(Object.assign(new Event('change'), { matches: true }));
    expect(document.documentElement.dataset.theme).toBe('light');
    expect(changes).toEqual([]);
  });

  it('follows the system when storage cannot be read', async () => {
    storage.unreadable = true;
    await loadSite();
    systemDark.dispatchEvent(Object.assign(new Event('change'), { matches: true }));
    expect(document.documentElement.dataset.theme).toBe('dark');
  });

  it('works on a page without the switch', async () => {
    document.documentElement.dataset.theme = 'dark';
    await loadSite('<p>No switch</p>');
    systemDark.dispatchEvent(Object.assign(new Event('change'), { matches: false }));
    expect(document.documentElement.dataset.theme).toBe('light');
  });
});

describe('the offline notice', () => {
  it('says what still works when the page opens offline, and goes away back online', async () => {
    const online = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    await loadSite();
    expect(status().hidden).toBe(false);
    expect(status().textContent).toBe('You are offline. Pages you have opened or saved still open, and search works.');
    expect(status().querySelector('button')).toBeNull();
    online.mockReturnValue(true);
    window.dispatchEvent(new Event('online'));
    expect(status().hidden).toBe(true);
    online.mockReturnValue(false);
    window.dispatchEvent(new Event('offline'));
    expect(status().hidden).toBe(false);
  });

  it('hides a stale notice when the page opens online', async () => {
    await loadSite(FIGURES.replace('role="status" hidden', 'role="status"'));
    expect(status().hidden).toBe(true);
  });

  it('keeps a "new version" offer up when the connection comes back', async () => {
    const online = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    await loadSite();
    status().dataset.kind = 'update';
    online.mockReturnValue(true);
    window.dispatchEvent(new Event('online'));
    expect(status().hidden).toBe(false);
  });

  it('does nothing on a page without the notice', async () => {
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    await loadSite('<p>No notice</p>');
    window.dispatchEvent(new Event('offline'));
    expect(document.body.textContent).toBe('No notice');
  });
});

describe('the service worker (production builds)', () => {
  /** A service worker container and registration to drive by hand. */
  function serviceWorker(options: { controller?: boolean; waiting?: boolean; refuse?: boolean } = {}) {
    const waiting = { postMessage: vi.fn(), state: 'installed' };
    const registration = Object.assign(new EventTarget(), {
      waiting: options.waiting ? waiting : null,
      installing: null as (EventTarget & { state: string; postMessage: ReturnType<typeof vi.fn> }) | null,
    });
    const container = Object.assign(new EventTarget(), {
      controller: options.controller ? {} : null,
      register: vi.fn(() => (options.refuse ? Promise.reject(new Error('SecurityError')) : Promise.resolve(registration))),
    });
    Object.defineProperty(navigator, 'serviceWorker', { value: container, configurable: true });
    return { container, registration, waiting };
  }

  beforeEach(() => {
    vi.stubEnv('PROD', true);
  });
  afterEach(() => {
    delete (navigator as { serviceWorker?: unknown }).serviceWorker;
  });

  const reload = () => [...status().querySelectorAll('button')].find((button) => button.textContent === 'Reload');

  it('registers the worker at the site’s base path, scoped to it', async () => {
    const { container } = serviceWorker();
    await loadSite();
    expect(container.register).toHaveBeenCalledExactlyOnceWith('/netflix-sd/sw.js', { scope: '/netflix-sd/' });
  });

  it('registers at the root when the page names no base path', async () => {
    delete document.documentElement.dataset.base;
    const { container } = serviceWorker();
    await loadSite();
    expect(container.register).toHaveBeenCalledExactlyOnceWith('/sw.js', { scope: '/' });
  });

  it('offers a waiting new version, which takes over and reloads the page only when the reader asks', async () => {
    const { container, waiting } = serviceWorker({ controller: true, waiting: true });
    const reloadPage = vi.fn();
    vi.spyOn(location, 'reload').mockImplementation(reloadPage);
    await loadSite();
    await settle();
    expect(status().hidden).toBe(false);
    expect(status().dataset.kind).toBe('update');
    expect(status().querySelector('span')!.textContent).toBe('A new version of the guide is ready.');
    expect(reload()!.type).toBe('button');
    expect(reload()!.className).toBe('icon-button');
    // Another tab's worker taking over does not reload this page on its own.
    container.dispatchEvent(new Event('controllerchange'));
    expect(reloadPage).not.toHaveBeenCalled();
    reload()!.click();
    expect(waiting.postMessage).toHaveBeenCalledExactlyOnceWith({ type: 'SKIP_WAITING' });
    container.dispatchEvent(new Event('controllerchange'));
    expect(reloadPage).toHaveBeenCalledOnce();
  });

  it('offers nothing on the first visit, when no worker controls the page yet', async () => {
    serviceWorker({ controller: false, waiting: true });
    await loadSite();
    await settle();
    expect(status().hidden).toBe(true);
  });

  it('offers a version found later once it has installed, not before', async () => {
    const { registration } = serviceWorker({ controller: true });
    await loadSite();
    await settle();
    const installing = Object.assign(new EventTarget(), { state: 'installing', postMessage: vi.fn() });
    registration.installing = installing;
    registration.dispatchEvent(new Event('updatefound'));
    installing.dispatchEvent(new Event('statechange'));
    expect(status().hidden).toBe(true);
    installing.state = 'installed';
    installing.dispatchEvent(new Event('statechange'));
    expect(status().hidden).toBe(false);
    reload()!.click();
    expect(installing.postMessage).toHaveBeenCalledExactlyOnceWith({ type: 'SKIP_WAITING' });
  });

  it('takes no notice of an update found with nothing installing', async () => {
    const { registration } = serviceWorker({ controller: true });
    const errors: unknown[] = [];
    window.addEventListener('error', (event) => errors.push(event.error));
    await loadSite();
    await settle();
    registration.dispatchEvent(new Event('updatefound'));
    expect(errors).toEqual([]);
    expect(status().hidden).toBe(true);
  });

  it('offers nothing for a first install found later (no worker controlled the page)', async () => {
    const { registration } = serviceWorker({ controller: false });
    await loadSite();
    await settle();
    const installing = Object.assign(new EventTarget(), { state: 'installed', postMessage: vi.fn() });
    registration.installing = installing;
    registration.dispatchEvent(new Event('updatefound'));
    installing.dispatchEvent(new Event('statechange'));
    expect(status().hidden).toBe(true);
  });

  it('keeps working when the browser refuses the worker', async () => {
    const { container } = serviceWorker({ refuse: true });
    await loadSite();
    await settle();
    expect(container.register).toHaveBeenCalledOnce();
    expect(status().hidden).toBe(true);
  });

  it('is not registered by a browser without service workers', async () => {
    await loadSite();
    expect(status().hidden).toBe(true);
    expect(buttonOf('first').hidden).toBe(false);
  });

  it('is not registered outside a production build', async () => {
    vi.stubEnv('PROD', false);
    const { container } = serviceWorker();
    await loadSite();
    expect(container.register).not.toHaveBeenCalled();
  });
});
