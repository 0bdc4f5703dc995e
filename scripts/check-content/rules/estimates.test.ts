/**
 * The estimates rule against fixture content: a directory that must pass (a chain, a token, a
 * <Typed> number, a scenario that differs from the baseline) and one page per kind of error,
 * each reported at its file line inside the block, with a fix.
 */
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { checkContent } from '../index.ts';
import { typedEstimates } from './estimates.ts';

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
