/**
 * Offline reading, shared by the service worker build (scripts/build-sw.ts) and the page scripts
 * (src/scripts/site.ts, src/scripts/offline/save.ts): the cache names, the list of what "Save for
 * offline" can download (written by the build as offline-manifest.json), and the sums the save
 * island shows before it starts.
 */

/** The file the build writes at the site root; the save island fetches it when used. */
export const OFFLINE_MANIFEST_FILE = 'offline-manifest.json';

/** The page the service worker answers with when a page is neither cached nor reachable. */
export const OFFLINE_PAGE = 'offline/index.html';

/**
 * Cache Storage names. Several sites can share an origin (GitHub Pages project sites), so the
 * names carry the base path.
 */
export function offlineCacheNames(base: string): { pages: string; assets: string; files: string } {
  return { pages: `loop-guide-pages:${base}`, assets: `loop-guide-assets:${base}`, files: `loop-guide-files:${base}` };
}

/** One page "Save for offline" can download. */
export interface OfflinePage {
  /** The page's address, base path included, with a trailing slash. */
  url: string;
  /** What the server sends for it, gzip. */
  bytes: number;
  /** Files beyond the precached app shell the page needs (browser-drawn diagrams), by address. */
  assets: string[];
}

/** A section of the site, saved as one. */
export interface OfflineSection {
  /** The first path segment of its pages ("prompts"), or "home" for pages at the site root. */
  key: string;
  label: string;
  pages: OfflinePage[];
}

export interface OfflineManifest {
  /** Bumped when the format changes. */
  version: 1;
  sections: OfflineSection[];
  /** Every asset some page needs, by address, with its gzip size. */
  assets: Record<string, number>;
}

/** The section a site path (without the base) belongs to: its first segment, "home" at the root. */
export function sectionKey(sitePath: string): string {
  // Stryker disable next-line StringLiteral: split always returns a first element, so the fallback never applies.
  const first = sitePath.replace(/^\/+/, '').split('/')[0] ?? '';
  return first === '' || first.endsWith('.html') ? 'home' : first;
}

/** What saving costs: pages and assets not cached yet, each asset counted once. */
export interface SavePlan {
  urls: string[];
  bytes: number;
  /** Pages already on this device. */
  cachedPages: number;
  totalPages: number;
}

/**
 * The downloads that saving these sections needs, given what is already cached (a set of
 * addresses). An asset shared by several pages is downloaded and counted once.
 */
export function planSave(manifest: OfflineManifest, sectionKeys: readonly string[] | 'all', cached: ReadonlySet<string>): SavePlan {
  const sections = sectionKeys === 'all' ? manifest.sections : manifest.sections.filter((s) => sectionKeys.includes(s.key));
  if (sectionKeys !== 'all') {
    const unknown = sectionKeys.filter((key) => !manifest.sections.some((s) => s.key === key));
    if (unknown.length > 0) {
      throw new Error(
        `No section "${unknown.join('", "')}" in ${OFFLINE_MANIFEST_FILE}. Sections: ${manifest.sections.map((s) => s.key).join(', ')}.`,
      );
    }
  }
  const urls: string[] = [];
  const seen = new Set<string>();
  let bytes = 0;
  let cachedPages = 0;
  let totalPages = 0;
  for (const section of sections) {
    for (const page of section.pages) {
      totalPages += 1;
      if (cached.has(page.url)) cachedPages += 1;
      else if (!seen.has(page.url)) {
        seen.add(page.url);
        urls.push(page.url);
        bytes += page.bytes;
      }
      for (const asset of page.assets) {
        if (seen.has(asset) || cached.has(asset)) continue;
        const size = manifest.assets[asset];
        if (size === undefined)
          throw new Error(`${OFFLINE_MANIFEST_FILE}: page ${page.url} needs ${asset}, which is not in its asset list.`);
        seen.add(asset);
        urls.push(asset);
        bytes += size;
      }
    }
  }
  return { urls, bytes, cachedPages, totalPages };
}

/** "1.2 MB", "340 KB", "12 bytes": sizes as the save island shows them. */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) throw new Error(`formatBytes: ${bytes} is not a size in bytes.`);
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  if (bytes < 1024 * 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${(bytes / 1024 / 1024 / 1024).toFixed(1)} GB`;
}
