/**
 * A heading whose id the page around it already uses: the page template (src/pages) and the site
 * chrome (src/layouts, src/components/site) write fixed ids such as "status" or "main", and a
 * heading with the same text gets the same id, so the page ends up with two elements sharing one
 * id (links to it, and the table of contents, find only the first). Found here from the source;
 * the built-site check finds the same thing a minute later, after the whole build.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Heading, Root, RootContent } from 'mdast';
import type { CollectionName } from '../../../src/schemas/index.ts';
import { entryPath } from '../../../src/lib/routes.ts';
import type { Problem } from '../../lib/problems.ts';
import type { Rule } from '../context.ts';
import { mdxTreeOf } from './content-safety.ts';
import { headingIds } from './links.ts';

const PROJECT = fileURLToPath(new URL('../../../', import.meta.url));
const PAGES_DIR = path.join(PROJECT, 'src', 'pages');
/** The chrome around every content page. */
const CHROME_DIRS = [path.join(PROJECT, 'src', 'layouts'), path.join(PROJECT, 'src', 'components', 'site')];

function astroFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return astroFiles(full);
    return name.endsWith('.astro') ? [full] : [];
  });
}

/** Fixed ids an .astro file writes on elements (`id="status"`), comments left out. */
export function fixedIds(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\/|<!--[\s\S]*?-->|\/\/.*$/gm, '');
  return [...code.matchAll(/<[a-zA-Z][\w.-]*\s[^>]*?\bid="([^"{}]+)"/g)].map((m) => m[1]!);
}

/** The ids a collection's pages carry besides their content: its template's and the chrome's. */
function pageIds(): Map<CollectionName, Map<string, string>> {
  const chrome = new Map<string, string>();
  for (const file of CHROME_DIRS.flatMap(astroFiles)) {
    for (const id of fixedIds(readFileSync(file, 'utf8'))) chrome.set(id, path.relative(PROJECT, file));
  }
  const byCollection = new Map<CollectionName, Map<string, string>>();
  for (const file of astroFiles(PAGES_DIR)) {
    const rel = path.relative(PAGES_DIR, file).replace(/\\/g, '/');
    const prefix = /^(.*?)\[[^\]]+\]\.astro$/.exec(rel)?.[1];
    if (prefix === undefined) continue;
    const collections: CollectionName[] = ['guides', 'prompts', 'mistakes', 'culture', 'stack'];
    const collection = collections.find((c) => entryPath(c, 'x') === `/${prefix}x/`);
    if (!collection) continue;
    const ids = new Map(chrome);
    for (const id of fixedIds(readFileSync(file, 'utf8'))) ids.set(id, path.relative(PROJECT, file));
    byCollection.set(collection, ids);
  }
  return byCollection;
}

function headingsOf(tree: Root): Heading[] {
  const found: Heading[] = [];
  const walk = (nodes: readonly RootContent[]) => {
    for (const node of nodes) {
      if (node.type === 'heading') found.push(node);
      else if ('children' in node) walk(node.children);
    }
  };
  walk(tree.children);
  return found;
}

export const checkHeadingIds: Rule = (context) => {
  const ids = pageIds();
  const problems: Problem[] = [];
  for (const file of context.files) {
    const taken = ids.get(file.collection);
    const tree = taken && mdxTreeOf(file);
    if (!taken || !tree) continue;
    const headings = headingsOf(tree);
    headingIds(tree).forEach((id, index) => {
      const owner = taken.get(id);
      const start = headings[index]?.position?.start;
      if (!owner || !start) return;
      problems.push({
        file: file.file,
        line: start.line,
        column: start.column,
        rule: 'duplicate-id',
        message: `This heading gets the id "${id}", which ${owner} already gives another element on the page.`,
        fix: `Reword the heading (the page already has a section with that id), so the two stay apart.`,
      });
    });
  }
  return problems;
};
