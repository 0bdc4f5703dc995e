/** Reading MDX as Astro does: the front-matter split, positions, the guards, and syntax errors with a fix. */
import { describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES, MAX_LINE_PREFIX, parseMdx, positionAt, splitFrontMatter } from './mdx-source.ts';

describe('splitFrontMatter', () => {
  it('blanks the front matter with spaces, keeping every line and column', () => {
    const source = '---\ntitle: T\n---\n# Hi';
    const split = splitFrontMatter(source);
    expect(split).toEqual({ content: `   \n        \n   \n# Hi`, yaml: '\ntitle: T\n', yamlOffset: 3 });
    expect(split.content).toHaveLength(source.length);
    expect(splitFrontMatter('# No front matter')).toEqual({ content: '# No front matter', yamlOffset: 0 });
  });
});

describe('positionAt', () => {
  it('gives the 1-based line and column of an offset, a newline belonging to its line', () => {
    const text = 'ab\ncd\n\nef';
    expect(positionAt(text, 0)).toEqual({ line: 1, column: 1 });
    expect(positionAt(text, 2)).toEqual({ line: 1, column: 3 });
    expect(positionAt(text, 3)).toEqual({ line: 2, column: 1 });
    expect(positionAt(text, 6)).toEqual({ line: 3, column: 1 });
    expect(positionAt(text, 8)).toEqual({ line: 4, column: 2 });
  });
});

describe('parseMdx', () => {
  it('accepts a file of exactly the largest size', () => {
    const content = `${'a'.repeat(MAX_FILE_BYTES - 1)}\n`;
    expect(parseMdx(content).problem).toBeUndefined();
    expect(parseMdx(`${content}b`).problem).toMatchObject({
      rule: 'file-size',
      line: 1,
      column: 1,
      message: 'The file is 512 KB; a content file may be at most 512 KB.',
      fix: 'Split the page into several pages (the largest page today is about 50 KB).',
    });
  });

  it('refuses a line that opens too many containers, but not one of blank space or at the limit', () => {
    // Indentation counts as prefix; a line of spaces alone is blank.
    const indented = (n: number) => `${' '.repeat(n)}x`;
    expect(parseMdx(`ok\n${' '.repeat(MAX_LINE_PREFIX + 10)}\n${indented(MAX_LINE_PREFIX)}\n`).problem).toBeUndefined();
    expect(parseMdx(`ok\n\n${indented(MAX_LINE_PREFIX + 1)}\n`).problem).toEqual({
      rule: 'nesting',
      line: 3,
      column: 1,
      message: `This line starts with ${MAX_LINE_PREFIX + 1} characters of indentation and list or quote markers: content nested this deeply cannot be compiled.`,
      fix: 'Flatten the list or quote (a page never needs more than a few levels), or put the text in a code block.',
    });
  });

  it('reports the nesting problem at the first place it goes too deep', () => {
    const deep = (n: number) => `${'<sub>'.repeat(n)}x${'</sub>'.repeat(n)}`;
    const { problem } = parseMdx(`Intro.\n\n${deep(60)}\n\n${deep(60)}\n`);
    expect(problem).toMatchObject({ rule: 'nesting', line: 3 });
    expect(problem!.message).toMatch(
      /^Content here is nested \d+ levels deep; at most 48 are allowed, and deeper nesting cannot be compiled\.$/,
    );
    expect(problem!.fix).toBe(
      'Flatten the list, quote, emphasis or component nesting that starts here; a page never needs more than a few levels.',
    );
  });

  it('explains the syntax errors contributors meet most often', () => {
    const fix = (content: string) => parseMdx(content).problem;
    expect(fix('Text <!-- a comment --> more\n')).toMatchObject({
      rule: 'mdx-syntax',
      fix: 'HTML comments are not MDX: write a comment as {/* text */}.',
    });
    expect(fix('<Callout type="tip">\n\nText\n')!.fix).toBe(
      'Close every component you open (<Callout type="tip">…</Callout>), or write it self-closing (<Cite id="…" />).',
    );
    expect(fix('Price {a b\n')!.fix).toBe('A "{" starts code in MDX. Write "\\{" for a literal brace, or put the text in `inline code`.');
    const other = fix('a <3 b\n')!;
    expect(other.fix).toBe(
      'Fix the syntax at this line and column. A literal "<" or "{" in text must be written "\\<" or "\\{", or put in `inline code`.',
    );
    expect(other.message).toMatch(/^MDX cannot parse this: \S.*[.!?]$/);
    expect(other.message).not.toMatch(/\s{2}|\n/);
    expect(other.line).toBe(1);
  });
});
