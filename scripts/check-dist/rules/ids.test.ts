/** The duplicate-id rule on built pages written here. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { page, siteOf } from '../test-helpers.ts';
import { checkIds } from './ids.ts';

describe('duplicate ids', () => {
  it('accepts unique ids, empty ids, and ids repeated only inside templates', () => {
    const site = siteOf({
      'index.html': page({
        body: '<h2 id="a">A</h2><h2 id="b">B</h2><p id="">x</p><p id="">y</p><p>z</p><template><p id="a">c</p><p id="a">d</p></template>',
      }),
    });
    expect(checkIds(site)).toEqual([]);
  });

  it('reports a repeated id once, with its count, at the built page when the page names no source', () => {
    const site = siteOf({
      'loop/index.html': page({ body: '<h2 id="x">A</h2><h2 id="x">B</h2><p id="x">C</p><p id="y">D</p><p id="y">E</p>' }),
    });
    const problems = checkIds(site);
    expect(problems.map((p) => [p.file.endsWith('/loop/index.html'), p.line, p.message])).toEqual([
      [
        true,
        undefined,
        'The id "x" is used 3 times on /loop/; an id must be unique on its page (links to #x, labels and scripts find only the first).',
      ],
      [
        true,
        undefined,
        'The id "y" is used 2 times on /loop/; an id must be unique on its page (links to #y, labels and scripts find only the first).',
      ],
    ]);
    expect(problems[0]).toMatchObject({
      rule: 'duplicate-id',
      fix: 'Rename all but one. A heading gets its id from its text, so two headings with the same text on one page need different words.',
    });
  });

  it('points at the content file and the line that writes the id, in each way content writes one', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ids-source-'));
    const source = (name: string, lines: string[]) => {
      const file = path.join(dir, name);
      writeFileSync(file, lines.join('\n'));
      return file;
    };
    const cases = [
      source('double.mdx', ['---', '<div id="d">x</div>']),
      source('single.mdx', ['---', 'x', "<div id='d'>x</div>"]),
      source('yaml.yaml', ['a: 1', 'b: 2', 'c: 3', 'id: d']),
      source('heading.mdx', ['a', 'b', 'c', 'd', '## Title {#d}']),
      source('none.mdx', ['nothing here']),
    ];
    const files = Object.fromEntries(
      cases.map((file, i) => [`p${i}/index.html`, page({ body: '<p id="d">1</p><p id="d">2</p>', source: file })]),
    );
    expect(checkIds(siteOf(files)).map((p) => [p.file, p.line])).toEqual([
      [cases[0], 2],
      [cases[1], 3],
      [cases[2], 4],
      [cases[3], 5],
      [cases[4], undefined],
    ]);
  });
});
