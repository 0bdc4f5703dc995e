/**
 * `npm run test:mutation` (scripts/mutation.ts): which folder a path belongs to, what Stryker is
 * asked to mutate for the paths given, and the score per folder read from a Stryker JSON report.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MutationTestResult } from 'mutation-testing-report-schema';
import { folderOf, MUTATION_FOLDERS, plan, readScores, scoreTable, survivors } from './mutation.ts';

describe('what is mutated', () => {
  it('finds the folder of a folder, a file inside one, or a single-file target', () => {
    expect(folderOf('src/lib')?.key).toBe('src-lib');
    expect(folderOf('./src/scripts/study/store.ts')?.key).toBe('src-scripts');
    expect(folderOf('scripts/check-dist/')?.key).toBe('check-dist');
    expect(folderOf('scripts/build.ts')?.key).toBe('build');
    expect(folderOf('scripts/build.test.ts')).toBeUndefined();
    expect(folderOf('scripts/bench.ts')).toBeUndefined();
    expect(folderOf('src/library/x.ts')).toBeUndefined();
  });

  it('mutates every folder by default, whole', () => {
    expect(plan([]).map((p) => p.mutate)).toEqual([
      ['src/lib/**/*.ts'],
      ['src/scripts/**/*.ts'],
      ['scripts/check-content/**/*.ts'],
      ['scripts/check-dist/**/*.ts'],
      ['scripts/build.ts'],
      ['scripts/build-sw.ts'],
      ['scripts/new.ts'],
      ['scripts/quality/**/*.ts'],
    ]);
  });

  it('mutates only the named source files, once per folder, and a whole folder for a test file', () => {
    expect(plan(['src/scripts/filter.ts', 'src/lib/text.ts', 'src/scripts/study/store.ts', 'src/scripts/filter.ts'])).toEqual([
      { folder: MUTATION_FOLDERS[0], mutate: ['src/lib/text.ts'] },
      { folder: MUTATION_FOLDERS[1], mutate: ['src/scripts/filter.ts', 'src/scripts/study/store.ts'] },
    ]);
    expect(plan(['src/scripts/filter.ts', 'src/scripts/filter.test.ts'])).toEqual([
      { folder: MUTATION_FOLDERS[1], mutate: ['src/scripts/**/*.ts'] },
    ]);
    expect(plan(['scripts/build.ts'])).toEqual([{ folder: MUTATION_FOLDERS[4], mutate: ['scripts/build.ts'] }]);
    // A subfolder: its own files, not its whole folder; a fixture folder still means the whole folder.
    expect(plan(['src/lib/estimate/', 'src/lib/text.ts'])).toEqual([
      { folder: MUTATION_FOLDERS[0], mutate: ['src/lib/estimate/**/*.ts', 'src/lib/text.ts'] },
    ]);
    expect(plan(['src/lib/estimate/__fixtures__'])).toEqual([{ folder: MUTATION_FOLDERS[0], mutate: ['src/lib/**/*.ts'] }]);
  });

  it('refuses a path outside every folder, listing them', () => {
    expect(() => plan(['scripts/bench.ts'])).toThrow(
      /^scripts\/bench\.ts is not under a mutation-tested folder\. Use one of: src\/lib, src\/scripts,/,
    );
  });
});

describe('the scores', () => {
  const mutant = (id: string, status: string, line: number) => ({
    id,
    mutatorName: 'EqualityOperator',
    replacement: 'a <= b',
    status,
    location: { start: { line, column: 3 }, end: { line, column: 9 } },
  });
  const report = {
    schemaVersion: '2',
    thresholds: { high: 80, low: 60 },
    files: {
      'src/lib/a.ts': {
        language: 'typescript',
        source: '',
        mutants: [
          mutant('1', 'Killed', 1),
          mutant('2', 'Killed', 2),
          mutant('3', 'Timeout', 3),
          mutant('4', 'Survived', 9),
          mutant('5', 'NoCoverage', 4),
          mutant('6', 'CompileError', 5),
          mutant('7', 'Ignored', 6),
        ],
      },
    },
  } as unknown as MutationTestResult;

  it('counts killed and timed-out mutants as detected, out of the valid ones', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'mutation-report-'));
    writeFileSync(path.join(dir, 'src-lib.json'), JSON.stringify(report));
    const [score, ...rest] = readScores(dir);
    expect(rest).toEqual([]);
    expect(score).toMatchObject({ detected: 3, survived: 1, noCoverage: 1, score: 60 });
    expect(scoreTable([score!])).toBe(
      [
        '| Folder    | Mutation score | Detected | Survived | No coverage | ≥ 80% |',
        '| --------- | -------------- | -------- | -------- | ----------- | ----- |',
        '| `src/lib` | 60.0%          | 3        | 1        | 1           | no    |',
      ].join('\n'),
    );
    expect(scoreTable([score!], '2026-11-29')).toMatch(/^Measured on 2026-11-29 \(`npm run test:mutation`\)\.\n\n\| Folder/);
  });

  it('lists the mutants no test caught, by line, with their mutation', () => {
    expect(survivors(report)).toEqual([
      'src/lib/a.ts:4:3  NoCoverage  EqualityOperator  a <= b',
      'src/lib/a.ts:9:3  Survived  EqualityOperator  a <= b',
    ]);
    expect(survivors(report, 'src/lib/b.ts')).toEqual([]);
  });
});
