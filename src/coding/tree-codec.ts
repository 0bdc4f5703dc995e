/**
 * Turns a binary tree into a level-order JSON array, with null for each missing child (the
 * "[1,2,3,null,4]" format most problem sites use), and builds the tree back with a queue. Encoding
 * walks the tree breadth-first and trims trailing nulls. Decoding hands out array values two at a
 * time to the parents in the order they were created, which is again breadth-first. Both directions
 * touch each node once: O(n) time and O(n) memory. A moving read index stands in for Array.shift,
 * which would copy the queue on every call and make the whole thing O(n^2).
 */
export interface TreeNode {
  value: number;
  left: TreeNode | null;
  right: TreeNode | null;
}

export function tree(value: number, left: TreeNode | null = null, right: TreeNode | null = null): TreeNode {
  return { value, left, right };
}

export function encodeTree(root: TreeNode | null): string {
  const values: (number | null)[] = [];
  const queue: (TreeNode | null)[] = [root];
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head] ?? null;
    values.push(node === null ? null : node.value);
    if (node !== null) queue.push(node.left, node.right);
  }
  while (values.length > 0 && values.at(-1) === null) values.pop();
  return JSON.stringify(values);
}

export function decodeTree(json: string): TreeNode | null {
  const values: unknown = JSON.parse(json);
  if (!Array.isArray(values)) throw new TypeError('expected a JSON array');
  const read = (index: number): TreeNode | null => {
    const value: unknown = values[index];
    if (value === null || value === undefined) return null;
    if (typeof value !== 'number') throw new TypeError(`value at ${index} is not a number or null`);
    return tree(value);
  };

  const root = read(0);
  const parents: TreeNode[] = root === null ? [] : [root];
  let next = 1;
  for (let head = 0; head < parents.length && next < values.length; head++) {
    const parent = parents[head] as TreeNode;
    parent.left = read(next++);
    parent.right = read(next++);
    if (parent.left !== null) parents.push(parent.left);
    if (parent.right !== null) parents.push(parent.right);
  }
  if (values.slice(next).some((value) => value !== null)) throw new TypeError('values left over with no parent');
  return root;
}
