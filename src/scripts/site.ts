/**
 * The only script every page runs: the theme switch, the search opener, and the offline
 * service worker with its "new version" and "offline" notices. Search itself (Pagefind's
 * Component UI) loads on first use; study-progress code is a separate script on the pages that
 * track progress (StudyProgress.astro).
 */
import { offlineCacheNames } from '../lib/offline.ts';

const root = document.documentElement;

// ---- Theme -----------------------------------------------------------------------------------
// The full-screen diagram viewer is fetched only on pages that have a diagram.
if (document.querySelector('figure.diagram')) void import('./diagram-viewer.ts');

const toggle = document.querySelector<HTMLButtonElement>('[data-theme-toggle]');

function applyTheme(theme: 'light' | 'dark'): void {
  root.dataset.theme = theme;
  root.dataset.pfTheme = theme;
  toggle?.setAttribute('aria-pressed', String(theme === 'dark'));
}

function savedTheme(): string | null {
  try {
    return localStorage.getItem('theme');
  } catch {
    return null;
  }
}

applyTheme(root.dataset.theme === 'dark' ? 'dark' : 'light');
toggle?.addEventListener('click', () => {
  const next = root.dataset.theme === 'dark' ? 'light' : 'dark';
  try {
    localStorage.setItem('theme', next);
  } catch {
    // Private browsing without storage: the switch still works for this page.
  }
  applyTheme(next);
  document.dispatchEvent(new CustomEvent('themechange', { detail: next }));
});
matchMedia('(prefers-color-scheme: dark)').addEventListener('change', (event) => {
  if (savedTheme()) return;
  applyTheme(event.matches ? 'dark' : 'light');
  document.dispatchEvent(new CustomEvent('themechange', { detail: root.dataset.theme }));
});

// ---- Search ----------------------------------------------------------------------------------
type SearchModal = HTMLElement & { open(): void };
let searchReady: Promise<SearchModal> | undefined;

function loadSearch(): Promise<SearchModal> {
  searchReady ??= new Promise<void>((resolve, reject) => {
    const template = document.getElementById('search-template') as HTMLTemplateElement | null;
    if (!template) return reject(new Error('The search template is missing from the page.'));
    const bundle = template.dataset.bundle ?? '/pagefind/';
    for (const href of [`${bundle}pagefind-component-ui.css`, `${root.dataset.base ?? '/'}styles/search.css`]) {
      const stylesheet = document.createElement('link');
      stylesheet.rel = 'stylesheet';
      stylesheet.href = href;
      document.head.append(stylesheet);
    }
    document.body.append(template.content.cloneNode(true));
    const script = document.createElement('script');
    script.src = `${bundle}pagefind-component-ui.js`;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error('Search could not load. If you are offline, open this site once online first.'));
    document.head.append(script);
  })
    .then(() => customElements.whenDefined('pagefind-modal'))
    .then(() => document.querySelector('pagefind-modal') as SearchModal);
  searchReady.catch(() => {
    searchReady = undefined;
  });
  return searchReady;
}

async function openSearch(): Promise<void> {
  try {
    (await loadSearch()).open();
  } catch (error) {
    const status = document.getElementById('search-status');
    if (status) status.textContent = (error as Error).message;
  }
}

for (const button of document.querySelectorAll('[data-search-open]')) {
  button.addEventListener('click', () => void openSearch());
}

document.addEventListener('keydown', (event) => {
  const target = event.target as HTMLElement | null;
  const typing = target?.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]');
  const modifier = event.metaKey || event.ctrlKey;
  if (modifier && !event.altKey && event.key.toLowerCase() === 'k') {
    event.preventDefault();
    void openSearch();
  } else if (event.key === '/' && !typing && !modifier && !event.altKey) {
    event.preventDefault();
    void openSearch();
  }
});

// ---- Offline use -------------------------------------------------------------------------------
const appStatus = document.querySelector<HTMLElement>('[data-app-status]');

function showStatus(message: string, action?: { label: string; run: () => void }): void {
  if (!appStatus) return;
  const text = document.createElement('span');
  text.textContent = message;
  appStatus.replaceChildren(text);
  if (action) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'icon-button';
    button.textContent = action.label;
    button.addEventListener('click', action.run);
    appStatus.append(button);
  }
  appStatus.hidden = false;
}

function showConnection(): void {
  if (!navigator.onLine) showStatus('You are offline. Pages you have opened or saved still open, and search works.');
  else if (appStatus?.dataset.kind !== 'update') appStatus?.setAttribute('hidden', '');
}
addEventListener('offline', showConnection);
addEventListener('online', showConnection);
showConnection();

/**
 * Stores the page being read in the service worker's page cache (scripts/build-sw.ts), so the
 * first page of a visit opens offline too. Later pages are stored by the worker as they load.
 */
async function storeThisPage(base: string): Promise<void> {
  if (!('caches' in window)) return;
  const cache = await caches.open(offlineCacheNames(base).pages);
  const url = location.pathname;
  if (!(await cache.match(url, { ignoreSearch: true }))) await cache.add(url).catch(() => undefined);
}

// Only a production build has a service worker (the build writes sw.js after Astro); the dev
// server would answer every registration with a 404.
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  const base = root.dataset.base ?? '/';
  let updating = false;
  const offerUpdate = (worker: ServiceWorker) => {
    if (appStatus) appStatus.dataset.kind = 'update';
    showStatus('A new version of the guide is ready.', {
      label: 'Reload',
      run: () => {
        updating = true;
        worker.postMessage({ type: 'SKIP_WAITING' });
      },
    });
  };
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (updating) location.reload();
  });
  navigator.serviceWorker
    .register(`${base}sw.js`, { scope: base })
    .then((registration) => {
      // The page that installed the worker loaded before it: store it as later visits are.
      void navigator.serviceWorker.ready.then(() => storeThisPage(base));
      if (registration.waiting && navigator.serviceWorker.controller) offerUpdate(registration.waiting);
      registration.addEventListener('updatefound', () => {
        const installing = registration.installing;
        installing?.addEventListener('statechange', () => {
          if (installing.state === 'installed' && navigator.serviceWorker.controller) offerUpdate(installing);
        });
      });
    })
    .catch(() => {
      // The browser refused the service worker: the site still works online.
    });
}
