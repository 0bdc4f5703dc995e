/**
 * The evaluator at its edges: names used inside function calls and parentheses, literal numbers
 * in the arithmetic a reader checks, which divisor a division-by-zero message names, results that
 * are not numbers, and the fixes for reserved names and mathjs functions written as values.
 */
import { describe, expect, it } from 'vitest';
import { runChain } from './index.ts';
import { figureMap, LIVE_PEAK, PEAK_FACTOR } from './__fixtures__/figures.ts';

const FIGURES = figureMap(LIVE_PEAK, PEAK_FACTOR);

const chain = (...lines: string[]) => ['id: test-chain', 'title: A chain under test', ...lines].join('\n');
const run = (...lines: string[]) => runChain(chain(...lines), FIGURES);
const onlyError = (...lines: string[]) => {
  const result = run(...lines);
  expect(result.chain).toBeUndefined();
  expect(result.errors).toHaveLength(1);
  return result.errors[0]!;
};
const DIVIDE_FIX = 'Check the value the divisor comes from; a rate, a duration or a factor of zero has no meaning here.';

describe('names inside calls and parentheses', () => {
  it('reports a typo passed to a function as an unknown name, not as arithmetic that failed', () => {
    expect(onlyError('x = max(typo, 2)', '  label: X')).toEqual({
      code: 'unknown-name',
      line: 3,
      message: '"typo" is not defined above, and is not a unit.',
      fix: 'Bind it with "figure typo = <figure-id>", "assume typo = …", or compute it in an earlier step. Count units are listed in src/lib/estimate/units.ts.',
    });
  });

  it('carries a peak through parentheses, and writes them in the arithmetic', () => {
    const { chain: result, errors } = run('figure live = live-peak', 'y = (live + 1 stream) * 2 -> stream', '  label: Doubled at the peak');
    expect(errors).toEqual([]);
    expect(result!.rows[1]).toMatchObject({ basis: 'peak', arithmetic: '(65 million streams + 1 stream) × 2', value: 130_000_002 });
  });
});

describe('peaks and durations inside parentheses', () => {
  it('divides by a peak factor in parentheses: the result is a mean', () => {
    const { chain: result } = run(
      'figure live = live-peak',
      'figure f = peak-factor',
      'x = live / (f) -> stream',
      '  label: Average streams',
    );
    expect(result!.rows[2]).toMatchObject({ basis: 'mean', arithmetic: '65 million streams ÷ (2×)', spoken: 'about 33 million streams' });
  });

  it('finds a day-long duration in parentheses that turns a peak into a volume', () => {
    expect(onlyError('figure live = live-peak', 'x = live * (2 day) -> stream day', '  label: X')).toEqual({
      code: 'mean-peak',
      line: 4,
      message: '"x" turns a peak rate (live) into a volume over 2 day: a day does not run at its peak.',
      fix: 'Use the average rate (divide the peak by its peak factor, or start from the mean), or add "from-peak: <why>" if sizing for the peak all day is deliberate.',
    });
  });
});

describe('the arithmetic a reader checks', () => {
  it('writes a literal number exactly, to six digits, with no "about"', () => {
    const { chain: result } = run('figure live = live-peak', 'y = live * 1234567 -> stream', '  label: Scaled at the peak');
    expect(result!.rows[1]!.arithmetic).toBe('65 million streams × 1.23457 million');
    expect(result!.rows[1]!.spoken).toBe('about 80 trillion streams');
  });

  it('writes a function call as written, with its arguments', () => {
    const { chain: result } = run('figure live = live-peak', 'y = live * max(2, 3) -> stream', '  label: Scaled at the peak');
    expect(result!.rows[1]).toMatchObject({
      basis: 'peak',
      arithmetic: '65 million streams × max(2, 3)',
      spoken: 'about 200 million streams',
    });
  });

  it('says a literal count in its unit, plural as spoken', () => {
    const { chain: result } = run('figure live = live-peak', 'y = live + 3 stream -> stream', '  label: Three more at the peak');
    expect(result!.rows[1]!.arithmetic).toBe('65 million streams + 3 streams');
  });
});

describe('division by zero', () => {
  it('names the zero divisor, not an earlier divisor that is fine or a term that is zero', () => {
    expect(onlyError('figure live = live-peak', 'y = live / 2 + live / (3 - 3) + 0 stream -> stream', '  label: At the peak')).toEqual({
      code: 'division-by-zero',
      line: 4,
      message: '"live / 2 + live / (3 - 3) + 0 stream" divides by zero: (3 - 3) is 0.',
      fix: DIVIDE_FIX,
    });
  });

  it('names the outermost zero divisor when there are two', () => {
    expect(onlyError('figure live = live-peak', 'y = live / (2 - 2) / (3 - 3) -> stream', '  label: At the peak').message).toBe(
      '"live / (2 - 2) / (3 - 3)" divides by zero: (3 - 3) is 0.',
    );
  });
});

describe('results that are not quantities, and names that are taken', () => {
  it('says what the result is when it is not a number or a quantity', () => {
    expect(onlyError('x = 2 > 1', '  label: X')).toEqual({
      code: 'expression',
      line: 3,
      message: '"2 > 1" cannot be evaluated: the result is a boolean, not a number or a quantity.',
      fix: 'Check the arithmetic and the units.',
    });
    expect(onlyError('x = [1, 2]', '  label: X').message).toBe(
      '"[1, 2]" cannot be evaluated: the result is a DenseMatrix, not a number or a quantity.',
    );
  });

  it('turns a ratio of like units into a plain number', () => {
    expect(run('x = 3 hour / (1 hour)', '  label: X').chain!.rows[0]).toMatchObject({ value: 3, si: 3, spoken: '3', basis: 'none' });
  });

  it('refuses a unit name as a quantity name, with the fix', () => {
    expect(onlyError('assume hour = 2', '  label: A', '  why: A reason long enough.')).toEqual({
      code: 'syntax',
      line: 3,
      message: '"hour" is already the name of a unit or function, so it cannot name a quantity.',
      fix: 'Choose a longer, more specific name, such as sessionLength instead of min.',
    });
  });

  it('explains a mathjs function used as a value', () => {
    expect(onlyError('x = 2 + sqrt', '  label: X')).toEqual({
      code: 'unknown-name',
      line: 3,
      message: '"sqrt" is a mathjs function, not a value or a unit.',
      fix: 'Use it as a function with parentheses, or choose another name.',
    });
    expect(onlyError('x = 2 * min', '  label: X')).toMatchObject({
      message: '"min" is a mathjs function, not a value or a unit.',
      fix: 'For minutes, write "minute".',
    });
  });

  it('reports a function that does not exist as arithmetic that cannot be evaluated', () => {
    expect(onlyError('x = f(2)', '  label: X')).toEqual({
      code: 'expression',
      line: 3,
      message: '"f(2)" cannot be evaluated: Undefined function f.',
      fix: 'Check the arithmetic and the units.',
    });
  });
});
