/**
 * `createEntry` and `parseCommandLine` of `npm run new` in this process (new.test.ts runs the
 * command itself): each refusal with its exact reason and nothing written, where each type's
 * file goes and what it is named, and the title and dates filled in.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEntry, parseCommandLine, TYPES, USAGE } from './new.ts';

/** A content folder holding only the real templates. */
function contentRoot(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'new-entry-'));
  cpSync(path.join('content', '_templates'), path.join(root, '_templates'), { recursive: true });
  return root;
}

const TODAY = new Date('2027-05-06T23:30:00Z');
const TYPE_LIST = 'guide, prompt, mistake, culture, stack, source, figure';

describe('createEntry', () => {
  it('puts each type in its collection under a name made from the title', () => {
    const root = contentRoot();
    const made = (Object.keys(TYPES) as (keyof typeof TYPES)[]).map((type) =>
      path.relative(
        root,
        createEntry({ type, title: '  Playback  Resume: v2!  ', root, today: TODAY, ...(type === 'guide' ? { section: 'loop' } : {}) }),
      ),
    );
    expect(made).toEqual([
      'guides/loop/playback-resume-v2.mdx',
      'prompts/playback-resume-v2.mdx',
      'mistakes/playback-resume-v2.yaml',
      'culture/playback-resume-v2.mdx',
      'stack/playback-resume-v2.mdx',
      'sources/playback-resume-v2.yaml',
      'figures/playback-resume-v2.yaml',
    ]);
  });

  it('fills the title (spaces collapsed, quoted) and no other TODO', () => {
    const root = contentRoot();
    const file = createEntry({ type: 'prompt', title: ' Design  a "watch party" ', root, today: TODAY });
    const text = readFileSync(file, 'utf8');
    const template = readFileSync(path.join(root, '_templates', 'prompt.mdx'), 'utf8');
    expect(text).toContain('title: "Design a \\"watch party\\""');
    expect(text.split('TODO').length).toBe(template.split('TODO').length - 1);
  });

  it('dates the "checked on" fields with the given day', () => {
    const root = contentRoot();
    const source = readFileSync(createEntry({ type: 'source', title: 'A source', root, today: TODAY }), 'utf8');
    expect(source).toMatch(/^checkedOn: 2027-05-06$/m);
    const stack = readFileSync(createEntry({ type: 'stack', title: 'A system', root, today: TODAY }), 'utf8');
    expect(stack).toMatch(/^statusCheckedOn: 2027-05-06$/m);
  });

  const refusals: [string, Parameters<typeof createEntry>[0], string][] = [
    ['an unknown type', { type: 'promt', title: 'A title' }, `Unknown type "promt". Use one of: ${TYPE_LIST}.`],
    ['a short title', { type: 'prompt', title: '  ab  ' }, 'Give a title of at least three characters, in quotes.'],
    [
      'a guide without a section',
      { type: 'guide', title: 'A guide' },
      'A guide needs --section with one of: loop, system-design, coding, culture, prepare.',
    ],
    [
      'a guide in a section that does not exist',
      { type: 'guide', title: 'A guide', section: 'looop' },
      'There is no guide section "looop". Use --section with one of: loop, system-design, coding, culture, prepare.',
    ],
    [
      'a section on another type',
      { type: 'prompt', title: 'A prompt', section: 'loop' },
      '--section applies to guides only; a prompt has no section.',
    ],
    [
      'a title with no letter or digit',
      { type: 'prompt', title: '—— !!! ——' },
      'The title "—— !!! ——" gives no usable file name; use letters or digits.',
    ],
  ];
  it.each(refusals)('refuses %s, writing nothing', (_case, options, message) => {
    const root = contentRoot();
    expect(() => createEntry({ ...options, root, today: TODAY })).toThrow(new Error(message));
    expect(readdirSync(root)).toEqual(['_templates']);
  });

  it('collapses dashes and trims them from the ends of the file name', () => {
    const file = createEntry({ type: 'prompt', title: '- Playback - resume -', root: contentRoot(), today: TODAY });
    expect(path.basename(file)).toBe('playback-resume.mdx');
  });

  it('wants a file name that starts with a plain letter or digit', () => {
    expect(() => createEntry({ type: 'prompt', title: 'Éclair service', root: contentRoot(), today: TODAY })).toThrow(
      'The title "Éclair service" gives no usable file name; use letters or digits.',
    );
  });

  it('accepts a three-character title', () => {
    expect(path.basename(createEntry({ type: 'prompt', title: 'CDN', root: contentRoot(), today: TODAY }))).toBe('cdn.mdx');
  });

  it('refuses a folder without templates, and a template without a title line, by file', () => {
    const empty = mkdtempSync(path.join(tmpdir(), 'new-entry-'));
    expect(() => createEntry({ type: 'prompt', title: 'A prompt', root: empty })).toThrow(
      new Error(`The template ${path.join(empty, '_templates', 'prompt.mdx')} is missing; is ${empty} the content folder?`),
    );
    const root = contentRoot();
    writeFileSync(path.join(root, '_templates', 'prompt.mdx'), '---\ntitle: A fixed title\n---\n');
    expect(() => createEntry({ type: 'prompt', title: 'A prompt', root })).toThrow(
      new Error(`The template ${path.join(root, '_templates', 'prompt.mdx')} has no "title: TODO" line to fill.`),
    );
    expect(existsSync(path.join(root, 'prompts'))).toBe(false);
  });
});

describe('parseCommandLine', () => {
  it('reads the type, the title words, the section and the content folder', () => {
    expect(parseCommandLine(['guide', 'Recruiter', 'screen', '-s', 'loop', '--content-dir', 'elsewhere'])).toEqual({
      type: 'guide',
      title: 'Recruiter screen',
      section: 'loop',
      root: 'elsewhere',
    });
  });

  it('says what is missing', () => {
    expect(() => parseCommandLine([])).toThrow(new Error('Say which type of page to start.'));
    expect(() => parseCommandLine(['stack'])).toThrow(new Error("Give the stack's title, in quotes."));
    expect(() => parseCommandLine(['-h'])).toThrow();
    // Help wins over a complete command line.
    expect(() => parseCommandLine(['prompt', 'A title', '--help'])).toThrow();
    expect(() => parseCommandLine(['--section'])).toThrow(/--section/);
  });

  it('shows every type and guide section in the usage', () => {
    expect(USAGE).toContain(`  <type>      ${TYPE_LIST}`);
    expect(USAGE).toContain('  --section   for a guide: loop, system-design, coding, culture, prepare');
  });
});
