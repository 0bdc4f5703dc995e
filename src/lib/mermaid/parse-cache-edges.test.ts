/**
 * The parse cache's edges: a remembered verdict belongs to one mermaid version (an upgrade parses
 * every diagram again), one file per accepted source, and a cache that cannot be written only
 * costs speed.
 */
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';

const SOURCE = 'flowchart LR\n  A --> B';

/** A project folder whose node_modules holds mermaid at `version` (none: no mermaid package). */
function project(version?: string): string {
  const root = mkdtempSync(path.join(tmpdir(), 'parse-cache-project-'));
  if (version) {
    mkdirSync(path.join(root, 'node_modules', 'mermaid'), { recursive: true });
    writeFileSync(path.join(root, 'node_modules', 'mermaid', 'package.json'), JSON.stringify({ name: 'mermaid', version }));
  }
  return root;
}

/** parse-cache.ts as a new process would load it, run from `root`. */
async function cacheIn(root: string) {
  vi.resetModules();
  vi.spyOn(process, 'cwd').mockReturnValue(root);
  return import('./parse-cache.ts');
}

describe('the parse cache across mermaid versions', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllEnvs();
  });

  it('forgets every remembered source when mermaid is upgraded, and knows them again on the old version', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'parses-'));
    const v1 = project('11.0.0');
    const v2 = project('11.1.0');
    (await cacheIn(v1)).rememberParsed(SOURCE, dir);
    expect((await cacheIn(v1)).parsedBefore(SOURCE, dir)).toBe(true);
    expect((await cacheIn(v2)).parsedBefore(SOURCE, dir)).toBe(false);
    expect((await cacheIn(v1)).parsedBefore(SOURCE, dir)).toBe(true);
  });

  it('without a readable mermaid package, keeps one stable key per source', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'parses-'));
    (await cacheIn(project())).rememberParsed(SOURCE, dir);
    expect((await cacheIn(project())).parsedBefore(SOURCE, dir)).toBe(true);
    expect((await cacheIn(project('11.0.0'))).parsedBefore(SOURCE, dir)).toBe(false);
  });

  it('reads the version once per process, so one run never mixes two versions', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'parses-'));
    const cache = await cacheIn(project('11.0.0'));
    cache.rememberParsed(SOURCE, dir);
    vi.spyOn(process, 'cwd').mockReturnValue(project('11.1.0'));
    expect(cache.parsedBefore(SOURCE, dir)).toBe(true);
  });

  it('reads an unreadable mermaid package once too, so the key stays put if it appears mid-run', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'parses-'));
    const cache = await cacheIn(project());
    cache.rememberParsed(SOURCE, dir);
    vi.spyOn(process, 'cwd').mockReturnValue(project('11.0.0'));
    expect(cache.parsedBefore(SOURCE, dir)).toBe(true);
  });

  it('keeps one file per accepted source, named by its hash', async () => {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), 'parses-')), 'not', 'made', 'yet');
    const cache = await cacheIn(project('11.0.0'));
    cache.rememberParsed(SOURCE, dir);
    cache.rememberParsed(SOURCE, dir);
    cache.rememberParsed(`${SOURCE}\n  B --> C`, dir);
    const files = readdirSync(dir);
    expect(files).toHaveLength(2);
    for (const file of files) expect(file).toMatch(/^[0-9a-f]{64}\.ok$/);
  });

  it('a cache that cannot be written only costs speed', async () => {
    const blocked = path.join(mkdtempSync(path.join(tmpdir(), 'parses-')), 'a-file');
    writeFileSync(blocked, '');
    const cache = await cacheIn(project('11.0.0'));
    expect(() => cache.rememberParsed(SOURCE, blocked)).not.toThrow();
    expect(cache.parsedBefore(SOURCE, blocked)).toBe(false);
  });

  it('with the build caches off, remembers nothing and has parsed nothing', async () => {
    vi.stubEnv('BUILD_CACHE', 'off');
    const root = project('11.0.0');
    const cache = await cacheIn(root);
    cache.rememberParsed(SOURCE);
    expect(cache.parsedBefore(SOURCE)).toBe(false);
    vi.stubEnv('BUILD_CACHE', '');
    expect(cache.parsedBefore(SOURCE)).toBe(false);
  });
});
