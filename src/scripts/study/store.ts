/**
 * The one place study data is read and written (localStorage, key below). Every tool goes
 * through here, so versioning, upgrades and cross-tab updates happen once.
 *
 * Reading never depends on writing: a browser whose storage is full, read-only or refusing
 * writes still shows everything saved. Every write reports whether the browser really kept it
 * (SaveResult); a failed write changes nothing, tells the tools to redraw from what is still
 * saved, and says why in words the tool shows the reader instead of "Saved". Saved data is never
 * thrown away: data that cannot be read is set aside under a backup key (and left where it is
 * if even that cannot be written), and an import is fully validated (validate.ts) before it
 * replaces anything.
 */
import { emptyStudyData, type StudyData } from './schema.ts';
import { migrate, StudyDataError } from './migrate.ts';
import { STORAGE_KEY } from './storage-key.ts';

export { STORAGE_KEY };
export const BACKUP_PREFIX = 'netflix-loop-guide:study-unreadable:';

type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** What a write did: saved, or not saved and why, with what storage holds now. */
export interface SaveResult {
  ok: boolean;
  /** The data as saved now: the new data when ok, otherwise what storage still holds. */
  data: StudyData;
  /** Why nothing was saved, as a sentence for the reader (only when not ok). */
  problem?: string;
}

/** The reasons a save fails, in words a reader understands. */
export const SAVE_PROBLEMS = {
  unavailable:
    'This browser does not let the site use its storage (it may be turned off for this site, or blocked in private browsing), so nothing can be saved here.',
  full: "This browser's storage for the site is full, so the change was not saved.",
  refused: 'This browser refused to save the change (its storage may be turned off or read-only).',
  notKept: 'This browser did not keep the change (its storage may be read-only, as in some private modes).',
} as const;

/** The sentence for an error thrown by setItem or removeItem. */
export function saveProblem(error: unknown): string {
  const name = error instanceof Error || (typeof error === 'object' && error !== null) ? String((error as { name?: unknown }).name) : '';
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  if (name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED' || code === 22 || code === 1014) return SAVE_PROBLEMS.full;
  return SAVE_PROBLEMS.refused;
}

const isRecord = (value: unknown): value is Record<string, unknown> => Boolean(value) && typeof value === 'object' && !Array.isArray(value);

/**
 * Data this site saved itself: upgraded, and checked for the right containers (a cheap check;
 * imports get the full validation, and every tool renders entries defensively). Throws
 * StudyDataError.
 */
export function readSavedData(raw: unknown): StudyData {
  const data = migrate(raw);
  const shaped =
    isRecord(data.studied) && isRecord(data.tasks) && isRecord(data.cards) && Array.isArray(data.mocks) && Array.isArray(data.stories);
  if (!shaped) throw new StudyDataError('The saved data is missing parts.');
  return { ...emptyStudyData(), ...data, activeMock: isRecord(data.activeMock) ? data.activeMock : null } as StudyData;
}

export class StudyStore {
  private readonly storage: StorageLike | null;
  private readonly listeners = new Set<(data: StudyData) => void>();
  /** Why the saved data could not be read, if it could not (shown by the progress page). */
  readProblem: string | undefined;

  constructor(storage: StorageLike | null) {
    this.storage = storage;
  }

  /** The saved data, or empty data if nothing is saved (or it cannot be read). Never throws. */
  read(): StudyData {
    let text: string | null;
    try {
      text = this.storage ? this.storage.getItem(STORAGE_KEY) : null;
      this.readProblem = this.storage ? undefined : SAVE_PROBLEMS.unavailable;
    } catch {
      this.readProblem = 'This browser does not let the site read its storage, so saved study data cannot be shown.';
      return emptyStudyData();
    }
    if (!text) return emptyStudyData();
    try {
      return readSavedData(JSON.parse(text));
    } catch {
      // Keep what could not be read, so nothing is lost, then start afresh. If the copy cannot be
      // written (storage full or read-only), the original stays where it is.
      try {
        this.storage!.setItem(`${BACKUP_PREFIX}${Date.now()}`, text);
        this.storage!.removeItem(STORAGE_KEY);
      } catch {
        this.readProblem = 'The saved study data is damaged and could not be set aside, so it is left as it was.';
      }
      return emptyStudyData();
    }
  }

  /** Replaces everything, if the browser keeps it. */
  write(data: StudyData): SaveResult {
    if (!this.storage) return this.failed(SAVE_PROBLEMS.unavailable);
    const text = JSON.stringify(data);
    try {
      this.storage.setItem(STORAGE_KEY, text);
    } catch (error) {
      return this.failed(saveProblem(error));
    }
    // Some browsers accept a write and keep nothing: check that it is really there.
    let kept: string | null = null;
    try {
      kept = this.storage.getItem(STORAGE_KEY);
    } catch {
      // Unreadable after writing: treat as not kept.
    }
    if (kept !== text) return this.failed(SAVE_PROBLEMS.notKept);
    this.notify(data);
    return { ok: true, data };
  }

  /** Read, change, save. The change may edit the draft in place or return a new one. */
  update(change: (draft: StudyData) => StudyData | void): SaveResult {
    const draft = this.read();
    return this.write(change(draft) ?? draft);
  }

  /** Deletes all study data from this device, if the browser allows it. */
  reset(): SaveResult {
    if (!this.storage) return this.failed(SAVE_PROBLEMS.unavailable);
    try {
      this.storage.removeItem(STORAGE_KEY);
    } catch (error) {
      return this.failed(saveProblem(error));
    }
    let left: string | null = null;
    try {
      left = this.storage.getItem(STORAGE_KEY);
    } catch {
      // Cannot tell; the read below shows what the tools can see.
    }
    if (left !== null) return this.failed(SAVE_PROBLEMS.notKept);
    const empty = emptyStudyData();
    this.notify(empty);
    return { ok: true, data: empty };
  }

  subscribe(listener: (data: StudyData) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Called when another tab changed the data. */
  externalChange(): void {
    this.notify(this.read());
  }

  /** Nothing changed: the tools redraw from what is still saved (undoing a box the reader ticked). */
  private failed(problem: string): SaveResult {
    const data = this.read();
    this.notify(data);
    return { ok: false, data, problem };
  }

  private notify(data: StudyData): void {
    for (const listener of this.listeners) listener(data);
  }
}

/** localStorage, or null when the browser does not even let the page look at it. Writes are tried when saving. */
function browserStorage(): StorageLike | null {
  try {
    return window.localStorage ?? null;
  } catch {
    return null;
  }
}

let shared: StudyStore | undefined;

/** The page's store, shared by every island on it and kept in step with other tabs. */
export function studyStore(): StudyStore {
  if (!shared) {
    shared = new StudyStore(browserStorage());
    addEventListener('storage', (event) => {
      if (event.key === STORAGE_KEY) shared!.externalChange();
    });
  }
  return shared;
}

export { StudyDataError };
