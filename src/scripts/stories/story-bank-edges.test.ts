/**
 * The story bank's logic at its edges: the length limits exactly at the limit, every part trimmed
 * on save, and the Markdown export's single-story, fully covered, concept-free and whitespace cases.
 */
import { describe, expect, it } from 'vitest';
import type { Story } from '../study/schema.ts';
import { checkDraft, PART_MAX, storiesToMarkdown, storyFromDraft, TITLE_MAX, type CultureItem, type StoryDraft } from './story-bank.ts';

const VALUES: CultureItem[] = [
  { id: 'candor', title: 'Candor', kind: 'value' },
  { id: 'courage', title: 'Courage', kind: 'value' },
];
const DAY = new Date('2026-03-04T09:30:00.000Z');

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

describe('the limits of a draft', () => {
  it('accepts a title and parts exactly at the limit, and refuses one character more', () => {
    expect(checkDraft(draft({ title: 'x'.repeat(TITLE_MAX) }))).toEqual({});
    expect(checkDraft(draft({ title: 'x'.repeat(TITLE_MAX + 1) }))).toEqual({
      title: `Keep the title under ${TITLE_MAX} characters (it has ${TITLE_MAX + 1}).`,
    });
    expect(checkDraft(draft({ outcome: 'x'.repeat(PART_MAX) }))).toEqual({});
    expect(checkDraft(draft({ outcome: 'x'.repeat(PART_MAX + 1) }))).toEqual({
      outcome: 'Keep this under 10,000 characters (it has 10,001).',
    });
  });

  it('trims every part of the story it saves', () => {
    const saved = storyFromDraft(
      draft({ title: ' T ', situation: ' s ', decision: ' d ', friction: ' f ', outcome: ' o ', learned: ' l ' }),
      'id-1',
      DAY,
    );
    expect(saved).toMatchObject({ title: 'T', situation: 's', decision: 'd', friction: 'f', outcome: 'o', learned: 'l' });
  });
});

describe('the Markdown export at its edges', () => {
  it('counts one story in the singular and says when every value has a story', () => {
    const markdown = storiesToMarkdown([story('a', 'Both', ['candor', 'courage'])], VALUES, DAY);
    expect(markdown).toContain('on 2026-03-04: 1 story.\n');
    expect(markdown).toContain('2 of 2 values have at least one story.\n\n### Values');
    expect(markdown).not.toContain('No story yet');
    // No concepts in the culture list: no Concepts section at all.
    expect(markdown).not.toContain('### Concepts');
    expect(markdown.endsWith('- Courage: Both\n')).toBe(true);
  });

  it('lists every story that shows a value, separated, on one line each', () => {
    const markdown = storiesToMarkdown([story('a', 'First   one', ['candor']), story('b', 'Second\t\tone', ['candor'])], VALUES, DAY);
    expect(markdown).toContain('## First one\n');
    expect(markdown).toContain('## Second one\n');
    expect(markdown).toContain('- Candor: First one; Second one\n');
    expect(markdown).toContain('- Courage: **No story yet**\n');
  });

  it('treats a part of only spaces as not written, and keeps written text as the reader wrote it', () => {
    const markdown = storiesToMarkdown([story('a', 'T', [], { decision: '   \n ', friction: '  Two\n\nparagraphs  ' })], VALUES, DAY);
    expect(markdown).toContain('### Decision\n\n_Not written yet._\n');
    expect(markdown).toContain('### Friction\n\nTwo\n\nparagraphs\n');
  });
});
