import { describe, expect, it } from 'vitest';
import type { Root } from 'mdast';
import remarkTypography, { typeset } from './remark-typography.ts';

describe('typeset', () => {
  it('curls double and single quotes, apostrophes and years', () => {
    expect(typeset('He said "scale it" and left.')).toBe('He said \u201cscale it\u201d and left.');
    expect(typeset("Netflix's 'keeper test' from the '90s")).toBe('Netflix\u2019s \u2018keeper test\u2019 from the \u201990s');
    expect(typeset('("quoted")')).toBe('(\u201cquoted\u201d)');
  });

  it('turns double hyphens into em dashes and three dots into an ellipsis', () => {
    expect(typeset('a -- b --- c...')).toBe('a \u2014 b \u2014 c\u2026');
  });

  it('leaves text without quotes, dashes or dots untouched', () => {
    const text = 'plain words 42';
    expect(typeset(text)).toBe(text);
  });

  it('closes a quote that follows an inline element', () => {
    expect(typeset('" said', 'x')).toBe('\u201d said');
  });
});

describe('remarkTypography', () => {
  it('changes prose but never code', () => {
    const tree: Root = {
      type: 'root',
      children: [
        {
          type: 'paragraph',
          children: [
            { type: 'text', value: 'Use "' },
            { type: 'inlineCode', value: 'a--b "x"' },
            { type: 'text', value: '" -- it\'s fine' },
          ],
        },
        { type: 'code', lang: 'ts', value: 'const s = "a--b";' },
      ],
    };
    remarkTypography()(tree);
    const paragraph = tree.children[0] as { children: { value: string }[] };
    expect(paragraph.children.map((c) => c.value)).toEqual(['Use \u201c', 'a--b "x"', '\u201d \u2014 it\u2019s fine']);
    expect((tree.children[1] as { value: string }).value).toBe('const s = "a--b";');
  });
});
