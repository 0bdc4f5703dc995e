/**
 * Each diagram is parsed once per content hash: a source mermaid accepted is remembered on disk
 * and not parsed again (by the build or the content check); a broken one is parsed every time.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parsedBefore, rememberParsed } from './parse-cache.ts';
import { sourceForMermaid } from './source.ts';

const parse = vi.fn();
vi.mock('mermaid', async (importOriginal) => {
  const real = (await importOriginal<{ default: { parse: (text: string) => Promise<unknown> } }>()).default;
  return {
    default: {
      ...real,
      parse: (text: string) => {
        parse(text);
        return real.parse(text);
      },
    },
  };
});
const { checkDiagram } = await import('./validate.ts');

describe('the diagram parse cache', () => {
  // On, as in a build, whatever the environment (mutation runs turn it off).
  beforeEach(() => vi.stubEnv('BUILD_CACHE', ''));
  afterEach(() => vi.unstubAllEnvs());

  it('remembers a source by its content', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'parses-'));
    expect(parsedBefore('flowchart LR\n  A --> B', dir)).toBe(false);
    rememberParsed('flowchart LR\n  A --> B', dir);
    expect(parsedBefore('flowchart LR\n  A --> B', dir)).toBe(true);
    expect(parsedBefore('flowchart LR\n  A --> C', dir)).toBe(false);
  });

  it('parses a diagram once, then answers from the cache', async () => {
    const unique = `N${Date.now()}${Math.random().toString(36).slice(2)}`;
    const source = `flowchart LR\n  accTitle: Cache test\n  accDescr: One node to another.\n  A --> ${unique}`;
    parse.mockClear();
    expect(await checkDiagram(source)).toEqual([]);
    expect(parse).toHaveBeenCalledTimes(1);
    expect(parsedBefore(sourceForMermaid(source))).toBe(true);
    expect(await checkDiagram(source)).toEqual([]);
    expect(parse).toHaveBeenCalledTimes(1);
  });

  it('with BUILD_CACHE=off, parses every time and remembers nothing', async () => {
    vi.stubEnv('BUILD_CACHE', 'off');
    const source = `flowchart LR\n  accTitle: Cache off\n  accDescr: One node to another.\n  A --> N${Date.now()}off`;
    parse.mockClear();
    expect(await checkDiagram(source)).toEqual([]);
    expect(await checkDiagram(source)).toEqual([]);
    expect(parse).toHaveBeenCalledTimes(2);
    vi.stubEnv('BUILD_CACHE', '');
    expect(parsedBefore(sourceForMermaid(source))).toBe(false);
  });

  it('never remembers a broken diagram', async () => {
    const source = `flowchart LR\n  accTitle: Broken\n  accDescr: A label never closed.\n  A[open --> B${Date.now()}`;
    parse.mockClear();
    expect((await checkDiagram(source)).length).toBeGreaterThan(0);
    expect((await checkDiagram(source)).length).toBeGreaterThan(0);
    expect(parse).toHaveBeenCalledTimes(2);
    expect(parsedBefore(sourceForMermaid(source))).toBe(false);
  });
});
