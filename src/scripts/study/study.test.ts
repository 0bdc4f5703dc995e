import { describe, expect, it } from 'vitest';
import { emptyStudyData, SCHEMA_ID, type StudyData } from './schema.ts';
import { migrate, StudyDataError, type Migration } from './migrate.ts';
import { BACKUP_PREFIX, STORAGE_KEY, StudyStore } from './store.ts';
import { validateStudyData } from './validate.ts';
import { countStudyData, exportStudyData, mergeStudyData, readImport } from './transfer.ts';

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

const T1 = '2026-01-01T10:00:00.000Z';
const T2 = '2026-02-01T10:00:00.000Z';

function sample(): StudyData {
  return {
    ...emptyStudyData(),
    studied: { 'prompts/playback-resume': T1 },
    tasks: { 'guides/prepare/study-plan#week-1/read-loop': T1 },
    stories: [
      {
        id: 's1',
        title: 'Pushed back on a launch',
        situation: 'a',
        decision: 'b',
        friction: 'c',
        outcome: 'd',
        learned: 'e',
        values: ['candor'],
        updatedAt: T1,
      },
    ],
  };
}

describe('the store', () => {
  it('starts empty, saves, and reads back what it saved', () => {
    const storage = new MemoryStorage();
    const store = new StudyStore(storage);
    expect(store.read()).toEqual(emptyStudyData());
    store.update((data) => {
      data.studied['guides/loop'] = T1;
    });
    expect(new StudyStore(storage).read().studied).toEqual({ 'guides/loop': T1 });
  });

  it('sets unreadable data aside instead of losing it', () => {
    const storage = new MemoryStorage();
    storage.setItem(STORAGE_KEY, '{"schema": "something else"');
    const store = new StudyStore(storage);
    expect(store.read()).toEqual(emptyStudyData());
    const backups = [...storage.items.keys()].filter((k) => k.startsWith(BACKUP_PREFIX));
    expect(backups).toHaveLength(1);
    expect(storage.getItem(backups[0]!)).toBe('{"schema": "something else"');
  });

  it('notifies subscribers of changes and resets', () => {
    const store = new StudyStore(new MemoryStorage());
    const seen: number[] = [];
    store.subscribe((data) => seen.push(Object.keys(data.studied).length));
    store.update((data) => {
      data.studied.a = T1;
    });
    store.reset();
    expect(seen).toEqual([1, 0]);
  });

  it('says nothing was saved when there is no storage (private browsing), instead of pretending', () => {
    const store = new StudyStore(null);
    const saved = store.update((data) => void (data.studied.a = T1));
    expect(saved.ok).toBe(false);
    expect(saved.data).toEqual(emptyStudyData());
    expect(saved.problem).toMatch(/^This browser does not let the site use its storage/);
  });
});

// The upgrade steps, the first release's export file and the check for missing parts: migrate.test.ts.
describe('migrations', () => {
  it('upgrades old versions step by step and refuses newer or foreign data', () => {
    const steps: Record<number, Migration> = {
      1: (data) => ({ ...data, renamed: data.old }),
      2: (data) => ({ ...data, extra: [] }),
    };
    expect(migrate({ schema: SCHEMA_ID, version: 1, old: 5 }, steps, 3)).toEqual({
      schema: SCHEMA_ID,
      version: 3,
      old: 5,
      renamed: 5,
      extra: [],
    });
    expect(() => migrate({ schema: SCHEMA_ID, version: 4 }, steps, 3)).toThrow(/newer version of this site/);
    expect(() => migrate({ schema: 'other-app', version: 1 }, steps, 3)).toThrow(/not a Netflix Loop Guide study file/);
    expect(() => migrate([1, 2], steps, 3)).toThrow(/not an object/);
  });
  it('validates a complete record, and rejects a wrong type with its path', () => {
    expect(validateStudyData(sample())).toEqual(sample());
    expect(() => validateStudyData({ ...sample(), mocks: [{ id: 'x' }] })).toThrow(StudyDataError);
  });
});

describe('export and import', () => {
  it('round-trips an export', () => {
    const text = exportStudyData(sample(), new Date(T2));
    expect((JSON.parse(text) as { exportedAt: string }).exportedAt).toBe(T2);
    expect(readImport(text)).toEqual(sample());
  });
  it('rejects corrupt, foreign and damaged files with a reason', () => {
    expect(() => readImport('{not json')).toThrow(/not valid JSON/);
    expect(() => readImport('{"progress": []}')).toThrow(/not a Netflix Loop Guide study file/);
    const damaged = { ...sample(), studied: { 'guides/loop': 42 } };
    expect(() => readImport(JSON.stringify(damaged))).toThrow(/"studied.guides\/loop" is not valid/);
  });
  it('merges two devices without losing either', () => {
    const other: StudyData = {
      ...emptyStudyData(),
      studied: { 'prompts/playback-resume': T2, 'guides/loop': T2 },
      stories: [{ ...sample().stories[0]!, title: 'Edited later', updatedAt: T2 }],
      mocks: [
        {
          id: 'm1',
          promptId: 'homepage-feed',
          format: 45,
          startedAt: T1,
          endedAt: T1,
          covered: [0, 2],
          rubricSize: 6,
          rating: 3,
          notes: '',
          level: null,
          levelCovered: null,
        },
      ],
    };
    const merged = mergeStudyData(sample(), other);
    expect(merged.studied).toEqual({ 'prompts/playback-resume': T2, 'guides/loop': T2 });
    expect(merged.tasks).toEqual(sample().tasks);
    expect(merged.stories.map((s) => s.title)).toEqual(['Edited later']);
    expect(countStudyData(merged)).toEqual({ studied: 2, tasks: 1, cards: 0, mocks: 1, stories: 1 });
  });
});

import { summarizeProgress } from './progress.ts';

describe('progress summary', () => {
  const manifest = [
    {
      label: 'The interview loop',
      pages: [
        { key: 'guides/loop', title: 'Loop', path: '/loop/' },
        { key: 'guides/loop/coding', title: 'Coding', path: '/loop/coding/' },
      ],
    },
    { label: 'Design prompts', pages: [{ key: 'prompts/playback-resume', title: 'Resume', path: '/prompts/playback-resume/' }] },
  ];
  it('counts per section and overall, and picks the next unstudied page in order', () => {
    const summary = summarizeProgress(manifest, { ...sample(), studied: { 'guides/loop': T1, 'prompts/playback-resume': T1 } });
    expect(summary.sections).toEqual([
      { label: 'The interview loop', studied: 1, total: 2 },
      { label: 'Design prompts', studied: 1, total: 1 },
    ]);
    expect([summary.studied, summary.total, summary.percent]).toEqual([2, 3, 66]);
    expect(summary.next?.key).toBe('guides/loop/coding');
    expect(summary.ticked).toEqual({ 'guides/prepare/study-plan': 1 });
  });
  it('has no next page once everything is studied', () => {
    const all = Object.fromEntries(manifest.flatMap((s) => s.pages).map((p) => [p.key, T1]));
    const summary = summarizeProgress(manifest, { ...emptyStudyData(), studied: all });
    expect(summary.next).toBeUndefined();
    expect(summary.percent).toBe(100);
  });
});
