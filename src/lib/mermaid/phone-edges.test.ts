// @vitest-environment happy-dom
/**
 * Edges of the phone layout, checked through what a reader sees and what a screen reader says:
 * every arrow kind and block kind of a sequence diagram, empty branches and messages without
 * text, every edge kind and shape word of a flowchart, self-loops and composite states in the
 * reading order, nested and linked groups, ER aliases and keys, and HTML whose elements all close.
 *
 * The module is imported afresh inside each test (fresh()), so its word and type tables are
 * built while a test runs and mutation testing can tell which tests depend on them.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { readDiagramLinks } from './links.ts';

async function fresh(): Promise<typeof import('./phone.ts')> {
  return import('./phone.ts');
}

beforeEach(() => {
  vi.resetModules();
});

/** The layout's HTML, with the links the block's click lines give. */
async function html(source: string, type: string): Promise<string> {
  const result = (await fresh()).phoneLayout(source, type, readDiagramLinks(source, type).links);
  if (result === undefined) throw new Error(`no phone layout for ${type}`);
  return result;
}

/** The layout parsed as the page parses it. */
async function layout(source: string, type: string): Promise<HTMLElement> {
  return new DOMParser().parseFromString(`<!doctype html><body>${await html(source, type)}</body>`, 'text/html').body;
}

function text(element: Element, leaveOut: string): string {
  const copy = element.cloneNode(true) as Element;
  copy.querySelectorAll(leaveOut).forEach((e) => e.remove());
  // Lists, items and paragraphs are blocks of their own on screen.
  copy.querySelectorAll('li, p, ul, ol').forEach((e) => {
    e.before(' ');
    e.after(' ');
  });
  return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
}
/** What a sighted reader sees: screen-reader-only text left out. */
const seen = (element: Element) => text(element, '.sr-only');
/** What a screen reader says: what is hidden from it left out. */
const heard = (element: Element) => text(element, '[aria-hidden="true"]');
const all = (root: Element, selector: string) => [...root.querySelectorAll(selector)];

describe('sequence diagrams', () => {
  const ARROWS = `sequenceDiagram
  A->>B: call
  B-->>A: reply
  A-)B: event
  A-xB: lost
  A--xB: lost reply
  A<<->>B: sync
  A->>A: self`;

  it('draws each arrow kind with its own glyph and style', async () => {
    const body = await layout(ARROWS, 'sequenceDiagram');
    expect(all(body, '.diagram-step-who .diagram-arrow').map((arrow) => [arrow.className, arrow.textContent])).toEqual([
      ['diagram-arrow', '→'],
      ['diagram-arrow diagram-arrow--reply', '⇢'],
      ['diagram-arrow diagram-arrow--async', '→'],
      ['diagram-arrow diagram-arrow--lost', '→✕'],
      ['diagram-arrow diagram-arrow--lost', '→✕'],
      ['diagram-arrow', '↔'],
      ['diagram-arrow', '↻'],
    ]);
  });

  it('says each arrow kind in words, with a colon before the message', async () => {
    const body = await layout(ARROWS, 'sequenceDiagram');
    expect(all(body, '.diagram-step').map(heard)).toEqual([
      '1. A to B: call',
      '2. B replies to A: reply',
      '3. A sends, without waiting, to B: event',
      '4. A (lost) to B: lost',
      '5. A (lost) to B: lost reply',
      '6. A and back to B: sync',
      '7. A to itself: self',
    ]);
  });

  it('shows a message without text as who and the arrow only', async () => {
    const body = await layout('sequenceDiagram\n  A->>B: \n  B->>A: back', 'sequenceDiagram');
    expect(all(body, '.diagram-step').map(heard)).toEqual(['1. A to B', '2. B to A: back']);
    expect(body.querySelectorAll('.diagram-step-text')).toHaveLength(1);
  });

  it('names every kind of block and divider', async () => {
    const body = await layout(
      `sequenceDiagram
  opt cache miss
    A->>B: fetch
  end
  loop retry
    A->>B: again
  else give up
    A->>C: alert
  end
  par one
    A->>B: x
  and two
    A->>C: y
  end
  critical lock
    A->>B: take
  option timeout
    A->>C: skip
  end
  break on error
    A->>C: stop
  end
  rect rgb(0, 0, 0)
    A->>B: grouped
  end`,
      'sequenceDiagram',
    );
    expect(all(body, '.diagram-block').map((block) => [block.className, all(block, ':scope > .diagram-block-label').map(seen)])).toEqual([
      ['diagram-block diagram-block--opt', ['Optional cache miss']],
      ['diagram-block diagram-block--loop', ['Loop retry', 'Else give up']],
      ['diagram-block diagram-block--par', ['In parallel one', 'And two']],
      ['diagram-block diagram-block--critical', ['Critical lock', 'Option timeout']],
      ['diagram-block diagram-block--break', ['Break on error']],
      ['diagram-block diagram-block--rect', ['Group']],
    ]);
  });

  it('writes the participants, the steps, blocks and notes with nothing in between', async () => {
    const body = await layout(
      `sequenceDiagram
  participant A as Client
  participant B as Zuul
  A->>B: play
  alt
  else expired
    B-->>A: 401
    Note right of A: refresh
  end
  Note over A,B: done
  click B "/stack/zuul/"`,
      'sequenceDiagram',
    );
    expect(heard(body)).toBe(
      'Participants Client Zuul Steps 1. Client to Zuul: play If Else expired 2. Zuul replies to Client: 401 Note right of Client: refresh Note Client Zuul: done',
    );
    // An empty branch is a label with no list under it.
    expect(all(body, '.diagram-block--alt > *').map((e) => e.className)).toEqual([
      'diagram-block-label',
      'diagram-block-label',
      'diagram-seq',
    ]);
    // A participant without a link is a chip; a linked one is a link.
    expect(all(body, '.diagram-cast li > *').map((e) => `${e.tagName.toLowerCase()}.${e.className}`)).toEqual([
      'span.diagram-chip',
      'a.diagram-chip diagram-link',
    ]);
  });
});

describe('which diagrams have a phone layout', () => {
  it.each([
    ['sequenceDiagram', 'sequenceDiagram\n  A->>B: hi'],
    ['flowchart', 'flowchart LR\n  A --> B'],
    ['graph', 'graph LR\n  A --> B'],
    ['stateDiagram', 'stateDiagram\n  A --> B'],
    ['stateDiagram-v2', 'stateDiagram-v2\n  A --> B'],
    ['erDiagram', 'erDiagram\n  A ||--o{ B : has'],
  ])('a %s has one', async (type, source) => {
    expect(seen(await layout(source, type))).toMatch(/A.*B/);
  });

  it.each(['classDiagram', 'xychart-beta', 'mindmap'])('a %s keeps its drawing at every width', async (type) => {
    expect((await fresh()).phoneLayout(`${type}\n  A`, type)).toBeUndefined();
  });
});

describe('flowcharts and state diagrams', () => {
  it('names each shape that means something, and nothing for a plain box', async () => {
    const body = await layout('flowchart LR\n  A[(Store)]\n  B{Decide}\n  C{{Step}}\n  D[Plain]\n  E(Round)', 'flowchart');
    expect(all(body, '.diagram-node').map(seen)).toEqual(['Store data store', 'Decide decision', 'Step step', 'Plain', 'Round']);
  });

  it('draws and says each edge kind', async () => {
    const body = await layout('flowchart LR\n  A --- B\n  B <--> C\n  C --> D\n  D -.-> E\n  E ==> F', 'flowchart');
    const edges = all(body, '.diagram-edges li');
    expect(edges.map(seen)).toEqual(['— B', '↔ C', '→ D', '⇢ E', '→ F']);
    expect(edges.map(heard)).toEqual(['to B', 'to C', 'to D', '(dotted line) to E', '(thick line) to F']);
    expect(edges.map((edge) => edge.querySelector('.diagram-arrow')!.className)).toEqual([
      'diagram-arrow diagram-edge--solid',
      'diagram-arrow diagram-edge--solid',
      'diagram-arrow diagram-edge--solid',
      'diagram-arrow diagram-edge--dotted',
      'diagram-arrow diagram-edge--thick',
    ]);
    // The last node has no edges, and no empty list for them.
    expect(body.querySelectorAll('.diagram-edges')).toHaveLength(5);
  });

  it('puts a state’s event before the arrow, and a flowchart’s label after the target', async () => {
    expect(all(await layout('stateDiagram-v2\n  A --> B: go', 'stateDiagram-v2'), '.diagram-edges li').map(seen)).toEqual(['go → B']);
    expect(all(await layout('flowchart LR\n  A -->|go| B', 'flowchart'), '.diagram-edges li').map(seen)).toEqual(['→ B go']);
  });

  it('does not let a loop back to the same node hold it back', async () => {
    const body = await layout('flowchart LR\n  B --> B\n  A --> B\n  A --> C', 'flowchart');
    expect(all(body, '.diagram-node-name').map(seen)).toEqual(['A', 'B', 'C']);
    expect(seen(body.querySelector('.diagram-node')!)).toBe('A → B → C');
  });

  it('does not let a transition out of a composite state hold its target back', async () => {
    const body = await layout(
      'stateDiagram-v2\n  Idle --> Done\n  state Busy {\n    [*] --> Working\n  }\n  Busy --> Idle',
      'stateDiagram-v2',
    );
    expect(all(body, '.diagram-node-name').map(seen)).toEqual(['Idle', 'Done', 'Start', 'Working']);
  });

  it('lists a node of a nested group once, inside both groups', async () => {
    const body = await layout('flowchart TB\n  subgraph O [Outer]\n    subgraph I [Inner]\n      X\n    end\n  end\n  Y', 'flowchart');
    expect(all(body, ':scope > .diagram-nodes > li').map((li) => seen(li.firstElementChild!))).toEqual(['Outer', 'Y']);
    expect(all(body, '.diagram-group .diagram-group .diagram-node').map(seen)).toEqual(['X']);
    expect(body.querySelectorAll('.diagram-node')).toHaveLength(2);
  });

  it('places a group where its first node comes, and links a group that has a click line', async () => {
    const body = await layout(
      'flowchart TB\n  subgraph G [Edge]\n    A\n    B\n  end\n  A --> M\n  M --> B\n  click G "/stack/zuul/"',
      'flowchart',
    );
    expect(all(body, ':scope > .diagram-nodes > li').map((li) => seen(li.firstElementChild!))).toEqual(['Edge', 'M']);
    const name = body.querySelector('.diagram-group-title > *')!;
    expect([name.tagName.toLowerCase(), name.className, name.getAttribute('href')]).toEqual([
      'a',
      'diagram-group-name diagram-link',
      '/stack/zuul/',
    ]);
    expect(seen(body)).toBe('Edge A → M B M → B');
  });
});

describe('ER diagrams', () => {
  it('names a relationship’s target by its alias, with every key of an attribute and the line said in words', async () => {
    const body = await layout(
      'erDiagram\n  T["Title"] {\n    string id PK, FK\n    string name\n  }\n  S ||--o{ T : has\n  S ||--|| L : owns\n  L {\n  }',
      'erDiagram',
    );
    expect(all(body, '.diagram-node').map(seen)).toEqual([
      'Title id string PK, FK name string',
      'S has → Title exactly one to zero or more owns → L exactly one to exactly one',
      'L',
    ]);
    expect(all(body.querySelectorAll('.diagram-node')[1]!, '.diagram-edges li').map(heard)).toEqual([
      'has to Title exactly one to zero or more',
      'owns to L exactly one to exactly one',
    ]);
    expect(seen(body)).toBe(
      'Title id string PK, FK name string S has → Title exactly one to zero or more owns → L exactly one to exactly one L',
    );
  });
});

describe('the HTML', () => {
  it.each([
    ['sequenceDiagram', 'sequenceDiagram\n  A->>B: hi\n  alt x\n    B->>A: ok\n  else\n  end\n  Note over A: n'],
    ['flowchart', 'flowchart TB\n  subgraph G\n    A[(Db)] --> B\n  end\n  C'],
    ['erDiagram', 'erDiagram\n  A ||--o{ B : has\n  A {\n    string id PK\n  }'],
  ])('closes every element it opens (%s)', async (type, source) => {
    const written = await html(source, type);
    for (const tag of ['li', 'ul', 'ol', 'p', 'span', 'a']) {
      const opened = written.match(new RegExp(`<${tag}[ >]`, 'g'))?.length ?? 0;
      const closed = written.match(new RegExp(`</${tag}>`, 'g'))?.length ?? 0;
      expect(closed, `<${tag}>`).toBe(opened);
    }
  });
});
