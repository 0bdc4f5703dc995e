/**
 * How an evaluated chain looks on the page: a table with a caption, one row per figure,
 * assumption and step, the arithmetic with its units in the middle and the spoken result on the
 * right; sections become row groups. The tree is plain data, turned into Markdown AST nodes by
 * the remark plugin (so citations inside it are numbered like any other) and into HTML by
 * `toHtml` for tests and tools. Styles: src/styles/estimate.css.
 */
import type { EvaluatedChain, Row } from './evaluate.ts';

/** An element of the rendered chain. A citation stays symbolic until the plugin makes it a <Cite>. */
export interface HElement {
  tag: string;
  props?: Record<string, string>;
  children: HNode[];
}
export type HNode = HElement | string | { cite: string };

const h = (tag: string, props: Record<string, string> | undefined, ...children: HNode[]): HElement => ({ tag, props, children });

const BASIS_LABEL: Record<string, string | undefined> = { peak: 'peak', mean: 'average' };

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2026-01-20" -> "January 2026"; "2024" stays "2024". */
export function monthYear(date: string | undefined): string | undefined {
  if (!date) return undefined;
  const [year, month] = date.split('-');
  return month ? `${MONTHS[Number(month) - 1]} ${year}` : year;
}

/** The anchor of a chain on its page. */
export function chainAnchor(id: string): string {
  return `estimate-${id}`;
}

/** The middle cell: where the number comes from, or how it is computed. */
function working(row: Row): HNode[] {
  // Stryker disable next-line ConditionalExpression,LogicalOperator: only figure rows carry a figure, so either test alone decides.
  if (row.kind === 'figure' && row.figure) {
    const figure = row.figure;
    if (figure.status === 'assumption') return [h('a', { href: `/figures/#figure-${figure.id}` }, 'Site-wide assumption')];
    const when = monthYear(figure.date);
    const status = figure.status === 'verified' ? 'Published' : figure.status === 'outdated' ? 'Outdated figure' : 'Reported';
    const nodes: HNode[] = [h('a', { href: `/figures/#figure-${figure.id}` }, `${status}${when ? `, ${when}` : ''}`)];
    if (figure.source) nodes.push({ cite: figure.source });
    return nodes;
  }
  // Stryker disable next-line ConditionalExpression,LogicalOperator: only use rows carry a "from", so either test alone decides.
  if (row.kind === 'use' && row.from) return [h('a', { href: `#${chainAnchor(row.from)}` }, 'From the estimate above')];
  if (row.kind === 'assume') return [h('span', { class: 'est-kind' }, 'Assumption: '), row.why ?? ''];
  const nodes: HNode[] = [h('span', { class: 'est-math' }, row.arithmetic ?? row.expression ?? '')];
  if (row.fromPeak) nodes.push(h('span', { class: 'est-marker' }, `From the peak on purpose: ${row.fromPeak}`));
  if (row.mix) nodes.push(h('span', { class: 'est-marker' }, `Mean and peak together on purpose: ${row.mix}`));
  if (row.note) nodes.push(h('span', { class: 'est-note' }, row.note));
  return nodes;
}

function rowElement(row: Row, names: boolean): HElement {
  const basis = BASIS_LABEL[row.basis];
  const label: HNode[] = [row.label];
  if (basis) label.push(' ', h('span', { class: `est-basis est-${row.basis}` }, basis));
  return h(
    'tr',
    names ? { 'data-name': row.name } : undefined,
    h('th', { scope: 'row' }, ...label),
    h('td', undefined, ...working(row)),
    h('td', { class: 'est-result' }, row.spoken),
  );
}

/**
 * The whole chain as a table. `names` marks each row with its name (data-name), for a script that
 * updates the results in place (the calculator); pages leave it off to save bytes.
 */
export function chainTree(chain: EvaluatedChain, options: { names?: boolean } = {}): HElement {
  const caption: HNode[] = [chain.title];
  if (chain.scenario) {
    caption.push(h('span', { class: 'est-scenario' }, `Scenario (${chain.scenario.label.replace(/-/g, ' ')}): ${chain.scenario.why}`));
  }
  const head = h(
    'thead',
    undefined,
    h(
      'tr',
      undefined,
      h('th', { scope: 'col' }, 'Quantity'),
      h('th', { scope: 'col' }, 'Where it comes from'),
      h('th', { scope: 'col' }, 'Result'),
    ),
  );
  const groups: HElement[] = [];
  let current: HElement | undefined;
  // Stryker disable next-line StringLiteral: the first row opens a group whatever this holds, since there is no group yet.
  let currentSection: string | undefined = '\u0000';
  for (const row of chain.rows) {
    if (!current || row.section !== currentSection) {
      currentSection = row.section;
      current = h('tbody', undefined);
      if (row.section)
        current.children.push(h('tr', undefined, h('th', { scope: 'colgroup', colspan: '3', class: 'est-section' }, row.section)));
      groups.push(current);
    }
    current.children.push(rowElement(row, options.names ?? false));
  }
  // data-estimate marks a table the evaluator made: the built-site check (scripts/check-dist/rules/estimates.ts)
  // counts them against the ```estimate blocks in the sources and refuses an estimate table without it.
  return h(
    'table',
    { class: 'estimate', id: chainAnchor(chain.id), 'data-estimate': chain.id },
    h('caption', undefined, ...caption),
    head,
    ...groups,
  );
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const escape = (text: string) => text.replace(/[&<>"]/g, (c) => ESCAPES[c]!);

export interface HtmlOptions {
  /** HTML for a citation; by default `[cite:id]` (in MDX the plugin makes it a numbered <Cite>). */
  cite?: (id: string) => string;
  /** Rewrites a link, such as adding the deployment base path. */
  href?: (path: string) => string;
}

/** HTML for a rendered tree, for tests and for pages outside MDX (the calculator). */
export function toHtml(node: HNode, options: HtmlOptions = {}): string {
  if (typeof node === 'string') return escape(node);
  if ('cite' in node) return options.cite ? options.cite(node.cite) : `[cite:${escape(node.cite)}]`;
  const props = Object.entries(node.props ?? {})
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => ` ${key}="${escape(key === 'href' && options.href ? options.href(value) : value)}"`)
    .join('');
  return `<${node.tag}${props}>${node.children.map((child) => toHtml(child, options)).join('')}</${node.tag}>`;
}
