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
