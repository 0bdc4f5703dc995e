import { describe, expect, it } from 'vitest';
import { formatBytes, offlineCacheNames, planSave, sectionKey, type OfflineManifest } from './offline.ts';

const manifest: OfflineManifest = {
  version: 1,
  sections: [
    { key: 'home', label: 'Home and site pages', pages: [{ url: '/b/', bytes: 100, assets: [] }] },
    {
      key: 'prompts',
      label: 'Design prompts',
      pages: [
        { url: '/b/prompts/feed/', bytes: 300, assets: ['/b/_astro/mermaid.js', '/b/_astro/dagre.js'] },
        { url: '/b/prompts/chat/', bytes: 200, assets: ['/b/_astro/mermaid.js'] },
      ],
    },
  ],
  assets: { '/b/_astro/mermaid.js': 5000, '/b/_astro/dagre.js': 700 },
};

describe('planSave', () => {
  it('counts each page and each shared asset once', () => {
    expect(planSave(manifest, ['prompts'], new Set())).toEqual({
      urls: ['/b/prompts/feed/', '/b/_astro/mermaid.js', '/b/_astro/dagre.js', '/b/prompts/chat/'],
      bytes: 300 + 5000 + 700 + 200,
      cachedPages: 0,
      totalPages: 2,
    });
  });

  it('skips what is already on the device', () => {
    const plan = planSave(manifest, 'all', new Set(['/b/prompts/feed/', '/b/_astro/mermaid.js']));
    expect(plan.urls).toEqual(['/b/', '/b/_astro/dagre.js', '/b/prompts/chat/']);
    expect(plan.bytes).toBe(100 + 700 + 200);
    expect(plan).toMatchObject({ cachedPages: 1, totalPages: 3 });
  });

  it('names an unknown section and the ones that exist', () => {
    expect(() => planSave(manifest, ['stack'], new Set())).toThrow('No section "stack" in offline-manifest.json. Sections: home, prompts.');
  });

  it('refuses a page that needs an asset the list lacks', () => {
    const broken: OfflineManifest = { ...manifest, assets: {} };
    expect(() => planSave(broken, ['prompts'], new Set())).toThrow('page /b/prompts/feed/ needs /b/_astro/mermaid.js');
  });
});

describe('sectionKey', () => {
  it('is the first path segment, or home at the root', () => {
    expect(sectionKey('/prompts/feed/')).toBe('prompts');
    expect(sectionKey('/')).toBe('home');
    expect(sectionKey('/404.html')).toBe('home');
    expect(sectionKey('/system-design/anatomy/')).toBe('system-design');
  });
});

describe('formatBytes and cache names', () => {
  it('writes sizes as people read them', () => {
    expect(formatBytes(12)).toBe('12 bytes');
    expect(formatBytes(340 * 1024)).toBe('340 KB');
    expect(formatBytes(1.25 * 1024 * 1024)).toBe('1.3 MB');
    expect(() => formatBytes(-1)).toThrow('-1 is not a size in bytes');
  });

  it('keeps two sites on one origin apart', () => {
    expect(offlineCacheNames('/a/').pages).not.toBe(offlineCacheNames('/b/').pages);
  });
});
