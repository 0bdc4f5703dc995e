/**
 * Loads the "Save for offline" island's code (save.ts, with the size and download logic) on the
 * reader's intent: pointing at, focusing or pressing its button; at once on the offline page and
 * when the browser is offline (the island then says why it cannot save). The button is shown
 * here, as save.ts would show it, so nothing moves when the code arrives.
 */
export function saveSupported(): boolean {
  return 'serviceWorker' in navigator && 'caches' in window && !import.meta.env.DEV;
}

for (const island of document.querySelectorAll<HTMLElement>('[data-save-offline]')) {
  const open = island.querySelector<HTMLButtonElement>('[data-save-open]');
  if (!saveSupported() || !open) continue;
  // Stryker disable next-line OptionalChaining: SaveOffline.astro always renders both parts
  island.querySelector<HTMLElement>('[data-save-unsupported]')?.setAttribute('hidden', '');
  // Stryker disable next-line OptionalChaining: as above
  island.querySelector<HTMLElement>('[data-save-start]')?.removeAttribute('hidden');

  let loading: Promise<void> | undefined;
  const load = () =>
    (loading ??= import('./save.ts')
      .then(({ initSaveOffline }) => initSaveOffline(island))
      .catch((error: unknown) => {
        loading = undefined;
        const status = island.querySelector<HTMLElement>('[data-save-status]');
        if (status)
          status.textContent = `Saving for offline did not load: ${(error as Error).message}. Check the connection and try again.`;
        throw error;
      }));
  const firstPress = (event: Event) => {
    event.stopImmediatePropagation();
    open.removeEventListener('click', firstPress);
    load().then(
      () => open.click(),
      () => open.addEventListener('click', firstPress),
    );
  };
  if (island.dataset.scope === 'current' || !navigator.onLine) void load().catch(() => undefined);
  else {
    open.addEventListener('click', firstPress);
    for (const intent of ['pointerenter', 'focus'] as const)
      open.addEventListener(intent, () => void load().catch(() => undefined), { once: true });
  }
}
