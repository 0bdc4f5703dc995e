/** The structure rule: file types, guide folders, duplicate ids and URLs taken twice. */
import { describe, expect, it } from 'vitest';
import { contextOf, mdx } from '../test-helpers.ts';
import { checkStructure } from './structure.ts';

const page = mdx(['title: T']);
const run = (files: Record<string, string>) =>
  checkStructure(contextOf(files)) as Exclude<ReturnType<typeof checkStructure>, Promise<unknown>>;

describe('structure rule', () => {
  it('accepts entries in their folders with their own ids and URLs', () => {
    expect(run({ 'guides/loop/a.mdx': page, 'guides/coding/index.mdx': page, 'prompts/a.mdx': page, 'sources/a.yaml': 'x: 1' })).toEqual(
      [],
    );
  });

  it('reports a file with the wrong extension, naming the one its folder loads', () => {
    expect(run({ 'mistakes/m.yml': 'x: 1', 'guides/loop/g.md': page })).toEqual([
      {
        file: 'memory/mistakes/m.yml',
        rule: 'file-type',
        message: 'This file is not loaded: entries in this folder are .yaml files.',
        fix: 'Rename it to end in .yaml, or start its name with "_" if it is not content.',
      },
      expect.objectContaining({
        file: 'memory/guides/loop/g.md',
        message: 'This file is not loaded: entries in this folder are .mdx files.',
      }),
    ]);
    const { files, ids } = contextOf({});
    expect(checkStructure({ files, ids, strays: ['elsewhere/notes.txt'] })).toEqual([
      {
        file: 'elsewhere/notes.txt',
        rule: 'file-type',
        message: 'This file is not loaded: entries in this folder are another type of files.',
        fix: `Rename it to end in the folder's extension, or start its name with "_" if it is not content.`,
      },
    ]);
  });

  it('reports a guide outside the section folders, listing them', () => {
    expect(run({ 'guides/misc/page.mdx': page })).toEqual([
      {
        file: 'memory/guides/misc/page.mdx',
        line: 1,
        rule: 'guide-folder',
        message: 'Guides live in a section folder; "misc" is not one.',
        fix: 'Move the file into one of content/guides/loop/, content/guides/system-design/, content/guides/coding/, content/guides/culture/, content/guides/prepare/ (sections are listed in src/lib/navigation.ts).',
      },
    ]);
  });

  it('reports an entry published at a URL a page in src/pages uses', () => {
    expect(run({ 'guides/prompts.mdx': page }).filter((p) => p.rule === 'duplicate-slug')).toEqual([
      {
        file: 'memory/guides/prompts.mdx',
        line: 1,
        rule: 'duplicate-slug',
        message: 'This entry would be published at /prompts/, which a page in src/pages already uses.',
        fix: 'Rename the file.',
      },
    ]);
  });

  it('reports two files with one id, each naming both', () => {
    expect(run({ 'prompts/a.mdx': page, 'prompts/A/index.mdx': page, 'prompts/b.mdx': page })).toEqual(
      ['memory/prompts/a.mdx', 'memory/prompts/A/index.mdx'].map((file) => ({
        file,
        line: 1,
        rule: 'duplicate-slug',
        message: 'Two files give the id "prompts/a": memory/prompts/a.mdx and memory/prompts/A/index.mdx.',
        fix: 'Rename or remove one of them (ids ignore letter case and "index" file names).',
      })),
    );
  });

  it('reports entries of two collections published at one URL, but not sources, whose URLs are anchors', () => {
    expect(run({ 'culture/candor.mdx': page, 'guides/culture/candor.mdx': page, 'sources/x.yaml': 'x: 1' })).toEqual(
      ['memory/culture/candor.mdx', 'memory/guides/culture/candor.mdx'].map((file) => ({
        file,
        line: 1,
        rule: 'duplicate-slug',
        message:
          'Entries in different collections would both be published at /culture/candor/: memory/culture/candor.mdx and memory/guides/culture/candor.mdx.',
        fix: 'Rename one of the files.',
      })),
    );
  });
});
