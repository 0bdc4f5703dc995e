import { describe, expect, it } from 'vitest';
import { drawingOptions } from './drawing-options.ts';
import { diagramHash } from './render.ts';

const FLOW = 'flowchart LR\n  accTitle: Reads\n  accDescr: The client asks the cache.\n  C[Client] --> K[Cache]';
const OTHER = 'flowchart TB\n  accTitle: Writes\n  accDescr: The client writes to the store.\n  C[Client] --> S[Store]';
const UNTITLED = 'flowchart LR\n  A --> B';

describe("a page's drawing options", () => {
  it('take the ids, caption and text alternative the page gives them, a repeated diagram a second prefix', () => {
    expect(drawingOptions([FLOW, OTHER, FLOW, FLOW])).toEqual([
      { idPrefix: `dg-${diagramHash(FLOW)}`, title: 'Reads', description: 'The client asks the cache.' },
      { idPrefix: `dg-${diagramHash(OTHER)}`, title: 'Writes', description: 'The client writes to the store.' },
      { idPrefix: `dg-${diagramHash(FLOW)}-2`, title: 'Reads', description: 'The client asks the cache.' },
      { idPrefix: `dg-${diagramHash(FLOW)}-3`, title: 'Reads', description: 'The client asks the cache.' },
    ]);
    // Each page counts its own repeats.
    expect(drawingOptions([FLOW])[0]!.idPrefix).toBe(`dg-${diagramHash(FLOW)}`);
  });

  it('give a diagram without accTitle or accDescr empty text (the content check asks for both)', () => {
    expect(drawingOptions([UNTITLED])).toEqual([{ idPrefix: `dg-${diagramHash(UNTITLED)}`, title: '', description: '' }]);
  });
});
