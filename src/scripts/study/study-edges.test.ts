/**
 * Study data at its edges: the quota errors each browser throws, an empty saved value, a store
 * with no storage at all, unsubscribing, the date and size limits of an import exactly at the
 * limit, merging with damaged or equally dated entries on this device, and the studied mark.
 */
import { describe, expect, it } from 'vitest';
import { emptyStudyData, SCHEMA_ID, CURRENT_VERSION, type MockSession, type Story, type StudyData } from './schema.ts';
import { BACKUP_PREFIX, SAVE_PROBLEMS, saveProblem, STORAGE_KEY, StudyStore } from './store.ts';
import { IMPORT_LIMITS, isRealDateTime, validateStudyData } from './validate.ts';
import { mergeStudyData, readImport } from './transfer.ts';
import { studiedStatus } from './studied-status.ts';
import { storedDate, storedText } from './format.ts';

const T1 = '2026-01-01T10:00:00.000Z';
const T2 = '2026-02-01T10:00:00.000Z';

class MapStorage {
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

const file = (data: Partial<StudyData>) => ({ ...emptyStudyData(), schema: SCHEMA_ID, version: CURRENT_VERSION, ...data });

function session(overrides: Partial<MockSession> = {}): MockSession {
  return {
    id: 'm1',
    promptId: 'p',
    format: 45,
    startedAt: T1,
    endedAt: T1,
    covered: [],
    rubricSize: 3,
    rating: 3,
    notes: '',
    level: null,
    levelCovered: null,
    ...overrides,
  };
}

function story(overrides: Partial<Story> = {}): Story {
  return {
    id: 's1',
    title: 'Mine',
    situation: '',
    decision: '',
    friction: '',
    outcome: '',
    learned: '',
    values: [],
    updatedAt: T1,
    ...overrides,
  };
}

describe('why a save failed', () => {
  it('recognizes a full storage by each browser’s name or code, whether or not it is an Error', () => {
    expect(saveProblem(new DOMException('full', 'QuotaExceededError'))).toBe(SAVE_PROBLEMS.full);
    expect(saveProblem({ name: 'QuotaExceededError' })).toBe(SAVE_PROBLEMS.full);
    expect(saveProblem({ name: 'NS_ERROR_DOM_QUOTA_REACHED' })).toBe(SAVE_PROBLEMS.full);
    expect(saveProblem({ code: 22 })).toBe(SAVE_PROBLEMS.full);
    expect(saveProblem({ code: 1014 })).toBe(SAVE_PROBLEMS.full);
  });

  it('calls anything else a refusal', () => {
    expect(saveProblem(new DOMException('no', 'SecurityError'))).toBe(SAVE_PROBLEMS.refused);
    expect(saveProblem('QuotaExceededError')).toBe(SAVE_PROBLEMS.refused);
    expect(saveProblem(22)).toBe(SAVE_PROBLEMS.refused);
    expect(saveProblem(null)).toBe(SAVE_PROBLEMS.refused);
    expect(saveProblem(undefined)).toBe(SAVE_PROBLEMS.refused);
  });
});

describe('the store at its edges', () => {
  it('reads an empty saved value as no data, without setting anything aside', () => {
    const storage = new MapStorage();
    storage.items.set(STORAGE_KEY, '');
    expect(new StudyStore(storage).read()).toEqual(emptyStudyData());
    expect([...storage.items.keys()].some((key) => key.startsWith(BACKUP_PREFIX))).toBe(false);
  });

  it('says storage is unavailable when there is none, for reading, saving and deleting', () => {
    const store = new StudyStore(null);
    expect(store.read()).toEqual(emptyStudyData());
    expect(store.readProblem).toBe(SAVE_PROBLEMS.unavailable);
    expect(store.write(emptyStudyData())).toMatchObject({ ok: false, problem: SAVE_PROBLEMS.unavailable });
    expect(store.reset()).toMatchObject({ ok: false, problem: SAVE_PROBLEMS.unavailable });
  });

  it('stops telling a tool about changes once it unsubscribes', () => {
    const store = new StudyStore(new MapStorage());
    const seen: StudyData[] = [];
    const stop = store.subscribe((data) => seen.push(data));
    store.update((data) => {
      data.studied['a'] = T1;
    });
    expect(stop()).toBe(true);
    store.update((data) => {
      data.studied['b'] = T1;
    });
    expect(seen.map((data) => Object.keys(data.studied))).toEqual([['a']]);
  });
});

describe('import limits, exactly at the limit', () => {
  it('takes dates only in the exact format, from 2000 up to but not including 2200', () => {
    expect(isRealDateTime('2026-01-20T10:00:00.000Z')).toBe(true);
    expect(isRealDateTime(' 2026-01-20T10:00:00.000Z')).toBe(false);
    expect(isRealDateTime('2026-01-20T10:00:00.000Zx')).toBe(false);
    expect(isRealDateTime('2000-01-01T00:00:00.000Z')).toBe(true);
    expect(isRealDateTime('1999-12-31T23:59:59.999Z')).toBe(false);
    expect(isRealDateTime('2199-12-31T23:59:59.999Z')).toBe(true);
    expect(isRealDateTime('2200-01-01T00:00:00.000Z')).toBe(false);
  });

  it('accepts as many entries as the limit and refuses one more', () => {
    const entries = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`page/${i}`, T1]));
    expect(() => validateStudyData(file({ studied: entries(IMPORT_LIMITS.entries) }))).not.toThrow();
    expect(() => validateStudyData(file({ studied: entries(IMPORT_LIMITS.entries + 1) }))).toThrow(/more than 5,000 entries/);
  });

  it('names a bad key as a key, and a bad value as a value', () => {
    expect(() => validateStudyData(file({ studied: { '': T1 } }))).toThrow(
      /a key that is empty, longer than 300 characters or not allowed/,
    );
    let message = '';
    try {
      validateStudyData(file({ studied: { page: 'yesterday' } }));
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/expected a real date and time/);
    expect(message).not.toMatch(/a key that is empty/);
  });

  it('refuses a covered item equal to the rubric size, and accepts a round that ends as it starts', () => {
    expect(() => validateStudyData(file({ mocks: [session({ covered: [3] })] }))).toThrow(/not in the rubric/);
    expect(() => validateStudyData(file({ mocks: [session({ covered: [2], endedAt: T1 })] }))).not.toThrow();
    expect(() => validateStudyData(file({ mocks: [session({ startedAt: T2, endedAt: T1 })] }))).toThrow(/ends before it starts/);
  });

  it('accepts a round in progress paused the moment it started, not before', () => {
    const active = { promptId: 'p', format: 45, startedAt: Date.parse(T1), pausedTotal: 0, partner: false, level: null };
    expect(() => validateStudyData(file({ activeMock: { ...active, pausedAt: Date.parse(T1) } as never }))).not.toThrow();
    expect(() => validateStudyData(file({ activeMock: { ...active, pausedAt: Date.parse(T1) - 1 } as never }))).toThrow(
      /paused before it started/,
    );
  });
});

describe('reading an export', () => {
  it('refuses a file that is a list or a plain value', () => {
    expect(() => readImport('[]')).toThrow('The data is not an object.');
    expect(() => readImport('"text"')).toThrow('The data is not an object.');
  });
});

describe('merging with damaged or equal entries on this device', () => {
  it('replaces a damaged card schedule with the file’s, even one never reviewed', () => {
    const incoming = {
      ...emptyStudyData().cards,
      x: { due: T1, stability: 0, difficulty: 0, elapsed_days: 0, scheduled_days: 0, learning_steps: 0, reps: 0, lapses: 0, state: 0 },
    };
    const current = { ...emptyStudyData(), cards: { x: 'damaged' as never } };
    expect(mergeStudyData(current, { ...emptyStudyData(), cards: incoming }).cards['x']).toEqual(incoming.x);
  });

  it('keeps damaged rounds and stories on this device without stopping the merge', () => {
    const current = { ...emptyStudyData(), mocks: [null as never, session({ id: 'b', startedAt: T2 })], stories: [null as never] };
    const merged = mergeStudyData(current, { ...emptyStudyData(), mocks: [session({ id: 'a' })], stories: [story()] });
    expect(merged.mocks.map((m) => (m as MockSession | null)?.id ?? null)).toEqual([null, 'a', 'b']);
    expect(merged.stories).toEqual([null, story()]);
  });

  it('keeps this device’s story when both were edited at the same moment', () => {
    const merged = mergeStudyData(
      { ...emptyStudyData(), stories: [story({ title: 'Here' })] },
      { ...emptyStudyData(), stories: [story({ title: 'There' })] },
    );
    expect(merged.stories.map((s) => s.title)).toEqual(['Here']);
  });
});

describe('the studied mark and stored values', () => {
  it('counts a missing, null or empty mark as not studied', () => {
    for (const mark of [undefined, null, ''])
      expect(studiedStatus(mark, undefined)).toMatchObject({ studied: false, label: 'Mark as studied' });
    expect(studiedStatus('garbage', undefined)).toMatchObject({ studied: true, label: 'Studied ✓' });
  });

  it('does not call a page updated when it changed the moment it was marked', () => {
    expect(studiedStatus(T1, T1, 'en-US', 'UTC').updatedSince).toBe(false);
    expect(studiedStatus(T1, T2, 'en-US', 'UTC').updatedSince).toBe(true);
  });

  it('reads stored dates from text or numbers only, and stored text from text only', () => {
    expect(storedDate(0)).toEqual(new Date(0));
    expect(storedDate(T1)).toEqual(new Date(T1));
    expect(storedDate(true)).toBeUndefined();
    expect(storedDate({})).toBeUndefined();
    expect(storedText('a')).toBe('a');
    expect(storedText(5)).toBe('');
  });
});
