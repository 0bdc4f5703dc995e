/**
 * Runs the content-safety rules (scripts/check-content/rules/content-safety.ts) on every .mdx
 * file before Astro's MDX integration compiles it, in every path that compiles content:
 * `npm run dev`, `astro build`, `npm run build` and the fixture-site builds in the tests.
 *
 * MDX is compiled to JavaScript and run at build time, so an `import`, an `export` or a
 * `{expression}` in a page would run with the build's permissions before any later check could
 * look at the output. This transform runs first (`enforce: 'pre'` and hook order 'pre', ahead of
 * @astrojs/mdx's own 'pre' transform) and throws before the compiler sees the file. The error's
 * `loc` names the MDX file, line and column, so the terminal prints file:line:column and the dev
 * overlay shows the MDX source (not the page that renders it).
 *
 * Under `npm run build` the full content check runs beside `astro build` (src/lib/content-verdict.ts):
 * this transform then waits for its verdict (written once the check's safety rules, these same
 * rules, have passed every file) and does not parse again a file whose exact bytes they passed; any
 * other file it checks itself.
 */
import path from 'node:path';
import type { Plugin } from 'vite';
import { checkMdxSource, type SourceProblem } from '../../scripts/check-content/rules/content-safety.ts';
import { parentGone, passedByCheck, VERDICT_VARIABLE, waitForVerdict, type Verdict } from '../lib/content-verdict.ts';

/** The error thrown for an MDX file that breaks the rules; `loc` is what Vite and Astro show. */
export class ContentSafetyError extends Error {
  override name = 'ContentSafetyError';
  /** Where the first problem is (absolute file path). */
  loc: { file: string; line: number; column: number };
  /** What to do about the first problem (Astro shows it as the hint). */
  hint: string;
  /** The module id, as Vite reports it. */
  id: string;
  problems: readonly SourceProblem[];

  constructor(file: string, problems: readonly SourceProblem[]) {
    const relative = path.relative(process.cwd(), file).replace(/\\/g, '/');
    const first = problems[0]!;
    const list = problems.map((p) => `${relative}:${p.line}:${p.column}  [${p.rule}] ${p.message}\n  Fix: ${p.fix}`);
    super(
      `${relative}:${first.line}:${first.column}: ${first.message}\n\n` +
        `The content check stopped the build before compiling this file (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n\n${list.join('\n\n')}\n\nRun npm run check:content to check every file at once.`,
    );
    this.loc = { file, line: first.line, column: first.column };
    this.hint = first.fix;
    this.id = file;
    this.problems = problems;
  }
}

/**
 * Set only by the built-site check's own tests, which build fixture pages the content check
 * refuses (a raw <a>, an image from another host) to prove the check of the built HTML catches
 * them too. It comes from the build's environment, which the workflow sets, never from content.
 */
export const UNCHECKED_CONTENT_VARIABLE = 'BUILD_UNCHECKED_CONTENT_FOR_TESTS';

export default function contentSafety(env: NodeJS.ProcessEnv = process.env): Plugin {
  const unchecked = env[UNCHECKED_CONTENT_VARIABLE] === '1';
  const verdictFile = env[VERDICT_VARIABLE];
  const parent = process.ppid;
  let verdict: Promise<Verdict> | undefined;
  return {
    name: 'netflix-loop-guide:content-safety',
    enforce: 'pre',
    buildStart() {
      if (unchecked)
        this.warn(
          `${UNCHECKED_CONTENT_VARIABLE}=1: MDX is compiled WITHOUT the content-safety check (tests of the built-site check only).`,
        );
    },
    transform: {
      order: 'pre',
      filter: { id: /\.mdx(?:\?.*)?$/ },
      async handler(code, id) {
        const file = id.split('?')[0]!;
        if (unchecked || !file.endsWith('.mdx')) return null;
        if (verdictFile) {
          verdict ??= waitForVerdict(verdictFile, { abandoned: () => parentGone(parent) });
          if (passedByCheck(await verdict, file, code)) return null;
        }
        const problems = checkMdxSource(code);
        if (problems.length > 0) throw new ContentSafetyError(file, problems);
        return null;
      },
    },
  };
}
