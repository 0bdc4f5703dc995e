/**
 * `npm run new -- <type> "<title>" [--section <folder>] [--content-dir <dir>]`: starts a content
 * file from its template in content/_templates/, with the title filled in and a file name made
 * from it. The new file still holds TODO markers, which `npm run check:content` reports (file and
 * line) until every one is replaced.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { GUIDE_FOLDERS } from '../src/lib/navigation.ts';
import { contentDir } from '../src/lib/content-paths.ts';
import { slugify } from '../src/lib/text.ts';

export const TYPES = {
  guide: { collection: 'guides', template: 'guide.mdx' },
  prompt: { collection: 'prompts', template: 'prompt.mdx' },
  mistake: { collection: 'mistakes', template: 'mistake.yaml' },
  culture: { collection: 'culture', template: 'culture.mdx' },
  stack: { collection: 'stack', template: 'stack.mdx' },
  source: { collection: 'sources', template: 'source.yaml' },
  figure: { collection: 'figures', template: 'figure.yaml' },
} as const;
type TypeName = keyof typeof TYPES;
const TYPE_NAMES = Object.keys(TYPES) as TypeName[];

export const USAGE = [
  `Usage: npm run new -- <type> "<title>" [--section <folder>]`,
  `  <type>      ${TYPE_NAMES.join(', ')}`,
  `  --section   for a guide: ${GUIDE_FOLDERS.join(', ')}`,
  `  --content-dir <dir>  where content lives (default: content, or $CONTENT_DIR)`,
  `Examples:`,
  `  npm run new -- prompt "Design a watch-party service"`,
  `  npm run new -- guide "Recruiter screen" --section loop`,
  `  npm run new -- figure "Average bitrate of a mobile stream"`,
].join('\n');

export interface NewOptions {
  type: string;
  title: string;
  section?: string;
  root?: string;
  /** The date written into "checked on" fields; today by default. */
  today?: Date;
}

/** The template line that receives the title: `title: TODO` (the only TODO the command fills). */
const TITLE_LINE = /^title: TODO$/m;
/** Dates that say when a contributor checked something: the day the file is started. */
const CHECKED_ON_LINE = /^(checkedOn|statusCheckedOn): \d{4}-\d{2}-\d{2}$/gm;

/** Creates the file and returns its path; throws with a usable message on bad input. */
export function createEntry({ type, title, section, root = contentDir(), today = new Date() }: NewOptions): string {
  if (!TYPE_NAMES.includes(type as TypeName)) {
    throw new Error(`Unknown type "${type}". Use one of: ${TYPE_NAMES.join(', ')}.`);
  }
  const trimmed = title.trim().replace(/\s+/g, ' ');
  if (trimmed.length < 3) throw new Error('Give a title of at least three characters, in quotes.');
  const spec = TYPES[type as TypeName];
  if (type === 'guide' && (!section || !GUIDE_FOLDERS.includes(section))) {
    throw new Error(
      section
        ? `There is no guide section "${section}". Use --section with one of: ${GUIDE_FOLDERS.join(', ')}.`
        : `A guide needs --section with one of: ${GUIDE_FOLDERS.join(', ')}.`,
    );
  }
  if (type !== 'guide' && section) throw new Error(`--section applies to guides only; a ${type} has no section.`);
  const slug = slugify(trimmed).replace(/-+/g, '-').replace(/^-|-$/g, '');
  if (!/^[a-z0-9]/.test(slug)) throw new Error(`The title "${trimmed}" gives no usable file name; use letters or digits.`);
  const templateFile = path.join(root, '_templates', spec.template);
  if (!existsSync(templateFile)) throw new Error(`The template ${templateFile} is missing; is ${root} the content folder?`);
  const folder = path.join(root, spec.collection, type === 'guide' ? section! : '');
  const file = path.join(folder, `${slug}${path.extname(spec.template)}`);
  if (existsSync(file)) throw new Error(`${file} already exists. Pick another title or edit that file.`);
  const template = readFileSync(templateFile, 'utf8');
  if (!TITLE_LINE.test(template)) throw new Error(`The template ${templateFile} has no "title: TODO" line to fill.`);
  const filled = template
    .replace(TITLE_LINE, `title: ${JSON.stringify(trimmed)}`)
    .replace(CHECKED_ON_LINE, `$1: ${today.toISOString().slice(0, 10)}`);
  mkdirSync(folder, { recursive: true });
  writeFileSync(file, filled);
  return file;
}

/** Reads the command line; throws with the problem (the caller prints the usage). */
export function parseCommandLine(args: readonly string[]): NewOptions {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    strict: true,
    options: {
      section: { type: 'string', short: 's' },
      'content-dir': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) throw new HelpRequested();
  const [type, ...titleWords] = positionals;
  if (!type) throw new Error('Say which type of page to start.');
  if (titleWords.length === 0) throw new Error(`Give the ${type}'s title, in quotes.`);
  return { type, title: titleWords.join(' '), section: values.section, root: values['content-dir'] };
}

class HelpRequested extends Error {}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    const options = parseCommandLine(process.argv.slice(2));
    const file = path.relative(process.cwd(), createEntry(options));
    console.log(`Created ${file}.`);
    console.log(
      `Next: replace every TODO in it, then run "npm run check:content" (it lists each TODO left, with its line) and "npm run dev" to preview.`,
    );
  } catch (error) {
    if (error instanceof HelpRequested) {
      console.log(USAGE);
    } else {
      console.error(`npm run new: ${(error as Error).message}\n\n${USAGE}`);
      process.exitCode = 1;
    }
  }
}
