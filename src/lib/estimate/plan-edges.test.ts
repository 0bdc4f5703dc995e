/**
 * The calculator's plan at its edges: implicit multiplication by a name ("2 bigPart") runs and
 * reads as the build's does, and each input row carries the note the calculator shows under it
 * (an assumption's reason, a site-wide assumption, a published figure with its month).
 */
import { describe, expect, it } from 'vitest';
import { runChain } from './index.ts';
import { compilePlan } from './plan.ts';
import { evaluatePlan } from './plan-eval.ts';
import { figureMap, HOURS_VIEWED, PEAK_FACTOR } from './__fixtures__/figures.ts';

const FIGURES = figureMap(
  HOURS_VIEWED,
  { id: 'undated', title: 'An undated report', value: 5, unit: '', status: 'unverified', source: 'letter' },
  PEAK_FACTOR,
);

const TEXT = [
  'id: edge-chain',
  'title: Plan edges under test',
  'figure viewing = hours-viewed',
  'figure reported = undated',
  'figure evening = peak-factor',
  'assume bigPart = 12',
  '  label: Big part',
  '  why: A round number for the test.',
  'doubled = 2 bigPart',
  '  label: Doubled',
  'scaled = reported * evening * doubled',
  '  label: Scaled',
  '  basis: peak',
].join('\n');

describe('the plan at its edges', () => {
  it('runs implicit multiplication by a name and writes it as the build does', () => {
    const { plan } = compilePlan(TEXT, FIGURES);
    const build = runChain(TEXT, FIGURES).chain!;
    const results = evaluatePlan(plan);
    expect(results.map((r) => [r.name, r.value, r.arithmetic])).toEqual(build.rows.map((r) => [r.name, r.value, r.arithmetic]));
    expect(results.find((r) => r.name === 'doubled')).toMatchObject({ value: 24 });
  });

  it('notes where each input comes from', () => {
    const { plan } = compilePlan(TEXT, FIGURES);
    expect(plan.rows.filter((r) => r.kind !== 'step').map((r) => [r.name, r.note])).toEqual([
      ['viewing', 'Published figure, January 2026.'],
      ['reported', 'Published figure.'],
      ['evening', 'Site-wide assumption; its reasoning is on Figures and assumptions.'],
      ['bigPart', 'A round number for the test.'],
    ]);
  });
});
