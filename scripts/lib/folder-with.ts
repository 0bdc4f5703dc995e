/** Test scaffolding: small file trees on disk. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** A new temporary folder (named `<prefix>…`) holding `files`: path inside the folder -> contents. */
export function folderWith(prefix: string, files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  for (const [name, contents] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), contents);
  }
  return dir;
}
