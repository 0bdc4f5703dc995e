/**
 * `npm run new` as a contributor runs it: the real command line in a child process, for every
 * content type, into a temporary copy of content/. The new file fails the content check on each
 * of its TODOs (and on nothing else that a contributor could not see coming), and passes every
 * check once each TODO is replaced by the text its instruction asks for.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkContent } from './check-content/index.ts';
import { createEntry, parseCommandLine } from './new.ts';
import type { Problem } from './lib/problems.ts';

const scratch = mkdtempSync(path.join(tmpdir(), 'new-test-'));
const root = path.join(scratch, 'content');

function runNew(...args: string[]) {
  const result = spawnSync(process.execPath, ['scripts/new.ts', ...args], { encoding: 'utf8', env: { ...process.env, CONTENT_DIR: root } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** One scaffold per type, as CONTRIBUTING.md shows them. */
const CASES = [
  { type: 'prompt', title: 'Design a watch-party service', file: 'prompts/design-a-watch-party-service.mdx' },
  { type: 'guide', title: 'Recruiter screen, step by step', section: 'loop', file: 'guides/loop/recruiter-screen-step-by-step.mdx' },
  { type: 'mistake', title: 'Reaching for a queue without a reason', file: 'mistakes/reaching-for-a-queue-without-a-reason.yaml' },
  { type: 'culture', title: 'Selflessness in practice', file: 'culture/selflessness-in-practice.mdx' },
  { type: 'stack', title: 'Watch-party sync', file: 'stack/watch-party-sync.mdx' },
  { type: 'source', title: 'Rebuilding the watch-party backend', file: 'sources/rebuilding-the-watch-party-backend.yaml' },
  { type: 'figure', title: 'Average bitrate of a mobile stream', file: 'figures/average-bitrate-of-a-mobile-stream.yaml' },
] as const;

const SENTENCE = ' It is written here as a contributor would write it, in a full sentence of prose.';

/**
 * Does what a contributor does with each TODO: writes the text its instruction asks for. Here the
 * instruction itself stands in for that text (quoted in YAML, lengthened to a full sentence), so
 * the test holds whatever the template's wording.
 */
function fillTodos(text: string, isYaml: boolean): string {
  const lines = text.split('\n');
  const frontMatterEnd = isYaml ? lines.length : lines.indexOf('---', 1);
  return lines
    .map((line, index) => {
      const inFrontMatter = index < frontMatterEnd;
      if (!/\bTODO\b/.test(line)) return line;
      if (/^\s*#/.test(line) && inFrontMatter) return line.replace(/\s*\bTODO\b.*$/, '');
      if (inFrontMatter) {
        const match = /^(\s*(?:- )?(?:[A-Za-z]\w*: )?)TODO\s*(.*)$/.exec(line);
        if (!match) throw new Error(`The test cannot fill this TODO line: ${line}`);
        const hint = match[2]!.trim();
        return `${match[1]}${JSON.stringify(hint.length >= 60 ? hint : `${hint}${SENTENCE}`.trim())}`;
      }
      return line.replace(/\bTODO\s*/g, '');
    })
    .join('\n');
}

function problemsIn(problems: readonly Problem[], file: string): Problem[] {
  return problems.filter((p) => path.resolve(p.file) === path.resolve(root, file));
}

beforeAll(() => {
  cpSync('content', root, { recursive: true });
});

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

describe('npm run new', () => {
  it('starts a file for every content type, and each TODO fails the content check until filled', async () => {
    for (const { type, title, file, ...rest } of CASES) {
      const section = 'section' in rest ? ['--section', rest.section] : [];
      const run = runNew(type, title, ...section);
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      expect(run.stdout).toContain(`Created ${path.relative(process.cwd(), path.join(root, file))}.`);
      expect(readFileSync(path.join(root, file), 'utf8')).toMatch(new RegExp(`^title: ${JSON.stringify(title)}$`, 'm'));
    }

    const before = await checkContent(root);
    for (const { file } of CASES) {
      const text = readFileSync(path.join(root, file), 'utf8');
      const todoLines = text.split('\n').flatMap((line, index) => (/\bTODO\b/.test(line) ? [index + 1] : []));
      expect(todoLines.length, `${file} should start with TODOs to replace`).toBeGreaterThan(0);
      const problems = problemsIn(before, file);
      const placeholders = problems.filter((p) => p.rule === 'placeholder');
      expect(placeholders.map((p) => p.line)).toEqual(todoLines);
      for (const problem of placeholders) expect(problem.message).toMatch(/^A template TODO is still here/);
    }
    // A new GOOD/BAD pair is reported until a page shows it; the other types have only their TODOs.
    expect(
      problemsIn(before, CASES[2].file)
        .filter((p) => p.rule !== 'placeholder')
        .map((p) => p.rule),
    ).toEqual(['mistake-not-embedded']);

    for (const { file } of CASES) {
      const full = path.join(root, file);
      writeFileSync(full, fillTodos(readFileSync(full, 'utf8'), file.endsWith('.yaml')));
    }
    // The prompt shows the new pair under "Mistakes to avoid", as the mistake template says to.
    const prompt = path.join(root, CASES[0].file);
    const mistakeId = path.basename(CASES[2].file, '.yaml');
    writeFileSync(prompt, readFileSync(prompt, 'utf8').replace(/^mistakes:\n/m, `mistakes:\n  - ${mistakeId}\n`));

    const after = await checkContent(root);
    for (const { file } of CASES) {
      expect(
        problemsIn(after, file).map((p) => `${p.line} ${p.rule}: ${p.message}`),
        `${file} after filling its TODOs`,
      ).toEqual([]);
    }
  });

  it('parses the type and title without --section (the command CONTRIBUTING.md shows first)', () => {
    expect(parseCommandLine(['prompt', 'Design a watch-party service'])).toEqual({
      type: 'prompt',
      title: 'Design a watch-party service',
      section: undefined,
      root: undefined,
    });
    expect(parseCommandLine(['--section', 'loop', 'guide', 'Recruiter', 'screen'])).toMatchObject({
      type: 'guide',
      title: 'Recruiter screen',
      section: 'loop',
    });
  });

  it('refuses bad input with the reason and the usage, and writes nothing', () => {
    const unknown = runNew('promt', 'Design a thing');
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain(
      'npm run new: Unknown type "promt". Use one of: guide, prompt, mistake, culture, stack, source, figure.',
    );
    expect(unknown.stderr).toContain('Usage: npm run new -- <type> "<title>"');

    const noTitle = runNew('prompt');
    expect(noTitle.status).toBe(1);
    expect(noTitle.stderr).toContain("Give the prompt's title, in quotes.");

    const noSection = runNew('guide', 'Recruiter screen');
    expect(noSection.status).toBe(1);
    expect(noSection.stderr).toContain('A guide needs --section with one of: loop, system-design, coding, culture, prepare.');
    expect(existsSync(path.join(root, 'guides', 'recruiter-screen.mdx'))).toBe(false);

    const badOption = runNew('prompt', 'Design a thing', '--sectoin', 'loop');
    expect(badOption.status).toBe(1);
    expect(badOption.stderr).toMatch(/Unknown option '--sectoin'/);

    const help = runNew('--help');
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('npm run new -- guide "Recruiter screen" --section loop');
  });

  it('never overwrites an existing file, and dates "checked on" fields with the day it runs', () => {
    const dir = mkdtempSync(path.join(scratch, 'dates-'));
    cpSync(path.join('content', '_templates'), path.join(dir, '_templates'), { recursive: true });
    const file = createEntry({ type: 'source', title: 'A source title', root: dir, today: new Date('2027-03-04T10:00:00Z') });
    expect(readFileSync(file, 'utf8')).toMatch(/^checkedOn: 2027-03-04$/m);
    expect(() => createEntry({ type: 'source', title: 'A source title', root: dir })).toThrow(/already exists/);
    const stack = createEntry({ type: 'stack', title: 'Some system', root: dir, today: new Date('2027-03-04T10:00:00Z') });
    expect(readFileSync(stack, 'utf8')).toMatch(/^statusCheckedOn: 2027-03-04$/m);
  });
});
