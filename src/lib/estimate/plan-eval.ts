/**
 * Runs a compiled chain (plan.ts) in the browser: plain numbers in SI units, no mathjs. The build
 * compiles the chain with mathjs, which resolves every unit into a factor, so what is left is
 * arithmetic; a unit test proves it gives the same numbers and the same words as the build's
 * evaluation. The estimation calculator uses it to re-run the estimation guide's model as the
 * reader types.
 */
import { speak, type UnitSpeech } from './speech.ts';

export type PlanNode =
  | { n: number; t: string }
  | { v: string }
  | { op: '+' | '-' | '*' | '/' | '^'; a: [PlanNode, PlanNode]; implicit?: boolean }
  | { neg: PlanNode }
  | { paren: PlanNode }
  | { fn: string; a: PlanNode[] };

export interface PlanRow {
  name: string;
  kind: 'figure' | 'use' | 'assume' | 'step';
  label: string;
  section?: string;
  basis: string;
  /** Display value of an input (figure or assumption), in its display unit. */
  value?: number;
  /** SI value of one display unit. */
  factor: number;
  speech: UnitSpeech;
  /** A step's expression, compiled. */
  tree?: PlanNode;
  /** For inputs: where the default comes from. */
  note?: string;
}

export interface Plan {
  chain: string;
  title: string;
  rows: PlanRow[];
}

export interface PlanResult {
  name: string;
  value: number;
  spoken: string;
  short: string;
  arithmetic?: string;
}

const FUNCTIONS: Record<string, (...args: number[]) => number> = {
  ceil: Math.ceil,
  floor: Math.floor,
  round: Math.round,
  abs: Math.abs,
  sqrt: Math.sqrt,
  max: Math.max,
  min: Math.min,
};

function valueOf(node: PlanNode, si: ReadonlyMap<string, number>): number {
  if ('n' in node) return node.n;
  if ('v' in node) return si.get(node.v)!;
  if ('neg' in node) return -valueOf(node.neg, si);
  if ('paren' in node) return valueOf(node.paren, si);
  if ('fn' in node) return FUNCTIONS[node.fn]!(...node.a.map((a) => valueOf(a, si)));
  const [a, b] = [valueOf(node.a[0], si), valueOf(node.a[1], si)];
  switch (node.op) {
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '*':
      return a * b;
    case '/':
      return a / b;
    case '^':
      return a ** b;
  }
}

const SIGN: Record<string, string> = { '+': '+', '-': '−', '*': '×', '/': '÷', '^': '^' };

function textOf(node: PlanNode, short: ReadonlyMap<string, string>): string {
  if ('n' in node) return node.t;
  if ('v' in node) return short.get(node.v)!;
  if ('neg' in node) return `-${textOf(node.neg, short)}`;
  if ('paren' in node) return `(${textOf(node.paren, short)})`;
  if ('fn' in node) return `${node.fn}(${node.a.map((a) => textOf(a, short)).join(', ')})`;
  const [a, b] = [textOf(node.a[0], short), textOf(node.a[1], short)];
  return node.implicit ? `${a} ${b}` : `${a} ${SIGN[node.op]} ${b}`;
}

/**
 * Every row of the plan for the given inputs (display values by name; missing ones take the
 * plan's defaults). Inputs are said exactly, steps rounded for speech, as on the page.
 */
export function evaluatePlan(plan: Plan, inputs: Readonly<Record<string, number>> = {}): PlanResult[] {
  const si = new Map<string, number>();
  const short = new Map<string, string>();
  const results: PlanResult[] = [];
  for (const row of plan.rows) {
    if (row.kind !== 'step') {
      const value = inputs[row.name] ?? row.value!;
      si.set(row.name, value * row.factor);
      const spoken = speak(value, row.speech, { digits: 6, about: false });
      short.set(row.name, spoken);
      results.push({ name: row.name, value, spoken, short: spoken });
      continue;
    }
    const base = valueOf(row.tree!, si);
    const value = base / row.factor;
    si.set(row.name, base);
    const rowShort = speak(value, row.speech, { digits: 3, about: false });
    const arithmetic = textOf(row.tree!, short);
    short.set(row.name, rowShort);
    results.push({ name: row.name, value, spoken: speak(value, row.speech, { digits: 2 }), short: rowShort, arithmetic });
  }
  return results;
}
