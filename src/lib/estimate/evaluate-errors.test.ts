/**
 * The evaluator's less common failures, each at its line with the fix it gives: "use" of a chain
 * or a result that is not there, a figure whose unit mathjs cannot read, steps that depend on a
 * failed step (one error, not a cascade), names with no suggestion, arithmetic that cannot be
 * evaluated or is not finite, results shown in a unit they do not have, and the mean-versus-peak
 * slips (dividing a mean by a peak factor, a declared basis the arithmetic contradicts, a peak
 * labeled as an average).
 */
import { describe, expect, it } from 'vitest';
import { runChain, type EvaluatedChain } from './index.ts';
import { figureMap, HOURS_VIEWED, LIVE_PEAK, PEAK_FACTOR } from './__fixtures__/figures.ts';

const FIGURES = figureMap(HOURS_VIEWED, LIVE_PEAK, PEAK_FACTOR, {
  id: 'bad-unit',
  title: 'A figure with a broken unit',
  value: 3,
  unit: 'flibbet',
  status: 'assumption',
});

const chain = (...lines: string[]) => ['id: test-chain', 'title: A chain under test', ...lines].join('\n');
const errors = (text: string, earlier?: ReadonlyMap<string, EvaluatedChain>) => {
  const result = runChain(text, FIGURES, earlier);
  expect(result.chain).toBeUndefined();
  return result.errors;
};
const MEAN = [
  'figure viewing = hours-viewed',
  'assume halfYear = 184 day',
  '  label: Days',
  '  why: July to December.',
  'meanStreams = viewing / halfYear -> stream',
  '  label: Average concurrent streams',
  'figure evening = peak-factor',
];

describe('"use" of another chain', () => {
  it('names the chains above when the one asked for is not there', () => {
    const [none] = errors(chain('use peak from other-chain'));
    expect(none).toMatchObject({ code: 'unknown-name', line: 3, message: 'There is no chain "other-chain" above this one on the page.' });
    expect(none!.fix).toBe('"use" takes a result from an earlier chain on the same page.');
    const first = runChain(chain(...MEAN), FIGURES).chain!;
    const [other] = errors(chain('use peak from other-chain'), new Map([['test-chain', first]]));
    expect(other!.fix).toBe('"use" takes a result from an earlier chain on the same page (test-chain).');
  });

  it('lists the results of the chain when the name is not one of them', () => {
    const first = runChain(chain(...MEAN), FIGURES).chain!;
    const [error] = errors(chain('use peak from test-chain'), new Map([['test-chain', first]]));
    expect(error).toMatchObject({ line: 3, message: 'The chain "test-chain" has no "peak".' });
    expect(error!.fix).toBe('Use one of: viewing, halfYear, meanStreams, evening.');
  });
});

describe('figures and names', () => {
  it('reports a figure whose unit mathjs cannot read', () => {
    const [error] = errors(chain('figure odd = bad-unit'));
    expect(error).toMatchObject({ code: 'unit-mismatch', line: 3, fix: 'Fix the unit in content/figures.' });
    expect(error!.message).toMatch(/^The figure "bad-unit" has a unit mathjs cannot read \("flibbet"\): /);
  });

  it('reports one error for a failed step, not one for every step built on it', () => {
    const problems = errors(chain('x = nothingLikeThis * 2', '  label: X', 'y = x * 2', '  label: Y', 'z = y + 1', '  label: Z'));
    expect(problems.map((p) => p.line)).toEqual([3]);
    expect(problems[0]!.fix).toBe(
      'Bind it with "figure nothingLikeThis = <figure-id>", "assume nothingLikeThis = …", or compute it in an earlier step. Count units are listed in src/lib/estimate/units.ts.',
    );
  });

  it('refuses a quantity named like a unit', () => {
    const [error] = errors(chain('assume day = 2', '  label: Two', '  why: A name that is a unit.'));
    expect(error).toMatchObject({
      code: 'syntax',
      line: 3,
      message: '"day" is already the name of a unit or function, so it cannot name a quantity.',
    });
  });
});

describe('arithmetic that gives no usable number', () => {
  it('reports arithmetic mathjs cannot evaluate, apart from unit mismatches', () => {
    const [error] = errors(chain('x = sqrt(2, 3)', '  label: X'));
    expect(error).toMatchObject({ code: 'expression', line: 3, fix: 'Check the arithmetic and the units.' });
    expect(error!.message).toMatch(/^"sqrt\(2, 3\)" cannot be evaluated: /);
  });

  it('reports a result that is not finite even when no divisor is zero', () => {
    const [error] = errors(chain('x = 10 ^ 400', '  label: Huge'));
    expect(error).toMatchObject({ code: 'division-by-zero', line: 3, message: '"10 ^ 400" does not give a finite number.' });
  });

  it('reports a quantity shown as a plain number or a percentage', () => {
    const [plain] = errors(
      chain('assume eventBytes = 300 B', '  label: Record', '  why: A compact record.', 'x = eventBytes * 2 -> %', '  label: Share'),
    );
    expect(plain).toMatchObject({ code: 'unit-mismatch', line: 6, message: '"x" comes out in B, which cannot be shown in "%".' });
    const [unitless] = errors(chain('x = 2 -> B', '  label: Bytes'));
    expect(unitless).toMatchObject({
      code: 'unit-mismatch',
      line: 3,
      message: '"x" comes out in a plain number, which cannot be shown in "B".',
    });
  });
});

describe('mean and peak slips', () => {
  it('refuses a mean divided by a peak factor', () => {
    const [error] = errors(chain(...MEAN, 'odd = meanStreams / evening -> stream', '  label: Something'));
    expect(error).toMatchObject({ code: 'mean-peak', line: 10, message: '"odd" divides a mean by a peak factor.' });
    expect(error!.fix).toBe('A peak factor turns a mean into a peak (multiply), or a peak into a mean (divide a peak).');
  });

  it('refuses a declared basis the arithmetic contradicts, with the fix for each', () => {
    const [asPeak] = errors(chain(...MEAN, 'x = meanStreams * 2 -> stream', '  label: Streams', '  basis: peak'));
    expect(asPeak).toMatchObject({
      code: 'mean-peak',
      line: 10,
      message: '"x" is declared "basis: peak", but its arithmetic makes it a mean.',
    });
    expect(asPeak!.fix).toMatch(/^To turn a mean into a peak, multiply by a named peak factor/);
    const [asMean] = errors(chain(...MEAN, 'y = meanStreams * evening -> stream', '  label: Streams', '  basis: mean'));
    expect(asMean).toMatchObject({ message: '"y" is declared "basis: mean", but its arithmetic makes it a peak.' });
    expect(asMean!.fix).toBe('Check which inputs are peaks; divide a peak by a peak factor to get a mean.');
    const [neither] = errors(chain('x = 2 * 3', '  label: Six', '  basis: mean'));
    expect(neither).toMatchObject({ message: '"x" is declared "basis: mean", but its arithmetic makes it neither a mean nor a peak.' });
  });

  it('refuses a peak labeled as an average, naming the peak it comes from', () => {
    const [error] = errors(chain(...MEAN, 'peakStreams = meanStreams * evening -> stream', '  label: Average streams'));
    expect(error).toMatchObject({
      code: 'mean-peak',
      line: 10,
      message: '"peakStreams" is labeled as an average, but it is computed from a peak (a peak factor).',
    });
    const [live] = errors(chain('figure live = live-peak', 'avgLive = live * 1 -> stream', '  label: Average live streams'));
    expect(live!.message).toBe('"avgLive" is labeled as an average, but it is computed from a peak (live).');
  });
});
