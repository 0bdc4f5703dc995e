import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILD_CACHE_ROOT, buildCacheDir } from './build-cache.ts';

describe('the build caches', () => {
  it('live under node_modules/.cache/netflix-loop-guide/ in the project', () => {
    expect(BUILD_CACHE_ROOT).toBe(path.join('node_modules', '.cache', 'netflix-loop-guide'));
    expect(buildCacheDir('diagrams', {})).toBe(path.join(process.cwd(), 'node_modules', '.cache', 'netflix-loop-guide', 'diagrams'));
    expect(buildCacheDir('diagram-parses', { BUILD_CACHE: 'on' })).toBe(
      path.join(process.cwd(), 'node_modules', '.cache', 'netflix-loop-guide', 'diagram-parses'),
    );
  });

  it('are off with BUILD_CACHE=off (mutation tests)', () => {
    expect(buildCacheDir('diagrams', { BUILD_CACHE: 'off' })).toBeUndefined();
  });
});
