// @vitest-environment happy-dom
/**
 * Edges of the study store (store.ts) that storage.test.ts leaves out: which thrown values count as
 * a full storage, reading with nothing saved, a browser that accepts a removal and keeps the data,
 * tools that stop listening, and the page's shared store (localStorage, or none when the browser
 * will not even show it, and updates from other tabs).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { emptyStudyData, type StudyData } from './schema.ts';
import { SAVE_PROBLEMS, saveProblem, STORAGE_KEY, StudyStore } from './store.ts';
import { fakeStorage, savedStudyData } from './__fixtures__/fake-storage.ts';
import { removeWindowListeners, trackWindowListeners } from '../__fixtures__/window-listeners.ts';

const T1 = '2026-02-01T10:00:00.000Z';
const withStudied = (key: string): StudyData => ({ ...emptyStudyData(), studied: { [key]: T1 } });

describe('saveProblem', () => {
  it('calls a storage full by the name or the code any browser gives it', () => {
    expect(saveProblem({ name: 'QuotaExceededError' })).toBe(SAVE_PROBLEMS.full);
    expect(saveProblem({ name: 'Error', code: 1014 })).toBe(SAVE_PROBLEMS.full);
    expect(saveProblem(Object.assign(new Error('x'), { name: 'NS_ERROR_DOM_QUOTA_REACHED' }))).toBe(SAVE_PROBLEMS.full);
  });

  it('calls anything else a refusal, even values that are not errors', () => {
    expect(saveProblem(null)).toBe(SAVE_PROBLEMS.refused);
    expect(saveProblem(undefined)).toBe(SAVE_PROBLEMS.refused);
    expect(saveProblem(22)).toBe(SAVE_PROBLEMS.refused);
    expect(saveProblem({ name: 'Error', code: 18 })).toBe(SAVE_PROBLEMS.refused);
  });
});

describe('StudyStore', () => {
  it('reads empty data when nothing is saved, and writes nothing to do so', () => {
    const storage = fakeStorage();
    const store = new StudyStore(storage);
    expect(store.read()).toEqual(emptyStudyData());
    expect(store.readProblem).toBeUndefined();
    expect(storage.items.size).toBe(0);
    storage.items.set(STORAGE_KEY, '');
    expect(store.read()).toEqual(emptyStudyData());
    expect([...storage.items.keys()]).toEqual([STORAGE_KEY]);
  });

  it('reports a reset the browser accepted but did not carry out', () => {
    const storage = { ...fakeStorage(), removeItem: () => undefined };
    storage.items.set(STORAGE_KEY, JSON.stringify(withStudied('guides/loop')));
    const store = new StudyStore(storage);
    const result = store.reset();
    expect(result.ok).toBe(false);
    expect(result.problem).toBe(SAVE_PROBLEMS.notKept);
    expect(result.data.studied).toEqual({ 'guides/loop': T1 });
  });

  it('stops telling a tool about changes once it unsubscribes', () => {
    const store = new StudyStore(fakeStorage());
    const seen: StudyData[] = [];
    const stop = store.subscribe((data) => seen.push(data));
    store.write(withStudied('a'));
    stop();
    store.write(withStudied('b'));
    expect(seen.map((data) => Object.keys(data.studied))).toEqual([['a']]);
  });
});

describe('the page’s shared store', () => {
  const storage = fakeStorage();

  beforeEach(() => {
    trackWindowListeners();
    storage.items.clear();
    vi.resetModules();
  });

  afterEach(() => {
    removeWindowListeners();
    vi.restoreAllMocks();
  });

  it('is one store for every island on the page, over localStorage', async () => {
    vi.spyOn(window, 'localStorage', 'get').mockReturnValue(storage as unknown as Storage);
    const { studyStore } = await import('./store.ts');
    expect(studyStore()).toBe(studyStore());
    expect(studyStore().write(withStudied('guides/loop')).ok).toBe(true);
    expect(savedStudyData(storage)?.studied).toEqual({ 'guides/loop': T1 });
  });

  it('tells its tools about study data saved in another tab, and nothing else', async () => {
    vi.spyOn(window, 'localStorage', 'get').mockReturnValue(storage as unknown as Storage);
    const { studyStore } = await import('./store.ts');
    const seen: StudyData[] = [];
    studyStore().subscribe((data) => seen.push(data));
    storage.items.set(STORAGE_KEY, JSON.stringify(withStudied('guides/loop')));
    window.dispatchEvent(new StorageEvent('storage', { key: 'another-site-key' }));
    expect(seen).toEqual([]);
    window.dispatchEvent(new StorageEvent('storage', { key: STORAGE_KEY }));
    expect(seen.map((data) => data.studied)).toEqual([{ 'guides/loop': T1 }]);
  });

  it('says nothing can be saved when the browser will not even show its storage', async () => {
    vi.spyOn(window, 'localStorage', 'get').mockImplementation(() => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    });
    const { studyStore } = await import('./store.ts');
    expect(studyStore().read()).toEqual(emptyStudyData());
    expect(studyStore().readProblem).toBe(SAVE_PROBLEMS.unavailable);
    expect(studyStore().write(withStudied('a'))).toMatchObject({ ok: false, problem: SAVE_PROBLEMS.unavailable });
  });

  it('treats a browser without localStorage as one with no storage', async () => {
    vi.spyOn(window, 'localStorage', 'get').mockReturnValue(undefined as unknown as Storage);
    const { studyStore } = await import('./store.ts');
    expect(studyStore().write(withStudied('a'))).toMatchObject({ ok: false, problem: SAVE_PROBLEMS.unavailable });
  });
});
