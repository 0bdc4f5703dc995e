/**
 * The one shape every checker reports, and the reporters that print it: a terminal listing for
 * people, GitHub annotations in Actions (so the problem shows on the pull request's diff line).
 */

export interface Problem {
  /** Path relative to the repository root. */
  file: string;
  /** 1-based line, when the problem has one. */
  line?: number;
  /** The check that found it, such as "frontmatter" or "link-target". */
  rule: string;
  /** What is wrong. */
  message: string;
  /** What to do about it. */
  fix: string;
}

export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || a.rule.localeCompare(b.rule));
}

export function formatForTerminal(problems: readonly Problem[], what: string): string {
  if (problems.length === 0) return `✓ ${what}: no problems.`;
  const lines = sortProblems(problems).map((p) => `${p.file}${p.line ? `:${p.line}` : ''}  [${p.rule}]\n  ${p.message}\n  Fix: ${p.fix}`);
  return `✗ ${what}: ${problems.length} problem${problems.length === 1 ? '' : 's'}\n\n${lines.join('\n\n')}\n`;
}

function escapeAnnotation(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function formatForGitHub(problems: readonly Problem[]): string {
  return sortProblems(problems)
    .map(
      (p) =>
        `::error file=${p.file}${p.line ? `,line=${p.line}` : ''},title=${escapeAnnotation(p.rule)}::${escapeAnnotation(`${p.message} Fix: ${p.fix}`)}`,
    )
    .join('\n');
}

/** Prints problems for the current environment and returns the exit code. */
export function report(problems: readonly Problem[], what: string): number {
  console.log(formatForTerminal(problems, what));
  if (process.env.GITHUB_ACTIONS === 'true' && problems.length > 0) console.log(formatForGitHub(problems));
  return problems.length > 0 ? 1 : 0;
}
