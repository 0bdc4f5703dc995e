/**
 * `npm run new -- <type> "<title>" [--section <folder>]`: starts a content file from its
 * template, with the title filled in and a file name made from it. The new file still holds
 * TODO markers, which `npm run check:content` reports until every one is replaced.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { GUIDE_FOLDERS } from '../src/lib/navigation.ts';
import { contentDir } from '../src/lib/content-paths.ts';
import { slugify } from '../src/lib/text.ts';

const TYPES = {
  guide: { collection: 'guides', template: 'guide.mdx' },
  prompt: { collection: 'prompts', template: 'prompt.mdx' },
  mistake: { collection: 'mistakes', template: 'mistake.yaml' },
  culture: { collection: 'culture', template: 'culture.mdx' },
  stack: { collection: 'stack', template: 'stack.mdx' },
  source: { collection: 'sources', template: 'source.yaml' },
} as const;
type TypeName = keyof typeof TYPES;

export interface NewOptions {
  type: string;
  title: string;
  section?: string;
  root?: string;
}

/** Creates the file and returns its path; throws with a usable message on bad input. */
export function createEntry({ type, title, section, root = contentDir() }: NewOptions): string {
  if (!(type in TYPES)) throw new Error(`Unknown type "${type}". Use one of: ${Object.keys(TYPES).join(', ')}.`);
  if (!title || title.trim().length < 3) throw new Error('Give a title of at least three characters, in quotes.');
  const spec = TYPES[type as TypeName];
  if (type === 'guide' && (!section || !GUIDE_FOLDERS.includes(section))) {
    throw new Error(`A guide needs --section with one of: ${GUIDE_FOLDERS.join(', ')}.`);
  }
  const slug = slugify(title).replace(/-+/g, '-').replace(/^-|-$/g, '');
  const folder = path.join(root, spec.collection, type === 'guide' ? section! : '');
  const file = path.join(folder, `${slug}${path.extname(spec.template)}`);
  if (existsSync(file)) throw new Error(`${file} already exists. Pick another title or edit that file.`);
  const template = readFileSync(path.join(root, '_templates', spec.template), 'utf8');
  const quoted = JSON.stringify(title.trim());
  const filled = template.replace(/^title: TODO$/m, `title: ${quoted}`);
  mkdirSync(folder, { recursive: true });
  writeFileSync(file, filled);
  return file;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const sectionIndex = args.indexOf('--section');
  const section = sectionIndex >= 0 ? args[sectionIndex + 1] : undefined;
  const positional = args.filter((_, i) => i !== sectionIndex && i !== sectionIndex + 1);
  const [type = '', ...titleWords] = positional;
  try {
    const file = createEntry({ type, title: titleWords.join(' '), section });
    console.log(`Created ${file}.\nFill in every TODO, then run "npm run check:content" and "npm run dev" to preview.`);
  } catch (error) {
    console.error(
      `npm run new: ${(error as Error).message}\nUsage: npm run new -- <${Object.keys(TYPES).join('|')}> "<title>" [--section <${GUIDE_FOLDERS.join('|')}>]`,
    );
    process.exitCode = 1;
  }
}
