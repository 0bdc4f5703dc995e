/**
 * A synthetic copy of the content at N times its size, for `npm run bench -- --scale N`: every
 * prompt, stack entry, culture entry and GOOD/BAD pair embedded in them is copied N-1 more times under a new id
 * (`<id>-copy<k>`), and every reference between them (front matter, components such as
 * <StackLink id>, links such as /prompts/<id>/) is rewritten to the copy of the same number, so the
 * copies form N parallel sites that pass every check. Guides (one per round and section, with
 * unique orders), sources and figures stay single: copies cite the same sources and use the same
 * figures, as new pages do.
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** The collections that are copied: one file per entry, the file name is the id. */
export const SCALED_COLLECTIONS = ['prompts', 'stack', 'culture', 'mistakes'] as const;

const copyId = (id: string, k: number) => `${id}-copy${k}`;

/**
 * The site path of the original of a synthetic copy (`/stack/zuul-copy3/` is `/stack/zuul/`,
 * fragments and subpages kept); any other path as it is. Real ids never end in `-copy<k>`
 * (the copy would clash with them), so nothing real is rewritten.
 */
export function originalPath(sitePath: string): string {
  return sitePath.replace(new RegExp(`^/(${SCALED_COLLECTIONS.join('|')})/([^/#]+)-copy\\d+(?=[/#]|$)`), '/$1/$2');
}

/**
 * Search results as they would be on a site without synthetic copies: each copy counted as its
 * original, and each page once, where it first appears. A copy repeats its original word for
 * word, so at --scale N the first results for a query are the page and its N-1 copies in an
 * arbitrary order; counted raw, a copy ranked above the original reads as a miss, and the copies
 * push the other expected pages out of the top three. The benchmark's relevance figures at N > 1
 * use this, and say so (scripts/bench.ts).
 */
export function mergeCopies(results: readonly string[]): string[] {
  return [...new Set(results.map(originalPath))];
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function entryIds(contentDir: string, collection: string): string[] {
  const dir = path.join(contentDir, collection);
  return readdirSync(dir)
    .filter((name) => /\.(mdx|md|yaml|yml)$/.test(name))
    .map((name) => name.replace(/\.(mdx|md|yaml|yml)$/, ''));
}

/**
 * Rewrites one copied file's references to copy k: ids in front matter (list items and values of
 * the reference fields), component ids and site links to entries of the copied collections.
 */
export function rewriteReferences(text: string, ids: ReadonlyMap<string, ReadonlySet<string>>, k: number): string {
  let out = text;
  for (const [collection, set] of ids) {
    if (set.size === 0) continue;
    const alternatives = [...set]
      .sort((a, b) => b.length - a.length)
      .map(escape)
      .join('|');
    // Links: /prompts/<id>/ and /prompts/<id>/cheatsheet/ (with or without a #fragment).
    out = out.replace(
      new RegExp(`/${collection}/(${alternatives})(?=[/#"')\\s])`, 'g'),
      (_, id: string) => `/${collection}/${copyId(id, k)}`,
    );
  }
  const all = new Set([...ids.values()].flatMap((set) => [...set]));
  // Component ids: <StackLink id="x">, <MistakeLink id="x">, <MistakePair id="x">.
  out = out.replace(
    /<(StackLink|MistakeLink|MistakePair|PromptLink|CultureLink)(\s+)id="([^"]+)"/g,
    (whole, tag: string, space: string, id: string) => (all.has(id) ? `<${tag}${space}id="${copyId(id, k)}"` : whole),
  );
  // Front matter: reference fields hold ids as list items or single values.
  const end = out.startsWith('---') ? out.indexOf('\n---', 3) : -1;
  if (end > 0) {
    const fields = ['prompts', 'stack', 'culture', 'mistakes', 'related', 'replacedBy'];
    const lines = out.slice(0, end).split('\n');
    let field = '';
    for (let i = 0; i < lines.length; i += 1) {
      const line = lines[i]!;
      const key = /^([A-Za-z]+):\s*(.*)$/.exec(line);
      if (key) {
        field = key[1]!;
        const value = key[2]!.trim();
        if (fields.includes(field) && all.has(value)) lines[i] = `${field}: ${copyId(value, k)}`;
        continue;
      }
      const item = /^(\s*-\s+)(\S+)\s*$/.exec(line);
      if (item && fields.includes(field) && all.has(item[2]!)) lines[i] = `${item[1]}${copyId(item[2]!, k)}`;
    }
    out = lines.join('\n') + out.slice(end);
  }
  return out;
}

/** Writes the content at `factor` times its size into `destDir`; returns the number of entries added. */
export function scaleContent(contentDir: string, destDir: string, factor: number): number {
  if (!Number.isInteger(factor) || factor < 1) throw new Error(`--scale takes a whole number of 1 or more, not ${factor}.`);
  mkdirSync(destDir, { recursive: true });
  cpSync(contentDir, destDir, { recursive: true });
  // A GOOD/BAD pair must sit on a round or prompt page: only pairs a prompt embeds are copied
  // (the others sit on round guides, which stay single).
  const embedded = new Set<string>();
  for (const name of readdirSync(path.join(contentDir, 'prompts'))) {
    {
      const text = readFileSync(path.join(contentDir, 'prompts', name), 'utf8');
      for (const match of text.matchAll(/<MistakePair\s+id="([^"]+)"/g)) embedded.add(match[1]!);
      const front = text.startsWith('---') ? text.slice(0, text.indexOf('\n---', 3)) : '';
      const list = /^mistakes:\n((?:\s+-\s+\S+\n?)+)/m.exec(front);
      for (const item of list?.[1]?.matchAll(/-\s+(\S+)/g) ?? []) embedded.add(item[1]!);
    }
  }
  // The ids that get copies; references to any other entry stay as they are.
  const ids = new Map(
    SCALED_COLLECTIONS.map((c) => [c, new Set(entryIds(contentDir, c).filter((id) => c !== 'mistakes' || embedded.has(id)))] as const),
  );
  let added = 0;
  for (let k = 2; k <= factor; k += 1) {
    for (const collection of SCALED_COLLECTIONS) {
      for (const name of readdirSync(path.join(contentDir, collection))) {
        const match = /^(.+)\.(mdx|md|yaml|yml)$/.exec(name);
        if (!match || (collection === 'mistakes' && !embedded.has(match[1]!))) continue;
        const text = readFileSync(path.join(contentDir, collection, name), 'utf8');
        // A distinct title, so search and the sidebar tell the copies apart.
        const retitled = text.replace(/^title:\s*(.+)$/m, (_, title: string) => {
          const quoted = /^(['"])(.*)\1$/.exec(title.trim());
          return quoted ? `title: ${quoted[1]}${quoted[2]} ${k}${quoted[1]}` : `title: ${title.trim()} ${k}`;
        });
        writeFileSync(path.join(destDir, collection, `${copyId(match[1]!, k)}.${match[2]}`), rewriteReferences(retitled, ids, k));
        added += 1;
      }
    }
  }
  return added;
}
