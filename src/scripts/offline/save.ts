/**
 * The "Save for offline" island (src/components/site/SaveOffline.astro): on first use, fetches
 * the list of what can be saved, shows each choice with its download size and the storage used and
 * free, and downloads a choice into the caches the service worker reads (scripts/build-sw.ts),
 * with a progress bar. Sizes and plans are worked out in src/lib/offline.ts.
 */
import { OFFLINE_MANIFEST_FILE, formatBytes, offlineCacheNames, planSave, sectionKey, type OfflineManifest } from '../../lib/offline.ts';

const base = document.documentElement.dataset.base ?? '/';
const names = offlineCacheNames(base);
/** Downloads at once: enough to fill the connection, few enough not to starve the page. */
const PARALLEL = 4;

let manifestPromise: Promise<OfflineManifest> | undefined;
function loadManifest(): Promise<OfflineManifest> {
  manifestPromise ??= fetch(`${base}${OFFLINE_MANIFEST_FILE}`).then(async (response) => {
    if (!response.ok) throw new Error(`The list of pages to save did not load (HTTP ${response.status}).`);
    const data = (await response.json()) as Partial<OfflineManifest>;
    if (data.version !== 1 || !Array.isArray(data.sections) || typeof data.assets !== 'object') {
      throw new Error('The list of pages to save is from another version of the site. Reload the page and try again.');
    }
    return data as OfflineManifest;
  });
  manifestPromise.catch(() => {
    manifestPromise = undefined;
  });
  return manifestPromise;
}

/** Addresses (paths) already stored by visits or earlier saves. */
async function cachedPaths(): Promise<Set<string>> {
  const paths = new Set<string>();
  for (const name of [names.pages, names.assets, names.files]) {
    const cache = await caches.open(name);
    for (const request of await cache.keys()) paths.add(new URL(request.url).pathname);
  }
  return paths;
}

async function storageLine(): Promise<string> {
  if (!navigator.storage?.estimate) return 'This browser does not say how much storage it has left.';
  const { usage = 0, quota = 0 } = await navigator.storage.estimate();
  const kept = (await navigator.storage.persisted?.()) ? ' The browser keeps saved pages until you clear the site data.' : '';
  return `Storage used by this site on this device: ${formatBytes(usage)}; free: ${formatBytes(Math.max(0, quota - usage))}.${kept}`;
}

interface Choice {
  label: string;
  keys: string[] | 'all';
}

function sizeMap(manifest: OfflineManifest): Map<string, number> {
  const sizes = new Map(Object.entries(manifest.assets));
  for (const section of manifest.sections) for (const page of section.pages) sizes.set(page.url, page.bytes);
  return sizes;
}

/** Downloads into the service worker's caches, a few at a time; reports progress in bytes. */
async function download(
  urls: readonly string[],
  sizes: Map<string, number>,
  progress: (doneBytes: number, doneFiles: number) => void,
): Promise<string[]> {
  const [pages, assets, files] = await Promise.all([caches.open(names.pages), caches.open(names.assets), caches.open(names.files)]);
  // Each file goes where the service worker looks for it: pages, hashed scripts, and other files
  // (a page's search fragment, which gives its results excerpts offline; mermaid's browser build
  // under vendor/, which draws a page's browser-drawn diagrams offline).
  const cacheFor = (url: string) => (url.includes('/_astro/') ? assets : /\/(?:pagefind|vendor)\//.test(url) ? files : pages);
  const failed: string[] = [];
  let next = 0;
  let doneBytes = 0;
  let doneFiles = 0;
  async function worker(): Promise<void> {
    while (next < urls.length) {
      const url = urls[next++]!;
      try {
        await cacheFor(url).add(url);
      } catch {
        failed.push(url);
      }
      doneBytes += sizes.get(url) ?? 0;
      doneFiles += 1;
      progress(doneBytes, doneFiles);
    }
  }
  await Promise.all(Array.from({ length: Math.min(PARALLEL, urls.length) }, worker));
  return failed;
}

export function initSaveOffline(island: HTMLElement): void {
  const scope = island.dataset.scope as 'all' | 'section' | 'current';
  const unsupported = island.querySelector<HTMLElement>('[data-save-unsupported]')!;
  const start = island.querySelector<HTMLElement>('[data-save-start]')!;
  const open = island.querySelector<HTMLButtonElement>('[data-save-open]')!;
  const panel = island.querySelector<HTMLElement>('[data-save-panel]')!;
  const bar = island.querySelector<HTMLProgressElement>('[data-save-progress]')!;
  const status = island.querySelector<HTMLElement>('[data-save-status]')!;
  if (!('serviceWorker' in navigator) || !('caches' in window) || import.meta.env.DEV) return;
  unsupported.hidden = true;
  start.hidden = false;
  let busy = false;

  const reflectConnection = () => {
    open.disabled = busy || !navigator.onLine;
    // A choice with nothing left to download (data-saved) stays disabled whatever the connection.
    for (const button of panel.querySelectorAll<HTMLButtonElement>('button'))
      button.disabled = busy || !navigator.onLine || button.dataset.saved !== undefined;
    if (!navigator.onLine && !busy)
      status.textContent = 'You are offline. Back online, save this section or the whole site so it opens offline next time.';
    else if (status.dataset.kind === 'offline') status.textContent = '';
    status.dataset.kind = navigator.onLine ? '' : 'offline';
  };
  addEventListener('online', reflectConnection);
  addEventListener('offline', reflectConnection);
  reflectConnection();

  function choices(manifest: OfflineManifest): Choice[] {
    const whole: Choice = { label: 'The whole site', keys: 'all' };
    if (scope === 'section') {
      const key = island.dataset.section!;
      return [{ label: manifest.sections.find((s) => s.key === key)?.label ?? key, keys: [key] }];
    }
    if (scope === 'current') {
      const key = sectionKey(location.pathname.startsWith(base) ? location.pathname.slice(base.length - 1) : location.pathname);
      const section = manifest.sections.find((s) => s.key === key);
      return section ? [{ label: `This section: ${section.label}`, keys: [key] }, whole] : [whole];
    }
    return [...manifest.sections.map((s) => ({ label: s.label, keys: [s.key] })), whole];
  }

  async function render(): Promise<void> {
    const [manifest, cached, storage] = await Promise.all([loadManifest(), cachedPaths(), storageLine()]);
    const table = document.createElement('table');
    const head = table.createTHead().insertRow();
    for (const heading of ['Save', 'Pages on this device', 'To download', 'Action']) {
      const cell = document.createElement('th');
      cell.scope = 'col';
      cell.textContent = heading;
      if (heading === 'Action') cell.className = 'sr-only';
      head.append(cell);
    }
    const body = table.createTBody();
    for (const choice of choices(manifest)) {
      const plan = planSave(manifest, choice.keys, cached);
      const row = body.insertRow();
      row.insertCell().textContent = choice.label;
      row.insertCell().textContent = `${plan.cachedPages} of ${plan.totalPages}`;
      row.insertCell().textContent = plan.urls.length === 0 ? 'nothing: all saved' : formatBytes(plan.bytes);
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'icon-button';
      button.textContent = plan.urls.length === 0 ? 'Saved' : `Save (${formatBytes(plan.bytes)})`;
      button.setAttribute('aria-label', `Save ${choice.label.replace(/^This section: /, '')} for offline, ${formatBytes(plan.bytes)}`);
      // Stryker disable next-line StringLiteral: only the attribute's presence is looked up
      if (plan.urls.length === 0) button.dataset.saved = '';
      button.addEventListener('click', () => void save(choice, manifest, plan.urls, plan.bytes));
      row.insertCell().append(button);
    }
    const note = document.createElement('p');
    note.textContent = storage;
    panel.replaceChildren(note, table);
    panel.hidden = false;
    start.hidden = true;
    reflectConnection();
  }

  async function save(choice: Choice, manifest: OfflineManifest, urls: readonly string[], total: number): Promise<void> {
    busy = true;
    reflectConnection();
    // Ask the browser to keep what is saved under storage pressure; it may decide by itself.
    // Stryker disable next-line ArrowFunction,BooleanLiteral: the answer is not used, only the rejection is swallowed
    await navigator.storage?.persist?.().catch(() => false);
    bar.hidden = false;
    bar.max = Math.max(total, 1);
    bar.value = 0;
    const name = choice.label.replace(/^This section: /, '');
    const failed = await download(urls, sizeMap(manifest), (bytes, files) => {
      bar.value = bytes;
      status.textContent = `Saving ${name}: ${files} of ${urls.length} files, ${formatBytes(bytes)} of ${formatBytes(total)}.`;
    });
    busy = false;
    bar.hidden = true;
    await render();
    status.textContent =
      failed.length === 0
        ? `Saved ${name}: it opens offline on this device.`
        : `${failed.length} of ${urls.length} files could not be downloaded (the first: ${failed[0]}). What was saved stays; check the connection and save again.`;
  }

  open.addEventListener('click', () => {
    status.textContent = 'Working out what to download…';
    render()
      .then(() => {
        // Stryker disable next-line OptionalChaining: an element's textContent is never null
        if (status.textContent?.startsWith('Working out')) status.textContent = '';
      })
      .catch((error: unknown) => {
        status.textContent = `Saving for offline is not available: ${(error as Error).message}`;
      });
  });
}
