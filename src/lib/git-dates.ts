/**
 * Last-updated dates from git. One `git log` over the whole repository, read once per build,
 * instead of one process per page. A file with uncommitted changes, or no history at all (a
 * fresh fixture, a shallow clone), falls back to its modification time.
 *
 * `npm run build` asks git itself once Astro has started, and hands the answers to `astro build`
 * in a file (GIT_DATES_VARIABLE): started from Astro, git waited for a copy of a process of a
 * gigabyte, in the middle of rendering, and the renderer with it (0.1-0.3 s).
 */
import { execFileSync, type ExecFileSyncOptionsWithStringEncoding } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { writeWhole } from './write-whole.ts';
import path from 'node:path';
import { z } from 'zod';

/** Set by scripts/build.ts for its `astro build`: the file with git's answers (GitHistorySchema). */
export const GIT_DATES_VARIABLE = 'GIT_DATES_FILE';

const LOG_ARGS = ['log', '--format=%x00%cI', '--name-only', '--no-renames'];
const STATUS_ARGS = ['status', '--porcelain', '--untracked-files=all'];

export const GitHistorySchema = z.strictObject({
  /** The repository root git ran in, absolute: the answers hold only for it. */
  root: z.string().min(1),
  /** `git log --format=%x00%cI --name-only --no-renames`. */
  log: z.string(),
  /** `git status --porcelain --untracked-files=all`. */
  status: z.string(),
});
export type GitHistory = z.infer<typeof GitHistorySchema>;

/** Writes the answers whole or not at all (a reader never sees half a file). */
export function writeGitHistory(file: string, history: GitHistory): void {
  writeWhole(file, JSON.stringify(GitHistorySchema.parse(history)));
}

/** The answers the build handed over for `root`, if they are there yet and are for it. */
function handedOver(root: string): GitHistory | undefined {
  const file = process.env[GIT_DATES_VARIABLE];
  if (!file || !existsSync(file)) return undefined;
  const parsed = GitHistorySchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file} is not a git-dates file: ${z.prettifyError(parsed.error)}. Run npm run build again.`);
  return parsed.data.root === path.resolve(root) ? parsed.data : undefined;
}

/** Git's answers for `root`, asked here and now; undefined outside a git checkout. */
export function readGitHistory(root: string): GitHistory | undefined {
  try {
    const options: ExecFileSyncOptionsWithStringEncoding = {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'ignore'],
    };
    return { root: path.resolve(root), log: execFileSync('git', LOG_ARGS, options), status: execFileSync('git', STATUS_ARGS, options) };
  } catch {
    return undefined;
  }
}

/** Parses `git log --format=%x00%cI --name-only` output into path -> newest commit date. */
export function parseGitLog(output: string): Map<string, Date> {
  const dates = new Map<string, Date>();
  for (const block of output.split('\0')) {
    const [dateLine, ...files] = block.trim().split('\n');
    // Stryker disable next-line ConditionalExpression: an empty line is not a date either, and the next check skips it.
    if (!dateLine) continue;
    const date = new Date(dateLine.trim());
    if (Number.isNaN(date.getTime())) continue;
    for (const file of files) {
      const name = file.trim();
      // The log is newest first, so the first date seen for a file is its last update.
      if (name && !dates.has(name)) dates.set(name, date);
    }
  }
  return dates;
}

let cache: { root: string; dates: Map<string, Date>; dirty: Set<string> } | undefined;

function load(root: string) {
  if (cache?.root === root) return cache;
  // Not a git checkout: every file uses its modification time.
  const history = handedOver(root) ?? readGitHistory(root) ?? { root, log: '', status: '' };
  const dirty = new Set(
    // Stryker disable next-line MethodExpression: an empty line adds "" to the set, which names no file.
    history.status
      .split('\n')
      .filter(Boolean)
      .map((l) => l.slice(3).trim()),
  );
  cache = { root, dates: parseGitLog(history.log), dirty };
  return cache;
}

/** When a file (path relative to the repository root) last changed. */
export function lastUpdated(relativeFile: string, root = process.cwd()): Date | undefined {
  const { dates, dirty } = load(root);
  const file = relativeFile.replace(/\\/g, '/');
  const committed = dates.get(file);
  if (committed && !dirty.has(file)) return committed;
  try {
    return statSync(path.join(root, file)).mtime;
  } catch {
    return committed;
  }
}
