/**
 * `node scripts/pr-summary.ts --base <git ref>`: the pages a pull request adds, changes or
 * removes in content/, with each page's word count (prose only, as the reading time counts it)
 * and diagram count, and the change from the base. In GitHub Actions it is written to the job
 * summary ($GITHUB_STEP_SUMMARY); elsewhere it is printed.
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parse as parseYaml } from 'yaml';
import { contentDir, entryIdFromPath } from '../src/lib/content-paths.ts';
import { entryPath } from '../src/lib/routes.ts';
import { proseWords } from '../src/lib/reading-time.ts';
import { COLLECTIONS, type CollectionName } from '../src/schemas/index.ts';

export interface ChangedFile {
  /** A (added), M (modified), D (deleted) or R (renamed), as git reports it. */
  status: 'A' | 'M' | 'D' | 'R';
  /** Path in the pull request (the old path for a deleted file). */
  file: string;
  /** The file at the base, when it existed there. */
  before?: string;
  /** The file in the pull request, unless deleted. */
  after?: string;
}

export interface PageStats {
  title: string;
  words: number;
  diagrams: number;
}

/** Title, prose words and Mermaid diagrams of one content file (MDX page or YAML entry). */
export function pageStats(file: string, text: string): PageStats {
  if (file.endsWith('.mdx')) {
    const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(text);
    const data = match ? (safeYaml(match[1]!) as { title?: unknown } | undefined) : undefined;
    const body = match ? text.slice(match[0].length) : text;
    return {
      title: typeof data?.title === 'string' ? data.title : path.basename(file),
      words: proseWords(body),
      diagrams: (body.match(/^\s*```mermaid\b/gm) ?? []).length,
    };
  }
  // A YAML entry (a GOOD/BAD pair, a source): its text fields are what readers read.
  const data = safeYaml(text) as Record<string, unknown> | undefined;
  const strings = Object.entries(data ?? {})
    .filter(([key, value]) => typeof value === 'string' && !['url', 'kind', 'published', 'checkedOn'].includes(key))
    .map(([, value]) => value as string);
  return {
    title: typeof data?.title === 'string' ? data.title : path.basename(file),
    words: strings
      .join(' ')
      .split(/\s+/)
      .filter((word) => /[\p{L}\p{N}]/u.test(word)).length,
    diagrams: 0,
  };
}

function safeYaml(text: string): unknown {
  try {
    return parseYaml(text);
  } catch {
    return undefined;
  }
}

/** The collection and site path of a content file, or undefined for files outside the collections. */
export function pageOf(file: string, root: string): { collection: CollectionName; route: string } | undefined {
  const relative = path.relative(root, file).replace(/\\/g, '/');
  const [collection, ...rest] = relative.split('/');
  if (!COLLECTIONS.includes(collection as CollectionName) || rest.length === 0 || rest.some((part) => part.startsWith('_')))
    return undefined;
  return { collection: collection as CollectionName, route: entryPath(collection as CollectionName, entryIdFromPath(rest.join('/'))) };
}

const number = (n: number) => n.toLocaleString('en-US');
const delta = (n: number) => (n === 0 ? '' : ` (${n > 0 ? '+' : '−'}${number(Math.abs(n))})`);

/** The job summary section: one row per page added, changed or removed. */
export function summarize(changes: readonly ChangedFile[], root: string): string {
  const rows: string[] = [];
  let added = 0;
  let changed = 0;
  let removed = 0;
  for (const change of [...changes].sort((a, b) => a.file.localeCompare(b.file))) {
    const page = pageOf(change.file, root);
    if (!page) continue;
    const before = change.before === undefined ? undefined : pageStats(change.file, change.before);
    const after = change.after === undefined ? undefined : pageStats(change.file, change.after);
    const shown = after ?? before!;
    const what = change.status === 'A' ? 'added' : change.status === 'D' ? 'removed' : change.status === 'R' ? 'renamed' : 'changed';
    if (what === 'added') added += 1;
    else if (what === 'removed') removed += 1;
    else changed += 1;
    const words = after ? `${number(after.words)}${before ? delta(after.words - before.words) : ''}` : '—';
    const diagrams = after ? `${after.diagrams}${before ? delta(after.diagrams - before.diagrams) : ''}` : '—';
    rows.push(`| ${what} | ${shown.title.replace(/\|/g, '\\|')} | \`${page.route}\` | \`${change.file}\` | ${words} | ${diagrams} |`);
  }
  if (rows.length === 0) return '### Content in this pull request\n\nNo page in content/ is added, changed or removed.\n';
  const counts = [added && `${added} added`, changed && `${changed} changed`, removed && `${removed} removed`].filter(Boolean).join(', ');
  return [
    '### Content in this pull request',
    '',
    `${rows.length} page${rows.length === 1 ? '' : 's'}: ${counts}. Words are prose words (code, diagrams and tags left out); the change from the base is in brackets.`,
    '',
    '| | Page | URL | File | Words | Diagrams |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows,
    '',
  ].join('\n');
}

function git(args: string[]): string {
  return execFileSync('git', args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

function gitShow(ref: string, file: string): string | undefined {
  try {
    return git(['show', `${ref}:${file}`]);
  } catch {
    return undefined;
  }
}

/** The content files changed between the merge base of `base` and the working tree's HEAD. */
export function changedContent(base: string, root: string): ChangedFile[] {
  const mergeBase = git(['merge-base', base, 'HEAD']).trim();
  const lines = git(['diff', '--name-status', '-M', mergeBase, 'HEAD', '--', root]).split('\n').filter(Boolean);
  return lines.map((line) => {
    const [code, first, second] = line.split('\t');
    const letter = code!.charAt(0);
    // A, D and R as they are; anything else (M, or T for a type change) is a change.
    const status = (['A', 'D', 'R'].includes(letter) ? letter : 'M') as ChangedFile['status'];
    const file = status === 'R' ? second! : first!;
    return {
      status,
      file,
      before: status === 'A' ? undefined : gitShow(mergeBase, first!),
      after: status === 'D' ? undefined : gitShow('HEAD', file),
    };
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { base: { type: 'string' } }, strict: true });
  const base = values.base ?? process.env.BASE_SHA;
  if (!base) {
    console.error('node scripts/pr-summary.ts: say what to compare with: --base <git ref> (such as origin/main), or set BASE_SHA.');
    process.exit(1);
  }
  const summary = summarize(changedContent(base, contentDir()), contentDir());
  if (process.env.GITHUB_STEP_SUMMARY) appendFileSync(process.env.GITHUB_STEP_SUMMARY, `${summary}\n`);
  console.log(summary);
}
