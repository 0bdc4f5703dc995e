/**
 * An in-memory file system stored as a trie: every path segment is a node, and a directory keeps
 * its children in a hash map keyed by name. Creating, writing, reading and listing therefore cost
 * O(d) for a path of d segments (plus O(c log c) to sort a listing of c names), however many files
 * exist elsewhere. Memory is O(segments + bytes of content). Files and directories are different
 * node kinds, so writing over a directory fails loudly instead of corrupting the tree. Every method
 * is synchronous, which makes each call atomic inside one JavaScript event loop; threads change
 * that, as the page explains.
 */
interface DirNode {
  kind: 'dir';
  children: Map<string, FsNode>;
}

interface FileNode {
  kind: 'file';
  content: string;
}

type FsNode = DirNode | FileNode;

export class FileSystem {
  readonly #root: DirNode = { kind: 'dir', children: new Map() };

  /** Creates a directory and any missing parents, like `mkdir -p`. */
  mkdir(path: string): void {
    this.#ensureDir(segments(path));
  }

  /** Replaces (or appends to) a file's content, creating missing parent directories. */
  writeFile(path: string, content: string, mode: 'replace' | 'append' = 'replace'): void {
    const parts = segments(path);
    const name = parts.pop();
    if (name === undefined) throw new Error('cannot write to the root directory');
    const parent = this.#ensureDir(parts);
    const existing = parent.children.get(name);
    if (existing?.kind === 'dir') throw new Error(`${path} is a directory`);
    const before = mode === 'append' && existing !== undefined ? existing.content : '';
    parent.children.set(name, { kind: 'file', content: before + content });
  }

  readFile(path: string): string {
    const node = this.#lookup(path);
    if (node.kind === 'dir') throw new Error(`${path} is a directory`);
    return node.content;
  }

  /** Sorted names in a directory; for a file, just the file's own name (as `ls` does). */
  list(path: string): string[] {
    const node = this.#lookup(path);
    if (node.kind === 'file') return segments(path).slice(-1);
    return [...node.children.keys()].sort();
  }

  #lookup(path: string): FsNode {
    let node: FsNode = this.#root;
    for (const part of segments(path)) {
      const child: FsNode | undefined = node.kind === 'dir' ? node.children.get(part) : undefined;
      if (child === undefined) throw new Error(`no such file or directory: ${path}`);
      node = child;
    }
    return node;
  }

  #ensureDir(parts: readonly string[]): DirNode {
    let dir = this.#root;
    for (const part of parts) {
      let child = dir.children.get(part);
      if (child === undefined) {
        child = { kind: 'dir', children: new Map() };
        dir.children.set(part, child);
      }
      if (child.kind === 'file') throw new Error(`${part} is a file, not a directory`);
      dir = child;
    }
    return dir;
  }
}

function segments(path: string): string[] {
  if (!path.startsWith('/')) throw new Error(`paths must be absolute, got "${path}"`);
  return path.split('/').filter((part) => part !== '');
}
