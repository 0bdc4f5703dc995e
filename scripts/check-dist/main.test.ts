/** `npm run check:dist` as a command: which folder and base path it checks, and its exit code. */
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { withCspMeta } from '../../src/lib/csp.ts';
import { main } from './index.ts';
import { page, writeSite } from './test-helpers.ts';

let log: MockInstance<typeof console.log>;
beforeEach(() => {
  log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
});
afterEach(() => log.mockRestore());

describe('check:dist', () => {
  it('checks the folder given, under "/" unless BASE_PATH says otherwise, and exits 0 when all is well', () => {
    const clean = writeSite({ 'index.html': withCspMeta(page({ body: '<a href="/b/x/">x</a>' })), 'x/index.html': withCspMeta(page({})) });
    expect(main([clean], { BASE_PATH: '/b/' })).toBe(0);
    expect(log).toHaveBeenLastCalledWith(`✓ Built-site check of ${clean}/ (base /b/): no problems.`);
    expect(main([clean], {})).toBe(1);
    expect(log.mock.lastCall![0]).toMatch(new RegExp(`^✗ Built-site check of ${clean}/ \\(base /\\): `));
  });

  it('checks OUT_DIR when no folder is given, and exits 1 on a problem', () => {
    const broken = writeSite({ 'index.html': withCspMeta(page({ body: '<a href="/gone/">x</a>' })) });
    const other = writeSite({ 'index.html': withCspMeta(page({})) });
    expect(main([], { OUT_DIR: broken })).toBe(1);
    expect(log.mock.lastCall![0]).toContain(`Built-site check of ${broken}/ (base /)`);
    expect(main([other], { OUT_DIR: broken })).toBe(0);
  });

  it('says which folder holds no built site and how to build it, instead of a stack trace', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const empty = writeSite({ 'notes.txt': 'not a site' });
    expect(main([empty], {})).toBe(1);
    expect(error).toHaveBeenLastCalledWith(
      `✗ Built-site check: ${empty}/ holds no built site (no ${empty}/index.html). Build it first (npm run build, or OUT_DIR=${empty} npm run build), or name the folder to check: npm run check:dist -- <folder>.`,
    );
    expect(main([`${empty}/missing`], {})).toBe(1);
    expect(error.mock.lastCall![0]).toContain(`${empty}/missing/ holds no built site`);
    error.mockRestore();
  });
});
