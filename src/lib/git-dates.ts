/**
 * Last-updated dates from git. One `git log` over the whole repository, read once per build,
 * instead of one process per page. A file with uncommitted changes, or no history at all (a
 * fresh fixture, a shallow clone), falls back to its modification time.
 */
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import path from 'node:path';

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
  let dates = new Map<string, Date>();
  let dirty = new Set<string>();
  try {
    const log = execFileSync('git', ['log', '--format=%x00%cI', '--name-only', '--no-renames'], {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    dates = parseGitLog(log);
    const status = execFileSync('git', ['status', '--porcelain', '--untracked-files=all'], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    dirty = new Set(
      // Stryker disable next-line MethodExpression: an empty line adds "" to the set, which names no file.
      status
        .split('\n')
        .filter(Boolean)
        .map((l) => l.slice(3).trim()),
    );
  } catch {
    // Not a git checkout: every file uses its modification time.
  }
  cache = { root, dates, dirty };
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
