import { describe, expect, it } from 'vitest';
import { proseWords, readingMinutes } from './reading-time.ts';

describe('reading time', () => {
  it('counts prose words, not code, diagrams, imports or tags', () => {
    const body = [
      'import X from "./x";',
      'Five words of real prose.',
      '```mermaid',
      'flowchart LR',
      '  A --> B --> C --> D',
      '```',
      '<Callout type="tip">Two more</Callout>',
      '[a link](/loop/)',
    ].join('\n');
    expect(proseWords(body)).toBe(9);
  });
  it('rounds to whole minutes and never reports zero', () => {
    expect(readingMinutes('word '.repeat(10))).toBe(1);
    expect(readingMinutes('word '.repeat(1000))).toBe(5);
    expect(readingMinutes('', 400)).toBe(2);
  });
});

describe('what counts as prose', () => {
  it('skips a fence only from an opening line to a closing line of bare backticks', () => {
    const body = ['Prose mentions ``` inline here.', '```md', 'hidden ```', '```js', 'still hidden words', '```   ', 'Closing prose.'].join(
      '\n',
    );
    // 4 words before the fence, 2 after; "```js" and a line ending in ``` do not close it, a
    // closing line with trailing spaces does.
    expect(proseWords(body)).toBe(6);
  });

  it('skips module lines, indented or not, but not the words import and export in a sentence', () => {
    expect(proseWords('We import data and export reports daily.')).toBe(7);
    expect(proseWords('  export const meta = { a: 1 };\nTwo words')).toBe(2);
  });

  it('skips MDX comments of several words and keeps the words around tags and links apart', () => {
    expect(proseWords('Before{/* a note for editors */}after')).toBe(2);
    expect(proseWords('line<br/>break')).toBe(2);
    expect(proseWords('[text](/url)next')).toBe(2);
    expect(proseWords('well-known')).toBe(2);
  });

  it('counts only words with a letter or digit, not lone symbols', () => {
    expect(proseWords('a = b + 2')).toBe(3);
  });
});
