/** The placeholder rule: template TODOs with their instruction, and other placeholder text. */
import { describe, expect, it } from 'vitest';
import type { Problem } from '../../lib/problems.ts';
import { contextOf } from '../test-helpers.ts';
import { checkPlaceholders } from './placeholders.ts';

// The rule is synchronous; Rule's type also allows a promise.
const check = (text: string) => checkPlaceholders(contextOf({ 'sources/s.yaml': text })) as Problem[];

describe('placeholder rule', () => {
  it('quotes a template TODO with its instruction, at its line', () => {
    expect(check('title: x\nsummary: TODO: one sentence on what it says.\n')).toEqual([
      {
        file: 'memory/sources/s.yaml',
        line: 2,
        rule: 'placeholder',
        message: 'A template TODO is still here: "TODO one sentence on what it says."',
        fix: 'Replace the TODO and its instruction with real content as the instruction asks; no placeholder ships.',
      },
    ]);
  });

  it('shortens a long instruction to 90 characters and handles a bare TODO', () => {
    const long = 'a'.repeat(95);
    const [shortened, bare, lower] = check(`x: TODO - ${long}\ny: TODO\nz: todo . b\n`);
    expect(shortened!.message).toBe(`A template TODO is still here: "TODO ${'a'.repeat(89)}…"`);
    expect(check(`x: TODO ${'a'.repeat(90)}`)[0]!.message).toBe(`A template TODO is still here: "TODO ${'a'.repeat(90)}"`);
    expect(bare).toMatchObject({ line: 2, message: 'A template TODO is still here.' });
    expect(bare!.fix).toBe('Replace the TODO and its instruction with real content; no placeholder ships.');
    expect(lower).toMatchObject({ line: 3, message: 'A template TODO is still here: "TODO b"' });
    // Only the punctuation right after the marker goes, and the spaces at the end.
    expect(check('x: TODO(owner) write it   \n')[0]!.message).toBe('A template TODO is still here: "TODO (owner) write it"');
  });

  it('reports other placeholder text as written, and not words that only contain a marker', () => {
    expect(check('a: TBD\nb: Lorem Ipsum dolor\nc: coming soon\nd: FIXME\ne: XXX\nf: TODOS and mastodon\n')).toMatchObject([
      {
        line: 1,
        message: 'Placeholder text "TBD" is still in the file.',
        fix: 'Replace it with the real content before the page ships (the site has no placeholder pages).',
      },
      { line: 2, message: 'Placeholder text "Lorem Ipsum" is still in the file.' },
      { line: 3, message: 'Placeholder text "coming soon" is still in the file.' },
      { line: 4, message: 'Placeholder text "FIXME" is still in the file.' },
      { line: 5, message: 'Placeholder text "XXX" is still in the file.' },
    ]);
  });
});
