/**
 * A reader for Mermaid sequence diagrams, for the phone layout (phone.ts): participants with
 * their display names, and the messages, notes and blocks (alt/else, opt, loop, par/and,
 * critical/option, break, rect) as a tree in source order. beautiful-mermaid has a sequence
 * parser but does not export it (only parseMermaid, for flowcharts and state diagrams), so this
 * follows the same grammar. Accessibility and click lines are skipped; lines it does not know
 * (activate, autonumber, box) are skipped too, as the drawing skips them.
 */
import { labelText } from './labels.ts';
import { withoutClickLines } from './links.ts';
import { withoutAccessibilityLines } from './source.ts';

export interface Participant {
  id: string;
  /** Display name: the alias after "as", or the id. */
  label: string;
  kind: 'participant' | 'actor';
}

/** How the arrow is drawn: solid or dashed line (a dashed one is usually a reply). */
export type LineStyle = 'solid' | 'dashed';
/** The arrowhead: filled (->>, a call), open (-> or -), async), cross (-x, lost), both ends (<<->>). */
export type ArrowHead = 'filled' | 'open' | 'cross' | 'both';

export interface Message {
  kind: 'message';
  from: string;
  to: string;
  text: string;
  line: LineStyle;
  head: ArrowHead;
}

export interface Note {
  kind: 'note';
  /** Participant ids the note is over or beside. */
  over: string[];
  position: 'over' | 'left of' | 'right of';
  text: string;
}

export interface Branch {
  /** The block's or divider's label ("" if none). */
  label: string;
  items: SequenceItem[];
}

export interface Block {
  kind: 'block';
  type: 'alt' | 'opt' | 'loop' | 'par' | 'critical' | 'break' | 'rect';
  /** The first branch is the block's own; later ones follow else/and/option lines. */
  branches: Branch[];
}

export type SequenceItem = Message | Note | Block;

export interface SequenceDiagram {
  participants: Participant[];
  items: SequenceItem[];
}

// The ids are trimmed where they are used, so the spaces before the arrow and the colon need no
// pattern; the text's group is greedy, so it runs to the end of the line without a "$".
const ARROW = /^(.+?)(<<-->>|<<->>|-->>|->>|-->|->|--x|-x|--\)|-\))\s*[+-]?\s*([^:]+?):(.*)/;

function arrowStyle(arrow: string): { line: LineStyle; head: ArrowHead } {
  const line: LineStyle = arrow.includes('--') ? 'dashed' : 'solid';
  if (arrow.startsWith('<<')) return { line, head: 'both' };
  if (arrow.endsWith('>>')) return { line, head: 'filled' };
  if (arrow.endsWith('x')) return { line, head: 'cross' };
  return { line, head: 'open' };
}

export function parseSequence(source: string): SequenceDiagram {
  const participants: Participant[] = [];
  const byId = new Map<string, Participant>();
  const ensure = (id: string, label = id, kind: Participant['kind'] = 'participant') => {
    const known = byId.get(id);
    if (known) return known;
    const participant = { id, label, kind };
    byId.set(id, participant);
    participants.push(participant);
    return participant;
  };
  const root: SequenceItem[] = [];
  // The open blocks, innermost last; a "box" only groups participants and holds no steps.
  const stack: (Block | 'box')[] = [];
  const target = (): SequenceItem[] => {
    for (let i = stack.length - 1; i >= 0; i--) {
      const open = stack[i]!;
      if (open !== 'box') return open.branches[open.branches.length - 1]!.items;
    }
    return root;
  };
  // Links and the accessible title and description are not part of what the layout shows.
  const lines = withoutClickLines(withoutAccessibilityLines(source)).split('\n');
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (!line || line.startsWith('%%')) continue;
    const declared = /^(?:create\s+)?(participant|actor)\s+(\S+?)(?:\s+as\s(.+))?$/.exec(line);
    if (declared) {
      const [, kind, id, alias] = declared as unknown as [string, Participant['kind'], string, string | undefined];
      const participant = ensure(id, labelText(alias ?? id), kind);
      if (alias) participant.label = labelText(alias);
      continue;
    }
    const note = /^note\s+(left of|right of|over)\s([^:]+?):(.*)/i.exec(line);
    if (note) {
      const over = note[2]!.split(',').map((id) => id.trim());
      for (const id of over) ensure(id);
      target().push({ kind: 'note', over, position: note[1]!.toLowerCase() as Note['position'], text: labelText(note[3]!) });
      continue;
    }
    const opening = /^(loop|alt|opt|par|critical|break|rect)\b(.*)/.exec(line);
    if (opening) {
      const type = opening[1] as Block['type'];
      // A rect's argument is its color, not a label.
      const block: Block = { kind: 'block', type, branches: [{ label: type === 'rect' ? '' : labelText(opening[2]!), items: [] }] };
      target().push(block);
      stack.push(block);
      continue;
    }
    if (/^box\b/.test(line)) {
      stack.push('box');
      continue;
    }
    const divider = /^(else|and|option)\b(.*)/.exec(line);
    const innermost = stack[stack.length - 1];
    if (divider && innermost && innermost !== 'box') {
      innermost.branches.push({ label: labelText(divider[2]!), items: [] });
      continue;
    }
    // An "end" with nothing open closes nothing.
    if (line === 'end') {
      stack.pop();
      continue;
    }
    const message = ARROW.exec(line);
    if (message) {
      const [, from, arrow, to, text] = message as unknown as [string, string, string, string, string];
      ensure(from.trim());
      ensure(to.trim());
      target().push({ kind: 'message', from: from.trim(), to: to.trim(), text: labelText(text), ...arrowStyle(arrow) });
    }
  }
  return { participants, items: root };
}
