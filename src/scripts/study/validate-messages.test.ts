/**
 * What an import refused for one bad field says (validate.ts), field by field: the path to the
 * field and the rule in words, exactly as the progress page shows it. The validator is loaded
 * inside each test, so the rules it builds when it loads are checked by these tests too.
 */
import { describe, expect, it, vi } from 'vitest';
import { CURRENT_VERSION, emptyStudyData, SCHEMA_ID } from './schema.ts';
import { LEVEL_ASPECTS, PROMPT_LEVELS } from '../../lib/levels.ts';
import { PART_MAX } from '../stories/story-bank.ts';

const T1 = '2026-01-01T10:00:00.000Z';
const T2 = '2026-02-01T10:00:00.000Z';

const session = (overrides: Record<string, unknown> = {}) => ({
  id: 'm1',
  promptId: 'homepage-feed',
  format: 45,
  startedAt: T1,
  endedAt: T2,
  covered: [0, 2],
  rubricSize: 6,
  rating: 3,
  notes: '',
  level: 'L5',
  levelCovered: ['scoping'],
  ...overrides,
});
const card = (overrides: Record<string, unknown> = {}) => ({
  due: T2,
  stability: 3,
  difficulty: 5,
  elapsed_days: 1,
  scheduled_days: 3,
  reps: 2,
  lapses: 0,
  state: 2,
  ...overrides,
});
const story = (overrides: Record<string, unknown> = {}) => ({
  id: 's1',
  title: 'A migration',
  situation: '',
  decision: '',
  friction: '',
  outcome: '',
  learned: '',
  values: ['candor'],
  updatedAt: T1,
  ...overrides,
});
const active = (overrides: Record<string, unknown> = {}) => ({
  promptId: 'homepage-feed',
  format: 60,
  startedAt: Date.parse(T1),
  pausedAt: null,
  pausedTotal: 0,
  partner: true,
  level: 'L6',
  ...overrides,
});

const file = (patch: Record<string, unknown> = {}) => ({
  ...emptyStudyData(),
  studied: { 'guides/loop': T1 },
  tasks: { 'guides/loop#plan/read': T2 },
  cards: { 'culture:candor': card() },
  mocks: [session()],
  activeMock: active(),
  stories: [story()],
  ...patch,
});

/** The validator, loaded afresh. */
async function validator() {
  vi.resetModules();
  return (await import('./validate.ts')).validateStudyData;
}

/** The error an import of this data gives, or "ok". */
async function importError(data: unknown): Promise<string> {
  const validate = await validator();
  try {
    validate(data);
    return 'ok';
  } catch (error) {
    return (error as Error).message;
  }
}

const damaged = (path: string, rule: string) => `The data is damaged: "${path}" is not valid (${rule}).`;
const n = (value: number) => value.toLocaleString('en-US');
const MAX_PAUSE = Date.UTC(2200, 0, 1) - Date.UTC(2000, 0, 1);

describe('a file that passes', () => {
  it('is kept as it is, with every kind of record', async () => {
    const validate = await validator();
    expect(validate(file())).toEqual(file());
  });

  it('reads a missing level and missing level expectations as not recorded', async () => {
    const validate = await validator();
    const { level: _level, levelCovered: _covered, ...oldRound } = session();
    const { level: _activeLevel, ...oldActive } = active();
    const result = validate(file({ mocks: [oldRound], activeMock: oldActive }));
    expect(result.mocks[0]).toMatchObject({ level: null, levelCovered: null });
    expect(result.activeMock).toMatchObject({ level: null });
  });

  it('accepts the limits themselves', async () => {
    const validate = await validator();
    const round = session({ rubricSize: 100, covered: [99], levelCovered: LEVEL_ASPECTS.map((a) => a.key) });
    const data = file({ mocks: [round], activeMock: active({ pausedTotal: MAX_PAUSE, pausedAt: Date.parse(T1) }) });
    expect(validate(data).mocks[0]!.covered).toEqual([99]);
    expect(validate(file({ stories: [story({ values: Array.from({ length: 50 }, (_, i) => `v${i}`) })] })).stories).toHaveLength(1);
  });
});

describe('a file refused for one field', () => {
  const cases: [string, Record<string, unknown>, string][] = [
    ['an empty round id', { mocks: [session({ id: '' })] }, damaged('mocks.0.id', 'expected text of 1 to 64 characters')],
    ['a round id that is not text', { mocks: [session({ id: 7 })] }, damaged('mocks.0.id', 'expected text of 1 to 64 characters')],
    [
      'notes over the limit',
      { mocks: [session({ notes: 'x'.repeat(20_001) })] },
      damaged('mocks.0.notes', 'expected text of at most 20,000 characters'),
    ],
    ['notes that are not text', { mocks: [session({ notes: 5 })] }, damaged('mocks.0.notes', 'expected text of at most 20,000 characters')],
    [
      'a rubric of no items',
      { mocks: [session({ rubricSize: 0, covered: [] })] },
      damaged('mocks.0.rubricSize', 'expected a whole number from 1 to 100'),
    ],
    [
      'a rubric of too many items',
      { mocks: [session({ rubricSize: 101 })] },
      damaged('mocks.0.rubricSize', 'expected a whole number from 1 to 100'),
    ],
    ['a fractional rating', { mocks: [session({ rating: 2.5 })] }, damaged('mocks.0.rating', 'expected a whole number from 1 to 4')],
    [
      'a rating that is not a number',
      { mocks: [session({ rating: '3' })] },
      damaged('mocks.0.rating', 'expected a whole number from 1 to 4'),
    ],
    [
      'a covered item past the largest rubric',
      { mocks: [session({ covered: [100] })] },
      damaged('mocks.0.covered.0', 'expected a whole number from 0 to 99'),
    ],
    [
      'more covered items than any rubric has',
      { mocks: [session({ rubricSize: 100, covered: Array.from({ length: 101 }, (_, i) => i % 100) })] },
      damaged('mocks.0.covered', 'more than 100 entries'),
    ],
    [
      'an unknown level',
      { mocks: [session({ level: 'L9' })] },
      damaged('mocks.0.level', `expected ${PROMPT_LEVELS.map((l) => l.id).join(', ')} or null (not recorded)`),
    ],
    [
      'an unknown level expectation',
      { mocks: [session({ levelCovered: ['charisma'] })] },
      damaged('mocks.0.levelCovered.0', `expected one of ${LEVEL_ASPECTS.map((a) => a.key).join(', ')}`),
    ],
    [
      'more level expectations than there are',
      { mocks: [session({ levelCovered: [...LEVEL_ASPECTS.map((a) => a.key), 'scoping'] })] },
      damaged('mocks.0.levelCovered', `more than ${LEVEL_ASPECTS.length} entries`),
    ],
    [
      'a level expectation listed twice',
      { mocks: [session({ levelCovered: ['scoping', 'scoping'] })] },
      damaged('mocks.0.levelCovered', 'a level expectation is listed twice'),
    ],
    [
      'level expectations without a level',
      { mocks: [session({ level: null, levelCovered: ['design'] })] },
      damaged('mocks.0.levelCovered', 'level expectations are ticked but no level is recorded'),
    ],
    [
      'a covered item outside its rubric',
      { mocks: [session({ rubricSize: 2, covered: [2] })] },
      damaged('mocks.0.covered', 'a covered rubric item is not in the rubric (each must be below rubricSize)'),
    ],
    ['a covered item listed twice', { mocks: [session({ covered: [1, 1] })] }, damaged('mocks.0.covered', 'a rubric item is listed twice')],
    [
      'a round that ends before it starts',
      { mocks: [session({ endedAt: '2025-12-31T00:00:00.000Z' })] },
      damaged('mocks.0.endedAt', 'the round ends before it starts'),
    ],
    [
      'a negative stability',
      { cards: { c: card({ stability: -1 }) } },
      damaged('cards.c.stability', 'expected a number from 0 to 1,000,000'),
    ],
    ['a difficulty over 10', { cards: { c: card({ difficulty: 10.5 }) } }, damaged('cards.c.difficulty', 'expected a number from 0 to 10')],
    [
      'elapsed days that are not a number',
      { cards: { c: card({ elapsed_days: '1' }) } },
      damaged('cards.c.elapsed_days', 'expected a number from 0 to 100,000'),
    ],
    [
      'too many learning steps',
      { cards: { c: card({ learning_steps: 101 }) } },
      damaged('cards.c.learning_steps', 'expected a whole number from 0 to 100'),
    ],
    [
      'a last review that is no date',
      { cards: { c: card({ last_review: 'then' }) } },
      damaged('cards.c.last_review', 'expected a real date and time such as 2026-01-20T10:00:00.000Z'),
    ],
    [
      'a ticked item with no date',
      { tasks: { 'guides/loop#plan/read': true } },
      damaged('tasks.guides/loop#plan/read', 'expected a real date and time such as 2026-01-20T10:00:00.000Z'),
    ],
    ['an empty key', { studied: { '': T1 } }, damaged('studied.', 'a key that is empty, longer than 300 characters or not allowed')],
    [
      'a key over 300 characters',
      { tasks: { ['k'.repeat(301)]: T1 } },
      damaged(`tasks.${'k'.repeat(301)}`, 'a key that is empty, longer than 300 characters or not allowed'),
    ],
    [
      'a key that names the constructor',
      { studied: { constructor: T1 } },
      damaged('studied.constructor', 'a key that is empty, longer than 300 characters or not allowed'),
    ],
    [
      'a key that names the prototype',
      { cards: { prototype: card() } },
      damaged('cards.prototype', 'a key that is empty, longer than 300 characters or not allowed'),
    ],
    [
      'too many ticked items',
      { tasks: Object.fromEntries(Array.from({ length: 5_001 }, (_, i) => [`p#${i}`, T1])) },
      damaged('tasks', 'more than 5,000 entries'),
    ],
    [
      'an active round started before 2000',
      { activeMock: active({ startedAt: 5 }) },
      damaged('activeMock.startedAt', 'expected a time in milliseconds since 1970, from the year 2000 to 2200'),
    ],
    [
      'an active round paused at a fraction of a millisecond',
      { activeMock: active({ pausedAt: Date.parse(T1) + 0.5 }) },
      damaged('activeMock.pausedAt', 'expected a time in milliseconds since 1970, from the year 2000 to 2200'),
    ],
    [
      'a pause longer than two centuries',
      { activeMock: active({ pausedTotal: MAX_PAUSE + 1 }) },
      damaged('activeMock.pausedTotal', `expected a whole number from 0 to ${n(MAX_PAUSE)}`),
    ],
    [
      'a round paused before it started',
      { activeMock: active({ pausedAt: Date.parse(T1) - 1 }) },
      damaged('activeMock.pausedAt', 'paused before it started'),
    ],
    ['a story with no title', { stories: [story({ title: '' })] }, damaged('stories.0.title', 'expected text of 1 to 200 characters')],
    [
      'a story part over the limit',
      { stories: [story({ learned: 'x'.repeat(PART_MAX + 1) })] },
      damaged('stories.0.learned', `expected text of at most ${n(PART_MAX)} characters`),
    ],
    ['an empty story value', { stories: [story({ values: [''] })] }, damaged('stories.0.values.0', 'expected text of 1 to 120 characters')],
    [
      'too many story values',
      { stories: [story({ values: Array.from({ length: 51 }, (_, i) => `v${i}`) })] },
      damaged('stories.0.values', 'more than 50 entries'),
    ],
  ];
  for (const [what, patch, message] of cases) {
    it(`says so for ${what}`, async () => {
      expect(await importError(file(patch))).toBe(message);
    });
  }

  it('says what is wrong with a record that is not one, not that a key is bad', async () => {
    const message = await importError(file({ studied: 'yes' }));
    expect(message).toMatch(/^The data is damaged: "studied" is not valid \(/);
    expect(message).not.toContain('a key that is empty');
  });

  it('names the whole file when the file itself has the wrong shape', async () => {
    expect(await importError({ schema: SCHEMA_ID, version: CURRENT_VERSION, studied: {} })).toMatch(
      /^The data is damaged: "tasks" is not valid/,
    );
  });
});
