/**
 * Reads the text of an ```estimate block into a chain: a header (id, title, optional scenario)
 * and one statement per line, each with indented attributes. Pure text handling; no arithmetic.
 *
 *     id: playback-starts
 *     title: Playback starts at the evening peak
 *     figure hours = hours-viewed-2025-h2
 *     assume period = 184 day
 *       label: Days in the half-year
 *       why: July 1 to December 31.
 *     meanStreams = hours / period -> stream
 *       label: Average concurrent streams
 *
 * Lines are numbered from 1 at the first line inside the fence, so an error can name the file
 * line (the fence's line plus this number).
 */

/** Whether a quantity is an average over time, a peak, or a peak-to-average factor. */
export type Basis = 'mean' | 'peak' | 'factor';
export const BASES: readonly Basis[] = ['mean', 'peak', 'factor'];

export type ErrorCode = 'syntax' | 'unknown-figure' | 'unknown-name' | 'unit-mismatch' | 'division-by-zero' | 'expression' | 'mean-peak';

/** A problem in a chain, at a line counted from 1 inside the block. */
export interface ChainError {
  code: ErrorCode;
  line: number;
  message: string;
  fix: string;
}

export interface Attribute {
  value: string;
  line: number;
}

interface StatementBase {
  name: string;
  line: number;
  attributes: Record<string, Attribute>;
}

/** `figure name = figure-id`: a published figure or shared assumption from content/figures. */
export interface FigureStatement extends StatementBase {
  kind: 'figure';
  figureId: string;
}

/** `use name from chain-id`: a result of an earlier chain on the same page (a Cost section reusing the Estimates). */
export interface UseStatement extends StatementBase {
  kind: 'use';
  chainId: string;
}

/** `assume name = expression [-> unit]`, with `label:` and `why:`: a local, named assumption. */
export interface AssumeStatement extends StatementBase {
  kind: 'assume';
  expression: string;
  unit?: string;
}

/** `name = expression [-> unit]`, with `label:`: a derived step. */
export interface StepStatement extends StatementBase {
  kind: 'step';
  expression: string;
  unit?: string;
}

/** `section: Title`: starts a group of rows (a table row group on the page, a group in the calculator). */
export interface SectionStatement {
  kind: 'section';
  title: string;
  line: number;
}

export type Statement = FigureStatement | UseStatement | AssumeStatement | StepStatement | SectionStatement;

export interface ChainSyntax {
  id: string;
  title: string;
  /** A chain that deliberately departs from the site's baseline (a curveball, a live event). */
  scenario?: { label: string; why: string; line: number };
  statements: Statement[];
  /** Line of the `id:` header, for errors about the chain as a whole. */
  line: number;
}

/** Attributes each statement accepts, and which are required. */
export const ATTRIBUTES: Readonly<
  Record<'figure' | 'use' | 'assume' | 'step', { allowed: readonly string[]; required: readonly string[] }>
> = {
  figure: { allowed: ['label'], required: [] },
  use: { allowed: ['label'], required: [] },
  assume: { allowed: ['label', 'why', 'basis'], required: ['label', 'why'] },
  step: { allowed: ['label', 'basis', 'from-peak', 'mix', 'note'], required: ['label'] },
};

export const NAME_PATTERN = /^[a-z][A-Za-z0-9]*$/;
const ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** Splits "expression -> unit". */
function splitUnit(text: string): { expression: string; unit?: string } {
  const arrow = text.lastIndexOf('->');
  // Stryker disable next-line MethodExpression: the text comes from a line with no trailing blanks, after "=\s*".
  if (arrow < 0) return { expression: text.trim() };
  return { expression: text.slice(0, arrow).trim(), unit: text.slice(arrow + 2).trim() };
}

export function parseChain(text: string): { chain?: ChainSyntax; errors: ChainError[] } {
  const errors: ChainError[] = [];
  const header: Record<string, Attribute> = {};
  const statements: Statement[] = [];
  const scenarioAttributes: Record<string, Attribute> = {};
  /** The thing indented attribute lines belong to. */
  let owner: { attributes: Record<string, Attribute>; allowed: readonly string[]; what: string } | undefined;
  const lines = text.split('\n');
  lines.forEach((raw, index) => {
    const line = index + 1;
    const content = raw.replace(/\s+$/, '');
    if (content.trim() === '' || content.trim().startsWith('#')) return;
    const indented = /^\s/.test(content);
    const trimmed = content.trim();
    if (indented) {
      const match = /^([a-z][a-z-]*):\s*(.*)$/.exec(trimmed);
      if (!owner || !match) {
        errors.push({
          code: 'syntax',
          line,
          message: owner ? `"${trimmed}" is not an attribute.` : 'An indented line must follow a statement it describes.',
          fix: owner
            ? `Write "key: value", one of: ${owner.allowed.join(', ')}.`
            : 'Remove the indentation, or move the line under its statement.',
        });
        return;
      }
      const [, key, value] = match as unknown as [string, string, string];
      if (!owner.allowed.includes(key)) {
        errors.push({
          code: 'syntax',
          line,
          message: `${owner.what} has no attribute "${key}".`,
          fix: `Use one of: ${owner.allowed.join(', ')}.`,
        });
        return;
      }
      if (owner.attributes[key]) {
        owner.attributes[key].value += ` ${value}`;
        return;
      }
      owner.attributes[key] = { value, line };
      return;
    }
    const headerMatch = /^(id|title|scenario|section):\s*(.*)$/.exec(trimmed);
    if (headerMatch) {
      const [, key, value] = headerMatch as unknown as [string, string, string];
      if (key === 'section') {
        statements.push({ kind: 'section', title: value, line });
        owner = undefined;
        if (!value) errors.push({ code: 'syntax', line, message: 'A section needs a title.', fix: 'Write "section: Playback starts".' });
        return;
      }
      if (statements.length > 0) {
        errors.push({
          code: 'syntax',
          line,
          message: `"${key}:" belongs at the top of the block.`,
          fix: 'Move it above the first statement.',
        });
        return;
      }
      header[key] = { value, line };
      owner = key === 'scenario' ? { attributes: scenarioAttributes, allowed: ['why'], what: 'A scenario' } : undefined;
      return;
    }
    const figure = /^figure\s+([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(\S+)$/.exec(trimmed);
    const use = /^use\s+([A-Za-z_][A-Za-z0-9_]*)\s+from\s+(\S+)$/.exec(trimmed);
    const assume = /^assume\s+([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.+)$/.exec(trimmed);
    const step = /^([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.+)$/.exec(trimmed);
    let statement: Exclude<Statement, SectionStatement>;
    if (figure) {
      statement = { kind: 'figure', name: figure[1]!, figureId: figure[2]!, line, attributes: {} };
    } else if (use) {
      statement = { kind: 'use', name: use[1]!, chainId: use[2]!, line, attributes: {} };
    } else if (assume) {
      statement = { kind: 'assume', name: assume[1]!, ...splitUnit(assume[2]!), line, attributes: {} };
    } else if (step && !/^(figure|assume|use)$/.test(step[1]!)) {
      statement = { kind: 'step', name: step[1]!, ...splitUnit(step[2]!), line, attributes: {} };
    } else {
      errors.push({
        code: 'syntax',
        line,
        message: `"${trimmed}" is not a statement.`,
        fix: 'Write "figure name = figure-id", "use name from chain-id", "assume name = value unit" or "name = expression -> unit" (attributes go on indented lines below).',
      });
      owner = undefined;
      return;
    }
    if (!NAME_PATTERN.test(statement.name)) {
      errors.push({
        code: 'syntax',
        line,
        message: `"${statement.name}" is not a usable name.`,
        fix: 'Names start with a lower-case letter and use letters and digits only, such as peakStreams.',
      });
    }
    if ((statement.kind === 'assume' || statement.kind === 'step') && statement.expression === '') {
      errors.push({
        code: 'syntax',
        line,
        message: `"${statement.name}" has no expression.`,
        fix: 'Write the value or the arithmetic after "=".',
      });
    }
    if ((statement.kind === 'assume' || statement.kind === 'step') && statement.unit === '') {
      errors.push({
        code: 'syntax',
        line,
        message: `"${statement.name}" has "->" but no unit after it.`,
        fix: 'Write the unit to show the result in, such as "-> start/s", or remove "->".',
      });
    }
    statements.push(statement);
    const spec = ATTRIBUTES[statement.kind];
    owner = { attributes: statement.attributes, allowed: spec.allowed, what: `"${statement.name}"` };
  });

  for (const statement of statements) {
    if (statement.kind === 'section') continue;
    for (const key of ATTRIBUTES[statement.kind].required) {
      if (!statement.attributes[key]?.value.trim()) {
        errors.push({
          code: 'syntax',
          line: statement.line,
          message: `"${statement.name}" needs a ${key}.`,
          fix:
            key === 'why'
              ? 'Add an indented "why:" line saying why the assumption is reasonable.'
              : 'Add an indented "label:" line saying what the number is, such as "label: Starts a second at the evening peak".',
        });
      }
    }
    const basis = statement.attributes.basis;
    if (basis && !(BASES as readonly string[]).includes(basis.value.trim())) {
      errors.push({
        code: 'syntax',
        line: basis.line,
        message: `"${basis.value}" is not a basis.`,
        fix: `Use one of: ${BASES.join(', ')}.`,
      });
    }
    for (const marker of ['from-peak', 'mix'] as const) {
      const attribute = statement.attributes[marker];
      if (attribute && attribute.value.trim().length < 15) {
        errors.push({
          code: 'syntax',
          line: attribute.line,
          message: `"${marker}:" needs a reason a reader can check.`,
          fix: 'Say in a sentence why this step deliberately does it.',
        });
      }
    }
  }

  const id = header.id;
  const title = header.title;
  if (!id || !ID_PATTERN.test(id.value)) {
    errors.push({
      code: 'syntax',
      line: id?.line ?? 1,
      message: id ? `"${id.value}" is not a chain id.` : 'The block has no "id:" line.',
      fix: 'Start the block with "id: <lower-case-words-joined-by-hyphens>", unique on the page.',
    });
  }
  if (!title || title.value.trim().length < 5) {
    errors.push({
      code: 'syntax',
      line: title?.line ?? id?.line ?? 1,
      message: 'The block has no "title:" line.',
      fix: 'Add "title: <what the chain works out>"; it becomes the table caption.',
    });
  }
  const scenarioWhy = scenarioAttributes.why;
  if (header.scenario && (!ID_PATTERN.test(header.scenario.value) || !scenarioWhy || scenarioWhy.value.trim().length < 15)) {
    errors.push({
      code: 'syntax',
      line: header.scenario.line,
      message: 'A scenario needs a label (lower-case words joined by hyphens) and an indented "why:" line.',
      fix: 'Write "scenario: live-event" and below it "  why: <how this differs from the baseline, and why>".',
    });
  }
  const names = new Map<string, number>();
  for (const statement of statements) {
    if (statement.kind === 'section') continue;
    const earlier = names.get(statement.name);
    if (earlier !== undefined) {
      errors.push({
        code: 'syntax',
        line: statement.line,
        message: `"${statement.name}" is already defined on line ${earlier}.`,
        fix: 'Give each quantity its own name.',
      });
    }
    names.set(statement.name, statement.line);
  }
  if (statements.filter((s) => s.kind !== 'section').length === 0) {
    errors.push({ code: 'syntax', line: 1, message: 'The block has no statements.', fix: 'Add figures, assumptions and steps.' });
  }
  if (errors.length > 0 || !id || !title) return { errors };
  return {
    chain: {
      id: id.value,
      title: title.value.trim(),
      scenario: header.scenario ? { label: header.scenario.value, why: scenarioWhy!.value.trim(), line: header.scenario.line } : undefined,
      statements,
      line: id.line,
    },
    errors,
  };
}
