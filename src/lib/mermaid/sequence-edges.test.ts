/**
 * The sequence reader at its edges: every arrow's line and head, messages written tightly or
 * with spaces and activation marks, declarations (create, aliases, spacing), notes over several
 * participants, block labels and branches, boxes, and message text that merely contains a
 * keyword ("loop", "and", "note over", "actor", "box").
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

let parseSequence: typeof import('./sequence.ts').parseSequence;

// A fresh copy of the module in each test, so its arrow pattern is built inside the test
// (mutation testing then checks it against these tests, not only against the module load).
beforeEach(async () => {
  vi.resetModules();
  ({ parseSequence } = await import('./sequence.ts'));
});

const sequence = (...lines: string[]) => parseSequence(['sequenceDiagram', ...lines].join('\n'));
const message = (from: string, to: string, text: string, line = 'solid', head = 'filled') => ({
  kind: 'message',
  from,
  to,
  text,
  line,
  head,
});

describe('arrows', () => {
  it.each([
    ['->>', 'solid', 'filled'],
    ['-->>', 'dashed', 'filled'],
    ['->', 'solid', 'open'],
    ['-->', 'dashed', 'open'],
    ['-x', 'solid', 'cross'],
    ['--x', 'dashed', 'cross'],
    ['-)', 'solid', 'open'],
    ['--)', 'dashed', 'open'],
    ['<<->>', 'solid', 'both'],
    ['<<-->>', 'dashed', 'both'],
  ])('draws %s as a %s line with a %s head', (arrow, line, head) => {
    expect(sequence(`Client${arrow}Server: call`).items).toEqual([message('Client', 'Server', 'call', line, head)]);
  });

  it('reads a message written without spaces like one written with them', () => {
    expect(sequence('Client->>Server:get manifest').items).toEqual([message('Client', 'Server', 'get manifest')]);
    expect(sequence('  Client  ->>  Server  :  get manifest  ').items).toEqual([message('Client', 'Server', 'get manifest')]);
    expect(sequence('  Client  ->>  Server  :  get manifest  ').participants.map((p) => p.id)).toEqual(['Client', 'Server']);
  });

  it('leaves activation marks out of the receiver', () => {
    expect(sequence('Client->>+Server: open', 'Server-->>-Client: done', 'Client ->> + Cache: warm').items).toEqual([
      message('Client', 'Server', 'open'),
      message('Server', 'Client', 'done', 'dashed'),
      message('Client', 'Cache', 'warm'),
    ]);
    expect(sequence('Client->>+Server: open').participants.map((p) => p.id)).toEqual(['Client', 'Server']);
  });

  it('keeps the colons inside a message text', () => {
    expect(sequence('Client->>Server: retry: after 5s').items).toEqual([message('Client', 'Server', 'retry: after 5s')]);
  });

  it('skips lines that are no step, such as autonumber, activate and a comment holding an arrow', () => {
    expect(sequence('autonumber', 'activate Server', '%% Client->>Server: hidden', 'Client->>Server: shown').items).toEqual([
      message('Client', 'Server', 'shown'),
    ]);
  });

  it('adds the participants a message names, as participants, in order of mention', () => {
    expect(sequence('Zed->>Amy: hi').participants).toEqual([
      { id: 'Zed', label: 'Zed', kind: 'participant' },
      { id: 'Amy', label: 'Amy', kind: 'participant' },
    ]);
  });
});

describe('declarations', () => {
  it('reads ids, aliases and kinds, whatever the spacing', () => {
    expect(
      sequence('participant  Gateway', 'actor Member  as  Paying member', 'create participant Cache as Edge cache', 'create  actor Ops')
        .participants,
    ).toEqual([
      { id: 'Gateway', label: 'Gateway', kind: 'participant' },
      { id: 'Member', label: 'Paying member', kind: 'actor' },
      { id: 'Cache', label: 'Edge cache', kind: 'participant' },
      { id: 'Ops', label: 'Ops', kind: 'actor' },
    ]);
  });

  it('gives a participant named by a message first the alias it is declared with later', () => {
    expect(sequence('API->>DB: read', 'participant DB as Cassandra').participants.map((p) => p.label)).toEqual(['API', 'Cassandra']);
  });

  it('reads a message whose text ends like a declaration as a message', () => {
    const diagram = sequence('Director->>Studio: casts the actor Ana');
    expect(diagram.items).toEqual([message('Director', 'Studio', 'casts the actor Ana')]);
    expect(diagram.participants.map((p) => p.id)).toEqual(['Director', 'Studio']);
  });
});

describe('notes', () => {
  it('reads notes over several participants and beside one, adding the ones not met yet', () => {
    const diagram = sequence('Note over  Edge , Origin :  cache miss', 'note left of Player: buffering', 'NOTE RIGHT OF Edge:hit');
    expect(diagram.items).toEqual([
      { kind: 'note', over: ['Edge', 'Origin'], position: 'over', text: 'cache miss' },
      { kind: 'note', over: ['Player'], position: 'left of', text: 'buffering' },
      { kind: 'note', over: ['Edge'], position: 'right of', text: 'hit' },
    ]);
    expect(diagram.participants.map((p) => p.id)).toEqual(['Edge', 'Origin', 'Player']);
  });

  it('reads "note  over" with a wider gap', () => {
    expect(sequence('note  over A: x').items).toEqual([{ kind: 'note', over: ['A'], position: 'over', text: 'x' }]);
  });

  it('reads a message whose text holds "note over" as a message', () => {
    expect(sequence('Ops->>Docs: add note over Edge: done').items).toEqual([message('Ops', 'Docs', 'add note over Edge: done')]);
  });
});

describe('blocks', () => {
  it('nests blocks with their labels and branches, a bare keyword giving an empty label', () => {
    expect(sequence('alt  Cache hit', 'A->>B: one', 'else', 'loop', 'A->>B: two', 'end', 'end', 'A->>B: three').items).toEqual([
      {
        kind: 'block',
        type: 'alt',
        branches: [
          { label: 'Cache hit', items: [message('A', 'B', 'one')] },
          { label: '', items: [{ kind: 'block', type: 'loop', branches: [{ label: '', items: [message('A', 'B', 'two')] }] }] },
        ],
      },
      message('A', 'B', 'three'),
    ]);
  });

  it('opens a branch for each and/option line, keeping its label', () => {
    const [par] = sequence('par  Fetch title', 'A->>B: t', 'and  Fetch art', 'A->>C: a', 'end').items;
    const [critical] = sequence('critical Charge', 'A->>B: c', 'option Card declined', 'A->>B: d', 'end').items;
    expect(par).toMatchObject({ type: 'par', branches: [{ label: 'Fetch title' }, { label: 'Fetch art' }] });
    expect(critical).toMatchObject({ type: 'critical', branches: [{ label: 'Charge' }, { label: 'Card declined' }] });
  });

  it('gives a rect no label: its argument is a color', () => {
    expect(sequence('rect rgb(200, 220, 255)', 'A->>B: x', 'end').items).toEqual([
      { kind: 'block', type: 'rect', branches: [{ label: '', items: [message('A', 'B', 'x')] }] },
    ]);
  });

  it('reads message text holding a keyword as a message, not a block or a branch', () => {
    expect(sequence('par Both', 'Client->>Server: read and write', 'Client->>Server: retry in a loop', 'end').items).toEqual([
      {
        kind: 'block',
        type: 'par',
        branches: [
          { label: 'Both', items: [message('Client', 'Server', 'read and write'), message('Client', 'Server', 'retry in a loop')] },
        ],
      },
    ]);
  });

  it('ignores a divider with no block open and an end too many', () => {
    expect(sequence('else stray', 'end', 'A->>B: x', 'end').items).toEqual([message('A', 'B', 'x')]);
  });
});

describe('boxes', () => {
  it('reads a box as grouping participants only: its steps and its end stay with the block around it', () => {
    const diagram = sequence(
      'loop Poll',
      'box Gray Backend',
      'participant DB',
      'API->>DB: read',
      'and stray',
      'end',
      'API->>DB: write',
      'end',
    );
    expect(diagram.items).toEqual([
      { kind: 'block', type: 'loop', branches: [{ label: 'Poll', items: [message('API', 'DB', 'read'), message('API', 'DB', 'write')] }] },
    ]);
  });

  it('reads a message whose text ends with "box" as a message', () => {
    expect(sequence('A->>B: open the box', 'A->>B: next').items).toEqual([message('A', 'B', 'open the box'), message('A', 'B', 'next')]);
  });
});
