/**
 * What the reader types into the calculator: reading a field, sharing a calculation in the
 * address, and the sentence that keeps concurrency and request rate apart. No DOM and no mathjs,
 * so the page renders the defaults at build time with the same code the browser runs.
 */
import type { Plan, PlanResult, PlanRow } from '../../lib/estimate/plan-eval.ts';
import { speak } from '../../lib/estimate/speech.ts';

/** The largest value a field accepts: beyond any estimate, short of overflow. */
export const MAX_INPUT = 1e18;

export type ParseResult = { ok: true; value: number } | { ok: false; message: string };

/** The inputs of a plan: its figures and assumptions, in order. */
export function inputRows(plan: Plan): PlanRow[] {
  return plan.rows.filter((row) => row.kind !== 'step');
}

/** A number as typed back into a field: plain digits, no grouping ("96000000000", "2.5"). */
export function fieldText(value: number): string {
  return String(Number(value.toPrecision(12)));
}

/**
 * Reads one field. Accepts thousands separators and spaces ("325,000,000", "325 000 000"), so a
 * reader can type a big number the way it is written in the guide. Every input is a positive
 * quantity: a session, a factor, a size.
 */
export function parseField(row: PlanRow, text: string): ParseResult {
  const cleaned = text.trim().replace(/[\s,_]/g, '');
  const example = fieldText(row.value!);
  if (cleaned === '') return { ok: false, message: `Enter a number, such as ${example}.` };
  if (!/^[+]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(cleaned)) {
    return { ok: false, message: `“${text.trim()}” is not a number. Use digits, such as ${example}.` };
  }
  const value = Number(cleaned);
  if (!(value > 0)) return { ok: false, message: 'Enter a number above 0.' };
  if (value > MAX_INPUT) return { ok: false, message: `Enter at most ${MAX_INPUT.toExponential()}.` };
  return { ok: true, value };
}

/** Reads every field given; a field left out keeps the plan's value. */
export function readInputs(
  plan: Plan,
  raw: Readonly<Record<string, string>>,
): { inputs: Record<string, number> | null; errors: Record<string, string> } {
  const inputs: Record<string, number> = {};
  const errors: Record<string, string> = {};
  for (const row of inputRows(plan)) {
    const text = raw[row.name];
    if (text === undefined) continue;
    const result = parseField(row, text);
    if (result.ok) inputs[row.name] = result.value;
    else errors[row.name] = result.message;
  }
  return { inputs: Object.keys(errors).length === 0 ? inputs : null, errors };
}

/** The query string for a calculation: only the inputs that differ from the plan. */
export function toQuery(plan: Plan, inputs: Readonly<Record<string, number>>): string {
  const params = new URLSearchParams();
  for (const row of inputRows(plan)) {
    const value = inputs[row.name];
    if (value !== undefined && value !== row.value) params.set(row.name, fieldText(value));
  }
  return params.toString();
}

/** The field texts a shared link carries; names the plan does not have are ignored. */
export function fromQuery(plan: Plan, search: string): Record<string, string> {
  const params = new URLSearchParams(search);
  const raw: Record<string, string> = {};
  for (const row of inputRows(plan)) {
    const value = params.get(row.name);
    if (value !== null) raw[row.name] = value;
  }
  return raw;
}

/**
 * "About 43 million concurrent streams is not 43 million requests a second: with 45-minute
 * sessions it is about 16,000 starts a second." From the model's peakStreams, session and
 * startsPeak; empty if the model has none of them.
 */
export function concurrencySentence(plan: Plan, results: readonly PlanResult[]): string {
  const by = new Map(results.map((r) => [r.name, r]));
  const streams = by.get('peakStreams');
  const session = by.get('session');
  const starts = by.get('startsPeak');
  const streamsRow = plan.rows.find((r) => r.name === 'peakStreams');
  if (!streams || !session || !starts || !streamsRow) return '';
  const count = speak(streams.value, { unit: '', singular: '', plural: '' }, { digits: 2, about: false });
  const spoken = streams.spoken.charAt(0).toUpperCase() + streams.spoken.slice(1);
  return `${spoken} at once is not ${count} requests a second: with sessions of ${session.spoken} it is ${starts.spoken}.`;
}

/** The unit beside a field: "stream-hours", "minutes", "Mbps per stream", "×". */
export function unitLabel(row: PlanRow): string {
  const speech = row.speech;
  if (speech.times) return '× (a factor)';
  if (speech.percent) return '%';
  if (speech.money) return `US dollars${speech.money.tail}`;
  if (speech.scale) return `${speech.scale.base}${speech.scale.tail}`;
  return speech.plural || 'a plain number';
}
