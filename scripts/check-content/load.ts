/**
 * Reads the content directory the way Astro does (same folders, same ids, "_" files skipped),
 * keeping what the rules need to point at lines: the parsed YAML document and where the body
 * starts.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { LineCounter, parseDocument, type Document } from 'yaml';
import { COLLECTIONS, type CollectionName } from '../../src/schemas/index.ts';
import { entryIdFromPath } from '../../src/lib/content-paths.ts';

export const EXTENSIONS: Record<CollectionName, string> = {
  guides: '.mdx',
  prompts: '.mdx',
  mistakes: '.yaml',
  culture: '.mdx',
  stack: '.mdx',
  sources: '.yaml',
  figures: '.yaml',
};

export interface ContentFile {
  collection: CollectionName;
  id: string;
  /** Path relative to the working directory, forward slashes. */
  file: string;
  /** The whole file as written, for rules that work on exact positions (the MDX tree). */
  source: string;
  /** Front matter (or the whole YAML file) as plain data. */
  data: unknown;
  /** The YAML document, for mapping a field path to a line. */
  document: Document;
  lineCounter: LineCounter;
  /** Line in the file where the YAML starts (1 for .yaml files, 2 after an opening ---). */
  yamlStartLine: number;
  /** MDX body after the front matter; empty for YAML entries. */
  body: string;
  /** Line in the file where the body starts. */
  bodyStartLine: number;
  /** Set when the front matter cannot be parsed at all. */
  parseError?: { line: number; message: string };
}

function walk(dir: string, relative = ''): string[] {
  let names: string[];
  try {
    names = readdirSync(path.join(dir, relative));
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    if (name.startsWith('_') || name.startsWith('.')) return [];
    const rel = relative ? `${relative}/${name}` : name;
    return statSync(path.join(dir, rel)).isDirectory() ? walk(dir, rel) : [rel];
  });
}

function splitFrontMatter(raw: string): { yaml: string; body: string; bodyStartLine: number } | undefined {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(raw);
  if (!match) return undefined;
  const yamlLines = match[1]!.split('\n').length;
  return { yaml: match[1]!, body: raw.slice(match[0].length), bodyStartLine: yamlLines + 3 };
}

/** Every content file, including ones with the wrong extension (a rule reports those). */
export function loadContent(contentDir: string): { files: ContentFile[]; strays: string[] } {
  const files: ContentFile[] = [];
  const strays: string[] = [];
  for (const collection of COLLECTIONS) {
    const dir = path.join(contentDir, collection);
    for (const rel of walk(dir)) {
      const file = path.relative(process.cwd(), path.join(dir, rel)).replace(/\\/g, '/');
      if (path.extname(rel) !== EXTENSIONS[collection]) {
        strays.push(file);
        continue;
      }
      files.push(parseContentFile(collection, rel, file, readFileSync(path.join(dir, rel), 'utf8')));
    }
  }
  return { files, strays };
}

/**
 * One content file as the rules see it, from its text: `rel` is its path inside the collection
 * folder (it gives the id), `file` the path problems name.
 */
export function parseContentFile(collection: CollectionName, rel: string, file: string, raw: string): ContentFile {
  const isMdx = EXTENSIONS[collection] === '.mdx';
  const split = isMdx ? splitFrontMatter(raw) : { yaml: raw, body: '', bodyStartLine: 1 };
  const lineCounter = new LineCounter();
  const yaml = split?.yaml ?? '';
  const document = parseDocument(yaml, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const yamlStartLine = isMdx ? 2 : 1;
  const firstError = document.errors[0];
  return {
    collection,
    id: entryIdFromPath(rel),
    file,
    source: raw,
    data: document.errors.length ? undefined : document.toJS(),
    document,
    lineCounter,
    yamlStartLine,
    body: split?.body ?? raw,
    bodyStartLine: split?.bodyStartLine ?? 1,
    parseError: !split
      ? { line: 1, message: 'The file has no front matter block.' }
      : firstError
        ? { line: yamlStartLine - 1 + lineCounter.linePos(firstError.pos[0]).line, message: firstError.message.split('\n')[0]! }
        : undefined,
  };
}
