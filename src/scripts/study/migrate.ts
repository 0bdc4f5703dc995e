/**
 * Upgrades saved data written by an older version of the site. Each step takes version n to
 * n + 1; data is never dropped by an upgrade. A file from a newer version is refused (the reader
 * should reload to get the newer site) rather than guessed at.
 */
import { CURRENT_VERSION, SCHEMA_ID } from './schema.ts';

type Raw = Record<string, unknown>;
export type Migration = (data: Raw) => Raw;

const isRecord = (value: unknown): value is Raw => Boolean(value) && typeof value === 'object' && !Array.isArray(value);

/** MIGRATIONS[n] upgrades version n to n + 1. Version 1 is the first released shape. */
export const MIGRATIONS: Record<number, Migration> = {
  /**
   * 1 -> 2: mock rounds record the level practiced at. Rounds saved before have none: they get
   * `level: null` (shown as "not recorded", never guessed as L5), and so does a round in progress.
   * Entries that are not objects are left as they are, for the reader to report.
   */
  1: (data) => {
    const upgraded = { ...data };
    if (Array.isArray(data.mocks)) {
      upgraded.mocks = data.mocks.map((session: unknown) =>
        isRecord(session) ? { ...session, level: null, levelCovered: null } : session,
      );
    }
    if (isRecord(data.activeMock)) upgraded.activeMock = { ...data.activeMock, level: null };
    return upgraded;
  },
};

export class StudyDataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StudyDataError';
  }
}

export function migrate(raw: unknown, migrations: Record<number, Migration> = MIGRATIONS, target = CURRENT_VERSION): Raw {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new StudyDataError('The data is not an object.');
  let data = raw as Raw;
  if (data.schema !== SCHEMA_ID) {
    throw new StudyDataError('This is not a Netflix Loop Guide study file (its "schema" field is missing or different).');
  }
  if (typeof data.version !== 'number' || !Number.isInteger(data.version) || data.version < 1) {
    throw new StudyDataError('The file has no valid version number.');
  }
  if (data.version > target) {
    throw new StudyDataError(
      `The file was made by a newer version of this site (data version ${data.version}; this page knows ${target}). Reload the site to update it, then import again.`,
    );
  }
  while ((data.version as number) < target) {
    const step = migrations[data.version as number];
    if (!step) throw new StudyDataError(`No upgrade exists from data version ${String(data.version)}.`);
    data = { ...step(data), version: (data.version as number) + 1 };
  }
  return data;
}
