/**
 * The ER reader at its edges: every cardinality symbol in words, relationships written tightly
 * or with spaces, the word forms ("only one to zero or more"), aliases, attribute columns, keys
 * and comments, entities named alone, and the lines it must not read as entities.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

let parseEr: typeof import('./er.ts').parseEr;

// A fresh copy of the module in each test, so its cardinality table and line patterns are built
// inside the test (mutation testing then checks them against these tests, not only the module load).
beforeEach(async () => {
  vi.resetModules();
  ({ parseEr } = await import('./er.ts'));
});

const er = (...lines: string[]) => parseEr(['erDiagram', ...lines].join('\n'));

describe('relationship symbols', () => {
  it.each([
    ['||', 'exactly one'],
    ['|o', 'zero or one'],
    ['o|', 'zero or one'],
    ['}o', 'zero or more'],
    ['}|', 'one or more'],
  ])('reads the left end %s as %j', (symbol, words) => {
    const [relationship] = er(`A ${symbol}--|| B : has`).relationships;
    expect(relationship).toMatchObject({ fromCardinality: words, toCardinality: 'exactly one' });
  });

  it.each([
    ['||', 'exactly one'],
    ['|o', 'zero or one'],
    ['o|', 'zero or one'],
    ['o{', 'zero or more'],
    ['|{', 'one or more'],
  ])('reads the right end %s as %j', (symbol, words) => {
    const [relationship] = er(`A ||--${symbol} B : has`).relationships;
    expect(relationship).toMatchObject({ fromCardinality: 'exactly one', toCardinality: words });
  });

  it('reads an end left without a symbol as exactly one', () => {
    expect(er('A -- B : pairs with').relationships).toEqual([
      { from: 'A', to: 'B', label: 'pairs with', fromCardinality: 'exactly one', toCardinality: 'exactly one', identifying: true },
    ]);
  });

  it('reads a relationship written without spaces like one written with them', () => {
    const tight = er('MEMBER||--o{PROFILE:owns many').relationships;
    const spaced = er('MEMBER  ||  --  o{  PROFILE  :  owns many').relationships;
    const expected = { from: 'MEMBER', to: 'PROFILE', label: 'owns many', fromCardinality: 'exactly one', toCardinality: 'zero or more' };
    expect(tight).toEqual([{ ...expected, identifying: true }]);
    expect(spaced).toEqual([{ ...expected, identifying: true }]);
  });

  it('reads a dotted line as non-identifying, with hyphens and quotes in the ids', () => {
    const diagram = er('"play-api" }|..|{ "title_catalog" : reads');
    expect(diagram.relationships).toEqual([
      {
        from: 'play-api',
        to: 'title_catalog',
        label: 'reads',
        fromCardinality: 'one or more',
        toCardinality: 'one or more',
        identifying: false,
      },
    ]);
    expect(diagram.entities.map((e) => e.id)).toEqual(['play-api', 'title_catalog']);
  });
});

describe('relationships in words', () => {
  it('keeps the words of each end and reads "to" as identifying', () => {
    expect(er('MEMBER only one to zero or more PROFILE : owns').relationships).toEqual([
      { from: 'MEMBER', to: 'PROFILE', label: 'owns', fromCardinality: 'only one', toCardinality: 'zero or more', identifying: true },
    ]);
  });

  it('reads "optionally to" as non-identifying, whatever the spacing', () => {
    expect(er('"title-row"   one or more   optionally to   zero or one   ARTWORK:has art').relationships).toEqual([
      {
        from: 'title-row',
        to: 'ARTWORK',
        label: 'has art',
        fromCardinality: 'one or more',
        toCardinality: 'zero or one',
        identifying: false,
      },
    ]);
  });

  it('orders the entities by first mention across both forms', () => {
    const diagram = er('PLAN ||--o{ MEMBER : covers', 'MEMBER one or more to only one DEVICE : uses');
    expect(diagram.entities.map((e) => e.id)).toEqual(['PLAN', 'MEMBER', 'DEVICE']);
    expect(diagram.relationships.map((r) => r.label)).toEqual(['covers', 'uses']);
  });
});

describe('entity blocks', () => {
  it('reads aligned columns, several keys and comments, and stops at an indented closing brace', () => {
    const diagram = er(
      '    TITLE {',
      '        string   id     PK         "catalog id"',
      '        string   region PK, FK',
      '        int      rank   UK "#35; in region"',
      '        string   name',
      '    }',
      '    TITLE ||--o{ ARTWORK : shows',
    );
    expect(diagram.entities[0]!.attributes).toEqual([
      { type: 'string', name: 'id', keys: ['PK'], comment: 'catalog id' },
      { type: 'string', name: 'region', keys: ['PK', 'FK'] },
      { type: 'int', name: 'rank', keys: ['UK'], comment: '# in region' },
      { type: 'string', name: 'name', keys: [] },
    ]);
    expect(diagram.relationships.map((r) => `${r.from}->${r.to}`)).toEqual(['TITLE->ARTWORK']);
  });

  it('reads a compact block', () => {
    const diagram = er('A{', 'string id PK"key"', '}');
    expect(diagram.entities).toEqual([{ id: 'A', label: 'A', attributes: [{ type: 'string', name: 'id', keys: ['PK'], comment: 'key' }] }]);
  });

  it.each([
    ['A["Play API"] {', 'Play API'],
    ['A [ "Play API" ] {', 'Play API'],
    ['A[Playback] {', 'Playback'],
    ['A [ Playback ] {', 'Playback'],
  ])('takes the alias of %s', (opening, label) => {
    expect(er(opening, 'string id', '}').entities).toEqual([{ id: 'A', label, attributes: [{ type: 'string', name: 'id', keys: [] }] }]);
  });

  it('skips a line in a block that is no attribute, without reading it as an entity', () => {
    const diagram = er('A {', 'string id', 'broken', '}', 'B');
    expect(diagram.entities).toEqual([
      { id: 'A', label: 'A', attributes: [{ type: 'string', name: 'id', keys: [] }] },
      { id: 'B', label: 'B', attributes: [] },
    ]);
  });

  it('shows no part of an attribute line with unquoted words after its name', () => {
    expect(er('A {', 'string name extra words', '}').entities[0]!.attributes).toEqual([]);
  });

  it('reads an empty block and goes on after it', () => {
    expect(er('A {', '}', 'A ||--|| B : twin').relationships).toHaveLength(1);
  });

  it('reads the attributes of a block the source never closes', () => {
    expect(er('A {', 'string id').entities).toEqual([{ id: 'A', label: 'A', attributes: [{ type: 'string', name: 'id', keys: [] }] }]);
  });

  it('reads a block opened on a line with more after the brace as no block', () => {
    expect(er('A { string id', 'B').entities.map((e) => e.id)).toEqual(['B']);
  });
});

describe('lone entities and other lines', () => {
  it('adds an entity named alone, quoted or not, in order of mention', () => {
    expect(er('ZETA', '"alpha-1"', 'alpha-1 ||--|| ZETA : pairs').entities.map((e) => e.id)).toEqual(['ZETA', 'alpha-1']);
  });

  it('reads no commented-out line: relationship, word form, block opening or entity', () => {
    const diagram = er(
      '%% A ||--o{ B : x',
      '%% MEMBER only one to zero or more PROFILE : owns',
      '%% TITLE {',
      'string id',
      '}',
      '%%LONE',
      '',
    );
    expect(diagram).toEqual({ entities: [], relationships: [] });
  });

  it('adds no entity for a direction line, a comment or a line of several words', () => {
    expect(er('direction LR', '%% TITLE', 'two words here', 'x A ||--o{ B : y').entities).toEqual([]);
  });
});
