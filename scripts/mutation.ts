/**
 * `npm run test:mutation`: mutation testing (StrykerJS, stryker.config.mjs) of the logic that
 * decides what readers and contributors get, one folder at a time, then the score of each folder.
 *
 *   npm run test:mutation                                   every folder below (long: run it in CI)
 *   npm run test:mutation -- src/scripts                    one folder
 *   npm run test:mutation -- src/scripts/study/transfer.ts  one file (its folder's other results are kept)
 *   npm run test:mutation -- src/lib/estimate               one subfolder (likewise)
 *   npm run test:mutation -- --changed                      the folders holding files changed since HEAD
 *   npm run test:mutation -- --changed origin/main          ... since another commit
 *   npm run test:mutation -- --summary                      print the last scores, run nothing
 *   npm run test:mutation -- --summary --update-readme      and write them into README.md
 *   npm run test:mutation -- --survivors src/lib            list the mutants no test caught, file:line
 *   --concurrency <n>  test processes at once (default 2); --check  exit 1 when a folder is under 80% or has no report
 *
 * Each folder has its own incremental file (.cache/stryker/<key>.incremental.json), so a re-run only
 * tests the mutants whose code or covering tests changed, and its own report
 * (reports/mutation/<key>.json and .html). The summary reads the JSON reports.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { calculateMetrics } from 'mutation-testing-metrics';
import type { MutationTestResult } from 'mutation-testing-report-schema';

/** The score every folder should reach. */
export const TARGET_SCORE = 80;
export const REPORT_DIR = 'reports/mutation';

export interface MutationFolder {
  /** Names the report and incremental files. */
  key: string;
  /** A folder or a single file, relative to the repository root. */
  path: string;
}

/** What is mutated: the logic that decides what readers and contributors get. */
export const MUTATION_FOLDERS: readonly MutationFolder[] = [
  { key: 'src-lib', path: 'src/lib' },
  { key: 'src-scripts', path: 'src/scripts' },
  { key: 'check-content', path: 'scripts/check-content' },
  { key: 'check-dist', path: 'scripts/check-dist' },
  { key: 'build', path: 'scripts/build.ts' },
  { key: 'build-sw', path: 'scripts/build-sw.ts' },
  { key: 'new', path: 'scripts/new.ts' },
  { key: 'quality', path: 'scripts/quality' },
];

const isFile = (folder: MutationFolder) => folder.path.endsWith('.ts');

/** The glob Stryker mutates for a folder. */
export function mutateGlob(folder: MutationFolder): string {
  return isFile(folder) ? folder.path : `${folder.path}/**/*.ts`;
}

/** The folder a path belongs to (a folder, a file inside one, or one of the single files), if any. */
export function folderOf(target: string): MutationFolder | undefined {
  const clean = target.replace(/\\/g, '/').replace(/^\.\//, '').replace(/\/+$/, '');
  return MUTATION_FOLDERS.find((folder) => clean === folder.path || (!isFile(folder) && clean.startsWith(`${folder.path}/`)));
}

/**
 * What to run for the given paths: each folder once, mutating either the whole folder or only the
 * named source files and subfolders in it. A test file or fixture names its whole folder (its tests may cover
 * any file there). Throws on a path outside every folder.
 */
export function plan(targets: readonly string[]): { folder: MutationFolder; mutate: string[] }[] {
  if (targets.length === 0) return MUTATION_FOLDERS.map((folder) => ({ folder, mutate: [mutateGlob(folder)] }));
  const byKey = new Map<string, { folder: MutationFolder; mutate: Set<string> | 'all' }>();
  for (const target of targets) {
    const folder = folderOf(target);
    if (!folder) {
      throw new Error(
        `${target} is not under a mutation-tested folder. Use one of: ${MUTATION_FOLDERS.map((f) => f.path).join(', ')} (or a .ts file inside one).`,
      );
    }
    const entry = byKey.get(folder.key) ?? { folder, mutate: new Set<string>() };
    const clean = target.replace(/\\/g, '/').replace(/^\.\//, '').replace(/\/+$/, '');
    const sourceFile = clean.endsWith('.ts') && !clean.endsWith('.test.ts') && !clean.includes('__fixtures__');
    // A folder inside one (src/lib/estimate): its own files only.
    const subfolder = !clean.endsWith('.ts') && !clean.includes('__fixtures__') && clean !== folder.path;
    if (!(sourceFile || subfolder)) entry.mutate = 'all';
    else if (entry.mutate !== 'all') entry.mutate.add(subfolder ? `${clean}/**/*.ts` : clean);
    byKey.set(folder.key, entry);
  }
  return MUTATION_FOLDERS.filter((folder) => byKey.has(folder.key)).map((folder) => {
    const { mutate } = byKey.get(folder.key)!;
    return { folder, mutate: mutate === 'all' ? [mutateGlob(folder)] : [...mutate].sort() };
  });
}

/** Files changed since a commit (committed, staged, unstaged and new), inside the mutation-tested folders. */
export function changedTargets(since: string, cwd = process.cwd()): string[] {
  const git = (args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8' }).split('\n').filter(Boolean);
  const files = new Set([...git(['diff', '--name-only', since, '--']), ...git(['ls-files', '--others', '--exclude-standard'])]);
  return [...files].filter((file) => file.endsWith('.ts') && folderOf(file) !== undefined).sort();
}

export interface FolderScore {
  folder: MutationFolder;
  /** Killed or timed out. */
  detected: number;
  survived: number;
  noCoverage: number;
  /** Detected, as a percentage of valid mutants (Stryker's mutation score); NaN without mutants. */
  score: number;
}

/** A folder's score from its Stryker JSON report (mutation-testing-report-schema). */
export function scoreOf(folder: MutationFolder, report: MutationTestResult): FolderScore {
  const { metrics } = calculateMetrics(report.files);
  return {
    folder,
    detected: metrics.totalDetected,
    survived: metrics.survived,
    noCoverage: metrics.noCoverage,
    score: metrics.mutationScore,
  };
}

/** Scores of every folder with a report in `dir`. */
export function readScores(dir = REPORT_DIR): FolderScore[] {
  return MUTATION_FOLDERS.flatMap((folder) => {
    const file = path.join(dir, `${folder.key}.json`);
    if (!existsSync(file)) return [];
    return [scoreOf(folder, JSON.parse(readFileSync(file, 'utf8')) as MutationTestResult)];
  });
}

/** Mutants no test caught (survived or not covered), as "file:line:column  Mutator  replacement" lines. */
export function survivors(report: MutationTestResult, under = ''): string[] {
  const lines: string[] = [];
  for (const [file, result] of Object.entries(report.files).sort(([a], [b]) => a.localeCompare(b))) {
    if (!file.startsWith(under)) continue;
    for (const mutant of [...result.mutants].sort(
      (a, b) => a.location.start.line - b.location.start.line || a.location.start.column - b.location.start.column,
    )) {
      if (mutant.status !== 'Survived' && mutant.status !== 'NoCoverage') continue;
      const replacement = (mutant.replacement ?? '').replace(/\s+/g, ' ').slice(0, 80);
      lines.push(
        `${file}:${mutant.location.start.line}:${mutant.location.start.column}  ${mutant.status}  ${mutant.mutatorName}  ${replacement}`,
      );
    }
  }
  return lines;
}

const percent = (score: number) => (Number.isNaN(score) ? '–' : `${score.toFixed(1)}%`);
const met = (score: number) => score >= TARGET_SCORE;

/** The per-folder table, as Markdown (README) or aligned text (terminal). */
export function scoreTable(scores: readonly FolderScore[], date?: string): string {
  const rows = scores.map((s) => [
    `\`${s.folder.path}\``,
    percent(s.score),
    String(s.detected),
    String(s.survived),
    String(s.noCoverage),
    met(s.score) ? 'yes' : 'no',
  ]);
  const header = ['Folder', 'Mutation score', 'Detected', 'Survived', 'No coverage', `≥ ${TARGET_SCORE}%`];
  const widths = header.map((cell, i) => Math.max(cell.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((cell, i) => cell.padEnd(widths[i]!)).join(' | ')} |`;
  const table = [line(header), `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`, ...rows.map(line)].join('\n');
  return date ? `Measured on ${date} (\`npm run test:mutation\`).\n\n${table}` : table;
}

function stryker(mutate: string[], key: string, concurrency: number): number {
  // Ctrl+C (or CI's timeout) reaches Stryker too, which saves what it has tested in the
  // incremental file; this process waits for it instead of exiting first.
  process.on('SIGINT', () => undefined);
  const result = spawnSync(process.execPath, ['node_modules/@stryker-mutator/core/bin/stryker.js', 'run', 'stryker.config.mjs'], {
    stdio: 'inherit',
    env: { ...process.env, MUTATION_TARGET: key, MUTATION_MUTATE: mutate.join(','), MUTATION_CONCURRENCY: String(concurrency) },
  });
  return result.status ?? 1;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      summary: { type: 'boolean', default: false },
      changed: { type: 'boolean', default: false },
      concurrency: { type: 'string', default: '2' },
      check: { type: 'boolean', default: false },
      'update-readme': { type: 'boolean', default: false },
      survivors: { type: 'boolean', default: false },
    },
  });
  if (values.survivors) {
    // Each path named is listed on its own (two files of one folder each get their own list).
    const asked =
      positionals.length > 0
        ? positionals.map((p) => ({ folder: folderOf(p), under: p.replace(/^\.\//, '') }))
        : MUTATION_FOLDERS.map((folder) => ({ folder, under: '' }));
    for (const { folder, under } of asked) {
      if (!folder)
        throw new Error(
          `Not a mutation-tested folder: ${under}. Use one of: ${MUTATION_FOLDERS.map((f) => f.path).join(', ')} (or a .ts file inside one).`,
        );
      const file = path.join(REPORT_DIR, `${folder.key}.json`);
      if (!existsSync(file)) continue;
      for (const line of survivors(JSON.parse(readFileSync(file, 'utf8')) as MutationTestResult, under)) console.log(line);
    }
    process.exit(0);
  }
  if (!values.summary) {
    const targets = values.changed ? changedTargets(positionals[0] ?? 'HEAD') : positionals;
    if (values.changed && targets.length === 0) console.log('No changed .ts files in the mutation-tested folders.');
    else {
      for (const { folder, mutate } of plan(targets)) {
        console.log(`\n▶ Mutation testing ${mutate.join(', ')} (report: ${REPORT_DIR}/${folder.key}.html)\n`);
        const status = stryker(mutate, folder.key, Number(values.concurrency));
        if (status !== 0) {
          console.error(`✗ Stryker failed on ${folder.path} (exit ${status}).`);
          process.exit(status);
        }
      }
    }
  }
  const scores = readScores();
  if (scores.length === 0) {
    console.log(`No mutation reports in ${REPORT_DIR}/ yet: run npm run test:mutation.`);
    process.exit(values.summary ? 1 : 0);
  }
  console.log(`\nMutation score per folder (target ${TARGET_SCORE}%; reports in ${REPORT_DIR}/):\n\n${scoreTable(scores)}\n`);
  if (values['update-readme']) {
    const readme = readFileSync('README.md', 'utf8');
    const missing = MUTATION_FOLDERS.filter((folder) => !scores.some((s) => s.folder === folder)).map((folder) => `\`${folder.path}\``);
    const note = missing.length > 0 ? `\n\nNot measured yet: ${missing.join(', ')}.` : '';
    const block = `<!-- mutation:start -->\n\n${scoreTable(scores, new Date().toISOString().slice(0, 10))}${note}\n\n<!-- mutation:end -->`;
    if (!readme.includes('<!-- mutation:start -->'))
      throw new Error('README.md has no <!-- mutation:start --> … <!-- mutation:end --> block to update.');
    writeFileSync('README.md', readme.replace(/<!-- mutation:start -->[\s\S]*<!-- mutation:end -->/, block));
    console.log('README.md updated.');
  }
  if (values.check) {
    const unmeasured = MUTATION_FOLDERS.filter((folder) => !scores.some((s) => s.folder === folder));
    if (unmeasured.length > 0) console.log(`No report for: ${unmeasured.map((folder) => folder.path).join(', ')}.`);
    if (unmeasured.length > 0 || scores.some((s) => !met(s.score))) process.exitCode = 1;
  }
}
