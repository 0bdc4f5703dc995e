import { describe, it, expect } from 'vitest';
import { decodeTree, encodeTree, tree, type TreeNode } from './tree-codec.ts';

describe('encodeTree and decodeTree', () => {
  const sample = tree(1, tree(2, null, tree(4)), tree(3, tree(5), tree(6)));

  it('encodes level by level with nulls for gaps and no trailing nulls', () => {
    expect(encodeTree(sample)).toBe('[1,2,3,null,4,5,6]');
  });

  it('decodes back to the same shape', () => {
    expect(decodeTree('[1,2,3,null,4,5,6]')).toEqual(sample);
  });

  it('round-trips an empty tree, a single node and a one-sided chain', () => {
    const chain = tree(1, null, tree(2, null, tree(3)));
    for (const root of [null, tree(7), chain]) {
      expect(decodeTree(encodeTree(root))).toEqual(root);
    }
    expect(encodeTree(null)).toBe('[]');
    expect(encodeTree(chain)).toBe('[1,null,2,null,3]');
  });

  it('keeps negative and zero values', () => {
    const root = tree(0, tree(-5), null);
    expect(decodeTree(encodeTree(root))).toEqual(root);
  });

  it('accepts trailing nulls written by other encoders', () => {
    expect(decodeTree('[1,null,2,null,null]')).toEqual(tree(1, null, tree(2)));
  });

  it('round-trips a deep tree without recursion', () => {
    let root: TreeNode | null = null;
    for (let i = 0; i < 50_000; i++) root = tree(i, root, null);
    const decoded = decodeTree(encodeTree(root));
    let depth = 0;
    for (let node = decoded; node !== null; node = node.left) depth++;
    expect(depth).toBe(50_000);
  });

  it('rejects malformed input', () => {
    expect(() => decodeTree('{"value":1}')).toThrow(TypeError);
    expect(() => decodeTree('[1,"two"]')).toThrow(TypeError);
    expect(() => decodeTree('[null,1]')).toThrow('no parent');
    expect(() => decodeTree('[1,')).toThrow(SyntaxError);
  });
});
