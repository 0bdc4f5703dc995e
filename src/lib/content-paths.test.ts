/**
 * Entry ids from file paths, the one rule the content config and the content checker share: a
 * mismatch would make the checker report ids the site never builds.
 */
import { describe, expect, it } from 'vitest';
import { entryIdFromPath } from './content-paths.ts';

describe('entryIdFromPath', () => {
  it('drops the extension of every content format, in any case', () => {
    expect(entryIdFromPath('loop/coding.mdx')).toBe('loop/coding');
    expect(entryIdFromPath('loop/coding.md')).toBe('loop/coding');
    expect(entryIdFromPath('stack/zuul.yaml')).toBe('stack/zuul');
    expect(entryIdFromPath('stack/zuul.yml')).toBe('stack/zuul');
    expect(entryIdFromPath('figures/peak.JSON')).toBe('figures/peak');
  });

  it('drops only a final extension, so a dotted name keeps its middle', () => {
    expect(entryIdFromPath('prompts/v1.md.notes.txt')).toBe('prompts/v1.md.notes.txt');
  });

  it('turns a folder index into the folder, but not a file whose name starts with "index"', () => {
    expect(entryIdFromPath('loop/index.mdx')).toBe('loop');
    expect(entryIdFromPath('index.mdx')).toBe('index');
    expect(entryIdFromPath('loop/indexing.mdx')).toBe('loop/indexing');
  });

  it('reads Windows separators and lower-cases the id', () => {
    expect(entryIdFromPath('Loop\\Coding.MDX')).toBe('loop/coding');
  });
});
