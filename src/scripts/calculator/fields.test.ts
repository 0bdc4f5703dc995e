/**
 * The calculator's fields at their edges: which numbers a reader may type (signs, decimals,
 * exponents, the largest value), which rows are fields at all, the unit shown beside each kind of
 * field, and the key sentence when the model lacks one of its three figures.
 */
import { describe, expect, it } from 'vitest';
import type { PlanRow } from '../../lib/estimate/plan-eval.ts';
import { evaluatePlan } from '../../lib/estimate/plan-eval.ts';
import { calculatorModel } from './model.ts';
import { concurrencySentence, inputRows, MAX_INPUT, parseField, readInputs, unitLabel } from './inputs.ts';

const { plan } = calculatorModel()!;
const session = plan.rows.find((r) => r.name === 'session')!;

const read = (text: string) => parseField(session, text);
const ok = (value: number) => ({ ok: true, value });
const notANumber = (text: string) => ({ ok: false, message: `“${text}” is not a number. Use digits, such as 45.` });

describe('which numbers a field accepts', () => {
  it('reads whole numbers, decimals with or without a leading digit, a plus sign and exponents', () => {
    expect(read('12')).toEqual(ok(12));
    expect(read('12.5')).toEqual(ok(12.5));
    expect(read('1.25')).toEqual(ok(1.25));
    expect(read('7.')).toEqual(ok(7));
    expect(read('.25')).toEqual(ok(0.25));
    expect(read('+5')).toEqual(ok(5));
    expect(read('1e3')).toEqual(ok(1000));
    expect(read('1E+3')).toEqual(ok(1000));
    expect(read('2.5e-1')).toEqual(ok(0.25));
    expect(read('1e12')).toEqual(ok(1e12));
    expect(read('325 000 000')).toEqual(ok(325e6));
    expect(read('1_000')).toEqual(ok(1000));
  });

  it('refuses anything else, quoting what was typed without its surrounding spaces', () => {
    expect(read('  fast  ')).toEqual(notANumber('fast'));
    expect(read('-5')).toEqual(notANumber('-5'));
    expect(read('12abc')).toEqual(notANumber('12abc'));
    expect(read('abc12')).toEqual(notANumber('abc12'));
    expect(read('1.2.3')).toEqual(notANumber('1.2.3'));
    expect(read('.')).toEqual(notANumber('.'));
    expect(read('1e')).toEqual(notANumber('1e'));
    expect(read('1ex')).toEqual(notANumber('1ex'));
    expect(read('e5')).toEqual(notANumber('e5'));
  });

  it('accepts up to the largest value and no more', () => {
    expect(read(String(MAX_INPUT))).toEqual(ok(MAX_INPUT));
    expect(read('2e18')).toEqual({ ok: false, message: 'Enter at most 1e+18.' });
    expect(read('0.0')).toEqual({ ok: false, message: 'Enter a number above 0.' });
  });
});

describe('the fields of the model', () => {
  it('are its figures and assumptions, never its computed steps', () => {
    const fields = inputRows(plan);
    expect(fields.length).toBeGreaterThan(0);
    expect(fields.every((row) => row.kind !== 'step')).toBe(true);
    expect(fields).toEqual(plan.rows.filter((row) => row.kind !== 'step'));
    expect(plan.rows.some((row) => row.kind === 'step')).toBe(true);
  });

  it('reads the fields it is given and keeps the rest at the plan’s value', () => {
    expect(readInputs(plan, { session: '30', evening: '2' })).toEqual({ inputs: { session: 30, evening: 2 }, errors: {} });
    expect(readInputs(plan, {})).toEqual({ inputs: {}, errors: {} });
    const both = readInputs(plan, { session: 'x', evening: '2' });
    expect(both.inputs).toBeNull();
    expect(Object.keys(both.errors)).toEqual(['session']);
  });
});

describe('the unit beside a field', () => {
  const row = (speech: PlanRow['speech']): PlanRow => ({ ...session, speech });
  const plain = { unit: '', singular: '', plural: '' };

  it('names each kind of quantity', () => {
    expect(unitLabel(row({ ...plain, times: true }))).toBe('× (a factor)');
    expect(unitLabel(row({ ...plain, percent: true }))).toBe('%');
    expect(unitLabel(row({ ...plain, money: { tail: ' a year' } }))).toBe('US dollars a year');
    expect(unitLabel(row({ ...plain, scale: { base: 'B', tail: ' a day' } }))).toBe('B a day');
    expect(unitLabel(row({ unit: 'min', singular: 'minute', plural: 'minutes' }))).toBe('minutes');
    expect(unitLabel(row(plain))).toBe('a plain number');
  });
});

describe('the key sentence', () => {
  const results = evaluatePlan(plan);

  it('is left out when the model lacks one of its figures', () => {
    expect(concurrencySentence(plan, results)).not.toBe('');
    for (const name of ['peakStreams', 'session', 'startsPeak']) {
      expect(
        concurrencySentence(
          plan,
          results.filter((r) => r.name !== name),
        ),
      ).toBe('');
    }
    expect(concurrencySentence({ ...plan, rows: plan.rows.filter((r) => r.name !== 'peakStreams') }, results)).toBe('');
  });

  it('says the plain count of streams, without "about"', () => {
    expect(concurrencySentence(plan, results)).toMatch(/^About 43 million streams at once is not 43 million requests a second: /);
  });
});
