/**
 * The phone layout of a diagram: the same Mermaid source written out as HTML that fits any
 * column and uses body-size text. figure.ts puts it beside the drawing, and global.css shows it
 * instead of the drawing when the figure is narrower than the drawing (a container query on the
 * figure's width bucket), so a phone reader never scrolls sideways; "Open full screen" still
 * opens the drawing.
 *
 * - sequenceDiagram: the participants, then numbered steps "From → To: message", with
 *   alt/else, opt, loop, par, critical, break and rect blocks as labeled groups and notes as notes.
 * - flowchart/graph and stateDiagram: one box per node in reading order (topological, source
 *   order breaking ties), grouped by subgraph or composite state, each listing its outgoing
 *   edges ("→ Target" and the edge label; a state's "event → Next state").
 * - erDiagram: one box per entity with its attributes and relationships.
 *
 * Everything from the source is HTML-escaped; no style attributes (the CSP forbids them). A
 * linked node or participant (a `click` line, links.ts) is a link here too.
 */
import { parseMermaid, type MermaidGraph } from 'beautiful-mermaid';
import { parseEr } from './er.ts';
import { escapeHtml, htmlLabel, labelText } from './labels.ts';
import type { DiagramLink } from './links.ts';
import { withoutClickLines } from './links.ts';
import { parseSequence, type Message, type SequenceItem } from './sequence.ts';
import { withoutAccessibilityLines } from './source.ts';

/** A subgraph (or composite state); beautiful-mermaid exports the graph type but not this one. */
type MermaidSubgraph = MermaidGraph['subgraphs'][number];

/** Text only screen readers hear (the site's .sr-only). */
function hidden(text: string): string {
  return `<span class="sr-only">${escapeHtml(text)}</span>`;
}

function linkOr(html: string, href: string | undefined, className: string): string {
  return href ? `<a class="${className} diagram-link" href="${escapeHtml(href)}">${html}</a>` : `<span class="${className}">${html}</span>`;
}

/* ---------- Sequence diagrams ---------- */

const BLOCK_WORDS: Record<string, string> = {
  alt: 'If',
  opt: 'Optional',
  loop: 'Loop',
  par: 'In parallel',
  critical: 'Critical',
  break: 'Break',
  rect: 'Group',
};
const DIVIDER_WORDS: Record<string, string> = { alt: 'Else', par: 'And', critical: 'Option' };

function arrowHtml(message: Message): string {
  if (message.head === 'both') return `<span class="diagram-arrow" aria-hidden="true">↔</span>${hidden(' and back to ')}`;
  const glyph = message.line === 'dashed' ? '⇢' : '→';
  const kind =
    message.head === 'cross'
      ? ' (lost) to '
      : message.line === 'dashed'
        ? ' replies to '
        : message.head === 'open'
          ? ' sends, without waiting, to '
          : ' to ';
  const modifier =
    message.head === 'cross'
      ? ' diagram-arrow--lost'
      : message.line === 'dashed'
        ? ' diagram-arrow--reply'
        : message.head === 'open'
          ? ' diagram-arrow--async'
          : '';
  return `<span class="diagram-arrow${modifier}" aria-hidden="true">${message.head === 'cross' ? '→✕' : glyph}</span>${hidden(kind)}`;
}

export function sequenceLayout(source: string, links: readonly DiagramLink[]): string {
  const diagram = parseSequence(source);
  const names = new Map(diagram.participants.map((p) => [p.id, p.label]));
  const hrefs = new Map(links.map((link) => [link.nodeId, link.href]));
  const chip = (id: string) => `<span class="diagram-chip">${htmlLabel(names.get(id) ?? id)}</span>`;
  let step = 0;
  const items = (list: SequenceItem[]): string =>
    list
      .map((item) => {
        if (item.kind === 'message') {
          step++;
          const who =
            item.from === item.to
              ? `${chip(item.from)} <span class="diagram-arrow" aria-hidden="true">↻</span>${hidden(' to itself')}`
              : `${chip(item.from)} ${arrowHtml(item)} ${chip(item.to)}`;
          return (
            `<li class="diagram-step"><span class="diagram-step-n">${step}.</span> ` +
            `<span class="diagram-step-body"><span class="diagram-step-who">${who}</span>` +
            `${item.text ? `${hidden(': ')}<span class="diagram-step-text">${htmlLabel(item.text)}</span>` : ''}</span></li>`
          );
        }
        if (item.kind === 'note') {
          return (
            `<li class="diagram-note"><span class="diagram-note-kind">Note</span> ` +
            `${item.position === 'over' ? '' : `${escapeHtml(item.position)} `}${item.over.map(chip).join(' ')}${hidden(': ')}` +
            `<span class="diagram-step-text">${htmlLabel(item.text)}</span></li>`
          );
        }
        const branches = item.branches
          .map((branch, index) => {
            const word = index === 0 ? BLOCK_WORDS[item.type]! : (DIVIDER_WORDS[item.type] ?? 'Else');
            const label =
              `<p class="diagram-block-label"><span class="diagram-block-kind">${word}</span>` +
              // "par in parallel" would read "In parallel in parallel".
              `${branch.label && branch.label.toLowerCase() !== word.toLowerCase() ? ` ${htmlLabel(branch.label)}` : ''}</p>`;
            return label + (branch.items.length ? `<ol class="diagram-seq">${items(branch.items)}</ol>` : '');
          })
          .join('');
        return `<li class="diagram-block diagram-block--${item.type}">${branches}</li>`;
      })
      .join('');
  const cast = diagram.participants.map((p) => `<li>${linkOr(htmlLabel(p.label), hrefs.get(p.id), 'diagram-chip')}</li>`).join('');
  return (
    `<p class="diagram-steps-label">Participants</p><ul class="diagram-cast">${cast}</ul>` +
    `<p class="diagram-steps-label">Steps</p><ol class="diagram-seq">${items(diagram.items)}</ol>`
  );
}

/* ---------- Flowcharts and state diagrams ---------- */

/** Node ids in reading order: sources first, each node after all its predecessors where the edges allow (a cycle is broken at the earliest node in source order). */
export function readingOrder(graph: MermaidGraph): string[] {
  const ids = [...graph.nodes.keys()];
  // A loop back to the same node holds nothing back, nor does an edge from an id that is no node
  // (a composite state's name), which would never be placed. (One to such an id counts for no node.)
  const edges = graph.edges.filter((edge) => edge.source !== edge.target && graph.nodes.has(edge.source));
  const incoming = new Map(ids.map((id) => [id, edges.filter((edge) => edge.target === id).length]));
  const order: string[] = [];
  const done = new Set<string>();
  while (order.length < ids.length) {
    // ids is in source order, so this is the earliest node whose predecessors are all placed;
    // in a cycle there is none, and the earliest node still waiting is released.
    const pick = ids.find((id) => !done.has(id) && incoming.get(id) === 0) ?? ids.find((id) => !done.has(id))!;
    done.add(pick);
    order.push(pick);
    for (const edge of edges) if (edge.source === pick) incoming.set(edge.target, incoming.get(edge.target)! - 1);
  }
  return order;
}

const SHAPE_WORDS: Partial<Record<string, string>> = {
  cylinder: 'data store',
  diamond: 'decision',
  hexagon: 'step',
};

function graphLayout(graph: MermaidGraph, links: readonly DiagramLink[], isState: boolean): string {
  const hrefs = new Map(links.map((link) => [link.nodeId, link.href]));
  const order = readingOrder(graph);
  const rank = new Map(order.map((id, index) => [id, index]));
  const name = (id: string): string => {
    const node = graph.nodes.get(id);
    if (node?.shape === 'state-start') return 'Start';
    if (node?.shape === 'state-end') return 'End';
    return labelText(node?.label || id);
  };
  // A state diagram's [*] inside a composite state has its own start and end; each gets one box.
  const nodeHtml = (id: string): string => {
    const node = graph.nodes.get(id)!;
    const edges = graph.edges
      .filter((edge) => edge.source === id)
      .map((edge) => {
        const label = edge.label ? labelText(edge.label) : '';
        const glyph = !edge.hasArrowEnd ? '—' : edge.hasArrowStart ? '↔' : edge.style === 'dotted' ? '⇢' : '→';
        const words = edge.style === 'dotted' ? ' (dotted line)' : edge.style === 'thick' ? ' (thick line)' : '';
        const arrow = `<span class="diagram-arrow diagram-edge--${edge.style}" aria-hidden="true">${glyph}</span>${hidden(`${words} to `)}`;
        const target = `<span class="diagram-edge-target">${htmlLabel(name(edge.target))}</span>`;
        const text = label ? `<span class="diagram-edge-label">${htmlLabel(label)}</span>` : '';
        return isState ? `<li>${text ? `${text} ` : ''}${arrow} ${target}</li>` : `<li>${arrow} ${target}${text ? ` ${text}` : ''}</li>`;
      });
    const shape = SHAPE_WORDS[node.shape];
    return (
      `<li class="diagram-node">` +
      linkOr(htmlLabel(name(id)), hrefs.get(id), 'diagram-node-name') +
      (shape ? ` <span class="diagram-node-shape">${shape}</span>` : '') +
      (edges.length ? `<ul class="diagram-edges">${edges.join('')}</ul>` : '') +
      `</li>`
    );
  };
  const inGroup = new Set<string>();
  const collect = (group: MermaidSubgraph) => {
    for (const id of group.nodeIds) inGroup.add(id);
    group.children.forEach(collect);
  };
  graph.subgraphs.forEach(collect);
  // Each group sits where its first node comes in reading order.
  const first = (group: MermaidSubgraph): number =>
    Math.min(...group.nodeIds.map((id) => rank.get(id) ?? Infinity), ...group.children.map(first));
  const list = (nodeIds: string[], groups: MermaidSubgraph[]): string => {
    const entries: { at: number; html: string }[] = [
      ...nodeIds.map((id) => ({ at: rank.get(id) ?? Infinity, html: nodeHtml(id) })),
      ...groups.map((group) => ({
        at: first(group),
        html:
          `<li class="diagram-group"><p class="diagram-group-title">${linkOr(htmlLabel(labelText(group.label || group.id)), hrefs.get(group.id), 'diagram-group-name')}</p>` +
          `<ul class="diagram-nodes">${list(group.nodeIds, group.children)}</ul></li>`,
      })),
    ];
    return entries
      .sort((a, b) => a.at - b.at)
      .map((entry) => entry.html)
      .join('');
  };
  const top = order.filter((id) => !inGroup.has(id) && graph.nodes.has(id));
  return `<ul class="diagram-nodes">${list(top, graph.subgraphs)}</ul>`;
}

/* ---------- ER diagrams ---------- */

function erLayout(source: string, links: readonly DiagramLink[]): string {
  const diagram = parseEr(source);
  const hrefs = new Map(links.map((link) => [link.nodeId, link.href]));
  const names = new Map(diagram.entities.map((entity) => [entity.id, entity.label]));
  const boxes = diagram.entities.map((entity) => {
    const attributes = entity.attributes.map(
      (a) =>
        `<li><span class="diagram-attr-name">${escapeHtml(a.name)}</span> <span class="diagram-attr-type">${escapeHtml(a.type)}</span>` +
        `${a.keys.length ? ` <span class="diagram-node-shape">${escapeHtml(a.keys.join(', '))}</span>` : ''}` +
        `${a.comment ? ` <span class="diagram-edge-label">${htmlLabel(a.comment)}</span>` : ''}</li>`,
    );
    const relations = diagram.relationships
      .filter((r) => r.from === entity.id)
      .map(
        (r) =>
          `<li><span class="diagram-edge-label">${htmlLabel(r.label)}</span> <span class="diagram-arrow" aria-hidden="true">${r.identifying ? '→' : '⇢'}</span>${hidden(' to')} ` +
          `<span class="diagram-edge-target">${htmlLabel(names.get(r.to) ?? r.to)}</span> ` +
          `<span class="diagram-node-shape">${escapeHtml(`${r.fromCardinality} to ${r.toCardinality}`)}</span></li>`,
      );
    return (
      `<li class="diagram-node">${linkOr(htmlLabel(entity.label), hrefs.get(entity.id), 'diagram-node-name')}` +
      (attributes.length ? `<ul class="diagram-attrs">${attributes.join('')}</ul>` : '') +
      (relations.length ? `<ul class="diagram-edges">${relations.join('')}</ul>` : '') +
      `</li>`
    );
  });
  return `<ul class="diagram-nodes">${boxes.join('')}</ul>`;
}

/** Diagram types that have a phone layout. */
export const PHONE_TYPES: ReadonlySet<string> = new Set([
  'sequenceDiagram',
  'flowchart',
  'graph',
  'stateDiagram',
  'stateDiagram-v2',
  'erDiagram',
]);

/**
 * The phone layout's inner HTML for one diagram, or undefined for a type without one (class
 * diagrams, xy-charts: those keep the drawing at every width).
 */
// Stryker disable next-line ArrayDeclaration: a default holding anything but links (a string) gives no node an href, as [] does
export function phoneLayout(source: string, type: string, links: readonly DiagramLink[] = []): string | undefined {
  if (!PHONE_TYPES.has(type)) return undefined;
  const plain = withoutClickLines(withoutAccessibilityLines(source));
  if (type === 'sequenceDiagram') return sequenceLayout(plain, links);
  if (type === 'erDiagram') return erLayout(plain, links);
  return graphLayout(parseMermaid(plain), links, type.startsWith('state'));
}
