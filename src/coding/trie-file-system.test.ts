import { describe, it, expect } from 'vitest';
import { FileSystem } from './trie-file-system.ts';

describe('FileSystem', () => {
  it('creates nested directories and lists them in sorted order', () => {
    const fs = new FileSystem();
    fs.mkdir('/titles/b');
    fs.mkdir('/titles/a/artwork');
    expect(fs.list('/')).toEqual(['titles']);
    expect(fs.list('/titles')).toEqual(['a', 'b']);
    expect(fs.list('/titles/a/artwork')).toEqual([]);
  });

  it('writes, reads, overwrites and appends files', () => {
    const fs = new FileSystem();
    fs.writeFile('/logs/app.log', 'start\n');
    fs.writeFile('/logs/app.log', 'ready\n', 'append');
    expect(fs.readFile('/logs/app.log')).toBe('start\nready\n');
    fs.writeFile('/logs/app.log', 'reset');
    expect(fs.readFile('/logs/app.log')).toBe('reset');
  });

  it('lists a file as its own name', () => {
    const fs = new FileSystem();
    fs.writeFile('/a/b/c.txt', 'x');
    expect(fs.list('/a/b/c.txt')).toEqual(['c.txt']);
    expect(fs.list('/a/b')).toEqual(['c.txt']);
  });

  it('treats repeated and trailing slashes as one separator', () => {
    const fs = new FileSystem();
    fs.writeFile('//a///b.txt', 'ok');
    expect(fs.readFile('/a/b.txt/')).toBe('ok');
  });

  it('appending to a missing file creates it', () => {
    const fs = new FileSystem();
    fs.writeFile('/new.txt', 'hello', 'append');
    expect(fs.readFile('/new.txt')).toBe('hello');
  });

  it('fails on missing paths, relative paths and kind mismatches', () => {
    const fs = new FileSystem();
    fs.writeFile('/a/file.txt', 'x');
    expect(() => fs.readFile('/a/missing.txt')).toThrow('no such file or directory');
    expect(() => fs.list('/a/file.txt/deeper')).toThrow('no such file or directory');
    expect(() => fs.readFile('/a')).toThrow('is a directory');
    expect(() => fs.writeFile('/a', 'x')).toThrow('is a directory');
    expect(() => fs.mkdir('/a/file.txt/sub')).toThrow('is a file');
    expect(() => fs.writeFile('/', 'x')).toThrow('root');
    expect(() => fs.mkdir('relative/path')).toThrow('absolute');
  });

  it('leaves the tree unchanged when a write fails', () => {
    const fs = new FileSystem();
    fs.writeFile('/a/file.txt', 'x');
    expect(() => fs.writeFile('/a/file.txt/child.txt', 'y')).toThrow();
    expect(fs.list('/a')).toEqual(['file.txt']);
    expect(fs.readFile('/a/file.txt')).toBe('x');
  });
});
