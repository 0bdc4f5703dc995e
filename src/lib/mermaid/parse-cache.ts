/**
 * Remembers, on disk, which diagram sources mermaid's parser has accepted, keyed by a hash of the
 * source and mermaid's version. The content check checks every diagram (validate.ts), and so does
 * the diagram plugin outside `npm run build` (inside it, the plugin skips the blocks the check's
 * verdict lists: src/lib/content-verdict.ts); with this, a drawing is parsed once per content
 * hash, by whichever runs first, and never again while it is unchanged: mermaid itself is not
 * even loaded. Only successes are remembered, so a broken diagram always gets the parser's
 * current message.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildCacheDir } from '../build-cache.ts';

let mermaidVersion: string | undefined;
function versionOfMermaid(): string {
  if (mermaidVersion) return mermaidVersion;
  try {
    const pkg = path.join(process.cwd(), 'node_modules', 'mermaid', 'package.json');
    mermaidVersion = (JSON.parse(readFileSync(pkg, 'utf8')) as { version: string }).version;
  } catch {
    mermaidVersion = 'unknown';
  }
  return mermaidVersion;
}

function entry(source: string, cacheDir: string): string {
  const key = createHash('sha256')
    .update(JSON.stringify([versionOfMermaid(), source]))
    .digest('hex');
  return path.join(cacheDir, `${key}.ok`);
}

/** Whether mermaid has accepted exactly this source before. */
/** `cacheDir`: where accepted sources are remembered; none when the build's caches are off (build-cache.ts). */
export function parsedBefore(source: string, cacheDir = buildCacheDir('diagram-parses')): boolean {
  return cacheDir !== undefined && existsSync(entry(source, cacheDir));
}

/** Records that mermaid accepted this source. A read-only cache only costs speed. */
export function rememberParsed(source: string, cacheDir = buildCacheDir('diagram-parses')): void {
  // Stryker disable next-line ConditionalExpression: without the early return, mkdirSync(undefined) throws and the catch below does nothing
  if (cacheDir === undefined) return;
  try {
    mkdirSync(cacheDir, { recursive: true });
    // Stryker disable next-line StringLiteral: only the file's existence is read (parsedBefore), never its content
    writeFileSync(entry(source, cacheDir), '');
  } catch {
    // Nothing to do: the next check parses again.
  }
}
