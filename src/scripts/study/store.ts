/**
 * The one place study data is read and written (localStorage, key below). Every tool goes
 * through here, so versioning, upgrades and cross-tab updates happen once. Saved data is never
 * thrown away: data that cannot be read is set aside under a backup key before the tools start
 * fresh, and an import is fully validated (validate.ts) before it replaces anything.
 */
import { emptyStudyData, type StudyData } from './schema.ts';
import { migrate, StudyDataError } from './migrate.ts';

export const STORAGE_KEY = 'netflix-loop-guide:study';
export const BACKUP_PREFIX = 'netflix-loop-guide:study-unreadable:';

type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const isRecord = (value: unknown): value is Record<string, unknown> => Boolean(value) && typeof value === 'object' && !Array.isArray(value);

/**
 * Data this site saved itself: upgraded, and checked for the right containers (a cheap check;
 * imports get the full validation). Throws StudyDataError.
 */
export function readSavedData(raw: unknown): StudyData {
  const data = migrate(raw);
  const shaped =
    isRecord(data.studied) && isRecord(data.tasks) && isRecord(data.cards) && Array.isArray(data.mocks) && Array.isArray(data.stories);
  if (!shaped) throw new StudyDataError('The saved data is missing parts.');
  return { ...emptyStudyData(), ...data };
}

export class StudyStore {
  private readonly storage: StorageLike | null;
  private readonly listeners = new Set<(data: StudyData) => void>();

  constructor(storage: StorageLike | null) {
    this.storage = storage;
  }

  /** The saved data, or empty data if nothing is saved (or storage is unavailable). */
  read(): StudyData {
    const text = this.storage?.getItem(STORAGE_KEY);
    if (!text) return emptyStudyData();
    try {
      return readSavedData(JSON.parse(text));
    } catch {
      // Keep what could not be read, so nothing is lost, then start afresh.
      this.storage?.setItem(`${BACKUP_PREFIX}${Date.now()}`, text);
      this.storage?.removeItem(STORAGE_KEY);
      return emptyStudyData();
    }
  }

  /** Replaces everything. */
  write(data: StudyData): StudyData {
    this.storage?.setItem(STORAGE_KEY, JSON.stringify(data));
    this.notify(data);
    return data;
  }

  /** Read, change, save. The change may edit the draft in place or return a new one. */
  update(change: (draft: StudyData) => StudyData | void): StudyData {
    const draft = this.read();
    return this.write(change(draft) ?? draft);
  }

  /** Deletes all study data from this device. */
  reset(): StudyData {
    this.storage?.removeItem(STORAGE_KEY);
    const empty = emptyStudyData();
    this.notify(empty);
    return empty;
  }

  subscribe(listener: (data: StudyData) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Called when another tab changed the data. */
  externalChange(): void {
    this.notify(this.read());
  }

  private notify(data: StudyData): void {
    for (const listener of this.listeners) listener(data);
  }
}

function browserStorage(): StorageLike | null {
  try {
    const probe = `${STORAGE_KEY}:probe`;
    localStorage.setItem(probe, '1');
    localStorage.removeItem(probe);
    return localStorage;
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
