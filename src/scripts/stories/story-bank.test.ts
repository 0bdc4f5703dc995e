import { describe, expect, it } from 'vitest';
import type { Story } from '../study/schema.ts';
import {
  buildCoverage,
  checkDraft,
  markdownFileName,
  storiesToMarkdown,
  storyFromDraft,
  storyValueTitles,
  type CultureItem,
  type StoryDraft,
} from './story-bank.ts';

const ITEMS: CultureItem[] = [
  { id: 'judgment', title: 'Judgment', kind: 'value' },
  { id: 'candor', title: 'Candor', kind: 'value' },
  { id: 'courage', title: 'Courage', kind: 'value' },
  { id: 'keeper-test', title: 'The keeper test', kind: 'concept' },
  { id: 'informed-captains', title: 'Informed captains', kind: 'concept' },
];

const DAY = new Date('2026-03-04T09:30:00.000Z');

function story(id: string, title: string, values: string[], parts: Partial<Story> = {}): Story {
  return {
    id,
    title,
    situation: 'S',
    decision: 'D',
    friction: 'F',
    outcome: 'O',
    learned: 'L',
    values,
    updatedAt: DAY.toISOString(),
    ...parts,
  };
}

const draft = (over: Partial<StoryDraft> = {}): StoryDraft => ({
  title: 'A title',
  situation: '',
  decision: '',
  friction: '',
  outcome: '',
  learned: '',
  values: [],
  ...over,
});

describe('checking a draft', () => {
  it('needs a title and nothing else', () => {
    expect(checkDraft(draft())).toEqual({});
    expect(checkDraft(draft({ title: '   ' })).title).toMatch(/Give the story a title/);
  });

  it('keeps within the limits an import accepts', () => {
    expect(checkDraft(draft({ title: 'x'.repeat(201) })).title).toMatch(/under 200 characters/);
    expect(checkDraft(draft({ friction: 'x'.repeat(10_001) })).friction).toMatch(/under 10,000 characters/);
  });

  it('saves a trimmed story with the given id and date, each value once', () => {
    const saved = storyFromDraft(
      draft({ title: '  Killed my own project ', outcome: ' Shipped. ', values: ['candor', 'candor', 'courage'] }),
      'id-1',
      DAY,
    );
    expect(saved).toEqual({
      id: 'id-1',
      title: 'Killed my own project',
      situation: '',
      decision: '',
      friction: '',
      outcome: 'Shipped.',
      learned: '',
      values: ['candor', 'courage'],
      updatedAt: '2026-03-04T09:30:00.000Z',
    });
  });
});

describe('coverage', () => {
  it('lists, per value and concept, the stories that show it, and the values with none', () => {
    const stories = [story('a', 'Launch', ['candor', 'keeper-test']), story('b', 'Rewrite', ['candor', 'judgment'])];
    const coverage = buildCoverage(stories, ITEMS);
    expect(coverage.values.map((r) => [r.item.id, r.storyIds])).toEqual([
      ['judgment', ['b']],
      ['candor', ['a', 'b']],
      ['courage', []],
    ]);
    expect(coverage.concepts.map((r) => [r.item.id, r.storyIds])).toEqual([
      ['keeper-test', ['a']],
      ['informed-captains', []],
    ]);
    expect(coverage.uncoveredValues.map((v) => v.id)).toEqual(['courage']);
    expect(coverage.uncoveredConcepts.map((v) => v.id)).toEqual(['informed-captains']);
  });

  it('with no stories, every value is a gap', () => {
    expect(buildCoverage([], ITEMS).uncoveredValues).toHaveLength(3);
  });

  it('names a story’s values in culture order, keeping ids it does not know', () => {
    expect(storyValueTitles(story('a', 'T', ['keeper-test', 'removed-value', 'judgment']), ITEMS)).toEqual([
      'Judgment',
      'The keeper test',
      'removed-value',
    ]);
  });
});

describe('Markdown export', () => {
  it('has a heading per story with its parts and values, then a coverage summary', () => {
    const stories = [
      story('a', 'Pushed back on\na launch', ['courage', 'candor'], { situation: 'We were two weeks out.', learned: '' }),
      story('b', 'Rewrote the scheduler', []),
    ];
    const markdown = storiesToMarkdown(stories, ITEMS, DAY);
    expect(markdown).toBe(
      [
        '# My story bank',
        '',
        'Exported from the Netflix Loop Guide story bank on 2026-03-04: 2 stories.',
        '',
        '## Pushed back on a launch',
        '',
        '**Values and concepts:** Candor, Courage',
        '',
        '### Situation',
        '',
        'We were two weeks out.',
        '',
        '### Decision',
        '',
        'D',
        '',
        '### Friction',
        '',
        'F',
        '',
        '### Outcome',
        '',
        'O',
        '',
        '### What I learned',
        '',
        '_Not written yet._',
        '',
        '## Rewrote the scheduler',
        '',
        '**Values and concepts:** none ticked yet',
        '',
        '### Situation',
        '',
        'S',
        '',
        '### Decision',
        '',
        'D',
        '',
        '### Friction',
        '',
        'F',
        '',
        '### Outcome',
        '',
        'O',
        '',
        '### What I learned',
        '',
        'L',
        '',
        '## Coverage',
        '',
        '2 of 3 values have at least one story.',
        '',
        'No story yet for: Judgment.',
        '',
        '### Values',
        '',
        '- Judgment: **No story yet**',
        '- Candor: Pushed back on a launch',
        '- Courage: Pushed back on a launch',
        '',
        '### Concepts',
        '',
        '- The keeper test: **No story yet**',
        '- Informed captains: **No story yet**',
        '',
      ].join('\n'),
    );
  });

  it('still exports a coverage summary with no stories', () => {
    const markdown = storiesToMarkdown([], ITEMS, DAY);
    expect(markdown).toContain('0 stories.');
    expect(markdown).toContain('0 of 3 values have at least one story.');
    expect(markdown).toContain('No story yet for: Judgment, Candor, Courage.');
  });

  it('names the file by date', () => {
    expect(markdownFileName(DAY)).toBe('story-bank-2026-03-04.md');
  });
});
