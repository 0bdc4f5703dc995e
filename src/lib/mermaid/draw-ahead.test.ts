import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { drawAhead, drawingOptions } from './draw-ahead.ts';
import { diagramHash, renderDiagram } from './render.ts';

const FLOW = 'flowchart LR\n  accTitle: Reads\n  accDescr: The client asks the cache.\n  C[Client] --> K[Cache]';
const OTHER = 'flowchart TB\n  accTitle: Writes\n  accDescr: The client writes to the store.\n  C[Client] --> S[Store]';
const MINDMAP = 'mindmap\n  accTitle: Loop\n  accDescr: The rounds.\n  root((Loop))\n    Coding';

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

/** A project folder of its own, so the drawings land in a cache no other test reads. */
function inScratchProject(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'draw-ahead-'));
  vi.spyOn(process, 'cwd').mockReturnValue(dir);
  vi.stubEnv('BUILD_CACHE', '');
  return path.join(dir, 'node_modules', '.cache', 'netflix-loop-guide', 'diagrams');
}

describe('drawings made ahead of the compiler', () => {
  it('take the ids, caption and text alternative the page gives them, a repeated diagram a second prefix', () => {
    expect(drawingOptions([FLOW, OTHER, FLOW])).toEqual([
      { idPrefix: `dg-${diagramHash(FLOW)}`, title: 'Reads', description: 'The client asks the cache.' },
      { idPrefix: `dg-${diagramHash(OTHER)}`, title: 'Writes', description: 'The client writes to the store.' },
      { idPrefix: `dg-${diagramHash(FLOW)}-2`, title: 'Reads', description: 'The client asks the cache.' },
    ]);
    // Each page counts its own repeats.
    expect(drawingOptions([FLOW])[0]!.idPrefix).toBe(`dg-${diagramHash(FLOW)}`);
  });

  it('draws each build-time diagram into the cache as the page would draw it, and leaves browser-drawn ones', () => {
    const cache = inScratchProject();
    expect(drawAhead([[FLOW, MINDMAP], [OTHER]])).toBe(2);
    const stored = readdirSync(cache).map((name) => JSON.parse(readFileSync(path.join(cache, name), 'utf8')) as unknown);
    expect(stored).toHaveLength(2);
    expect(stored).toContainEqual(renderDiagram(FLOW, drawingOptions([FLOW, MINDMAP])[0]!));
    expect(stored).toContainEqual(renderDiagram(OTHER, drawingOptions([OTHER])[0]!));
    // Drawn once: a second pass finds every drawing made.
    expect(drawAhead([[FLOW, MINDMAP]])).toBe(1);
    expect(readdirSync(cache)).toHaveLength(2);
  });
});
