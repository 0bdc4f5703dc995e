/**
 * `npm run check:content`: checks every content file before the build, reporting each problem
 * with its file, line, and the fix. Exits 1 if there is any. Run it alone for quick feedback;
 * `npm run build` runs it first.
 */
import type { Root } from 'mdast';
import { loadContent, type ContentFile } from './load.ts';
import { buildContext, type Rule } from './context.ts';
import { checkFrontMatter } from './rules/frontmatter.ts';
import { checkStructure } from './rules/structure.ts';
import { checkPromptStructure } from './rules/prompt-sections.ts';
import { checkDiagrams } from './rules/diagrams.ts';
import { checkComponents } from './rules/components.ts';
import { checkPlaceholders } from './rules/placeholders.ts';
import { checkMistakesEmbedded } from './rules/embedded-mistakes.ts';
import { checkContentSafety, mdxTreeOf } from './rules/content-safety.ts';
import { checkLinks } from './rules/links.ts';
import { checkHeadingIds } from './rules/heading-ids.ts';
import { report, sortProblems, type Problem } from '../lib/problems.ts';
import { contentDir } from '../../src/lib/content-paths.ts';

/**
 * The estimates rule (./rules/estimates.ts), loaded when it runs: it loads mathjs, about 0.1-0.2 s
 * that `npm run build` would otherwise spend before the content-safety verdict Astro waits for.
 */
const checkEstimates: Rule = async (context) => (await import('./rules/estimates.ts')).checkEstimates(context);

export const RULES: readonly Rule[] = [
  checkEstimates,
  checkStructure,
  checkFrontMatter,
  checkComponents,
  checkPromptStructure,
  checkDiagrams,
  checkPlaceholders,
  checkMistakesEmbedded,
  checkContentSafety,
  checkLinks,
  checkHeadingIds,
];

/** A content check under way: the safety rules have run, the others run on `finish()`. */
export interface ContentCheck {
  /** The files as read. */
  files: ContentFile[];
  /**
   * What the content-safety rules found. With none, `npm run build` lets Astro compile these very
   * bytes (src/lib/content-verdict.ts) while the other rules run.
   */
  safety: Problem[];
  /** Runs the other rules: every problem, the safety rules' included, sorted. */
  finish(): Promise<Problem[]>;
  /**
   * The MDX tree the safety rules parsed from a file's body (front matter blanked, as Astro's MDX
   * plugin blanks it), for the build script's compiler to take a copy of (src/lib/parsed-ahead.ts);
   * undefined for YAML and for a file that does not parse. The other rules read it too: never change it.
   */
  mdxTree: (file: ContentFile) => Root | undefined;
}

/** Reads a content directory and runs the content-safety rules on it, leaving the others for `finish()`. */
export async function startContentCheck(directory: string): Promise<ContentCheck> {
  const { files, strays } = loadContent(directory);
  const context = buildContext(files, strays);
  const safety = await checkContentSafety(context);
  const others = RULES.filter((rule) => rule !== checkContentSafety);
  return {
    files,
    safety,
    finish: async () => sortProblems([...safety, ...(await Promise.all(others.map(async (rule) => rule(context)))).flat()]),
    mdxTree: mdxTreeOf,
  };
}

/** Runs every rule over a content directory: the problems, and the files as they were read. */
export async function checkContentFiles(directory: string): Promise<{ problems: Problem[]; files: ContentFile[] }> {
  const check = await startContentCheck(directory);
  return { problems: await check.finish(), files: check.files };
}

/** Runs every rule over a content directory. */
export async function checkContent(directory: string): Promise<Problem[]> {
  return (await checkContentFiles(directory)).problems;
}

/** The command: checks the folder given, else the content folder (CONTENT_DIR or content/); returns the exit code. */
export async function main(args: readonly string[] = process.argv.slice(2), env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const directory = args[0] ?? contentDir();
  return report(await checkContent(directory), `Content check of ${directory}/`, env);
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = await main();
