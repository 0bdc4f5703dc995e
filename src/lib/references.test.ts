import { describe, expect, it } from 'vitest';
import { backlinkIndex, bodyReferences, outgoingReferences, type ScannedEntry } from './references.ts';

const prompt: ScannedEntry = {
  collection: 'prompts',
  id: 'playback-resume',
  title: 'Playback resume',
  data: { mistakes: [{ id: 'ignoring-cost', collection: 'mistakes' }], stack: ['zuul'], reportedBy: ['guide-a'], sources: [] },
  body: 'Text <StackLink id="evcache" /> and <MistakePair id="add-more-instances" /> and <Cite id="guide-a" />.',
};
const round: ScannedEntry = {
  collection: 'guides',
  id: 'loop/system-design',
  title: 'System design round',
  data: { round: 'system-design', sources: ['guide-a'], mistakes: ['ignoring-cost'] },
  body: '',
};

describe('references', () => {
  it('reads component references from MDX', () => {
    expect(
      bodyReferences('<MistakePair id="x" /> <Callout type="tip"> <SourceSays source="s">').map((r) => `${r.collection}/${r.id}`),
    ).toEqual(['mistakes/x', 'sources/s']);
  });
  it('collects front matter (ids or reference objects) and body references', () => {
    expect(outgoingReferences(prompt).map((r) => `${r.via}:${r.collection}/${r.id}`)).toEqual([
      'reportedBy:sources/guide-a',
      'stack:stack/zuul',
      'mistakes:mistakes/ignoring-cost',
      'body:stack/evcache',
      'body:mistakes/add-more-instances',
      'body:sources/guide-a',
    ]);
  });
  it('indexes backlinks, each referrer once', () => {
    const index = backlinkIndex([prompt, round]);
    expect(index.get('mistakes/ignoring-cost')?.map((e) => e.id)).toEqual(['playback-resume', 'loop/system-design']);
    expect(index.get('sources/guide-a')?.map((e) => e.id)).toEqual(['playback-resume', 'loop/system-design']);
    expect(index.get('stack/nothing')).toBeUndefined();
  });
});
