import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeWhole } from './write-whole.ts';

describe('writeWhole', () => {
  it('leaves the whole text under the name, replacing what was there, and nothing beside it', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'write-whole-'));
    const file = path.join(dir, 'answer.json');
    writeFileSync(file, 'old');
    writeWhole(file, '{"whole":true}');
    expect(readFileSync(file, 'utf8')).toBe('{"whole":true}');
    expect(existsSync(`${file}.partial`)).toBe(false);
    expect(readdirSync(dir)).toEqual(['answer.json']);
  });
});
