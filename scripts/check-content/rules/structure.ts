/**
 * Where files are and what they are called: a file with the wrong extension, a guide outside
 * the known section folders, two files that become the same id, two entries that would be
 * published at the same URL.
 */
import { entryPath, guideSection } from '../../../src/lib/routes.ts';
import { GUIDE_FOLDERS } from '../../../src/lib/navigation.ts';
import type { Problem } from '../../lib/problems.ts';
import { EXTENSIONS } from '../load.ts';
import type { Rule } from '../context.ts';

/** URLs taken by pages in src/pages, which no entry may also claim. */
export const RESERVED_PATHS: ReadonlySet<string> = new Set(['/', '/prompts/', '/mistakes/', '/stack/', '/sources/', '/404/']);

export const checkStructure: Rule = (context) => {
  const problems: Problem[] = [];
  for (const stray of context.strays) {
    const collection = stray.split('/').find((part) => part in EXTENSIONS) as keyof typeof EXTENSIONS | undefined;
    problems.push({
      file: stray,
      rule: 'file-type',
      message: `This file is not loaded: entries in this folder are ${collection ? EXTENSIONS[collection] : 'another type of'} files.`,
      fix: `Rename it to end in ${collection ? EXTENSIONS[collection] : "the folder's extension"}, or start its name with "_" if it is not content.`,
    });
  }
  const byId = new Map<string, string[]>();
  const byPath = new Map<string, { file: string; collection: string }[]>();
  for (const file of context.files) {
    const idKey = `${file.collection}/${file.id}`;
    byId.set(idKey, [...(byId.get(idKey) ?? []), file.file]);
    if (file.collection === 'guides' && !GUIDE_FOLDERS.includes(guideSection(file.id))) {
      problems.push({
        file: file.file,
        line: 1,
        rule: 'guide-folder',
        message: `Guides live in a section folder; "${guideSection(file.id)}" is not one.`,
        fix: `Move the file into one of content/guides/${GUIDE_FOLDERS.join('/, content/guides/')}/ (sections are listed in src/lib/navigation.ts).`,
      });
    }
    // Stryker disable next-line ConditionalExpression,StringLiteral: a source's URL is an anchor on /sources/ (#source-<id>), which no page and no other entry can have; skipping sources only saves work.
    if (file.collection === 'sources') continue;
    const sitePath = entryPath(file.collection, file.id);
    if (RESERVED_PATHS.has(sitePath)) {
      problems.push({
        file: file.file,
        line: 1,
        rule: 'duplicate-slug',
        message: `This entry would be published at ${sitePath}, which a page in src/pages already uses.`,
        fix: 'Rename the file.',
      });
    }
    byPath.set(sitePath, [...(byPath.get(sitePath) ?? []), { file: file.file, collection: file.collection }]);
  }
  for (const [id, files] of byId) {
    if (files.length < 2) continue;
    for (const file of files) {
      problems.push({
        file,
        line: 1,
        rule: 'duplicate-slug',
        message: `Two files give the id "${id}": ${files.join(' and ')}.`,
        fix: 'Rename or remove one of them (ids ignore letter case and "index" file names).',
      });
    }
  }
  for (const [sitePath, entries] of byPath) {
    // Same-collection clashes are already reported as duplicate ids above.
    if (new Set(entries.map((e) => e.collection)).size < 2) continue;
    const distinct = entries.map((e) => e.file);
    for (const file of distinct) {
      problems.push({
        file,
        line: 1,
        rule: 'duplicate-slug',
        message: `Entries in different collections would both be published at ${sitePath}: ${distinct.join(' and ')}.`,
        fix: 'Rename one of the files.',
      });
    }
  }
  return problems;
};
