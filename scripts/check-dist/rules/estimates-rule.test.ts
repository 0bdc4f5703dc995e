/** The built-site estimate rule on pages and sources written here: each case on a few lines. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { page, siteOf } from '../test-helpers.ts';
import { checkEstimates, sourceChains } from './estimates.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'estimates-source-'));
/** A source file with one line per entry; ```estimate blocks as `chain:<id>`. */
function source(name: string, lines: string[]): string {
  const file = path.join(dir, name);
  const text = lines.flatMap((line) => (line.startsWith('chain:') ? ['```estimate', `id: ${line.slice(6)}`, 'title: T', '```'] : [line]));
  writeFileSync(file, text.join('\n'));
  return file;
}
const table = (id?: string, extra = '') =>
  `<table class="estimate"${id ? ` data-estimate="${id}"` : ''}${extra}><tr><td>1</td></tr></table>`;

describe('built-site estimate rule', () => {
  it('reads chain ids at the start of a line, "(no id)" when there is none', () => {
    const file = source('ids.mdx', [
      '---',
      '```estimate',
      'title: x',
      '```',
      '```estimate',
      'title: T id: wrong',
      '```',
      '```estimate',
      'id:   spaced',
      '```',
    ]);
    expect(sourceChains(file)).toEqual([
      { id: '(no id)', line: 2 },
      { id: '(no id)', line: 5 },
      { id: 'spaced', line: 8 },
    ]);
  });

  it('passes pages that show their source’s chains, over several pages and in any order', () => {
    const file = source('two.mdx', ['chain:a', 'chain:b']);
    const site = siteOf({
      'p/index.html': page({ body: table('b') + table('a'), source: file }),
      'p/cheatsheet/index.html': page({ body: '<p>front matter only</p>', source: file }),
      'q/index.html': page({ body: table('z') + '<table class="plain"><tr><td>1</td></tr></table>' }),
    });
    expect(checkEstimates(site)).toEqual([]);
  });

  it('refuses a hand-written estimate table, whatever its other classes, at the line that wrote it', () => {
    const file = source('typed.mdx', ['---', 'title: T', '---', '<table className="estimate">']);
    const site = siteOf({
      'p/index.html': page({ body: table(undefined, ' data-x="1"').replace('class="estimate"', 'class="wide  estimate"'), source: file }),
      'q/index.html': page({ body: table() }),
      'r/index.html': page({
        body: '<table class="estimates"></table><div class="estimate"></div><template><table class="estimate"></table></template>',
      }),
    });
    const problems = checkEstimates(site);
    expect(problems.map((p) => [p.file === file || p.file.endsWith('q/index.html'), p.line, p.rule, p.message])).toEqual([
      [
        true,
        4,
        'estimate-unmarked',
        'An estimate table on /p/ has no data-estimate marker: it was written by hand, not produced by the evaluator.',
      ],
      [
        true,
        undefined,
        'estimate-unmarked',
        'An estimate table on /q/ has no data-estimate marker: it was written by hand, not produced by the evaluator.',
      ],
    ]);
    expect(problems[0]!.fix).toBe(
      'State the numbers as an ```estimate block (CONTRIBUTING.md, "Estimates and figures"); the build renders and marks the table.',
    );
  });

  it('reports a dropped chain at its fence, and only an added one at the first fence', () => {
    const dropped = source('dropped.mdx', ['x', 'chain:a', 'chain:b']);
    const added = source('added.md', ['x', 'chain:a']);
    const none = source('none.mdx', ['no chains']);
    const site = siteOf({
      'd/index.html': page({ body: table('a'), source: dropped }),
      'a/index.html': page({ body: table('a') + table('new'), source: added }),
      'n/index.html': page({ body: table('stray'), source: none }),
    });
    expect(checkEstimates(site).map((p) => [path.basename(p.file), p.line, p.rule, p.message])).toEqual([
      [
        'added.md',
        2,
        'estimate-count',
        `${added} has 1 \`\`\`estimate block(s) but its pages (/a/) show 2 evaluated table(s); not in the source: new.`,
      ],
      [
        'dropped.mdx',
        6,
        'estimate-count',
        `${dropped} has 2 \`\`\`estimate block(s) but its pages (/d/) show 1 evaluated table(s); not rendered: b.`,
      ],
      [
        'none.mdx',
        undefined,
        'estimate-count',
        `${none} has 0 \`\`\`estimate block(s) but its pages (/n/) show 1 evaluated table(s); not in the source: stray.`,
      ],
    ]);
  });

  it('counts only pages built from an MDX file that exists', () => {
    const yaml = source('entry.yaml', ['chain:a']);
    const site = siteOf({
      'y/index.html': page({ body: table('zzz'), source: yaml }),
      'm/index.html': page({ body: table('zzz'), source: path.join(dir, 'missing.mdx') }),
      'x/index.html': page({ body: table('zzz'), source: `${yaml}.mdx.bak` }),
    });
    expect(checkEstimates(site)).toEqual([]);
  });

  it('refuses a token left as text, once per page, but not in code, scripts, styles or templates', () => {
    const file = source('token.mdx', ['---', 'See [[a.total]] here.']);
    const body =
      '<p>[[a.total]] and <b>[[a.total]]</b></p><code>[[b.x]]</code><pre>[[c.x]]</pre><script>[[d.x]]</script>' +
      '<style>/* [[e.x]] */</style><template>[[f.x]]</template><CODE class="x">[[g.x]]</code><p title="[[h.x]]">[[Bad.x]]</p>';
    const problems = checkEstimates(
      siteOf({ 'p/index.html': page({ body, source: file }), 'q/index.html': page({ body: '<p>[[q.y]]</p>' }) }),
    );
    expect(problems.map((p) => [path.basename(p.file), p.line, p.rule, p.message])).toEqual([
      ['token.mdx', 2, 'estimate-token', '/p/ shows [[a.total]] as text: the token was never resolved.'],
      ['index.html', undefined, 'estimate-token', '/q/ shows [[q.y]] as text: the token was never resolved.'],
    ]);
    expect(problems[0]!.fix).toMatch(/^Tokens resolve in MDX text and in front matter loaded through the content collections/);
  });
});
