/**
 * `npm run check:dist`: checks the built site. Every internal link and #fragment resolves (with
 * the base path), no page loads anything from a third-party host, every id is unique on its
 * page, and every page carries the site's own Content-Security-Policy and no code the site did
 * not write (rules/security.ts), and every estimate table and number comes from the evaluator
 * (rules/estimates.ts). Run after `astro build`; `npm run build` does.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { loadSite, runRules } from './site.ts';
import { linksRule } from './rules/links.ts';
import { thirdPartyRule } from './rules/third-party.ts';
import { securityRule } from './rules/security.ts';
import { idsRule } from './rules/ids.ts';
import { estimatesRule } from './rules/estimates.ts';
import { report, sortProblems, type Problem } from '../lib/problems.ts';

export function checkDist(dir: string, base: string): Problem[] {
  const site = loadSite(dir, base);
  // Every rule on a page while it is parsed: one parse per page, not one per rule.
  return sortProblems(runRules(site, [linksRule(), thirdPartyRule, securityRule, idsRule, estimatesRule()]));
}

/** The command: checks the folder given, else OUT_DIR, else dist/, under BASE_PATH (else "/"); returns the exit code. */
export function main(args: readonly string[] = process.argv.slice(2), env: NodeJS.ProcessEnv = process.env): number {
  const dir = args[0] ?? env.OUT_DIR ?? 'dist';
  const base = env.BASE_PATH ?? '/';
  if (!existsSync(path.join(dir, 'index.html'))) {
    console.error(
      `✗ Built-site check: ${dir}/ holds no built site (no ${dir}/index.html). Build it first (npm run build, or OUT_DIR=${dir} npm run build), or name the folder to check: npm run check:dist -- <folder>.`,
    );
    return 1;
  }
  return report(checkDist(dir, base), `Built-site check of ${dir}/ (base ${base})`, env);
}

/**
 * `--after-input`: wait until standard input closes, then check. `npm run build` starts the check
 * this way while Astro is still writing the pages, so its start-up is paid meanwhile.
 */
export const AFTER_INPUT = '--after-input';

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  if (args[0] === AFTER_INPUT) {
    args.shift();
    await new Promise((resolve) => process.stdin.on('end', resolve).resume());
  }
  process.exitCode = main(args);
}
