/** Reading the calculator's fields, sharing a calculation in the address, and its key sentence. */
import { describe, expect, it } from 'vitest';
import { calculatorModel } from './model.ts';
import { concurrencySentence, fieldText, fromQuery, inputRows, parseField, readInputs, toQuery, unitLabel } from './inputs.ts';
import { evaluatePlan } from '../../lib/estimate/plan-eval.ts';

const { plan } = calculatorModel()!;
const row = (name: string) => plan.rows.find((r) => r.name === name)!;

describe('calculator inputs', () => {
  it('offers every figure and assumption of the model, with its unit', () => {
    expect(inputRows(plan).map((r) => r.name)).toContain('session');
    expect(unitLabel(row('session'))).toBe('minutes');
    expect(unitLabel(row('evening'))).toBe('× (a factor)');
    expect(unitLabel(row('bitrate'))).toBe('Mbps per stream');
    expect(unitLabel(row('viewing'))).toBe('stream-hours');
    expect(fieldText(row('viewing').value!)).toBe('96000000000');
  });

  it('reads numbers written with separators, and explains what it cannot use', () => {
    expect(parseField(row('viewing'), '96,000,000,000')).toEqual({ ok: true, value: 96e9 });
    expect(parseField(row('session'), ' 30 ')).toEqual({ ok: true, value: 30 });
    expect(parseField(row('session'), 'fast')).toEqual({ ok: false, message: '“fast” is not a number. Use digits, such as 45.' });
    expect(parseField(row('session'), '0')).toEqual({ ok: false, message: 'Enter a number above 0.' });
    expect(parseField(row('session'), '')).toEqual({ ok: false, message: 'Enter a number, such as 45.' });
    expect(readInputs(plan, { session: '30', bitrate: 'x' }).inputs).toBeNull();
  });

  it('shares only what changed, and reads it back', () => {
    const query = toQuery(plan, { session: 30, evening: 2 });
    expect(query).toBe('session=30');
    expect(fromQuery(plan, `?${query}&unknown=3`)).toEqual({ session: '30' });
  });

  it('says concurrency is not a request rate, with the numbers of the moment', () => {
    expect(concurrencySentence(plan, evaluatePlan(plan))).toBe(
      'About 43 million streams at once is not 43 million requests a second: with sessions of 45 minutes it is about 16,000 starts a second.',
    );
    expect(concurrencySentence(plan, evaluatePlan(plan, { session: 30 }))).toContain('it is about 24,000 starts a second');
  });
});
