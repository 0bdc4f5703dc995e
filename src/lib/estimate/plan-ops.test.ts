/**
 * The browser's plan on arithmetic the estimation guide's model does not use: subtraction, powers,
 * negation, parentheses, the functions the calculator can run, a unit written alone, and "use"
 * rows; for each, the plan gives the build's value, spoken result and arithmetic. A chain with
 * errors, or with a function the browser cannot run, is refused with the reason.
 */
import { describe, expect, it } from 'vitest';
import { runChain } from './index.ts';
import { compilePlan } from './plan.ts';
import { evaluatePlan } from './plan-eval.ts';
import { figureMap, HOURS_VIEWED, PEAK_FACTOR } from './__fixtures__/figures.ts';

const FIGURES = figureMap(HOURS_VIEWED, PEAK_FACTOR);

const chain = (...lines: string[]) => ['id: ops-chain', 'title: Arithmetic under test', ...lines].join('\n');

function expectSameAsBuild(text: string) {
  const { plan } = compilePlan(text, FIGURES);
  const build = runChain(text, FIGURES);
  expect(build.errors).toEqual([]);
  const fromPlan = evaluatePlan(plan);
  expect(fromPlan.map((r) => r.name)).toEqual(build.chain!.rows.map((r) => r.name));
  fromPlan.forEach((row, i) => {
    const other = build.chain!.rows[i]!;
    expect(Math.abs(row.value - other.value)).toBeLessThanOrEqual(Math.abs(other.value) * 1e-9);
    expect(row.spoken).toBe(other.spoken);
    if (other.arithmetic !== undefined) expect(row.arithmetic).toBe(other.arithmetic);
  });
  return { plan, results: fromPlan };
}

describe('arithmetic the plan runs like the build', () => {
  it('subtraction, division, powers, negation and parentheses', () => {
    const { results } = expectSameAsBuild(
      chain(
        'assume bigPart = 12',
        '  label: Big part',
        '  why: A round number for the test.',
        'assume smallPart = 3',
        '  label: Small part',
        '  why: Another round number.',
        'gap = bigPart - smallPart',
        '  label: Difference',
        'ratio = (bigPart + smallPart) / smallPart',
        '  label: Ratio',
        'squared = smallPart ^ 2',
        '  label: Square',
        'flipped = -(bigPart - smallPart) * -1',
        '  label: Flipped twice',
      ),
    );
    expect(results.map((r) => [r.name, r.value])).toEqual([
      ['bigPart', 12],
      ['smallPart', 3],
      ['gap', 9],
      ['ratio', 5],
      ['squared', 9],
      ['flipped', 9],
    ]);
  });

  it('every function the calculator can run', () => {
    const { results } = expectSameAsBuild(
      chain(
        'assume x = 2.4',
        '  label: X',
        '  why: A number with a fraction.',
        'up = ceil(x)',
        '  label: Up',
        'down = floor(x)',
        '  label: Down',
        'near = round(x)',
        '  label: Near',
        'size = abs(-x)',
        '  label: Size',
        'root = sqrt(x * 10)',
        '  label: Root',
        'most = max(x, 3)',
        '  label: Most',
        'least = min(x, 3)',
        '  label: Least',
      ).replace('size =', 'magnitude ='),
    );
    expect(Object.fromEntries(results.map((r) => [r.name, r.value]))).toMatchObject({
      up: 3,
      down: 2,
      near: 2,
      magnitude: 2.4,
      root: Math.sqrt(24),
      most: 3,
      least: 2.4,
    });
  });

  it('units written alone, literal quantities, and figures', () => {
    const { plan } = expectSameAsBuild(
      chain(
        'figure viewing = hours-viewed',
        'figure evening = peak-factor',
        'perDay = viewing / 184 day -> stream',
        '  label: Average concurrent streams',
        'peak = perDay * evening -> stream',
        '  label: Concurrent streams at the evening peak',
        'hourly = peak * 1 hour / day -> stream',
        '  label: A unit written alone',
      ),
    );
    expect(plan.rows.find((r) => r.name === 'viewing')).toMatchObject({ kind: 'figure', value: 96e9 });
  });
});

describe('chains the plan refuses', () => {
  it('a chain with errors, naming each line', () => {
    expect(() => compilePlan(chain('x = 2'), FIGURES)).toThrow('line 3: "x" needs a label.');
    expect(() => compilePlan(chain('x = missing * 2', '  label: X'), FIGURES)).toThrow(/^line 3: /);
  });

  it('a function the browser cannot run', () => {
    expect(() => compilePlan(chain('x = log(100)', '  label: X'), FIGURES)).toThrow(
      'The calculator cannot run "log(100)": use + − × ÷ ^, parentheses and ceil, floor, round, abs, sqrt, max, min.',
    );
  });
});
