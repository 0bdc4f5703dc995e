/**
 * The one shape every checker reports, and the reporters that print it where the contributor
 * looks: a terminal listing as file:line:column (editors and terminals open the file at that
 * spot), and in GitHub Actions also workflow-command annotations (shown on the pull request's
 * diff line) and a table in the job summary (GitHub shows only the first ten annotations of a
 * step; the summary lists every problem).
 */
import { appendFileSync } from 'node:fs';

export interface Problem {
  /** Path relative to the repository root. */
  file: string;
  /** 1-based line, when the problem has one. */
  line?: number;
  /** 1-based column on that line, when the checker knows it. */
  column?: number;
  /** The check that found it, such as "frontmatter" or "link-target". */
  rule: string;
  /** What is wrong. */
  message: string;
  /** What to do about it. */
  fix: string;
}

export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) =>
      a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0) || a.rule.localeCompare(b.rule),
  );
}

/** "content/x.mdx:12:5", "content/x.mdx:12" or "content/x.mdx": the form editors and terminals link. */
export function location(problem: Problem): string {
  if (!problem.line) return problem.file;
  return `${problem.file}:${problem.line}${problem.column ? `:${problem.column}` : ''}`;
}

/** "75 problems in 1 file (placeholder 75)": repeated under a long listing, whose top has scrolled away. */
function tally(problems: readonly Problem[]): string {
  const files = new Set(problems.map((p) => p.file)).size;
  const rules = new Map<string, number>();
  for (const p of problems) rules.set(p.rule, (rules.get(p.rule) ?? 0) + 1);
  const byRule = [...rules].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([rule, count]) => `${rule} ${count}`);
  return `${problems.length} problem${problems.length === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'} (${byRule.join(', ')})`;
}

export function formatForTerminal(problems: readonly Problem[], what: string): string {
  if (problems.length === 0) return `✓ ${what}: no problems.`;
  const lines = sortProblems(problems).map((p) => `${location(p)}  [${p.rule}]\n  ${p.message}\n  Fix: ${p.fix}`);
  const footer = problems.length > 5 ? `\n✗ ${what}: ${tally(problems)}\n` : '';
  return `✗ ${what}: ${problems.length} problem${problems.length === 1 ? '' : 's'}\n\n${lines.join('\n\n')}\n${footer}`;
}

/** Escapes the message of a workflow command (GitHub's toolkit: %, CR, LF). */
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a property of a workflow command (also ":" and ",", which end a property). */
function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** One `::error file=…,line=…,col=…,title=…::message` line per problem. */
export function formatForGitHub(problems: readonly Problem[]): string {
  return sortProblems(problems)
    .map((p) => {
      const properties = [
        `file=${escapeProperty(p.file)}`,
        ...(p.line ? [`line=${p.line}`] : []),
        ...(p.line && p.column ? [`col=${p.column}`] : []),
        `title=${escapeProperty(p.rule)}`,
      ];
      return `::error ${properties.join(',')}::${escapeData(`${p.message} Fix: ${p.fix}`)}`;
    })
    .join('\n');
}

function tableCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/** A Markdown section for the job summary ($GITHUB_STEP_SUMMARY) listing every problem. */
export function formatForSummary(problems: readonly Problem[], what: string): string {
  if (problems.length === 0) return `### ✓ ${what}: no problems\n`;
  const rows = sortProblems(problems).map(
    (p) => `| \`${tableCell(location(p))}\` | ${tableCell(p.rule)} | ${tableCell(p.message)} | ${tableCell(p.fix)} |`,
  );
  return [
    `### ✗ ${what}: ${problems.length} problem${problems.length === 1 ? '' : 's'}`,
    '',
    '| Where | Check | Problem | Fix |',
    '| --- | --- | --- | --- |',
    ...rows,
    '',
  ].join('\n');
}

/**
 * Prints problems for the current environment and returns the exit code: the terminal listing
 * always; in GitHub Actions also the annotations, and the summary table when there are problems.
 */
export function report(problems: readonly Problem[], what: string, env: NodeJS.ProcessEnv = process.env): number {
  console.log(formatForTerminal(problems, what));
  if (env.GITHUB_ACTIONS === 'true' && problems.length > 0) {
    console.log(formatForGitHub(problems));
    if (env.GITHUB_STEP_SUMMARY) appendFileSync(env.GITHUB_STEP_SUMMARY, `${formatForSummary(problems, what)}\n`);
  }
  return problems.length > 0 ? 1 : 0;
}
