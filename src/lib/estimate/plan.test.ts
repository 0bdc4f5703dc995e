/**
 * The browser's plan and the build's mathjs evaluation agree: on the estimation guide's own model
 * (the calculator's), with its defaults and with inputs changed at random, every row has the same
 * value, the same spoken result and the same arithmetic.
 */
import { describe, expect, it } from 'vitest';
import { runChain, type Figure } from './index.ts';
import { compilePlan } from './plan.ts';
import { evaluatePlan, type Plan } from './plan-eval.ts';
import { calculatorModel } from '../../scripts/calculator/model.ts';
import { findEstimateBlocks } from './blocks.ts';
import { loadFigures } from './load.ts';
import { readFileSync } from 'node:fs';
import { parseChain } from './parse.ts';

const figures = loadFigures();
const modelText = findEstimateBlocks(readFileSync('content/guides/system-design/estimation.mdx', 'utf8')).find(
  (b) => parseChain(b.text).chain?.id === 'model',
)!.text;

/** The chain evaluated by mathjs with some inputs replaced (display values). */
function mathjsWith(plan: Plan, inputs: Record<string, number>) {
  let text = modelText;
  const table = new Map<string, Figure>(figures);
  const statements = parseChain(modelText).chain!.statements;
  for (const [name, value] of Object.entries(inputs)) {
    const row = plan.rows.find((r) => r.name === name)!;
    const statement = statements.find((s) => s.kind !== 'section' && s.name === name)!;
    if (statement.kind === 'figure') table.set(statement.figureId, { ...figures.get(statement.figureId)!, value });
    else text = text.replace(new RegExp(`^assume ${name} = .*$`, 'm'), `assume ${name} = ${value} ${row.speech.unit}`);
  }
  const result = runChain(text, table);
  expect(result.errors).toEqual([]);
  return result.chain!.rows;
}

function expectSame(plan: Plan, inputs: Record<string, number>) {
  const fromPlan = evaluatePlan(plan, inputs);
  const fromMathjs = mathjsWith(plan, inputs);
  expect(fromPlan.map((r) => r.name)).toEqual(fromMathjs.map((r) => r.name));
  fromPlan.forEach((row, i) => {
    const other = fromMathjs[i]!;
    expect(row.value).toBeCloseTo(other.value, 6 - Math.max(0, Math.floor(Math.log10(Math.abs(other.value) || 1))));
    expect(Math.abs(row.value - other.value)).toBeLessThanOrEqual(Math.abs(other.value) * 1e-9);
    expect(row.spoken).toBe(other.spoken);
    if (other.arithmetic !== undefined) expect(row.arithmetic).toBe(other.arithmetic);
  });
}

describe('the calculator plan', () => {
  const { plan, chain } = calculatorModel()!;

  it("is the estimation guide's model chain, with its figures as editable inputs", () => {
    expect(plan.chain).toBe('model');
    expect(plan.rows.map((r) => r.name)).toEqual(chain.rows.map((r) => r.name));
    const viewing = plan.rows.find((r) => r.name === 'viewing')!;
    expect(viewing).toMatchObject({ kind: 'figure', value: 96e9 });
    expect(plan.rows.find((r) => r.name === 'peakStreams')!.tree).toEqual({ op: '*', a: [{ v: 'meanStreams' }, { v: 'evening' }] });
  });

  it('gives the same numbers, words and arithmetic as mathjs, with the defaults', () => {
    expectSame(plan, {});
  });

  it('gives the same numbers, words and arithmetic as mathjs, with inputs changed at random', () => {
    let seed = 7;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const inputs = plan.rows.filter((r) => r.kind !== 'step');
    for (let round = 0; round < 25; round += 1) {
      const changed: Record<string, number> = {};
      for (const row of inputs) if (random() < 0.5) changed[row.name] = Number((row.value! * (0.1 + 5 * random())).toPrecision(4));
      expectSame(plan, changed);
    }
  });

  it('refuses a chain the browser could not run', () => {
    const text = [
      'id: odd',
      'title: An odd function',
      'assume x = 4',
      '  label: Four',
      '  why: A number to use.',
      'y = log(x)',
      '  label: Its logarithm',
    ].join('\n');
    expect(() => compilePlan(text, figures)).toThrow(/The calculator cannot run "log\(x\)"/);
  });
});
