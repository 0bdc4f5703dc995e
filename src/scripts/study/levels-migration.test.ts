/**
 * Data version 2: mock rounds record the level practiced at. A round saved before (version 1) has
 * none, and reads as "not recorded", never as a guessed L5; an import is checked for the new fields.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CURRENT_VERSION, emptyStudyData, SCHEMA_ID, type MockSession } from './schema.ts';
import { MIGRATIONS, migrate } from './migrate.ts';
import { validateStudyData } from './validate.ts';
import { levelText } from '../mock/session.ts';

const V1 = JSON.parse(readFileSync(new URL('./__fixtures__/study-v1.json', import.meta.url), 'utf8')) as Record<string, unknown>;

const round = (overrides: Partial<MockSession> = {}): MockSession => ({
  id: 'm1',
  promptId: 'playback-resume',
  format: 45,
  startedAt: '2026-03-01T10:00:00.000Z',
  endedAt: '2026-03-01T10:45:00.000Z',
  covered: [0, 2],
  rubricSize: 6,
  rating: 3,
  notes: '',
  level: 'L6',
  levelCovered: ['scoping', 'deepDive'],
  ...overrides,
});

/** The message an import of `mocks` gives, or "ok". */
function importOf(mocks: unknown[], activeMock: unknown = null): string {
  try {
    validateStudyData({ ...emptyStudyData(), mocks, activeMock });
    return 'ok';
  } catch (error) {
    return (error as Error).message;
  }
}

describe('upgrading to data version 2', () => {
  it('is the current version', () => {
    expect(CURRENT_VERSION).toBe(2);
  });

  it('marks every round saved before, and the round in progress, as having no level recorded', () => {
    const upgraded = migrate(V1);
    expect(upgraded.version).toBe(2);
    expect(upgraded.mocks).toEqual([{ ...(V1.mocks as object[])[0], level: null, levelCovered: null }]);
    expect(upgraded.activeMock).toEqual({ ...(V1.activeMock as object), level: null });
    expect(levelText((upgraded.mocks as MockSession[])[0])).toBe('Not recorded (saved before levels)');
  });

  it('keeps damaged entries as they are, and adds no part that was missing', () => {
    const step = MIGRATIONS[1]!;
    const raw = { schema: SCHEMA_ID, version: 1, mocks: [null, 'x', { id: 'a' }], activeMock: null };
    expect(step(raw)).toEqual({ ...raw, mocks: [null, 'x', { id: 'a', level: null, levelCovered: null }] });
    expect(step({ schema: SCHEMA_ID, version: 1 })).toEqual({ schema: SCHEMA_ID, version: 1 });
    expect(step({ schema: SCHEMA_ID, version: 1, mocks: 'broken' }).mocks).toBe('broken');
  });

  it('imports a version 1 export with its round read as "not recorded"', () => {
    const imported = validateStudyData(V1);
    expect(imported.mocks[0]).toMatchObject({ level: null, levelCovered: null, covered: [0, 2, 3] });
    expect(imported.activeMock).toMatchObject({ promptId: 'playback-resume', level: null });
  });
});

describe('importing the level fields', () => {
  it('keeps a round at a level with the expectations ticked', () => {
    expect(importOf([round()])).toBe('ok');
    expect(validateStudyData({ ...emptyStudyData(), mocks: [round()] }).mocks[0]).toEqual(round());
    expect(importOf([round({ level: 'L4', levelCovered: [] })])).toBe('ok');
    expect(importOf([round({ level: 'L5', levelCovered: null })])).toBe('ok');
    expect(importOf([round({ level: null, levelCovered: null })])).toBe('ok');
  });

  it('reads a round without the fields as not recorded', () => {
    const { level: _level, levelCovered: _covered, ...older } = round();
    expect(validateStudyData({ ...emptyStudyData(), mocks: [older] }).mocks[0]).toMatchObject({ level: null, levelCovered: null });
  });

  it('refuses a level that is not L4, L5 or L6, and unknown or repeated expectations', () => {
    expect(importOf([round({ level: 'L7' as never })])).toBe(
      'The data is damaged: "mocks.0.level" is not valid (expected L4, L5, L6 or null (not recorded)).',
    );
    expect(importOf([round({ level: 'l6' as never })])).toContain('"mocks.0.level" is not valid');
    expect(importOf([round({ levelCovered: ['charm' as never] })])).toBe(
      'The data is damaged: "mocks.0.levelCovered.0" is not valid (expected one of scoping, design, deepDive, operations, separates).',
    );
    expect(importOf([round({ levelCovered: ['design', 'design'] })])).toBe(
      'The data is damaged: "mocks.0.levelCovered" is not valid (a level expectation is listed twice).',
    );
    expect(importOf([round({ level: null, levelCovered: ['design'] })])).toBe(
      'The data is damaged: "mocks.0.levelCovered" is not valid (level expectations are ticked but no level is recorded).',
    );
  });

  it('checks the level of a round in progress', () => {
    const active = { promptId: 'p', format: 45, startedAt: Date.UTC(2026, 0, 1), pausedAt: null, pausedTotal: 0, partner: false };
    expect(importOf([], { ...active, level: 'L4' })).toBe('ok');
    expect(importOf([], { ...active, level: 'senior' })).toBe(
      'The data is damaged: "activeMock.level" is not valid (expected L4, L5, L6 or null (not recorded)).',
    );
  });
});
