/**
 * Files another process reads while they are written (the build's verdict, git's answers, shared
 * MDX compilations): written beside their name, then renamed, so a reader finds the whole file
 * or none, never half of one.
 */
import { renameSync, writeFileSync } from 'node:fs';

/** Writes `text` to `file` whole or not at all. */
export function writeWhole(file: string, text: string): void {
  const partial = `${file}.partial`;
  writeFileSync(partial, text);
  renameSync(partial, file);
}
