/** `npm run check:content` as a command: which folder it checks, and its exit code. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { main } from './index.ts';

let log: MockInstance<typeof console.log>;
beforeEach(() => {
  log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
});
afterEach(() => log.mockRestore());

describe('check:content', () => {
  it('checks the folder given and exits 0 when it has no problem, 1 when it has one', async () => {
    const empty = mkdtempSync(path.join(tmpdir(), 'content-empty-'));
    expect(await main([empty], {})).toBe(0);
    expect(log).toHaveBeenLastCalledWith(`✓ Content check of ${empty}/: no problems.`);
    const stray = mkdtempSync(path.join(tmpdir(), 'content-stray-'));
    mkdirSync(path.join(stray, 'sources'));
    writeFileSync(path.join(stray, 'sources', 'a.yml'), 'title: A\n');
    expect(await main([stray], {})).toBe(1);
    expect(log.mock.lastCall![0]).toMatch(new RegExp(`^✗ Content check of ${stray}/: 1 problem`));
  });
});
