/**
 * The only script every page runs: the theme switch, the search opener, and the offline
 * service worker with its "new version" and "offline" notices. Search itself (the dialog in
 * search/search-dialog.ts and Pagefind's engine) loads on intent, see search/opener.ts;
 * study progress (the "Mark as studied" switch, checklists, studied marks in the sidebar) loads
 * when saved data or the reader's first use calls for it, see study/progress-loader.ts.
 */
import './search/opener.ts';
import './study/progress-loader.ts';

const root = document.documentElement;

// ---- Diagrams ---------------------------------------------------------------------------------
// The full-screen viewer (diagram-viewer.ts) loads on intent: pointing at or focusing a diagram or
// its "Open full screen" button fetches it; a click on either, or Enter or Space on the focused
// diagram, opens it (the first one once the code has arrived). A click on a link in a diagram is
// followed instead. The button is in the page from the server, hidden until this script runs, so
// a reader without scripts never sees a button that does nothing.
let viewer: Promise<typeof import('./diagram-viewer.ts')> | undefined;
function diagramIntent(event: Event): void {
  const target = event.target as Element;
  const canvas = target.closest?.('figure.diagram')?.querySelector<HTMLElement>('.diagram-canvas');
  if (!canvas) return;
  const onButton = target.closest('[data-diagram-open]');
  if (!onButton && !canvas.contains(target)) return;
  const opens = event.type === 'click' || event.type === 'keydown';
  if (event instanceof KeyboardEvent) {
    if (target !== canvas || (event.key !== 'Enter' && event.key !== ' ')) return;
    event.preventDefault();
  } else if (opens && !onButton && (target.closest('a') || getSelection()?.toString())) {
    // A link in the drawing is followed; a drag that selected text (or scrolled sideways) is not a tap.
    return;
  }
  viewer ??= import('./diagram-viewer.ts');
  viewer.then(
    (module) => {
      if (opens) void module.openDiagram(canvas);
    },
    () => {
      viewer = undefined;
      if (opens) showStatus('The full-screen viewer did not load. Check the connection and try again.');
    },
  );
}
for (const type of ['pointerover', 'focusin', 'click', 'keydown']) document.addEventListener(type, diagramIntent);
for (const figure of document.querySelectorAll('figure.diagram')) {
  figure.querySelector<HTMLElement>('[data-diagram-open]')?.removeAttribute('hidden');
  figure.querySelector<HTMLElement>('.diagram-canvas')?.setAttribute('data-viewer', 'ready');
}

// ---- Theme -----------------------------------------------------------------------------------
const toggle = document.querySelector<HTMLButtonElement>('[data-theme-toggle]');

function applyTheme(theme: 'light' | 'dark'): void {
  root.dataset.theme = theme;
  toggle?.setAttribute('aria-pressed', String(theme === 'dark'));
}

function savedTheme(): string | null {
  let theme: string | null = null;
  try {
    theme = localStorage.getItem('theme');
  } catch {
    // Storage that cannot be read holds no choice.
  }
  return theme;
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

// ---- Offline use -------------------------------------------------------------------------------
const appStatus = document.querySelector<HTMLElement>('[data-app-status]');

function showStatus(message: string, action?: { label: string; run: () => void }): void {
  if (!appStatus) return;
  const text = document.createElement('span');
  text.textContent = message;
  appStatus.replaceChildren(text);
  // Only the "new version" offer has an action; the connection coming back leaves it up.
  if (action) {
    appStatus.dataset.kind = 'update';
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
  else if (appStatus && appStatus.dataset.kind !== 'update') appStatus.hidden = true;
}
addEventListener('offline', showConnection);
addEventListener('online', showConnection);
showConnection();

// Only a production build has a service worker (the build writes sw.js after Astro); the dev
// server would answer every registration with a 404. The worker stores the page that installed
// it when it starts (storeScript in scripts/build-sw.ts), so the first page opens offline too.
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  const base = root.dataset.base ?? '/';
  let updating = false;
  const offerUpdate = (worker: ServiceWorker) => {
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
