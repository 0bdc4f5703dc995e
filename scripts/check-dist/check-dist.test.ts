/**
 * The built-site checker against real builds of small fixture sites (the project's own Astro
 * config with fixture content), built under the GitHub Pages base path /netflix-sd/.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { buildFixtureSite, type FixtureBuild } from '../lib/build-fixture.ts';
import { checkDist } from './index.ts';

const FIXTURES = path.join('scripts', 'check-dist', '__fixtures__');
const BASE = '/netflix-sd/';
const builds: Record<string, FixtureBuild> = {};

beforeAll(() => {
  for (const name of ['links-good', 'links-broken', 'third-party']) {
    const build = buildFixtureSite(path.join(FIXTURES, name), BASE);
    if (!build.ok) throw new Error(`Fixture site ${name} did not build:\n${build.log}`);
    builds[name] = build;
  }
});

const summary = (problems: ReturnType<typeof checkDist>) =>
  problems.map((p) => `${path.basename(p.file)}:${p.line ?? '-'} ${p.rule} ${p.message}`);

describe('built-site checker', () => {
  it('passes a site whose links, fragments and base path are all right', () => {
    const { outDir } = builds['links-good']!;
    expect(checkDist(outDir, BASE)).toEqual([]);
  });

  it('flags every link when checked against the wrong base path', () => {
    const { outDir } = builds['links-good']!;
    const problems = checkDist(outDir, '/');
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.every((p) => p.rule === 'link-target')).toBe(true);
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
});
