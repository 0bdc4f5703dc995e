/**
 * Loads the progress code (page-progress.ts: the "Mark as studied" switch and checklists;
 * sidebar-progress.ts: studied marks in the sidebar) only when a page needs it, so a first-time
 * reader does not download it with every page:
 * - at once when this device has saved study data (the switch and the marks must show it), when
 *   the page has checklists (they become checkboxes), or when another tab saves study data;
 * - otherwise when the reader points at or focuses a "Mark as studied" switch, or presses it.
 * A press before the code has arrived, whichever way it is loading, takes effect once it has.
 * The switch is rendered on the server as it reads with no saved data ("Mark as studied", not
 * pressed), so nothing moves when the code arrives.
 */
import { STORAGE_KEY } from './storage-key.ts';

/** Whether this device has study data saved (readable or not: the store deals with either). */
export function hasSavedStudy(storage: Pick<Storage, 'getItem'> | undefined): boolean {
  try {
    // Stryker disable next-line OptionalChaining: without storage the call throws, and the catch answers false too
    return storage?.getItem(STORAGE_KEY) != null;
  } catch {
    return false;
  }
}

let loading: Promise<unknown> | undefined;
/** Starts the progress code once; resolves when it has drawn the saved state and listens. */
export function loadProgress(): Promise<unknown> {
  loading ??= Promise.all([import('./page-progress.ts'), import('./sidebar-progress.ts')]);
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}

const storage = (() => {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
})();
const switches = [...document.querySelectorAll<HTMLButtonElement>('[data-study-toggle] button')];
const tracked = switches.length > 0 || document.querySelector('.sidebar a[data-study-key]') !== null;

if (tracked) {
  // Until the code has loaded, a press is held, the code loaded, and the press replayed: the
  // loaded switch handles it as its own. This holds when the code loads at once too: a reader
  // who presses before it has arrived (a slow phone, a busy network) must not lose the press.
  const listen = () => switches.forEach((button) => button.addEventListener('click', firstUse));
  const stopListening = () => switches.forEach((button) => button.removeEventListener('click', firstUse));
  const firstUse = (event: Event) => {
    const button = event.currentTarget as HTMLButtonElement;
    event.stopImmediatePropagation();
    stopListening();
    loadProgress().then(
      () => button.click(),
      () => {
        // Stryker disable next-line OptionalChaining: a switch's button always sits in its box
        const status = button.parentElement?.querySelector('[data-study-status]');
        if (status) status.textContent = 'Not saved: the progress code did not load. Check the connection and press again.';
        listen();
      },
    );
  };
  listen();
  /** Loads the code ahead of a press; once it runs, presses go straight to it. */
  const loadAhead = () => void loadProgress().then(stopListening, () => undefined);
  if (hasSavedStudy(storage) || document.querySelector('[data-checklist]')) loadAhead();
  else {
    // Pointing at or focusing a switch fetches the code ahead of the press.
    for (const button of switches) {
      for (const intent of ['pointerenter', 'focus'] as const) button.addEventListener(intent, loadAhead, { once: true });
    }
    addEventListener('storage', (event) => {
      if (event.key === STORAGE_KEY) loadAhead();
    });
  }
}
