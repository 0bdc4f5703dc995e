/**
 * The content-safety Vite plugin in a real `astro build` (the project's config, a one-page
 * fixture site): a page whose expression would write a file at build time stops the build with
 * the MDX file, line and column, and the expression never runs. The control build, with the
 * check switched off as only the built-site check's tests do, shows the attack is real.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildFixtureSite } from '../../scripts/lib/build-fixture.ts';
import { UNCHECKED_CONTENT_VARIABLE } from './content-safety.ts';

const SITE = path.join('scripts', 'check-content', '__fixtures__', 'red-team-site');
/** The file the page's expression writes when it is compiled and run. */
const MARKER = path.join(SITE, 'executed.txt');

describe('content safety in astro build', () => {
  it('stops at the MDX file, line and column before the expression can run', async ({ signal }) => {
    rmSync(MARKER, { force: true });
    const build = await buildFixtureSite(SITE, '/', signal);
    expect(build.ok, build.log).toBe(false);
    expect(build.log).toContain('guides/loop/index.mdx:11:24: The expression {process.getBuiltinModule');
    expect(build.log).toContain('[mdx-expression]');
    expect(existsSync(MARKER)).toBe(false);
    expect(existsSync(path.join(build.outDir, 'loop', 'index.html'))).toBe(false);
  });

  it('(control) without the check, the same page runs its code during the build', async ({ signal }) => {
    rmSync(MARKER, { force: true });
    process.env[UNCHECKED_CONTENT_VARIABLE] = '1';
    try {
      const build = await buildFixtureSite(SITE, '/', signal);
      expect(build.ok, build.log).toBe(true);
      expect(readFileSync(MARKER, 'utf8')).toBe('the expression ran at build time');
    } finally {
      delete process.env[UNCHECKED_CONTENT_VARIABLE];
      rmSync(MARKER, { force: true });
    }
  });
});
