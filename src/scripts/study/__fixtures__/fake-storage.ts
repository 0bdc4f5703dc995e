/**
 * The browser's storage as the study islands see it, for their unit tests: `refuse` makes every
 * write (and removal) throw that error, as a full or locked storage does; `unreadable` makes reads
 * throw, as a browser that blocks storage does.
 */
import { STORAGE_KEY } from '../store.ts';
import type { StudyData } from '../schema.ts';

export function fakeStorage() {
  return {
    items: new Map<string, string>(),
    refuse: null as DOMException | null,
    unreadable: false,
    getItem(key: string) {
      if (this.unreadable) throw new DOMException('The operation is insecure.', 'SecurityError');
      return this.items.get(key) ?? null;
    },
    setItem(key: string, value: string) {
      if (this.refuse) throw this.refuse;
      this.items.set(key, value);
    },
    removeItem(key: string) {
      if (this.refuse) throw this.refuse;
      this.items.delete(key);
    },
  };
}

/** The study data the fake holds, as saved (null when nothing is). */
export function savedStudyData(storage: ReturnType<typeof fakeStorage>): StudyData | null {
  return JSON.parse(storage.items.get(STORAGE_KEY) ?? 'null') as StudyData | null;
}
