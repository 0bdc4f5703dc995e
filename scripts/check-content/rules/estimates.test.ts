/**
 * The estimates rule against fixture content: a directory that must pass (a chain, a token, a
 * <Typed> number, a scenario that differs from the baseline) and one page per kind of error,
 * each reported at its file line inside the block, with a fix.
 */
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { checkContent } from '../index.ts';
import type { Problem } from '../../lib/problems.ts';
import { contextOf, mdx } from '../test-helpers.ts';
import { checkEstimates, typedEstimates } from './estimates.ts';

const FIXTURES = path.join('scripts', 'check-content', '__fixtures__');

async function check(name: string) {
  const dir = path.join(FIXTURES, name);
  const problems = await checkContent(dir);
  return problems.map((p) => ({ at: `${path.relative(dir, p.file)}:${p.line ?? '-'} ${p.rule}`, message: p.message, fix: p.fix }));
}

describe('estimates rule', () => {
  it('passes chains that evaluate, tokens that resolve, typed numbers with a reason and scenarios', async () => {
    expect(await check('good-estimates')).toEqual([]);
  });

  it('reports each error at the file line inside the block', async () => {
    const problems = await check('bad-estimates');
    const dir = 'guides/system-design';
    expect(problems.map((p) => p.at)).toEqual([
      'figures/bad-unit.yaml:3 estimate',
      `${dir}/consistency-b.mdx:12 estimate-consistency`,
      `${dir}/division-by-zero.mdx:15 estimate`,
      `${dir}/expression.mdx:15 estimate`,
      `${dir}/frontmatter-tokens.mdx:3 typed-estimate`,
      `${dir}/frontmatter-tokens.mdx:8 estimate`,
      `${dir}/frontmatter-tokens.mdx:11 estimate`,
      `${dir}/peak-volume.mdx:21 estimate`,
      `${dir}/typed-prose.mdx:9 typed-estimate`,
      `${dir}/typed-prose.mdx:9 typed-estimate`,
      `${dir}/typed-prose.mdx:9 typed-estimate`,
      `${dir}/typed-prose.mdx:11 estimate`,
      `${dir}/unit-mismatch.mdx:16 estimate`,
      `${dir}/unknown-figure.mdx:12 estimate`,
    ]);
    const message = (at: string) => problems.find((p) => p.at.startsWith(at))!.message;
    expect(message('figures/bad-unit.yaml')).toMatch(/^unit: mathjs cannot read "furlongs per fortnightly"/);
    expect(message(`${dir}/consistency-b.mdx`)).toBe(
      `"sessionLength" is 60 minutes here but 45 minutes in scripts/check-content/__fixtures__/bad-estimates/${dir}/consistency-a.mdx:12.`,
    );
    expect(message(`${dir}/division-by-zero.mdx`)).toBe('"100 event / window" divides by zero: window is 0.');
    expect(message(`${dir}/expression.mdx`)).toMatch(/^"\(1 \/ halfYear" is not an expression mathjs can read/);
    expect(message(`${dir}/peak-volume.mdx`)).toBe(
      '"volume" turns a peak rate (beatsPeak) into a volume over 1 day: a day does not run at its peak.',
    );
    expect(message(`${dir}/unit-mismatch.mdx`)).toBe('"playbackQps" comes out in stream, which cannot be shown in "request/s".');
    expect(message(`${dir}/unknown-figure.mdx`)).toBe('There is no figure "hours-veiwed" in content/figures.');
    expect(problems.find((p) => p.at.startsWith(`${dir}/unknown-figure.mdx`))!.fix).toBe('Did you mean "hours-viewed"?');
    expect(problems.filter((p) => p.at.startsWith(`${dir}/typed-prose.mdx:9`)).map((p) => p.message)).toEqual([
      '"≈ 230" is an approximate number typed in prose.',
      '"about 20 TB" is an approximate quantity typed in prose.',
      '"770K events a second × 300 bytes ≈ 230" is typed arithmetic typed in prose.',
    ]);
    expect(message(`${dir}/typed-prose.mdx:11`)).toBe('[[nothing.here]] names a chain that is not on this page.');
    expect(message(`${dir}/frontmatter-tokens.mdx:8`)).toMatch(
      /^Flashcard front flashcards\[0\]\.front holds a token; the card's id is a hash of its front/,
    );
    expect(message(`${dir}/frontmatter-tokens.mdx:3`)).toBe(
      'Front matter description: "about 20 TB" is an approximate quantity typed by hand.',
    );
    expect(message(`${dir}/frontmatter-tokens.mdx:11`)).toBe(
      'Front matter flashcards[1].back: [[frontmatter.missing]]: the chain "frontmatter" has no "missing".',
    );
    for (const problem of problems) expect(problem.fix.length).toBeGreaterThan(15);
  });
});

describe('typed estimates in prose', () => {
  it('flags approximations and arithmetic, not years, sourced claims, code or tokens', () => {
    expect(typedEstimates('46M streams need about 230 Tbps at peak.')).toHaveLength(1);
    expect(typedEstimates('That is roughly 1,400 new starts a second.')).toHaveLength(1);
    expect(typedEstimates('About $2.6M a year.')).toHaveLength(1);
    expect(typedEstimates('7,500 × 8,760 hours × $0.04 = $2.6M')).toHaveLength(1);
    expect(typedEstimates('Since ~2017 the team has owned it.')).toEqual([]);
    expect(typedEstimates('It handles about 150K events a second <Cite id="blog-reno" />.')).toEqual([]);
    expect(typedEstimates('<ClaimStatus status="verified" source="x">About 75,000 requests per second.</ClaimStatus>')).toEqual([]);
    expect(typedEstimates('Write `≈ 5 Mbps` in code.')).toEqual([]);
    expect(typedEstimates('That is [[model.peakStreams]] at once.')).toEqual([]);
    expect(typedEstimates('Sessions last about 45 minutes.')).toEqual([]);
  });
});

/** The rule on files written here: "path:line [rule] message" for each problem (fixes checked where they matter). */
function run(files: Record<string, string>): string[] {
  return (checkEstimates(contextOf(files)) as Problem[]).map((p) => `${p.file.slice('memory/'.length)}:${p.line} [${p.rule}] ${p.message}`);
}

/** A guide page: front matter lines 1-3 (title only unless given), a blank line 4, the body from line 5. */
const page = (body: readonly string[], frontMatter: readonly string[] = ['title: T']) => mdx(frontMatter, ['', ...body]);

/** An ```estimate block with one assumption per `name = value`. */
const chain = (id: string, ...assumptions: string[]) => [
  '```estimate',
  `id: ${id}`,
  'title: A chain under test',
  ...assumptions.flatMap((a) => [`assume ${a}`, '  label: A value', '  why: Set by the test.']),
  '```',
];

describe('estimates rule, on content written in the test', () => {
  it('reports a peak factor with a unit, and leaves a figure without a value to the front-matter rule', () => {
    expect(
      run({
        'figures/evening.yaml': 'title: Evening peak\nvalue: 2\nunit: stream\nbasis: factor\nstatus: assumption\nwhy: Test.',
        'figures/broken.yaml': 'title: No value\nunit: stream\nstatus: assumption\nwhy: Test.',
        'sources/not-a-figure.yaml': 'title: A source\nvalue: 2\nunit: furlongs per fortnightly',
      }),
    ).toEqual(['figures/evening.yaml:3 [estimate] A peak factor is a plain ratio, but this one has a unit.']);
    expect(
      (checkEstimates(contextOf({ 'figures/evening.yaml': 'title: E\nvalue: 2\nunit: stream\nbasis: factor' })) as Problem[])[0]!.fix,
    ).toBe('Remove "unit", or change "basis" if it is not a peak-to-average factor.');
  });

  it('reports two chains with one id on a page, once, at the id line of the second', () => {
    const problems = checkEstimates(
      contextOf({ 'guides/loop/g.mdx': page([...chain('twice', 'alpha = 1 stream'), '', ...chain('twice', 'beta = 2 stream')]) }),
    ) as Problem[];
    expect(problems.map((p) => `${p.line} ${p.message} | ${p.fix}`)).toEqual([
      '14 Two chains on this page have the id "twice". | Give each chain its own id; tokens and anchors use it.',
    ]);
  });

  it('reports a broken chain once, not again at its tokens in the text or the front matter', () => {
    expect(
      run({
        'guides/loop/g.mdx': page(
          [
            '```estimate',
            'id: broken-chain',
            'title: Broken',
            'figure viewing = no-such-figure',
            '```',
            '',
            'It is [[broken-chain.viewing]].',
          ],
          ['title: T', 'description: "[[broken-chain.viewing]]"'],
        ),
        'guides/loop/h.mdx': page(['```estimate', 'title: No id', 'figure viewing = no-such-figure', '```']),
      }),
    ).toEqual([
      'guides/loop/g.mdx:9 [estimate] There is no figure "no-such-figure" in content/figures.',
      'guides/loop/h.mdx:6 [estimate] The block has no "id:" line.',
    ]);
  });

  it('reports a token at its own line inside a paragraph, and checks front-matter tokens of pages only', () => {
    expect(
      run({
        'guides/loop/g.mdx': page(
          [...chain('c', 'a = 1 stream'), '', 'First line,', 'then [[c.a]] and [[c.b]],', 'and [[d.e]].'],
          ['title: T', 'description: "[[c.a]] is fine"'],
        ),
        'sources/s.yaml': 'title: "[[x.y]] is not checked here"',
      }),
    ).toEqual([
      'guides/loop/g.mdx:15 [estimate] [[c.b]]: the chain "c" has no "b".',
      'guides/loop/g.mdx:16 [estimate] [[d.e]] names a chain that is not on this page.',
    ]);
  });

  it('gives the same name the same value on every page, apart from scenarios', () => {
    expect(
      run({
        'guides/loop/a.mdx': page(
          chain('a', 'zero = 0 stream', 'same = 45 minute', 'near = 1000000 byte', 'kind = 45 minute', 'one = 1 second'),
        ),
        'guides/loop/b.mdx': page(
          chain('b', 'zero = 0 stream', 'same = 45 minute', 'near = 1000000.5 byte', 'kind = 45 byte', 'one = 1 stream'),
        ),
      }),
    ).toEqual([
      'guides/loop/b.mdx:17 [estimate-consistency] "kind" is 45 bytes here but 45 minutes in memory/guides/loop/a.mdx:17.',
      'guides/loop/b.mdx:20 [estimate-consistency] "one" is 1 stream here but 1 second in memory/guides/loop/a.mdx:20.',
    ]);
  });
});

describe('typed estimates in the text of a page', () => {
  /** The problem expected for a typed number on a line of the page. */
  const at = (line: number, match: string, what = 'an approximate quantity') =>
    `${line} [typed-estimate] "${match}" is ${what} typed in prose.`;
  /** The problems of one guide page, without its file name. */
  const lines = (body: readonly string[]) => run({ 'guides/loop/g.mdx': page(body) }).map((p) => p.replace(/^guides\/loop\/g\.mdx:/, ''));

  it('finds a number at its line after masked spans, in the last paragraph, and across a line break', () => {
    expect(lines(['`a long piece of inline code here`', 'about 20 TB a day.', '', 'Text about', '20 TB a day'])).toEqual([
      at(6, 'about 20 TB'),
      at(8, 'about 20 TB'),
    ]);
  });

  it('finds typed arithmetic written over two lines', () => {
    expect(lines(['46M streams × 5 Mbps', '= 230 Tbps at the peak.'])).toEqual([at(5, '46M streams × 5 Mbps = 230', 'typed arithmetic')]);
  });

  it('skips code fences (``` and ~~~), and starts a new paragraph after one', () => {
    expect(lines(['Before the code', '```', 'plain', '≈ 230 MB/s in code', '```', 'about 20 TB a day', '~~~', '≈ 5 Mbps', '~~~'])).toEqual([
      at(10, 'about 20 TB'),
    ]);
  });

  it('keeps paragraphs apart at blank lines, even of spaces, and at headings, list items and table rows', () => {
    expect(lines(['It is about 20 TB a day', '   ', '<Cite id="a" /> said.'])).toEqual([at(5, 'about 20 TB')]);
    for (const next of ['# Heading', '- item', '10. item', '| cell |']) {
      expect(lines(['It is about 20 TB a day', `${next} <Cite id="a" /> said.`]), next).toEqual([at(5, 'about 20 TB')]);
    }
    expect(lines(['It is about 20 TB a day', 'as <Cite id="a" /> says, issue #5.'])).toEqual([]);
    // A numbered item starts a paragraph: arithmetic split by one is not one sum; a "#" inside a line starts nothing.
    expect(lines(['46M streams × 5 Mbps', '10. = 230 Tbps'])).toEqual([]);
    expect(lines(['46M streams × 5 Mbps', 'C# = 230 Tbps'])).toEqual([at(5, '46M streams × 5 Mbps C# = 230', 'typed arithmetic')]);
    // Three backticks inside a line open no fence.
    expect(lines(['Text with ``` in it', 'about 20 TB a day'])).toEqual([at(6, 'about 20 TB')]);
  });

  it('leaves numbers in link targets and component ids, and numbers a source cited in the same sentence', () => {
    expect(lines(['See [the note](/notes/~250/) here.'])).toEqual([]);
    expect(lines(['See <Cite id="~250" /> and <StackLink id="about-20-tb">x</StackLink>.'])).toEqual([]);
    expect(lines(['It is about 20 TB<Cite id="a" /> a day.'])).toEqual([]);
    expect(lines(['It is about 20 TB a day (see v1.2) <Cite id="a" />. Next.'])).toEqual([]);
    expect(lines(['Intro. It is about 20 TB a day <Cite id="a" />.'])).toEqual([]);
  });

  it('counts a number cited only in another sentence, before or after it', () => {
    expect(lines(['<Cite id="a" /> says so. Then about 20 TB a day.'])).toEqual([at(5, 'about 20 TB')]);
    expect(lines(['It is about 20 TB a day. Then <Cite id="a" />.'])).toEqual([at(5, 'about 20 TB')]);
  });
});

describe('typed estimates in front matter and flashcards', () => {
  it('reports a prompt field and each flashcard side once, with the flashcard fix', () => {
    const problems = checkEstimates(
      contextOf({
        'prompts/p.mdx': mdx(['title: P', 'answer: about 20 TB a day'], ['', 'Text.']),
        'culture/c.mdx': mdx(['title: C', 'summary: about 20 TB a day'], ['', 'Text.']),
        'guides/loop/g.mdx': mdx(
          [
            'title: G',
            'flashcards:',
            '  - front: Is it about 20 TB a day?',
            '    back: 42',
            '  -',
            '  - front: How much?',
            '    back: about 20 TB a day',
          ],
          ['', 'Text.'],
        ),
      }),
    ) as Problem[];
    expect(problems.map((p) => p.rule)).toEqual(['typed-estimate', 'typed-estimate', 'typed-estimate']);
    expect(problems.map((p) => `${p.file.slice('memory/'.length)}:${p.line} ${p.message} | ${p.fix}`)).toEqual([
      'prompts/p.mdx:3 Front matter answer: "about 20 TB" is an approximate quantity typed by hand. | Write [[chain-id.name]] for a step of a chain on this page (add the step, or a small chain in the body, if none computes it); front-matter tokens are resolved when the page loads.',
      'guides/loop/g.mdx:4 Flashcard: "about 20 TB" is an approximate quantity typed by hand. | Put the number in a chain on this page and write [[chain-id.name]] in the card.',
      'guides/loop/g.mdx:8 Flashcard: "about 20 TB" is an approximate quantity typed by hand. | Put the number in a chain on this page and write [[chain-id.name]] in the card.',
    ]);
  });

  it('accepts a token that resolves on the back of a flashcard', () => {
    expect(
      run({
        'guides/loop/g.mdx': mdx(
          ['title: G', 'flashcards:', '  - front: How many?', '    back: "[[c.alpha]]"'],
          ['', ...chain('c', 'alpha = 1 stream')],
        ),
      }),
    ).toEqual([]);
  });

  it('reads no flashcards from a prompt or a page without a front-matter map', () => {
    expect(
      run({
        'prompts/p.mdx': mdx(['title: P', 'flashcards:', '  - front: Q', '    back: about 20 TB a day'], ['', 'Text.']),
        'guides/loop/empty.mdx': '---\n---\n\nText.',
        'guides/loop/list.mdx': '---\n- a\n---\n\nText.',
      }),
    ).toEqual([]);
  });
});
