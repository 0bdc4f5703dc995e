// @vitest-environment happy-dom
/**
 * The phone layout: one fixture per diagram type, with blocks, aliases, notes, entity codes,
 * links and a hostile label, checked through the HTML a reader (or a screen reader) gets.
 */
import { describe, expect, it } from 'vitest';
import { decodeEntities, labelText } from './labels.ts';
import { readDiagramLinks } from './links.ts';
import { phoneLayout } from './phone.ts';
import { parseSequence } from './sequence.ts';
import { parseEr } from './er.ts';

function layout(source: string, type: string): Document {
  const html = phoneLayout(source, type, readDiagramLinks(source, type).links);
  if (html === undefined) throw new Error(`no phone layout for ${type}`);
  // Parsed as a page would parse it (the layout is inlined in the page's HTML).
  return new DOMParser().parseFromString(`<!doctype html><body>${html}</body>`, 'text/html');
}

/** Visible text of an element, screen-reader-only text left out, spaces collapsed. */
function seen(element: Element): string {
  const copy = element.cloneNode(true) as Element;
  copy.querySelectorAll('.sr-only').forEach((e) => e.remove());
  copy.querySelectorAll('br').forEach((e) => e.replaceWith(' / '));
  // The message text is a block of its own on screen.
  copy.querySelectorAll('.diagram-step-text').forEach((e) => e.before(' '));
  return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
}

const SEQUENCE = `sequenceDiagram
  accTitle: Playback start
  accDescr: The client asks for a manifest.
  participant C as Client <script>alert(1)</script>
  actor M as Member
  participant Z as Zuul
  participant P as Playback API
  M->>C: press play
  C->>Z: POST #quot;/play#quot;<br>with token
  alt token valid
    Z->>P: forward
    P-->>Z: manifest
  else expired
    Z--xC: 401
    Note over C,Z: client refreshes the token
  end
  loop every 30 s
    C-)P: heartbeat
  end
  P->>P: log #35;start
  Note right of P: async
  click Z "/stack/zuul/"`;

describe('sequence diagrams', () => {
  it('lists the participants by display name, a linked one as a link', () => {
    const doc = layout(SEQUENCE, 'sequenceDiagram');
    const cast = [...doc.querySelectorAll('.diagram-cast li')].map(seen);
    expect(cast).toEqual(['Client <script>alert(1)</script>', 'Member', 'Zuul', 'Playback API']);
    const link = doc.querySelector('.diagram-cast a')!;
    expect(link.getAttribute('href')).toBe('/stack/zuul/');
    expect(link.textContent).toBe('Zuul');
  });

  it('numbers the messages in order across blocks, with who, the arrow and the message', () => {
    const doc = layout(SEQUENCE, 'sequenceDiagram');
    const steps = [...doc.querySelectorAll('.diagram-step')].map(seen);
    expect(steps).toEqual([
      '1. Member → Client <script>alert(1)</script> press play',
      '2. Client <script>alert(1)</script> → Zuul POST "/play" / with token',
      '3. Zuul → Playback API forward',
      '4. Playback API ⇢ Zuul manifest',
      '5. Zuul →✕ Client <script>alert(1)</script> 401',
      '6. Client <script>alert(1)</script> → Playback API heartbeat',
      '7. Playback API ↻ log #start',
    ]);
  });

  it('says the arrow style in words for screen readers', () => {
    const doc = layout(SEQUENCE, 'sequenceDiagram');
    const spoken = [...doc.querySelectorAll('.diagram-step-who')].map((e) => {
      const copy = e.cloneNode(true) as Element;
      copy.querySelectorAll('[aria-hidden="true"]').forEach((hidden) => hidden.remove());
      return copy.textContent.replace(/\s+/g, ' ').trim();
    });
    expect(spoken[0]).toBe('Member to Client <script>alert(1)</script>');
    expect(spoken[3]).toBe('Playback API replies to Zuul');
    expect(spoken[4]).toBe('Zuul (lost) to Client <script>alert(1)</script>');
    expect(spoken[5]).toContain('sends, without waiting, to');
    expect(spoken[6]).toBe('Playback API to itself');
  });

  it('shows blocks as labeled groups, else branches labeled, and notes as notes', () => {
    const doc = layout(SEQUENCE, 'sequenceDiagram');
    const alt = doc.querySelector('.diagram-block--alt')!;
    expect([...alt.querySelectorAll(':scope > .diagram-block-label')].map(seen)).toEqual(['If token valid', 'Else expired']);
    expect([...alt.querySelectorAll(':scope > .diagram-seq')].map((list) => list.querySelectorAll('.diagram-step').length)).toEqual([2, 1]);
    expect(seen(alt.querySelector('.diagram-note')!)).toBe('Note Client <script>alert(1)</script> Zuul client refreshes the token');
    expect(seen(doc.querySelector('.diagram-block--loop > .diagram-block-label')!)).toBe('Loop every 30 s');
    const notes = [...doc.querySelectorAll('.diagram-note')].map(seen);
    expect(notes[1]).toBe('Note right of Playback API async');
  });

  it('escapes every label: no element or attribute comes from the source', () => {
    const html = phoneLayout(SEQUENCE, 'sequenceDiagram')!;
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toMatch(/\sstyle=/);
    const hostile = phoneLayout('sequenceDiagram\n  A->>B: "><img src=x onerror=alert(1)>', 'sequenceDiagram')!;
    expect(hostile).not.toContain('<img');
    expect(hostile).toContain('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;');
  });

  it('does not repeat a block label that says what its kind word says', () => {
    const doc = layout('sequenceDiagram\n  par in parallel\n    A->>B: x\n  and\n    A->>C: y\n  end', 'sequenceDiagram');
    expect([...doc.querySelectorAll('.diagram-block-label')].map(seen)).toEqual(['In parallel', 'And']);
  });

  it('parses par/and, critical/option, rect (whose argument is a color, not a label) and a box of participants', () => {
    const diagram = parseSequence(`sequenceDiagram
  box Edge
    participant A
  end
  par one
    A->>B: x
  and two
    A->>C: y
  end
  critical lock
    A->>B: z
  option timeout
    A->>B: w
  end
  rect rgb(0,0,0)
    B->>A: v
  end`);
    expect(diagram.participants.map((p) => p.id)).toEqual(['A', 'B', 'C']);
    expect(
      diagram.items.map((item) => (item.kind === 'block' ? `${item.type}:${item.branches.map((b) => b.label).join('|')}` : item.kind)),
    ).toEqual(['par:one|two', 'critical:lock|timeout', 'rect:']);
  });
});

const FLOW = `flowchart TB
  accTitle: Edge to storage
  accDescr: Requests go through the edge to services and storage.
  D{Route?}
  C[Client] --> Z[Zuul #amp; friends]
  subgraph Services [Playback services]
    Z -.->|async| P[Playback API<br/>v2]
    P ==> S[(Cassandra)]
  end
  D -->|miss| S
  Z --> D
  X["<b>Bold</b> <script>x</script>"]
  click Z "/stack/zuul/"`;

describe('flowcharts', () => {
  it('lists nodes in reading order, a group where its first node comes, with outgoing edges', () => {
    const doc = layout(FLOW, 'flowchart');
    const top = [...doc.querySelectorAll('body > .diagram-nodes > li')].map((li) =>
      li.classList.contains('diagram-group')
        ? `[${seen(li.querySelector('.diagram-group-title')!)}]`
        : seen(li.querySelector('.diagram-node-name')!),
    );
    // The decision, first in the source, waits for Zuul, which points to it; the group comes
    // where its first node does (after Zuul and the decision, earlier in the source).
    expect(top).toEqual(['Client', 'Zuul & friends', 'Route?', '[Playback services]', 'Bold <script>x</script>']);
    const group = doc.querySelector('.diagram-group')!;
    expect([...group.querySelectorAll('.diagram-node-name')].map(seen)).toEqual(['Playback API / v2', 'Cassandra']);
  });

  it('lists each edge with its target and label, dotted and thick edges told apart', () => {
    const doc = layout(FLOW, 'flowchart');
    const zuul = [...doc.querySelectorAll('.diagram-node')].find((n) => seen(n.querySelector('.diagram-node-name')!) === 'Zuul & friends')!;
    expect([...zuul.querySelectorAll('.diagram-edges li')].map(seen)).toEqual(['⇢ Playback API / v2 async', '→ Route?']);
    expect(zuul.querySelector('.diagram-edges li')!.textContent).toContain('(dotted line) to');
    const api = [...doc.querySelectorAll('.diagram-node')].find((n) =>
      seen(n.querySelector('.diagram-node-name')!).startsWith('Playback API'),
    )!;
    expect(api.querySelector('.diagram-edges li')!.textContent).toContain('(thick line) to');
    expect([...doc.querySelectorAll('.diagram-node-shape')].map(seen)).toEqual(['decision', 'data store']);
    expect(doc.querySelector('a.diagram-node-name')!.getAttribute('href')).toBe('/stack/zuul/');
    expect(phoneLayout(FLOW, 'flowchart')).not.toMatch(/<script|<b>/);
  });

  it('breaks a cycle at the earliest node instead of dropping nodes', () => {
    const doc = layout('flowchart LR\n  A --> B\n  B --> C\n  C --> A', 'flowchart');
    expect([...doc.querySelectorAll('.diagram-node-name')].map(seen)).toEqual(['A', 'B', 'C']);
  });
});

describe('state diagrams', () => {
  it('shows [*] as Start and End, transitions as "event → next state", composite states as groups', () => {
    const doc = layout(
      `stateDiagram-v2
  accTitle: Breaker
  accDescr: Closed opens on failures.
  [*] --> Closed
  Closed --> Open: failures #gt; threshold
  state Open {
    [*] --> Waiting
    Waiting --> Probing: timer
  }
  Open --> Closed: probe passes
  Closed --> [*]
  click Closed "/stack/hystrix/"`,
      'stateDiagram-v2',
    );
    const closed = [...doc.querySelectorAll('.diagram-node')].find((n) => seen(n.querySelector('.diagram-node-name')!) === 'Closed')!;
    expect([...closed.querySelectorAll('.diagram-edges li')].map(seen)).toEqual(['failures > threshold → Open', '→ End']);
    expect(seen(doc.querySelector('.diagram-node-name')!)).toBe('Start');
    expect(seen(doc.querySelector('.diagram-group-title')!)).toBe('Open');
    expect(doc.querySelector('a.diagram-node-name')!.getAttribute('href')).toBe('/stack/hystrix/');
  });
});

describe('ER diagrams', () => {
  const ER = `erDiagram
  accTitle: Catalog
  accDescr: Titles have seasons.
  TITLE ||--o{ SEASON : has
  SEASON }|..|| "FRANCHISE" : "belongs to"
  TITLE {
    string id PK "the #quot;key#quot;"
    string name
  }
  click TITLE "/prompts/metadata-service/"`;

  it('lists entities with attributes and relationships in words', () => {
    const doc = layout(ER, 'erDiagram');
    expect([...doc.querySelectorAll('.diagram-node-name')].map(seen)).toEqual(['TITLE', 'SEASON', 'FRANCHISE']);
    const title = doc.querySelector('.diagram-node')!;
    expect([...title.querySelectorAll('.diagram-attrs li')].map(seen)).toEqual(['id string PK the "key"', 'name string']);
    expect(seen(title.querySelector('.diagram-edges li')!)).toBe('has → SEASON exactly one to zero or more');
    const season = doc.querySelectorAll('.diagram-node')[1]!;
    expect(seen(season.querySelector('.diagram-edges li')!)).toBe('belongs to ⇢ FRANCHISE one or more to exactly one');
    expect(doc.querySelector('a.diagram-node-name')!.getAttribute('href')).toBe('/prompts/metadata-service/');
  });

  it('reads cardinalities on both ends', () => {
    expect(parseEr('erDiagram\n  A |o--|{ B : x').relationships[0]).toMatchObject({
      fromCardinality: 'zero or one',
      toCardinality: 'one or more',
    });
  });
});

describe('labels', () => {
  it('decodes Mermaid and HTML entity codes, and leaves the rest as written', () => {
    expect(decodeEntities('#quot;a#quot; #35; &amp; &#39; &#x41; #9829; #bogus; 50#')).toBe('"a" # & \' A ♥ #bogus; 50#');
    expect(labelText('"A<br>B<br/>C"')).toBe('A\nB\nC');
    expect(labelText('**bold** <i>it</i>')).toBe('bold it');
  });

  it('has no phone layout for types it does not know', () => {
    expect(phoneLayout('classDiagram\n  A <|-- B', 'classDiagram')).toBeUndefined();
  });
});
