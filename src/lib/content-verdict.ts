/**
 * The content check's verdict, handed from `npm run build` (scripts/build.ts) to the
 * content-safety Vite plugin inside `astro build` (src/plugins/content-safety.ts).
 *
 * The build runs the content check and `astro build` side by side, on two cores. Astro may start,
 * load its config and bundle scripts meanwhile, but the plugin holds back every .mdx file until
 * the check's content-safety rules (the rules the plugin itself runs) have passed every file: the
 * check then writes the SHA-256 of each file into the verdict file, and the plugin lets a file
 * through to the MDX compiler without parsing it again only if its bytes hash to what the check
 * passed. Any other file (changed since, not content, no verdict) is checked by the plugin itself,
 * as in `astro dev`. If the safety rules find a problem, no verdict is ever written; if any rule
 * does, the build stops Astro. Nothing is compiled before the safety rules have passed it.
 *
 * The verdict also lists, by hash, every ```mermaid block the check's diagram rule parses
 * (src/lib/mermaid/blocks.ts). The build stops on any problem that rule finds, so the diagram
 * plugin inside `astro build` need not parse those blocks again (diagramCheckedByBuild): each
 * diagram is parsed once per build. A block the list lacks (another text, or a block the rule does
 * not read, such as one inside a quote) is checked by the plugin itself.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { writeWhole } from './write-whole.ts';
import { checkedMermaidBlocks, type DiagramSourceFile } from './mermaid/blocks.ts';

/** Set by scripts/build.ts for its `astro build`: where the verdict file will appear. */
export const VERDICT_VARIABLE = 'CONTENT_CHECK_VERDICT_FILE';

const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 in hex');

export const VerdictSchema = z.strictObject({
  /** The content folder the check read, absolute (for messages). */
  contentDir: z.string().min(1),
  /** Each file the check passed, by absolute path: the SHA-256 (hex) of its bytes as read. */
  passed: z.record(z.string().min(1), sha256),
  /** The SHA-256 (hex) of each ```mermaid block's text the check's diagram rule parses, sorted, once each. */
  diagrams: z.array(sha256),
});
export type Verdict = z.infer<typeof VerdictSchema>;

/** The SHA-256 of a file's text, in hex, as the verdict records it. */
export function contentHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** A file as the check read it: its path (relative to `cwd` or absolute), its text, and what the diagram rule reads of it. */
export interface CheckedFile extends DiagramSourceFile {
  file: string;
  source: string;
}

/** The verdict for files that passed, with the diagrams the rest of the check parses in them. */
export function verdictFor(contentDir: string, files: Iterable<CheckedFile>, cwd = process.cwd()): Verdict {
  const passed: Record<string, string> = {};
  const diagrams = new Set<string>();
  for (const file of files) {
    passed[path.resolve(cwd, file.file)] = contentHash(file.source);
    for (const block of checkedMermaidBlocks(file)) diagrams.add(contentHash(block.source));
  }
  return { contentDir: path.resolve(cwd, contentDir), passed, diagrams: [...diagrams].sort() };
}

/** Writes the verdict whole or not at all (a reader never sees half a file). */
export function writeVerdict(file: string, verdict: Verdict): void {
  writeWhole(file, JSON.stringify(VerdictSchema.parse(verdict)));
}

/** Reads a verdict file; throws naming the file when it is not one. */
export function readVerdict(file: string): Verdict {
  const result = VerdictSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!result.success) {
    throw new Error(`${file} is not a content-check verdict: ${z.prettifyError(result.error)}. Delete it and run npm run build again.`);
  }
  return result.data;
}

/** True when the process that started this one is gone (so no verdict will ever be written). */
export function parentGone(parent: number): boolean {
  try {
    process.kill(parent, 0);
    return false;
  } catch {
    return true;
  }
}

export interface WaitOptions {
  /** Milliseconds between looks. */
  intervalMs?: number;
  /** True when waiting is pointless: the build that would write the verdict is gone. */
  abandoned?: () => boolean;
}

/**
 * Resolves with the verdict once its file exists. Rejects if `abandoned()` turns true first (the
 * build script died, so no verdict will come): a wait that cannot end must not hang the build.
 */
export function waitForVerdict(file: string, { intervalMs = 25, abandoned = () => false }: WaitOptions = {}): Promise<Verdict> {
  return new Promise((resolve, reject) => {
    const look = () => {
      if (existsSync(file)) {
        try {
          resolve(readVerdict(file));
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
        }
        return;
      }
      if (abandoned()) {
        reject(
          new Error(`No content-check verdict appeared at ${file}, and the build that would write it has ended. Run npm run build again.`),
        );
        return;
      }
      setTimeout(look, intervalMs);
    };
    look();
  });
}

/** Whether the check passed this very text of this file (absolute path). */
export function passedByCheck(verdict: Verdict, file: string, text: string): boolean {
  const hash = verdict.passed[file];
  return hash !== undefined && hash === contentHash(text);
}

/** The diagram hashes of the verdict file `file`, read once per process (a build writes one verdict). */
const checkedDiagrams = new Map<string, Set<string>>();

/**
 * Whether the build that started this process checks this exact diagram text in its content check
 * (which stops the build on any problem), so parsing it here again would be wasted. False outside
 * `npm run build` (no verdict variable), before a verdict exists, and for any text it does not list.
 */
export function diagramCheckedByBuild(source: string, env: NodeJS.ProcessEnv = process.env): boolean {
  const file = env[VERDICT_VARIABLE];
  if (!file) return false;
  let hashes = checkedDiagrams.get(file);
  if (!hashes) {
    if (!existsSync(file)) return false;
    hashes = new Set(readVerdict(file).diagrams);
    checkedDiagrams.set(file, hashes);
  }
  return hashes.has(contentHash(source));
}
