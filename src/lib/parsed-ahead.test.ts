/** Trees offered to the compiler: taken once, only for the exact text and file they were parsed from. */
import type { Root } from 'mdast';
import { describe, expect, it } from 'vitest';
import { offerParsedTree, pendingParsedTrees, takeParsedTree, withdrawParsedTree } from './parsed-ahead.ts';

const tree = (): Root => ({ type: 'root', children: [] });

describe('trees parsed ahead', () => {
  it('are taken once, by the same file with the same text', () => {
    const offered = tree();
    offerParsedTree('/c/a.mdx', '# A', offered);
    expect(takeParsedTree('/c/b.mdx', '# A')).toBeUndefined();
    expect(pendingParsedTrees()).toBe(1);
    expect(takeParsedTree('/c/a.mdx', '# A')).toBe(offered);
    expect(takeParsedTree('/c/a.mdx', '# A')).toBeUndefined();
    expect(pendingParsedTrees()).toBe(0);
  });

  it('are never given for another text of the file, and the offer is gone after that look', () => {
    offerParsedTree('/c/a.mdx', '# A', tree());
    expect(takeParsedTree('/c/a.mdx', '# A changed')).toBeUndefined();
    expect(takeParsedTree('/c/a.mdx', '# A')).toBeUndefined();
  });

  it('can be withdrawn, and a later offer replaces an earlier one', () => {
    const later = tree();
    offerParsedTree('/c/a.mdx', '# A', tree());
    offerParsedTree('/c/a.mdx', '# A', later);
    expect(pendingParsedTrees()).toBe(1);
    expect(takeParsedTree('/c/a.mdx', '# A')).toBe(later);
    offerParsedTree('/c/a.mdx', '# A', tree());
    withdrawParsedTree('/c/a.mdx');
    expect(pendingParsedTrees()).toBe(0);
    expect(takeParsedTree('/c/a.mdx', '# A')).toBeUndefined();
  });
});
