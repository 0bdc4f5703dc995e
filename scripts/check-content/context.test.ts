/** What the rules share: the ids of each collection, and the file line of a front-matter field. */
import { describe, expect, it } from 'vitest';
import { lineOfPath, positionOfPath } from './context.ts';
import { contextOf, mdx } from './test-helpers.ts';

const YAML = ['title: T', 'tags:', '  - a', '  - b', 'answer:', '  scoping: s', '  estimation:', '    - x: 1'].join('\n');

describe('buildContext', () => {
  it('collects the ids of every collection, and nothing for an empty one', () => {
    const { ids } = contextOf({ 'sources/a.yaml': 'x: 1', 'sources/b.yaml': 'x: 1', 'guides/loop/index.mdx': mdx(['title: G']) });
    expect([...ids.sources]).toEqual(['a', 'b']);
    expect([...ids.guides]).toEqual(['loop']);
    expect(ids.prompts.size).toBe(0);
  });
});

describe('positionOfPath', () => {
  const [yaml] = contextOf({ 'sources/s.yaml': YAML }).files;
  const [page] = contextOf({ 'prompts/p.mdx': mdx(YAML.split('\n')) }).files;

  it('finds a key, a list item and a nested key, with their columns', () => {
    expect(positionOfPath(yaml!, ['title'])).toEqual({ line: 1, column: 1 });
    expect(positionOfPath(yaml!, ['tags', 1])).toEqual({ line: 4, column: 5 });
    expect(positionOfPath(yaml!, ['answer', 'estimation', 0, 'x'])).toEqual({ line: 8, column: 7 });
    // In MDX the front matter starts on line 2, after the opening ---.
    expect(lineOfPath(page!, ['answer', 'scoping'])).toBe(7);
  });

  it('stops at the deepest part that exists', () => {
    expect(lineOfPath(yaml!, ['answer', 'missing'])).toBe(5);
    expect(lineOfPath(yaml!, ['tags', 5])).toBe(2);
    expect(lineOfPath(yaml!, ['tags', 'name'])).toBe(2);
    expect(lineOfPath(yaml!, ['title', 'deeper'])).toBe(1);
    expect(lineOfPath(yaml!, ['title', 0])).toBe(1);
    expect(lineOfPath(yaml!, [])).toBe(1);
  });

  it('passes over a key-less pair', () => {
    const [odd] = contextOf({ 'sources/odd.yaml': ': x\ntitle: T' }).files;
    expect(lineOfPath(odd!, ['title'])).toBe(2);
  });

  it('points at the start of a file without front matter data', () => {
    const [empty] = contextOf({ 'sources/e.yaml': '' }).files;
    expect(positionOfPath(empty!, ['title'])).toEqual({ line: 1, column: 1 });
  });
});
