/**
 * Upgrades of saved study data. `__fixtures__/study-v1.json` is a file as the first release
 * (data version 1) exported it, frozen: whatever the current version, it must import and load
 * with every entry kept. When a new version is added, this fixture goes through its upgrade.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CURRENT_VERSION, SCHEMA_ID } from './schema.ts';
import { MIGRATIONS, migrate, StudyDataError, type Migration } from './migrate.ts';
import { readSavedData, STORAGE_KEY, StudyStore } from './store.ts';
import { countStudyData, readImport } from './transfer.ts';

const V1_EXPORT = readFileSync(new URL('./__fixtures__/study-v1.json', import.meta.url), 'utf8');

class MemoryStorage {
  items = new Map<string, string>();
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
}

describe('the upgrade steps', () => {
  it('has exactly one step from every version before the current one', () => {
    const from = Object.keys(MIGRATIONS)
      .map(Number)
      .sort((a, b) => a - b);
    expect(from).toEqual(Array.from({ length: CURRENT_VERSION - 1 }, (_, i) => i + 1));
    for (const version of from) expect(typeof MIGRATIONS[version]).toBe('function');
  });

  it('runs each step in order, numbering the versions itself', () => {
    const seen: number[] = [];
    const step =
      (name: string): Migration =>
      (data) => {
        seen.push(data.version as number);
        return { ...data, [name]: true, version: 99 };
      };
    const upgraded = migrate({ schema: SCHEMA_ID, version: 1 }, { 1: step('one'), 2: step('two'), 3: step('three') }, 4);
    expect(seen).toEqual([1, 2, 3]);
    expect(upgraded).toEqual({ schema: SCHEMA_ID, version: 4, one: true, two: true, three: true });
  });

  it('names the version that has no step', () => {
    expect(() => migrate({ schema: SCHEMA_ID, version: 2 }, { 1: (d) => d }, 4)).toThrow('No upgrade exists from data version 2.');
  });

  it('refuses data without a whole, positive version', () => {
    for (const version of [undefined, '1', 0, -1, 1.5]) {
      expect(() => migrate({ schema: SCHEMA_ID, version }), String(version)).toThrow('The file has no valid version number.');
    }
  });

  it('says which version made a newer file', () => {
    expect(() => migrate({ schema: SCHEMA_ID, version: CURRENT_VERSION + 1 })).toThrow(
      `The file was made by a newer version of this site (data version ${CURRENT_VERSION + 1}; this page knows ${CURRENT_VERSION}). Reload the site to update it, then import again.`,
    );
  });

  it('refuses what is not an object, by name', () => {
    for (const raw of [null, 'text', 3, [{ schema: SCHEMA_ID, version: 1 }]]) {
      expect(() => migrate(raw)).toThrow(new StudyDataError('The data is not an object.'));
    }
    expect(() => migrate({ version: 1 })).toThrow(
      'This is not a Netflix Loop Guide study file (its "schema" field is missing or different).',
    );
  });
});

describe('a file exported by the first release (data version 1)', () => {
  it('imports with every entry kept, at the current version', () => {
    const data = readImport(V1_EXPORT);
    expect(data.version).toBe(CURRENT_VERSION);
    expect(countStudyData(data)).toEqual({ studied: 2, tasks: 1, cards: 1, mocks: 1, stories: 1 });
    expect(data.studied['prompts/playback-resume']).toBe('2026-01-07T20:15:40.512Z');
    expect(data.cards['stack/zuul']?.last_review).toBe('2026-01-07T09:00:00.000Z');
    expect(data.mocks[0]?.covered).toEqual([0, 2, 3]);
    expect(data.activeMock?.promptId).toBe('playback-resume');
    expect(data.stories[0]?.values).toEqual(['candor']);
    expect(data).not.toHaveProperty('exportedAt');
  });

  it('loads from this device’s storage as saved', () => {
    const storage = new MemoryStorage();
    const { exportedAt: _exportedAt, ...saved } = JSON.parse(V1_EXPORT) as Record<string, unknown>;
    storage.setItem(STORAGE_KEY, JSON.stringify(saved));
    const store = new StudyStore(storage);
    expect(store.read()).toStrictEqual({ ...readImport(V1_EXPORT) });
    expect(store.readProblem).toBeUndefined();
  });
});

describe('saved data checked for its parts', () => {
  const v1 = (): Record<string, unknown> => {
    const { exportedAt: _exportedAt, ...saved } = JSON.parse(V1_EXPORT) as Record<string, unknown>;
    return saved;
  };

  it('fills the in-progress mock round when it is missing or not an object, keeping the rest', () => {
    const { activeMock: _activeMock, ...withoutRound } = v1();
    const read = readSavedData(withoutRound);
    expect(read).toStrictEqual({ ...migrate(withoutRound), activeMock: null });
    expect(readSavedData({ ...v1(), activeMock: 'running' }).activeMock).toBeNull();
    expect(readSavedData({ ...v1(), activeMock: [1] }).activeMock).toBeNull();
  });

  const wrongParts: [string, unknown][] = [
    ['studied', undefined],
    ['studied', []],
    ['tasks', null],
    ['tasks', 'x'],
    ['cards', undefined],
    ['cards', []],
    ['mocks', {}],
    ['mocks', undefined],
    ['stories', {}],
    ['stories', null],
  ];
  it.each(wrongParts)('refuses saved data whose "%s" is %j', (part, value) => {
    const saved = { ...v1(), [part]: value };
    if (value === undefined) delete saved[part];
    expect(() => readSavedData(saved)).toThrow(new StudyDataError('The saved data is missing parts.'));
  });

  it('sets saved data with a missing part aside, whole, and starts empty', () => {
    const storage = new MemoryStorage();
    const { cards: _cards, ...missingCards } = v1();
    const text = JSON.stringify(missingCards);
    storage.setItem(STORAGE_KEY, text);
    const store = new StudyStore(storage);
    expect(countStudyData(store.read())).toEqual({ studied: 0, tasks: 0, cards: 0, mocks: 0, stories: 0 });
    expect(storage.getItem(STORAGE_KEY)).toBeNull();
    const backups = [...storage.items].filter(([key]) => key !== STORAGE_KEY);
    expect(backups.map(([, value]) => value)).toEqual([text]);
  });
});
