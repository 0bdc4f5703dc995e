/**
 * References at two edges the backlinks rely on: a component written without its referencing
 * attribute references nothing, and an entry citing an entry of another collection that happens
 * to share its id is a real reference, not a self-reference.
 */
import { describe, expect, it } from 'vitest';
import { backlinkIndex, bodyReferences, type ScannedEntry } from './references.ts';

describe('references at their edges', () => {
  it('finds no reference in a component written without its referencing attribute', () => {
    expect(bodyReferences('<ClaimStatus status="reported" /> and <Cite id="repo-zuul" />')).toEqual([
      { component: 'Cite', attribute: 'id', collection: 'sources', id: 'repo-zuul', index: 38 },
    ]);
  });

  it('keeps a backlink between entries of different collections that share an id', () => {
    const stack: ScannedEntry = { collection: 'stack', id: 'zuul', title: 'Zuul', data: { sources: ['zuul', 'zuul'] } };
    const index = backlinkIndex([stack]);
    expect([...index.keys()]).toEqual(['sources/zuul']);
    expect(index.get('sources/zuul')).toEqual([stack]);
  });
});
