/**
 * Saving for offline at its edges: cache names per site on a shared origin, a page listed in two
 * selected sections downloaded once, and the message for several unknown sections.
 */
import { describe, expect, it } from 'vitest';
import { offlineCacheNames, planSave, type OfflineManifest } from './offline.ts';

describe('offline saving at its edges', () => {
  it('names every cache after the base path, so two sites on one origin keep apart', () => {
    expect(offlineCacheNames('/netflix-sd/')).toEqual({
      pages: 'loop-guide-pages:/netflix-sd/',
      assets: 'loop-guide-assets:/netflix-sd/',
      files: 'loop-guide-files:/netflix-sd/',
    });
  });

  const manifest: OfflineManifest = {
    version: 1,
    sections: [
      { key: 'home', label: 'Home', pages: [{ url: '/b/', bytes: 100, assets: [] }] },
      {
        key: 'loop',
        label: 'The loop',
        pages: [
          { url: '/b/', bytes: 100, assets: [] },
          { url: '/b/loop/', bytes: 50, assets: [] },
        ],
      },
    ],
    assets: {},
  };

  it('downloads and counts a page listed in two selected sections once', () => {
    expect(planSave(manifest, 'all', new Set())).toEqual({ urls: ['/b/', '/b/loop/'], bytes: 150, cachedPages: 0, totalPages: 3 });
  });

  it('names every unknown section, and the sections there are', () => {
    expect(() => planSave(manifest, ['stack', 'culture'], new Set())).toThrow(
      'No section "stack", "culture" in offline-manifest.json. Sections: home, loop.',
    );
  });
});
