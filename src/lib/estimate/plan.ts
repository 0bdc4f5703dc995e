/**
 * Compiles an evaluated chain into a plan the browser can run without mathjs (plan-eval.ts):
 * every literal quantity becomes its SI value, every name a reference, every display unit a
 * factor. Build time only.
 */
import type { MathNode } from 'mathjs';
import { math, UNIT_SCOPE, unitSpeech } from './units.ts';
import { parseChain } from './parse.ts';
import { evaluateChain, type EvaluatedChain } from './evaluate.ts';
import type { FigureTable } from './figures.ts';
import type { Plan, PlanNode, PlanRow } from './plan-eval.ts';
import { speak } from './speech.ts';
import { monthYear } from './render.ts';

const OPS: Record<string, '+' | '-' | '*' | '/' | '^'> = { add: '+', subtract: '-', multiply: '*', divide: '/', pow: '^' };
const FUNCTIONS = new Set(['ceil', 'floor', 'round', 'abs', 'sqrt', 'max', 'min']);

function literalValue(node: MathNode, names: ReadonlySet<string>): number | undefined {
  let literal = true;
  node.traverse((child, path, parent) => {
    if (child.type === 'SymbolNode' && !(parent?.type === 'FunctionNode' && path === 'fn')) {
      if (names.has((child as unknown as { name: string }).name)) literal = false;
    }
    if (child.type === 'FunctionNode') literal = false;
  });
  if (!literal) return undefined;
  const value = node.compile().evaluate(new Map(UNIT_SCOPE)) as unknown;
  if (!math.isUnit(value)) return value as number;
  // A unit written alone ("/ day") is one of it in SI units (86,400 seconds), as mathjs computes it in the build.
  return (value as { value: number | null }).value ?? (math.multiply(1, value) as unknown as { value: number }).value;
}

function compileNode(node: MathNode, names: ReadonlySet<string>): PlanNode {
  const n = node as unknown as {
    type: string;
    name?: string;
    fn?: string | { name: string };
    args?: MathNode[];
    content?: MathNode;
    implicit?: boolean;
  };
  if (n.type === 'SymbolNode' && names.has(n.name!)) return { v: n.name! };
  if (n.type === 'ParenthesisNode') return { paren: compileNode(n.content!, names) };
  // A unit written alone ("/ day") prints as written, as the build's arithmetic does.
  if (n.type === 'SymbolNode') return { n: literalValue(node, names)!, t: n.name! };
  const literal = n.type === 'OperatorNode' || n.type === 'ConstantNode' ? literalValue(node, names) : undefined;
  if (literal !== undefined) {
    const evaluated = node.compile().evaluate(new Map(UNIT_SCOPE)) as unknown;
    const written = math.isUnit(evaluated) ? (evaluated as { formatUnits(): string }).formatUnits() : '';
    const shown = math.isUnit(evaluated) ? (evaluated as { toNumber(u: string): number }).toNumber(written) : (evaluated as number);
    return { n: literal, t: speak(shown, unitSpeech(written), { digits: 6, about: false }) };
  }
  if (n.type === 'OperatorNode' && n.fn === 'unaryMinus') return { neg: compileNode(n.args![0]!, names) };
  if (n.type === 'OperatorNode' && typeof n.fn === 'string' && OPS[n.fn] && n.args?.length === 2) {
    return {
      op: OPS[n.fn]!,
      a: [compileNode(n.args[0]!, names), compileNode(n.args[1]!, names)],
      ...(n.implicit ? { implicit: true } : {}),
    };
  }
  if (n.type === 'FunctionNode') {
    const name = (n.fn as { name: string }).name;
    if (FUNCTIONS.has(name)) return { fn: name, a: (n.args ?? []).map((arg) => compileNode(arg, names)) };
  }
  throw new Error(`The calculator cannot run "${node.toString()}": use + − × ÷ ^, parentheses and ${[...FUNCTIONS].join(', ')}.`);
}

/** The plan of a chain's text; throws if the chain has errors or uses something the browser cannot run. */
export function compilePlan(text: string, figures: FigureTable): { plan: Plan; chain: EvaluatedChain } {
  const parsed = parseChain(text);
  if (!parsed.chain) throw new Error(parsed.errors.map((e) => `line ${e.line}: ${e.message}`).join('\n'));
  const result = evaluateChain(parsed.chain, figures);
  if (!result.chain) throw new Error(result.errors.map((e) => `line ${e.line}: ${e.message}`).join('\n'));
  const chain = result.chain;
  const names = new Set(chain.rows.map((r) => r.name));
  const rows: PlanRow[] = chain.rows.map((row) => {
    const statement = parsed.chain!.statements.find((s) => s.kind !== 'section' && s.name === row.name);
    const base: PlanRow = {
      name: row.name,
      kind: row.kind,
      label: row.label,
      section: row.section,
      basis: row.basis,
      factor: row.factor,
      speech: row.speech,
    };
    if (row.kind !== 'step') {
      base.value = row.value;
      base.note =
        row.why ??
        (row.figure
          ? row.figure.status === 'assumption'
            ? 'Site-wide assumption; its reasoning is on Figures and assumptions.'
            : `Published figure${row.figure.date ? `, ${monthYear(row.figure.date)}` : ''}.`
          : undefined);
      return base;
    }
    base.tree = compileNode(math.parse((statement as { expression: string }).expression), names);
    return base;
  });
  return { plan: { chain: chain.id, title: chain.title, rows }, chain };
}
