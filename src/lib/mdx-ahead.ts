/**
 * MDX compiled on both cores. `npm run build` (scripts/build.ts) runs `astro build` in its own
 * process; once the content check has passed, the build script compiles pages' MDX too, with the
 * very processor astro.config.mjs gives Astro, while Astro compiles on the other core. They share
 * the work through a private folder (MDX_AHEAD_DIR, made by the build for one run):
 *
 * - whoever starts a file first claims it (`<key>.claim`, created only if absent), so no file is
 *   compiled twice;
 * - the build script stores what it compiled (`<key>.json`, written whole) or marks a failure
 *   (`<key>.failed`: Astro then compiles the file itself and reports the error at its line);
 * - Astro's MDX transform (src/plugins/mdx-ahead.ts) takes a stored result (leaving `<key>.taken`),
 *   compiles a file nobody claimed, and waits for one the build script is compiling;
 * - for the files Astro compiles itself, the build script first stores the tree its content check
 *   parsed (`<tree key>.tree.json`), and Astro's parser takes it instead of parsing the same text
 *   again (src/plugins/remark-parsed-ahead.ts): reading one takes about a fortieth of the parse.
 *
 * A key is the SHA-256 of the processor's settings, the file's path and its exact text, so Astro
 * only ever takes the compilation of the bytes it was handed, made with the settings it has. The
 * build script compiles only files whose exact bytes the content check passed.
 */
import { createHash } from 'node:crypto';
import { closeSync, existsSync, openSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Root } from 'mdast';
import { z } from 'zod';
import { offerParsedTree, withdrawParsedTree } from './parsed-ahead.ts';
import { writeWhole } from './write-whole.ts';

/** Set by scripts/build.ts for its `astro build`: the folder both processes share for one build. */
export const AHEAD_VARIABLE = 'MDX_AHEAD_DIR';

/** What Astro's MDX renderer returns for one file, as stored between the two processes. */
export const CompiledMdxSchema = z.strictObject({
  /** The compiled JavaScript module. */
  code: z.string(),
  /** Its source map as JSON, or null (the build makes none). */
  map: z.string().nullable(),
  /** What Astro needs to know about the page (components, scripts, head propagation). */
  astroMetadata: z.record(z.string(), z.unknown()),
});
export type CompiledMdx = z.infer<typeof CompiledMdxSchema>;

/** Astro's MDX renderer (`processor.createMdxRenderer`): compiles one file's body. */
export interface MdxRenderer {
  process(content: string, filePath: string, frontmatter: Record<string, unknown>): Promise<CompiledMdx>;
}

/** The settings an MDX renderer is made from; both processes must agree on them. */
export interface RendererSettings {
  /** The unified processor's options: remark and rehype plugins with their options, gfm, smartypants. */
  processorOptions: unknown;
  /** `markdown.syntaxHighlight`. */
  syntaxHighlight: unknown;
  /** The source folder, absolute. */
  srcDir: string;
  /** @astrojs/mdx's `optimize` option (static HTML compiled to strings). */
  optimize: unknown;
}

/** The part of an Astro config (user or resolved) the MDX renderer is made from. */
export interface MarkdownConfig {
  markdown?: { processor?: { options?: unknown }; syntaxHighlight?: unknown };
}

/** @astrojs/mdx's options that change what it compiles. */
export interface MdxOptions {
  optimize?: unknown;
}

/** The settings of a config's MDX renderer; srcDir is absolute. */
export function rendererSettings(config: MarkdownConfig, srcDir: string, mdx: MdxOptions = {}): RendererSettings {
  return {
    processorOptions: config.markdown?.processor?.options,
    syntaxHighlight: config.markdown?.syntaxHighlight,
    srcDir: path.resolve(srcDir),
    optimize: mdx.optimize ?? false,
  };
}

/** A hash of the renderer's settings: plugins by name, with their options. */
export function rendererFingerprint(settings: RendererSettings): string {
  const text = JSON.stringify(settings, (_, value: unknown) => (typeof value === 'function' ? `function ${value.name}` : value));
  return createHash('sha256').update(text).digest('hex');
}

/** The key of one file's compilation: settings, absolute path and exact text. */
export function aheadKey(fingerprint: string, file: string, code: string): string {
  return createHash('sha256').update(fingerprint).update('\0').update(file).update('\0').update(code, 'utf8').digest('hex');
}

/** The shared folder of one build. */
export class AheadFolder {
  readonly dir: string;

  constructor(dir: string) {
    this.dir = dir;
  }

  private path(key: string, ending: 'claim' | 'json' | 'failed' | 'taken' | 'tree.json'): string {
    return path.join(this.dir, `${key}.${ending}`);
  }

  /** A tree's key: the absolute path and the exact text it was parsed from. */
  private treeKey(file: string, text: string): string {
    return createHash('sha256').update(file).update('\0').update(text).digest('hex');
  }

  /**
   * Stores the MDX tree parsed from `text` of `file` whole, for the other process's parser. The
   * content check's trees hold only JSON values (it rejects expressions and imports, whose trees
   * carry JavaScript syntax), so the stored tree is the parsed one exactly.
   */
  storeTree(file: string, text: string, tree: Root): void {
    writeWhole(this.path(this.treeKey(file, text), 'tree.json'), JSON.stringify(tree));
  }

  /** The tree stored for exactly this text of this file (a fresh copy each time), or undefined; throws naming a file that is not a tree. */
  readTree(file: string, text: string): Root | undefined {
    const stored = this.path(this.treeKey(file, text), 'tree.json');
    if (!existsSync(stored)) return undefined;
    const tree = JSON.parse(readFileSync(stored, 'utf8')) as Partial<Root> | null;
    if (tree?.type !== 'root' || !Array.isArray(tree.children))
      throw new Error(`${stored} is not an MDX tree (stored for ${file}). Run npm run build again.`);
    return tree as Root;
  }

  /** Claims a file for the caller; false when the other process claimed it first. */
  claim(key: string): boolean {
    try {
      closeSync(openSync(this.path(key, 'claim'), 'wx'));
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw error;
    }
  }

  /** Stores a compilation whole (a reader never sees half a file). */
  store(key: string, compiled: CompiledMdx): void {
    writeWhole(this.path(key, 'json'), JSON.stringify(compiled));
  }

  /** Marks a claimed file as not compiled, so the other process compiles it (and reports why). */
  fail(key: string): void {
    writeFileSync(this.path(key, 'failed'), '');
  }

  /** The stored compilation, or undefined; throws naming the file when it is not one. */
  read(key: string): CompiledMdx | undefined {
    const file = this.path(key, 'json');
    if (!existsSync(file)) return undefined;
    // Stryker disable next-line StringLiteral: without an encoding readFileSync returns a Buffer, which JSON.parse reads as UTF-8 text all the same
    const result = CompiledMdxSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    if (!result.success) throw new Error(`${file} is not a compiled MDX file: ${z.prettifyError(result.error)}. Run npm run build again.`);
    return result.data;
  }

  failed(key: string): boolean {
    return existsSync(this.path(key, 'failed'));
  }

  /** Astro's receipt for a compilation it took. */
  markTaken(key: string): void {
    writeFileSync(this.path(key, 'taken'), '');
  }

  /** How many compilations Astro took: fewer than were stored means the two sides' settings differ. */
  takenCount(): number {
    return readdirSync(this.dir).filter((name) => name.endsWith('.taken')).length;
  }
}

export interface TakeOptions {
  /** Milliseconds between looks while the other process compiles the file. */
  intervalMs?: number;
  /** True when waiting is pointless: the build script is gone. */
  abandoned?: () => boolean;
}

/**
 * Astro's side: the compilation the build script made of this file, waiting for it if the script
 * is compiling it now; undefined when Astro should compile the file itself (nobody had claimed
 * it, and now Astro has; or the script could not compile it).
 */
export async function take(
  folder: AheadFolder,
  key: string,
  // Stryker disable next-line ArrowFunction: a default returning undefined is as falsy as false, so the wait goes on the same
  { intervalMs = 10, abandoned = () => false }: TakeOptions = {},
): Promise<CompiledMdx | undefined> {
  const stored = folder.read(key);
  if (stored) folder.markTaken(key);
  if (stored || folder.claim(key)) return stored;
  for (;;) {
    const compiled = folder.read(key);
    if (compiled) {
      folder.markTaken(key);
      return compiled;
    }
    if (folder.failed(key)) return undefined;
    if (abandoned())
      throw new Error(`The build script stopped while compiling an MDX file (${key.slice(0, 12)}). Run npm run build again.`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** Splits a file's frontmatter from its body, as Astro's MDX plugin does before compiling. */
export type FrontmatterParser = (code: string) => { frontmatter: Record<string, unknown>; content: string };

/**
 * The build script's side: compiles each file nobody has claimed, last first (Astro tends to
 * start at the other end), and stores it. Returns how many it compiled. A file that fails is
 * left to Astro, which reports the error with its own file and line. `parsedTree` gives the tree
 * the content check parsed from a file's body, if any: the compiler takes a copy of it instead of
 * parsing the same text again (src/lib/parsed-ahead.ts), and every such tree is stored first for
 * the files Astro compiles itself (AheadFolder.storeTree).
 */
export async function compileAhead<File extends { file: string; source: string }>(
  files: readonly File[],
  options: {
    folder: AheadFolder;
    renderer: MdxRenderer;
    fingerprint: string;
    parseFrontmatter: FrontmatterParser;
    parsedTree?: (file: File) => Root | undefined;
  },
): Promise<number> {
  // Each file's front matter split from its body once. A file whose front matter does not parse
  // has no body here: it is left to Astro, which reports the error at its line.
  const bodies = new Map<File, ReturnType<FrontmatterParser> | undefined>();
  for (const entry of files) {
    try {
      bodies.set(entry, options.parseFrontmatter(entry.source));
    } catch {
      bodies.set(entry, undefined);
    }
  }
  // First every checked tree, for the files Astro will compile itself (from the other end).
  if (options.parsedTree) {
    for (const entry of files) {
      const tree = options.parsedTree(entry);
      const body = bodies.get(entry);
      if (tree && body) options.folder.storeTree(path.resolve(entry.file), body.content, tree);
    }
  }
  let compiled = 0;
  for (const entry of [...files].reverse()) {
    const absolute = path.resolve(entry.file);
    const key = aheadKey(options.fingerprint, absolute, entry.source);
    if (!options.folder.claim(key)) continue;
    const body = bodies.get(entry);
    try {
      if (!body) throw new Error(`The front matter of ${entry.file} does not parse.`);
      const { frontmatter, content } = body;
      const tree = options.parsedTree?.(entry);
      // A copy: the compiler's plugins change the tree, and the check's other rules read it later.
      if (tree) offerParsedTree(absolute, content, structuredClone(tree));
      const result = await options.renderer.process(content, absolute, frontmatter);
      options.folder.store(key, { code: result.code, map: result.map, astroMetadata: result.astroMetadata });
      compiled += 1;
    } catch {
      options.folder.fail(key);
    } finally {
      withdrawParsedTree(absolute);
    }
  }
  return compiled;
}
