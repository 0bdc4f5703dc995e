/**
 * Evaluates a parsed chain with mathjs units: every figure looked up, every step computed and
 * converted to the unit it is shown in, and mean versus peak tracked from step to step.
 *
 * Mean and peak. Figures and assumptions carry a basis: `mean` (an average over time, or a total
 * over a period), `peak`, or `factor` (a peak-to-average factor). A step's basis follows from
 * what it uses: a mean times a factor is a peak; a peak divided by a factor is a mean; a mean
 * and a peak together are an error unless the step says why (`mix:`). A step labeled as a peak
 * must get there through a peak figure or a factor, and a peak rate may not become a volume
 * over a day or longer (the slip that doubles a daily total) unless the step says why
 * (`from-peak:`).
 */
import type { MathNode, Unit } from 'mathjs';
import { math, isReservedName, UNIT_SCOPE, unitSpeech } from './units.ts';
import { speak, type UnitSpeech } from './speech.ts';
import { nearest } from '../text.ts';
import type { Figure, FigureTable } from './figures.ts';
import type { Basis, ChainError, ChainSyntax, Statement } from './parse.ts';

export type RowBasis = Basis | 'none';

export interface Row {
  name: string;
  kind: 'figure' | 'use' | 'assume' | 'step';
  line: number;
  label: string;
  /** The section the row belongs to, if the chain has sections. */
  section?: string;
  basis: RowBasis;
  /** The value in its display unit. */
  value: number;
  /** The value in SI base units (what the unit system computes with); equal to `value` for a plain number. */
  si: number;
  /** The SI value of one display unit: value × factor = si. */
  factor: number;
  speech: UnitSpeech;
  /** As said aloud: "about 22 million streams". */
  spoken: string;
  /** As quoted inside another step's arithmetic: "21.7 million streams". */
  short: string;
  /** The expression as written (assumptions and steps). */
  expression?: string;
  /** The expression with the values of the names it uses, and × and ÷. */
  arithmetic?: string;
  /** An assumption's reason. */
  why?: string;
  /** Why a step deliberately turns a peak rate into a volume. */
  fromPeak?: string;
  /** Why a step deliberately combines a mean and a peak. */
  mix?: string;
  /** A short remark shown under the row. */
  note?: string;
  figure?: Figure;
  /** For a `use` row: the chain on the same page it comes from. */
  from?: string;
  /** The dimension signature, for comparing the same name across pages. */
  dimensions: string;
}

export interface EvaluatedChain {
  id: string;
  title: string;
  scenario?: { label: string; why: string };
  rows: Row[];
}

const PEAK_WORDS = /\b(peak|busiest|burst|launch night|launch-night)\b/i;
/** "from the peak", "below the peak": a label that mentions a peak without claiming to be one. */
const NOT_A_PEAK = /\b(from|not|than|below|under|without|off)\s+(the\s+|a\s+|its\s+)?(evening\s+|daily\s+)?(peak|burst)\b/gi;
const claimsPeak = (label: string) => PEAK_WORDS.test(label.replace(NOT_A_PEAK, '').replace(/\boff-peak\b/gi, ''));
const VOLUME_WORDS = /\b(daily|a day|per day|each day|a month|per month|monthly|a year|per year|yearly|annual|annually)\b/i;
/** A label that says the row is an average ("at the mean bitrate" describes an input, not the row). */
const MEAN_WORDS = /^(average|mean)\b|\b(on average|at an average|daily average|average moment|from the average)\b/i;
const SECOND = math.unit('1 s');
const DAY_SECONDS = 86_400;

type Value = number | Unit;

function isUnit(value: unknown): value is Unit {
  return math.isUnit(value);
}

function isDimensionless(value: Unit): boolean {
  return value.dimensions.every((d) => d === 0);
}

/** A dimensionless unit (hours per day) becomes a plain number. */
function normalize(value: unknown): Value {
  if (isUnit(value) && isDimensionless(value)) return value.value ?? 1;
  if (typeof value === 'number' || isUnit(value)) return value;
  throw new Error(`the result is a ${math.typeOf(value)}, not a number or a quantity`);
}

function dimensionsOf(value: Value): string {
  return isUnit(value) ? value.dimensions.join(',') : '';
}

function siOf(value: Value): number {
  return isUnit(value) ? (value.value ?? 1) : value;
}

/** The names a chain may use in expressions, to tell a typo from a unit. */
function isUnitName(name: string): boolean {
  if (UNIT_SCOPE.has(name)) return true;
  try {
    return math.Unit.isValuelessUnit(name);
  } catch {
    return false;
  }
}

/** Whether mathjs has a function of that name ("min" is minimum() before it is minutes). */
function isFunction(name: string): boolean {
  return typeof (math as unknown as Record<string, unknown>)[name] === 'function';
}

/** Symbols an expression uses as values (not as the name of a function it calls). */
function valueSymbols(node: MathNode): { name: string; node: MathNode }[] {
  const found: { name: string; node: MathNode }[] = [];
  node.traverse((child, path, parent) => {
    if (child.type !== 'SymbolNode') return;
    if (parent?.type === 'FunctionNode' && path === 'fn') return;
    found.push({ name: (child as unknown as { name: string }).name, node: child });
  });
  return found;
}

/** Each use of a name with its sign: +1 in a numerator, -1 in a denominator. */
function polarities(node: MathNode, sign = 1, out: { name: string; sign: number }[] = []): { name: string; sign: number }[] {
  const n = node as unknown as {
    type: string;
    name?: string;
    fn?: string | { name: string };
    args?: MathNode[];
    content?: MathNode;
  };
  if (n.type === 'SymbolNode') out.push({ name: n.name!, sign });
  else if (n.type === 'ParenthesisNode') polarities(n.content!, sign, out);
  else if (n.type === 'OperatorNode' && n.fn === 'divide') {
    polarities(n.args![0]!, sign, out);
    polarities(n.args![1]!, -sign, out);
  } else if (n.type === 'OperatorNode' || n.type === 'FunctionNode') for (const arg of n.args ?? []) polarities(arg, sign, out);
  return out;
}

/** Whether a subtree is a literal quantity: numbers and unit names only ("1 day", "300 B/event"). */
function isLiteral(node: MathNode, scope: ReadonlyMap<string, Value>): boolean {
  let literal = true;
  node.traverse((child, path, parent) => {
    if (child.type === 'SymbolNode' && !(parent?.type === 'FunctionNode' && path === 'fn')) {
      const name = (child as unknown as { name: string }).name;
      if (scope.has(name) || !isUnitName(name)) literal = false;
    }
    if (child.type === 'FunctionNode' || child.type === 'AssignmentNode') literal = false;
  });
  return literal;
}

function evaluateNode(node: MathNode, scope: ReadonlyMap<string, Value>): Value {
  const full = new Map<string, unknown>(UNIT_SCOPE);
  for (const [name, value] of scope) full.set(name, value);
  return normalize(node.compile().evaluate(full));
}

/** How a value reads inside arithmetic: exact, three digits, in the unit it was written in. */
function speakValue(value: Value, digits: number): string {
  if (!isUnit(value)) return speak(value, unitSpeech(''), { digits, about: false });
  const written = value.formatUnits();
  return speak(value.toNumber(written), unitSpeech(written), { digits, about: false });
}

/** The expression with each name replaced by its value: "21.7 million streams × 2". */
function arithmeticOf(node: MathNode, rows: ReadonlyMap<string, Row>, scope: ReadonlyMap<string, Value>): string {
  const symbols: Record<string, string> = { multiply: '×', divide: '÷', add: '+', subtract: '−' };
  return node.toString({
    parenthesis: 'keep',
    handler: (child: MathNode, options: object) => {
      const c = child as unknown as { type: string; name?: string; fn?: string; args?: MathNode[]; implicit?: boolean; content?: MathNode };
      if (c.type === 'SymbolNode' && rows.has(c.name!)) return rows.get(c.name!)!.short;
      if ((c.type === 'OperatorNode' || c.type === 'ConstantNode') && isLiteral(child, scope)) {
        try {
          return speakValue(evaluateNode(child, scope), 6);
        } catch {
          return undefined;
        }
      }
      if (c.type === 'OperatorNode' && c.args?.length === 2 && !c.implicit && symbols[c.fn!]) {
        return `${c.args[0]!.toString(options)} ${symbols[c.fn!]} ${c.args[1]!.toString(options)}`;
      }
      if (c.type === 'ParenthesisNode') return `(${c.content!.toString(options)})`;
      return undefined;
    },
  });
}

/** The divisor that is zero, if any, as written. */
function zeroDivisor(node: MathNode, scope: ReadonlyMap<string, Value>): string | undefined {
  let found: string | undefined;
  node.traverse((child) => {
    const c = child as unknown as { type: string; fn?: string; args?: MathNode[] };
    if (found || c.type !== 'OperatorNode' || c.fn !== 'divide') return;
    try {
      if (siOf(evaluateNode(c.args![1]!, scope)) === 0) found = c.args![1]!.toString();
    } catch {
      // Another error; reported when the whole expression is evaluated.
    }
  });
  return found;
}

/** A duration of a day or more that the expression multiplies by: a rate turned into a volume. */
function longDuration(node: MathNode, scope: ReadonlyMap<string, Value>): string | undefined {
  const candidates: MathNode[] = [];
  const walk = (n: MathNode, sign: number) => {
    const c = n as unknown as { type: string; name?: string; fn?: string; args?: MathNode[]; content?: MathNode };
    if (sign > 0 && (c.type === 'SymbolNode' || (c.type === 'OperatorNode' && isLiteral(n, scope)))) {
      candidates.push(n);
      return;
    }
    if (c.type === 'ParenthesisNode') walk(c.content!, sign);
    else if (c.type === 'OperatorNode' && c.fn === 'divide') {
      walk(c.args![0]!, sign);
      walk(c.args![1]!, -sign);
    } else if (c.type === 'OperatorNode') for (const arg of c.args ?? []) walk(arg, sign);
  };
  walk(node, 1);
  for (const candidate of candidates) {
    try {
      const value = evaluateNode(candidate, scope);
      if (isUnit(value) && value.equalBase(SECOND) && siOf(value) >= DAY_SECONDS) return candidate.toString();
    } catch {
      // Not evaluable alone; not a duration.
    }
  }
  return undefined;
}

function mathMessage(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ');
}

export interface EvaluateResult {
  chain?: EvaluatedChain;
  errors: ChainError[];
}

export function evaluateChain(
  syntax: ChainSyntax,
  figures: FigureTable,
  earlier: ReadonlyMap<string, EvaluatedChain> = new Map(),
): EvaluateResult {
  const errors: ChainError[] = [];
  const scope = new Map<string, Value>();
  const rows = new Map<string, Row>();
  const lines = new Map<string, number>();
  for (const statement of syntax.statements) if (statement.kind !== 'section') lines.set(statement.name, statement.line);
  let section: string | undefined;
  /** Names whose statement failed: steps that use them are skipped, not reported a second time. */
  const failed = new Set<string>();
  const before = { count: 0 };
  let previous: string | undefined;

  const addRow = (
    statement: Exclude<Statement, { kind: 'section' }>,
    value: Value,
    display: string | undefined,
    basis: RowBasis,
    extra: Partial<Row>,
  ) => {
    // An assumption is shown in the unit it was written in; a computed value in its simplest unit.
    const unit = display ?? (isUnit(value) ? (statement.kind === 'assume' ? value : value.simplify()).formatUnits() : '');
    let shown: number;
    let factor: number;
    if (unit === '%' || unit === '') {
      // Stryker disable next-line StringLiteral: the Error's message is never read, only unitMismatch.
      if (isUnit(value)) throw Object.assign(new Error('unit'), { unitMismatch: value.simplify().formatUnits() });
      shown = value;
      factor = 1;
    } else {
      // Stryker disable next-line StringLiteral: the Error's message is never read, and an empty unitMismatch reads as "a plain number".
      if (!isUnit(value)) throw Object.assign(new Error('unit'), { unitMismatch: 'a plain number' });
      try {
        shown = value.toNumber(unit);
      } catch {
        // Stryker disable next-line StringLiteral: the Error's message is never read, only unitMismatch.
        throw Object.assign(new Error('unit'), { unitMismatch: value.simplify().formatUnits() });
      }
      factor = math.unit(1, unit).value ?? 1;
    }
    const speech: UnitSpeech = basis === 'factor' && unit === '' ? { unit: '', singular: '', plural: '', times: true } : unitSpeech(unit);
    // Inputs are said as written; computed values (a step, or a step reused from another chain) rounded.
    const exact = statement.kind === 'figure' || statement.kind === 'assume';
    const row: Row = {
      name: statement.name,
      kind: statement.kind,
      line: statement.line,
      label: statement.attributes.label?.value.trim() ?? extra.figure?.title ?? statement.name,
      section,
      basis,
      value: shown,
      si: siOf(value),
      factor,
      speech,
      spoken: speak(shown, speech, exact ? { digits: 6, about: false } : { digits: 2 }),
      short: speak(shown, speech, { digits: exact ? 6 : 3, about: false }),
      dimensions: dimensionsOf(value),
      ...extra,
    };
    rows.set(row.name, row);
    // Later steps see the value in the unit it is shown in, so their arithmetic reads the same way.
    scope.set(row.name, isUnit(value) ? value.to(unit) : value);
  };

  for (const statement of syntax.statements) {
    if (statement.kind === 'section') {
      section = statement.title;
      continue;
    }
    if (errors.length > before.count) failed.add(previous!);
    before.count = errors.length;
    previous = statement.name;
    const where = statement.line;
    if (isReservedName(statement.name) || isUnitName(statement.name)) {
      errors.push({
        code: 'syntax',
        line: where,
        message: `"${statement.name}" is already the name of a unit or function, so it cannot name a quantity.`,
        fix: 'Choose a longer, more specific name, such as sessionLength instead of min.',
      });
      continue;
    }
    if (statement.kind === 'use') {
      const source = earlier.get(statement.chainId);
      const row = source?.rows.find((r) => r.name === statement.name);
      if (!source || !row) {
        errors.push({
          code: 'unknown-name',
          line: where,
          message: source
            ? `The chain "${statement.chainId}" has no "${statement.name}".`
            : `There is no chain "${statement.chainId}" above this one on the page.`,
          fix: source
            ? `Use one of: ${source.rows.map((r) => r.name).join(', ')}.`
            : `"use" takes a result from an earlier chain on the same page${earlier.size ? ` (${[...earlier.keys()].join(', ')})` : ''}.`,
        });
        continue;
      }
      const unit = row.speech.percent || row.speech.times ? '' : row.speech.unit;
      const value: Value = unit ? math.unit(row.value, unit) : row.value;
      const display = row.speech.percent ? '%' : unit || undefined;
      addRow(statement, value, display, row.basis, { from: source.id, label: statement.attributes.label?.value.trim() ?? row.label });
      continue;
    }
    if (statement.kind === 'figure') {
      const figure = figures.get(statement.figureId);
      if (!figure) {
        const suggestion = nearest(statement.figureId, figures.keys());
        errors.push({
          code: 'unknown-figure',
          line: where,
          message: `There is no figure "${statement.figureId}" in content/figures.`,
          fix: suggestion
            ? `Did you mean "${suggestion}"?`
            : 'Use the id of a file in content/figures/, or add the figure there with its source.',
        });
        continue;
      }
      let value: Value;
      try {
        value = normalize(figure.unit ? math.unit(figure.value, figure.unit) : figure.value);
      } catch (error) {
        errors.push({
          code: 'unit-mismatch',
          line: where,
          message: `The figure "${figure.id}" has a unit mathjs cannot read ("${figure.unit}"): ${mathMessage(error)}.`,
          fix: 'Fix the unit in content/figures.',
        });
        continue;
      }
      addRow(statement, value, figure.unit || undefined, figure.basis ?? 'none', { figure });
      continue;
    }

    let node: MathNode;
    try {
      node = math.parse(statement.expression);
    } catch (error) {
      errors.push({
        code: 'expression',
        line: where,
        message: `"${statement.expression}" is not an expression mathjs can read: ${mathMessage(error)}.`,
        fix: 'Check for a missing operator or parenthesis; write units after numbers, such as "45 minute".',
      });
      continue;
    }
    const used = valueSymbols(node).map((symbol) => symbol.name);
    if (used.some((name) => failed.has(name))) {
      failed.add(statement.name);
      continue;
    }
    let unknown = false;
    for (const name of used) {
      if (scope.has(name) || UNIT_SCOPE.has(name) || (isUnitName(name) && !isFunction(name))) continue;
      unknown = true;
      const later = lines.get(name);
      const callable = isFunction(name);
      const suggestion = nearest(name, scope.keys());
      errors.push({
        code: 'unknown-name',
        line: where,
        message:
          later !== undefined && later > where
            ? `"${name}" is used before it is defined (on line ${later}).`
            : callable
              ? `"${name}" is a mathjs function, not a value or a unit.`
              : `"${name}" is not defined above, and is not a unit.`,
        fix:
          later !== undefined && later > where
            ? 'Move its definition above this line.'
            : callable
              ? name === 'min'
                ? 'For minutes, write "minute".'
                : 'Use it as a function with parentheses, or choose another name.'
              : suggestion
                ? `Did you mean "${suggestion}"? Otherwise bind it with "figure ${name} = <figure-id>" or "assume ${name} = …".`
                : `Bind it with "figure ${name} = <figure-id>", "assume ${name} = …", or compute it in an earlier step. Count units are listed in src/lib/estimate/units.ts.`,
      });
    }
    if (unknown) continue;

    let value: Value;
    try {
      value = evaluateNode(node, scope);
    } catch (error) {
      const message = mathMessage(error);
      const mismatch = /Units do not match|Unit .* not allowed|dimensions/i.test(message);
      errors.push({
        code: mismatch ? 'unit-mismatch' : 'expression',
        line: where,
        message: mismatch
          ? `"${statement.expression}" adds or compares quantities whose units do not match (${message}).`
          : `"${statement.expression}" cannot be evaluated: ${message}.`,
        fix: mismatch
          ? 'Check each term has the same unit: a concurrency (streams) is not a rate (streams/s); multiply or divide by a duration to convert.'
          : 'Check the arithmetic and the units.',
      });
      continue;
    }
    if (!Number.isFinite(siOf(value))) {
      const divisor = zeroDivisor(node, scope);
      errors.push({
        code: 'division-by-zero',
        line: where,
        message: divisor
          ? `"${statement.expression}" divides by zero: ${divisor} is 0.`
          : `"${statement.expression}" does not give a finite number.`,
        fix: 'Check the value the divisor comes from; a rate, a duration or a factor of zero has no meaning here.',
      });
      continue;
    }

    // Mean and peak.
    const uses = polarities(node).filter((use) => rows.has(use.name));
    const basisOf = (name: string) => rows.get(name)!.basis;
    const peaks = uses.filter((u) => basisOf(u.name) === 'peak').map((u) => u.name);
    const means = uses.filter((u) => basisOf(u.name) === 'mean').map((u) => u.name);
    const neutral = uses.filter((u) => basisOf(u.name) === 'none');
    const net = uses.filter((u) => basisOf(u.name) === 'factor').reduce((sum, u) => sum + u.sign, 0);
    const label = statement.attributes.label?.value ?? '';
    const mix = statement.kind === 'step' ? statement.attributes.mix?.value.trim() : undefined;
    const fromPeak = statement.kind === 'step' ? statement.attributes['from-peak']?.value.trim() : undefined;
    const declared = statement.attributes.basis?.value.trim() as Basis | undefined;
    let basis: RowBasis;
    if (statement.kind === 'assume') {
      basis = declared ?? 'none';
      if (basis === 'none' && claimsPeak(label)) {
        errors.push({
          code: 'mean-peak',
          line: where,
          message: `The assumption "${statement.name}" is labeled as a peak but does not say so.`,
          fix: 'Add "basis: peak" (or "basis: factor" for a peak-to-average factor), so the steps that use it are checked.',
        });
        continue;
      }
    } else {
      if (peaks.length > 0 && means.length > 0 && !mix) {
        errors.push({
          code: 'mean-peak',
          line: where,
          message: `"${statement.name}" combines a peak (${[...new Set(peaks)].join(', ')}) with a mean (${[...new Set(means)].join(', ')}).`,
          fix: 'Convert one into the other first with a peak factor, or add "mix: <why>" if the step compares them on purpose.',
        });
        continue;
      }
      if (peaks.length > 0) basis = net < 0 ? 'mean' : 'peak';
      else if (means.length > 0 || neutral.length > 0) {
        if (net < 0 && means.length > 0) {
          errors.push({
            code: 'mean-peak',
            line: where,
            message: `"${statement.name}" divides a mean by a peak factor.`,
            fix: 'A peak factor turns a mean into a peak (multiply), or a peak into a mean (divide a peak).',
          });
          continue;
        }
        basis = net > 0 ? 'peak' : net < 0 ? 'mean' : means.length > 0 ? 'mean' : 'none';
      } else basis = net !== 0 ? 'factor' : 'none';
      if (declared && declared !== basis) {
        errors.push({
          code: 'mean-peak',
          line: where,
          message: `"${statement.name}" is declared "basis: ${declared}", but its arithmetic makes it ${basis === 'none' ? 'neither a mean nor a peak' : `a ${basis}`}.`,
          fix:
            declared === 'peak'
              ? 'To turn a mean into a peak, multiply by a named peak factor (a figure or an assumption with basis: factor).'
              : 'Check which inputs are peaks; divide a peak by a peak factor to get a mean.',
        });
        continue;
      }
      if (basis !== 'peak' && basis !== 'factor' && claimsPeak(label)) {
        errors.push({
          code: 'mean-peak',
          line: where,
          message: `"${statement.name}" is labeled as a peak, but nothing in its arithmetic is a peak or a peak factor.`,
          fix: 'Multiply the mean by a named peak factor (a figure such as peak-factor-evening, or an assumption with basis: factor), or use a peak figure.',
        });
        continue;
      }
      if (basis === 'peak' && !fromPeak) {
        const duration = longDuration(node, scope);
        const perPeriod = statement.unit ? /\/\s*\(?\s*(day|week|month|year)s?\b/.test(statement.unit) : false;
        const volumeLabel = VOLUME_WORDS.test(label);
        const meanLabel = MEAN_WORDS.test(label);
        if (duration || perPeriod || volumeLabel || meanLabel) {
          errors.push({
            code: 'mean-peak',
            line: where,
            message:
              meanLabel && !duration && !perPeriod && !volumeLabel
                ? `"${statement.name}" is labeled as an average, but it is computed from a peak (${[...new Set(peaks)].join(', ') || 'a peak factor'}).`
                : `"${statement.name}" turns a peak rate (${[...new Set(peaks)].join(', ') || 'a rate times a peak factor'}) into a volume over ${duration ?? 'a day or longer'}: a day does not run at its peak.`,
            fix: 'Use the average rate (divide the peak by its peak factor, or start from the mean), or add "from-peak: <why>" if sizing for the peak all day is deliberate.',
          });
          continue;
        }
      }
    }

    // A step that deliberately turns the peak into a total (provisioned capacity paid all year) is
    // a total from then on: the steps that add it up are not the slip.
    if (fromPeak) basis = 'none';
    try {
      addRow(statement, value, statement.unit, basis, {
        expression: statement.expression,
        arithmetic: statement.kind === 'step' ? arithmeticOf(node, rows, scope) : undefined,
        why: statement.kind === 'assume' ? statement.attributes.why?.value.trim() : undefined,
        fromPeak,
        mix,
        note: statement.kind === 'step' ? statement.attributes.note?.value.trim() : undefined,
      });
    } catch (error) {
      const got = (error as { unitMismatch?: string }).unitMismatch;
      if (got === undefined) throw error;
      errors.push({
        code: 'unit-mismatch',
        line: where,
        message: `"${statement.name}" comes out in ${got || 'a plain number'}, which cannot be shown in ${statement.unit ? `"${statement.unit}"` : 'no unit'}.`,
        fix: 'Check the arithmetic: the unit after "->" must have the same dimensions as the result (a concurrency in streams is not a rate in streams/s).',
      });
    }
  }
  if (errors.length > 0) return { errors };
  return {
    chain: {
      id: syntax.id,
      title: syntax.title,
      scenario: syntax.scenario && { label: syntax.scenario.label, why: syntax.scenario.why },
      rows: [...rows.values()],
    },
    errors,
  };
}
