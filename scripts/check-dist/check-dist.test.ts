/**
 * The built-site checker against real builds of small fixture sites (the project's own Astro
 * config with fixture content), built under the GitHub Pages base path /netflix-sd/.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { buildFixtureSite, type FixtureBuild } from '../lib/build-fixture.ts';
import { checkDist } from './index.ts';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { contentSecurityPolicy } from '../../src/lib/csp.ts';
import { THEME_SCRIPT } from '../../src/lib/theme-script.ts';

const FIXTURES = path.join('scripts', 'check-dist', '__fixtures__');
const BASE = '/netflix-sd/';
const builds: Record<string, FixtureBuild> = {};

/**
 * Under mutation testing (npm run test:mutation sets MUTATION_TARGET) each fixture site is built
 * once per Stryker sandbox, on the dry run, and reused by every mutant: the build runs in a child
 * process, which no mutant reaches, so it is the same each time, and three builds per mutant took
 * hours. Everywhere else the sites are built afresh, so a change to the site is always tested.
 */
async function fixtureBuild(name: string): Promise<FixtureBuild> {
  const fixtureDir = path.join(FIXTURES, name);
  const stamp = path.join(fixtureDir, '.astro-cache', 'built-for-mutation-testing');
  if (process.env.MUTATION_TARGET && existsSync(stamp)) {
    return { outDir: path.join(fixtureDir, 'dist'), base: BASE, log: '', ok: true };
  }
  const build = await buildFixtureSite(fixtureDir, BASE);
  if (!build.ok) throw new Error(`Fixture site ${name} did not build:\n${build.log}`);
  if (process.env.MUTATION_TARGET) writeFileSync(stamp, '');
  return build;
}

beforeAll(async () => {
  // links-broken and third-party hold a raw <a> and images from another host, which the content
  // check refuses before compiling; built anyway here, they prove the built-site check catches them too.
  process.env.BUILD_UNCHECKED_CONTENT_FOR_TESTS = '1';
  for (const name of ['links-good', 'links-broken', 'third-party']) builds[name] = await fixtureBuild(name);
});

const summary = (problems: ReturnType<typeof checkDist>) =>
  problems.map((p) => `${path.basename(p.file)}:${p.line ?? '-'} ${p.rule} ${p.message}`);

describe('built-site checker', () => {
  it('passes a site whose links, fragments and base path are all right', () => {
    const { outDir } = builds['links-good']!;
    expect(checkDist(outDir, BASE)).toEqual([]);
  });

  it('flags every link and script when checked against the wrong base path', () => {
    const { outDir } = builds['links-good']!;
    const problems = checkDist(outDir, '/');
    expect(problems.filter((p) => p.rule === 'link-target').length).toBeGreaterThan(0);
    // The site's bundles are under /netflix-sd/_astro/, so against "/" they are not the site's own.
    const others = problems.filter((p) => p.rule !== 'link-target');
    expect(others.length).toBeGreaterThan(0);
    expect(
      others.every(
        (p) =>
          p.rule === 'unsafe-html' &&
          /^<script src="\/netflix-sd\/_astro\/[^"]+\.js"> on \/\S* is not one of the site's own scripts \(\/_astro\/\)\.$/.test(p.message),
      ),
    ).toBe(true);
  });

  it('reports each broken link at its source line, with a suggestion', () => {
    const { outDir } = builds['links-broken']!;
    const problems = checkDist(outDir, BASE);
    expect(summary(problems)).toEqual([
      'index.mdx:11 link-target There is no page at /loop/recuiter/. (on /loop/)',
      'index.mdx:13 link-target /loop/recruiter/ has no anchor "#how-to-prep". (on /loop/)',
      'index.mdx:15 link-target The link "/netflix-sd/loop/recruiter" has no trailing slash; every page URL on this site ends in "/". (on /loop/)',
      `index.mdx:17 link-target The link "/loop/recruiter/" leaves the site's base path ${BASE}. (on /loop/)`,
    ]);
    expect(problems.map((p) => p.fix)).toEqual([
      'Did you mean /loop/recruiter/?',
      'Did you mean #how-to-prepare?',
      'Write it as /loop/recruiter/.',
      expect.stringContaining('root-relative Markdown links'),
    ]);
    expect(problems.every((p) => p.file === path.join(FIXTURES, 'links-broken', 'content', 'guides', 'loop', 'index.mdx'))).toBe(true);
  });

  it('reports resources loaded from another host, but not outbound links', () => {
    const { outDir } = builds['third-party']!;
    const problems = checkDist(outDir, BASE);
    expect(problems.map((p) => p.message)).toEqual([
      '<img src="https://images.example.com/loop.png"> on /loop/ loads from another host.',
      '<img src="https://cdn.example.org/picture.png"> on /loop/ loads from another host.',
    ]);
    expect(problems.every((p) => p.rule === 'third-party')).toBe(true);
  });

  it('reports a script added after the build, event handlers, javascript: URLs and unsafe new tabs', () => {
    const copy = mkdtempSync(path.join(tmpdir(), 'tampered-'));
    cpSync(builds['links-good']!.outDir, copy, { recursive: true });
    const page = path.join(copy, 'loop', 'index.html');
    const html = readFileSync(page, 'utf8')
      .replace('</main>', '<script>alert(1)</script></main>')
      .replace('<h1 ', '<h1 onclick="x()" ')
      .replace('</main>', '<a href="javascript:alert(2)">x</a><a href="https://example.com/" target="_blank">y</a></main>');
    writeFileSync(page, html);
    const problems = checkDist(copy, BASE).filter((p) => p.rule === 'csp' || p.rule === 'unsafe-html');
    expect(problems.map((p) => p.message)).toEqual([
      '<h1 onclick=…> on /loop/: event-handler attributes are not allowed.',
      'An inline <script> on /loop/ that the site does not write: "alert(1)".',
      'A javascript: URL on /loop/.',
      'A link opening a new tab on /loop/ lacks rel="noopener noreferrer" (https://example.com/).',
    ]);
  });

  it('allows exactly the theme script the site writes, by the hash of its source', () => {
    const { outDir } = builds['links-good']!;
    const html = readFileSync(path.join(outDir, 'loop', 'index.html'), 'utf8');
    expect(html).toContain(`<script>${THEME_SCRIPT}</script>`);
    expect(html).toContain(`content="${contentSecurityPolicy({ browserDrawnDiagrams: false })}"`);
  });
});
