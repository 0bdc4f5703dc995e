/**
 * Study data is never lost: the store keeps reading when the browser's storage is full,
 * read-only, throwing or off, and reports every save it could not make; an import is checked
 * for what the tools rely on (real dates, numbers in range, sizes within limits, no unknown
 * fields); the formatters survive damaged saved entries; destructive actions know when the page
 * is framed. The browser side of each is in tests/e2e/storage.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { emptyStudyData, SCHEMA_ID, type MockSession, type StudyData } from './schema.ts';
import { BACKUP_PREFIX, SAVE_PROBLEMS, saveProblem, STORAGE_KEY, StudyStore } from './store.ts';
import { IMPORT_LIMITS, importSizeProblem, isRealDateTime, validateStudyData } from './validate.ts';
import { exportStudyData, mergeStudyData, readImport } from './transfer.ts';
import { formatStoredDateTime, formatStoredDay, storedDate, UNKNOWN_DATE } from './format.ts';
import { isFramed } from './framing.ts';
import { chronological, coveragePercent, coverageText, ratingText } from '../mock/session.ts';
import { trendDescription } from '../mock/trend.ts';

const T1 = '2026-01-01T10:00:00.000Z';
const T2 = '2026-02-01T10:00:00.000Z';

/** localStorage as a test double, with the failures real browsers have. */
class TestStorage {
  items = new Map<string, string>();
  mode: 'ok' | 'full' | 'read-only' | 'throwing' | 'unreadable' = 'ok';
  getItem(key: string) {
    if (this.mode === 'unreadable') throw new DOMException('The operation is insecure.', 'SecurityError');
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    if (this.mode === 'full') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    if (this.mode === 'throwing') throw new DOMException('The operation is insecure.', 'SecurityError');
    if (this.mode === 'read-only') return;
    this.items.set(key, value);
  }
  removeItem(key: string) {
    if (this.mode === 'throwing') throw new DOMException('The operation is insecure.', 'SecurityError');
    if (this.mode === 'read-only') return;
    this.items.delete(key);
  }
}

function saved(): StudyData {
  return {
    ...emptyStudyData(),
    studied: { 'guides/loop': T1 },
    stories: [
      {
        id: 's1',
        title: 'Pushed back',
        situation: 'a',
        decision: 'b',
        friction: 'c',
        outcome: 'd',
        learned: 'e',
        values: [],
        updatedAt: T1,
      },
    ],
  };
}

function storeWith(mode: TestStorage['mode']) {
  const storage = new TestStorage();
  storage.items.set(STORAGE_KEY, JSON.stringify(saved()));
  storage.mode = mode;
  const store = new StudyStore(storage);
  const seen: StudyData[] = [];
  store.subscribe((data) => seen.push(data));
  return { storage, store, seen };
}

describe('the store when the browser will not save', () => {
  it.each([
    ['full', SAVE_PROBLEMS.full],
    ['read-only', SAVE_PROBLEMS.notKept],
    ['throwing', SAVE_PROBLEMS.refused],
  ] as const)('still reads what was saved when storage is %s, and says the change was not saved', (mode, problem) => {
    const { storage, store, seen } = storeWith(mode);
    expect(store.read()).toEqual(saved());
    const result = store.update((data) => {
      data.studied['guides/loop/coding'] = T2;
    });
    expect(result).toEqual({ ok: false, data: saved(), problem });
    // The tools redraw from what is really saved, so a box the reader ticked is unticked again.
    expect(seen).toEqual([saved()]);
    expect(JSON.parse(storage.items.get(STORAGE_KEY)!)).toEqual(saved());
    expect(store.read()).toEqual(saved());
  });

  it('refuses to delete when the browser will not remove, and says so', () => {
    for (const mode of ['read-only', 'throwing'] as const) {
      const { store } = storeWith(mode);
      const result = store.reset();
      expect(result.ok).toBe(false);
      expect(result.data).toEqual(saved());
      expect(result.problem).toBe(mode === 'read-only' ? SAVE_PROBLEMS.notKept : SAVE_PROBLEMS.refused);
    }
  });

  it('shows empty data and the reason when storage cannot even be read', () => {
    const { store } = storeWith('unreadable');
    expect(store.read()).toEqual(emptyStudyData());
    expect(store.readProblem).toBe('This browser does not let the site read its storage, so saved study data cannot be shown.');
    expect(store.update(() => undefined).ok).toBe(false);
  });

  it('leaves unreadable data where it is when it cannot be set aside', () => {
    const storage = new TestStorage();
    storage.items.set(STORAGE_KEY, '{"schema": "netflix-loop-guide.study-data", "version": 1, "studied": ');
    storage.mode = 'full';
    const store = new StudyStore(storage);
    expect(store.read()).toEqual(emptyStudyData());
    expect(store.readProblem).toMatch(/damaged and could not be set aside/);
    expect(storage.items.get(STORAGE_KEY)).toMatch(/^\{"schema"/);
    expect([...storage.items.keys()].some((k) => k.startsWith(BACKUP_PREFIX))).toBe(false);
  });

  it('saves, and reports success, when storage works', () => {
    const { store, seen } = storeWith('ok');
    const result = store.update((data) => {
      data.studied['guides/loop/coding'] = T2;
    });
    expect(result.ok).toBe(true);
    expect(result.problem).toBeUndefined();
    expect(store.read().studied).toEqual({ 'guides/loop': T1, 'guides/loop/coding': T2 });
    expect(seen).toHaveLength(1);
    expect(store.reset()).toEqual({ ok: true, data: emptyStudyData() });
  });

  it('tells a full storage from other refusals, across browsers', () => {
    expect(saveProblem(new DOMException('x', 'QuotaExceededError'))).toBe(SAVE_PROBLEMS.full);
    expect(saveProblem({ name: 'NS_ERROR_DOM_QUOTA_REACHED' })).toBe(SAVE_PROBLEMS.full);
    expect(saveProblem({ name: 'Error', code: 22 })).toBe(SAVE_PROBLEMS.full);
    expect(saveProblem(new DOMException('x', 'SecurityError'))).toBe(SAVE_PROBLEMS.refused);
    expect(saveProblem('nonsense')).toBe(SAVE_PROBLEMS.refused);
  });
});

const session = (overrides: Partial<MockSession> = {}): MockSession => ({
  id: 'm1',
  promptId: 'homepage-feed',
  format: 45,
  startedAt: T1,
  endedAt: T2,
  covered: [0, 2],
  rubricSize: 6,
  rating: 3,
  notes: '',
  level: null,
  levelCovered: null,
  ...overrides,
});

/** The error an import of this data gives, or "ok". */
function importError(data: unknown): string {
  try {
    validateStudyData(data);
    return 'ok';
  } catch (error) {
    return (error as Error).message;
  }
}

const file = (patch: Partial<Record<keyof StudyData, unknown>>) => ({ ...saved(), ...patch });

describe('import validation', () => {
  it('accepts only dates that parse and read back unchanged', () => {
    expect(isRealDateTime('2026-01-20T10:00:00.000Z')).toBe(true);
    expect(isRealDateTime('2026-01-20T10:00:00Z')).toBe(true);
    expect(isRealDateTime('2026-01-20T10:00Z')).toBe(true);
    for (const bad of [
      '2026-99-99T00:00:00Z',
      '2026-02-30T00:00:00Z',
      '2026-01-20T25:00:00Z',
      '2026-01-20',
      'yesterday',
      '1900-01-01T00:00:00Z',
    ]) {
      expect(isRealDateTime(bad), bad).toBe(false);
    }
    expect(importError(file({ studied: { 'guides/loop': '2026-99-99T00:00:00Z' } }))).toBe(
      'The data is damaged: "studied.guides/loop" is not valid (expected a real date and time such as 2026-01-20T10:00:00.000Z).',
    );
    expect(importError(file({ stories: [{ ...saved().stories[0]!, updatedAt: '2026-02-30T00:00:00Z' }] }))).toBe(
      'The data is damaged: "stories.0.updatedAt" is not valid (expected a real date and time such as 2026-01-20T10:00:00.000Z).',
    );
  });

  it('stores dates as the browser writes them', () => {
    expect(validateStudyData(file({ studied: { 'guides/loop': '2026-01-20T10:00Z' } })).studied).toEqual({
      'guides/loop': '2026-01-20T10:00:00.000Z',
    });
  });

  it('refuses numbers out of their range: covered items outside the rubric, ratings, negative counts', () => {
    expect(importError(file({ mocks: [session({ covered: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], rubricSize: 1 })] }))).toBe(
      'The data is damaged: "mocks.0.covered" is not valid (a covered rubric item is not in the rubric (each must be below rubricSize)).',
    );
    expect(importError(file({ mocks: [session({ covered: [1, 1] })] }))).toMatch(
      /"mocks\.0\.covered" is not valid \(a rubric item is listed twice\)/,
    );
    expect(importError(file({ mocks: [session({ covered: [-1] })] }))).toMatch(/"mocks\.0\.covered\.0" is not valid/);
    expect(importError(file({ mocks: [session({ rubricSize: 0, covered: [] })] }))).toMatch(/"mocks\.0\.rubricSize" is not valid/);
    expect(importError(file({ mocks: [session({ rating: 5 })] }))).toBe(
      'The data is damaged: "mocks.0.rating" is not valid (expected a whole number from 1 to 4).',
    );
    expect(importError(file({ mocks: [session({ rating: 2.5 })] }))).toMatch(/"mocks\.0\.rating" is not valid/);
    expect(importError(file({ mocks: [session({ endedAt: '2025-01-01T00:00:00.000Z' })] }))).toBe(
      'The data is damaged: "mocks.0.endedAt" is not valid (the round ends before it starts).',
    );
    const card = {
      due: T2,
      stability: 3,
      difficulty: 5,
      elapsed_days: 1,
      scheduled_days: 3,
      reps: 2,
      lapses: 0,
      state: 2,
      last_review: T1,
    };
    expect(importError(file({ cards: { 'culture:candor': card } }))).toBe('ok');
    expect(importError(file({ cards: { 'culture:candor': { ...card, reps: -3 } } }))).toBe(
      'The data is damaged: "cards.culture:candor.reps" is not valid (expected a whole number from 0 to 1,000,000).',
    );
    expect(importError(file({ cards: { 'culture:candor': { ...card, difficulty: 11 } } }))).toMatch(/"cards\.culture:candor\.difficulty"/);
    expect(importError(file({ cards: { 'culture:candor': { ...card, state: 7 } } }))).toMatch(/"cards\.culture:candor\.state"/);
    expect(importError(file({ cards: { 'culture:candor': { ...card, stability: Number.NaN } } }))).toMatch(
      /"cards\.culture:candor\.stability"/,
    );
    const active = { promptId: 'homepage-feed', format: 45, startedAt: Date.parse(T1), pausedAt: null, pausedTotal: 0, partner: false };
    expect(importError(file({ activeMock: active }))).toBe('ok');
    expect(importError(file({ activeMock: { ...active, pausedTotal: -5 } }))).toMatch(/"activeMock\.pausedTotal" is not valid/);
    expect(importError(file({ activeMock: { ...active, pausedAt: Date.parse(T1) - 1 } }))).toMatch(/paused before it started/);
    expect(importError(file({ activeMock: { ...active, format: 30 } }))).toBe(
      'The data is damaged: "activeMock.format" is not valid (expected 45 or 60 (minutes)).',
    );
  });

  it('refuses lists and texts over their limits, and keys that could change an object', () => {
    const many = Object.fromEntries(Array.from({ length: IMPORT_LIMITS.entries + 1 }, (_, i) => [`guides/p${i}`, T1]));
    expect(importError(file({ studied: many }))).toBe('The data is damaged: "studied" is not valid (more than 5,000 entries).');
    const stories = Array.from({ length: IMPORT_LIMITS.stories + 1 }, (_, i) => ({ ...saved().stories[0]!, id: `s${i}` }));
    expect(importError(file({ stories }))).toBe('The data is damaged: "stories" is not valid (more than 500 entries).');
    expect(importError(file({ stories: [{ ...saved().stories[0]!, title: 'x'.repeat(201) }] }))).toMatch(
      /"stories\.0\.title" is not valid/,
    );
    expect(importError(file({ stories: [{ ...saved().stories[0]!, title: '' }] }))).toMatch(/"stories\.0\.title" is not valid/);
    const keyed = (key: string) =>
      JSON.parse(
        `{"schema":"${SCHEMA_ID}","version":1,"studied":{"${key}":"${T1}"},"tasks":{},"cards":{},"mocks":[],"activeMock":null,"stories":[]}`,
      ) as unknown;
    expect(importError(keyed('constructor'))).toMatch(
      /"studied\.constructor" is not valid \(a key that is empty, longer than 300 characters or not allowed\)/,
    );
    // "__proto__" is dropped by the validator, never assigned: the result keeps a plain prototype.
    const studied = validateStudyData(keyed('__proto__')).studied;
    expect(Object.getPrototypeOf(studied)).toBe(Object.prototype);
    expect(Object.keys(studied)).toEqual([]);
  });

  it('drops fields the site does not know, at every level', () => {
    const withExtras = {
      ...saved(),
      telemetry: { id: 42 },
      stories: [{ ...saved().stories[0]!, html: '<img src=x onerror=alert(1)>' }],
      mocks: [{ ...session(), extra: true }],
    };
    const imported = readImport(JSON.stringify(withExtras));
    expect(imported).not.toHaveProperty('telemetry');
    expect(imported.stories[0]).not.toHaveProperty('html');
    expect(imported.mocks[0]).not.toHaveProperty('extra');
    expect(imported).toEqual({ ...saved(), mocks: [session()] });
  });

  it('refuses a file over the size limit before reading it, with its size', () => {
    expect(importSizeProblem(IMPORT_LIMITS.fileBytes)).toBeUndefined();
    expect(importSizeProblem(30 * 1024 * 1024)).toBe(
      'The file is 30.0 MB; a study export is at most 2.0 MB (a real one is usually under 200 KB), so it is not one, or it is damaged.',
    );
    const huge = exportStudyData({ ...saved(), stories: [{ ...saved().stories[0]!, situation: 'x'.repeat(IMPORT_LIMITS.fileBytes) }] });
    expect(() => readImport(huge)).toThrow(/^The file is 2\.0 MB; a study export is at most 2\.0 MB/);
  });
});

describe('rendering damaged saved data', () => {
  it('formats a bad date as unknown instead of throwing', () => {
    expect(formatStoredDay('2026-99-99T00:00:00Z')).toBe(UNKNOWN_DATE);
    expect(formatStoredDateTime(undefined)).toBe(UNKNOWN_DATE);
    expect(formatStoredDay({})).toBe(UNKNOWN_DATE);
    expect(storedDate('nonsense')).toBeUndefined();
    expect(formatStoredDay(T1, 'en-GB', 'UTC')).toBe('1 Jan 2026');
    expect(formatStoredDateTime(T1, 'en-US', 'UTC')).toBe('Jan 1, 2026, 10:00 AM');
  });

  it('never shows more rubric items than the rubric, nor a percentage over 100', () => {
    const bad = session({ covered: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], rubricSize: 1 });
    expect(coverageText(bad)).toBe('1 of 1');
    expect(coveragePercent(bad)).toBe(100);
    expect(coverageText(session({ covered: [-1, 2, 2, 'x' as unknown as number], rubricSize: 6 }))).toBe('1 of 6');
    expect(coverageText(session({ rubricSize: -4 }))).toBe('unknown');
    expect(coveragePercent(session({ rubricSize: Number.NaN }))).toBe(0);
    expect(coverageText(null)).toBe('unknown');
    expect(ratingText(-2)).toBe('not rated');
    expect(ratingText('3')).toBe('not rated');
    expect(ratingText(3)).toBe('3 of 4, Solid');
  });

  it('sorts and describes history with a damaged round among good ones', () => {
    const damaged = { ...session({ id: 'bad', rubricSize: 1, covered: [0, 5, 6] }), startedAt: 12 as unknown as string };
    const sessions = [session({ id: 'late', startedAt: T2, endedAt: T2 }), damaged, session({ id: 'early' })];
    expect(chronological(sessions).map((s) => s.id)).toEqual(['bad', 'early', 'late']);
    expect(trendDescription(sessions)).toBe('Rubric covered in your 3 rounds, oldest first: 100%, 33%, 33%.');
  });

  it('merges into damaged saved data without throwing or dropping it', () => {
    const current = {
      ...saved(),
      cards: { a: null as never },
      mocks: [null as never, { ...session(), startedAt: 5 as never }],
      stories: [{} as never, ...saved().stories],
    };
    const incoming = {
      ...emptyStudyData(),
      mocks: [session({ id: 'new' })],
      stories: [{ ...saved().stories[0]!, updatedAt: T2, title: 'Newer' }],
    };
    const merged = mergeStudyData(current, incoming);
    expect(merged.mocks).toHaveLength(3);
    expect(merged.stories.map((s) => (s as { title?: string }).title)).toEqual([undefined, 'Newer']);
  });
});

describe('framing', () => {
  it('knows a framed page from a top-level one, and counts a browser that will not say as framed', () => {
    const self = {} as Window;
    expect(isFramed({ top: self, self })).toBe(false);
    expect(isFramed({ top: {}, self })).toBe(true);
    const hostile = {
      self,
      get top(): Window {
        throw new Error('blocked');
      },
    };
    expect(isFramed(hostile)).toBe(true);
  });
});
