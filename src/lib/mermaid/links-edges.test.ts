/**
 * Edges of the click-line reader and of the links the build puts on boxes: which diagram types
 * and paths are accepted, how loosely a click line may be spaced, what is not a click line at
 * all, the problem and fix a contributor reads, and where the <a> closes in the SVG.
 *
 * The module is imported afresh inside each test (fresh()), so its tables and patterns (the
 * linkable types, the site-path and click-line patterns) are built while a test runs and
 * mutation testing can tell which tests depend on them.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

async function fresh(): Promise<typeof import('./links.ts')> {
  return import('./links.ts');
}

beforeEach(() => {
  vi.resetModules();
});

/** The links and problem messages of one click line written under a box. */
async function readOne(clickLine: string, type = 'flowchart') {
  const { readDiagramLinks } = await fresh();
  return readDiagramLinks(`${type}\n  Z[Zuul]\n  ${clickLine}`, type);
}

describe('which diagrams take links', () => {
  it.each(['flowchart', 'graph', 'sequenceDiagram', 'stateDiagram', 'stateDiagram-v2', 'erDiagram'])(
    'accepts a link on a %s',
    async (type) => {
      expect(await readOne('click Z "/stack/zuul/"', type)).toEqual({
        links: [{ nodeId: 'Z', href: '/stack/zuul/', line: 3 }],
        problems: [],
      });
    },
  );

  it('refuses a link on another type, with the fix', async () => {
    const { links, problems } = await readOne('click Z "/stack/zuul/"', 'classDiagram');
    expect(links).toEqual([]);
    expect(problems).toEqual([
      {
        line: 3,
        message:
          'A link on a classDiagram is not supported; only flowchart boxes, sequence participants, states and ER entities can link to a page.',
        fix: 'Remove the click line, or link the page from the text next to the diagram.',
      },
    ]);
  });
});

describe('which paths are site paths', () => {
  it.each([
    ['/', '/'],
    ['/loop/', 'the root and one segment'],
    ['/stack/zuul/', 'two segments'],
    ['/prompts/playback-service/#api', 'an anchor'],
    ['/prompts/x/#API_v2-b', 'an anchor with capitals, digits, "_" and "-"'],
    ['/a/#b', 'one-letter segments and anchor'],
    ['/#top', 'an anchor on the home page'],
  ])('accepts %s (%s)', async (href) => {
    const { links, problems } = await readOne(`click Z "${href}"`);
    expect(problems).toEqual([]);
    expect(links.map((link) => link.href)).toEqual([href]);
  });

  it.each([
    'https://example.com/',
    'stack/zuul/',
    '/stack/zuul',
    '/stack/zuul/extra',
    '/Stack/',
    '/stack//',
    '/stack/#',
    '/stack/#a b',
    '/stack/#a/',
    '/stack/?q=1',
  ])('refuses %s, saying how to write a site path', async (href) => {
    const { links, problems } = await readOne(`click Z "${href}"`);
    expect(links).toEqual([]);
    expect(problems).toEqual([
      {
        line: 3,
        message: `The link "${href}" on "Z" is not a site path.`,
        fix: 'Use a path on this site that starts and ends with "/", such as click Z href "/stack/zuul/"; links to other sites belong in the text.',
      },
    ]);
  });

  it('takes the path without the spaces written inside the quotes', async () => {
    expect((await readOne('click Z " /stack/zuul/ "')).links).toEqual([{ nodeId: 'Z', href: '/stack/zuul/', line: 3 }]);
  });
});

describe('how a click line may be written', () => {
  it.each([
    ['click  Zuul  "/stack/zuul/"', 'several spaces around a node id of several letters'],
    ['click Zuul href  "/stack/zuul/"', 'several spaces after href'],
    ['click Zuul "/stack/zuul/"  "The Zuul page"', 'a tooltip after several spaces'],
    ['click Zuul\t"/stack/zuul/"', 'a tab'],
  ])('accepts %s (%s)', async (line) => {
    const { readDiagramLinks } = await fresh();
    expect(readDiagramLinks(`flowchart LR\n  Zuul\n  ${line}`, 'flowchart')).toEqual({
      links: [{ nodeId: 'Zuul', href: '/stack/zuul/', line: 3 }],
      problems: [],
    });
  });

  it.each(['click Z callback "/stack/zuul/"', 'click Z "/stack/zuul/"_blank', 'click Z "/stack/zuul/" "tip" _blank', 'click Z "'])(
    'refuses %s, showing the accepted form',
    async (line) => {
      const { links, problems } = await readOne(line);
      expect(links).toEqual([]);
      expect(problems).toEqual([
        {
          line: 3,
          message: 'The link on "Z" is not in the form this site accepts (a callback, a target such as _blank, or a missing quote).',
          fix: 'Write it as click Z href "/stack/zuul/": the node id, then a site path in double quotes.',
        },
      ]);
    },
  );

  it('reads a label that mentions clicking as a box, not as a click line', async () => {
    const { readDiagramLinks, withoutClickLines } = await fresh();
    const source = 'flowchart LR\n  U[Members click play] --> P[Playback]\n  P -->|on click "/x/"| Q';
    expect(readDiagramLinks(source, 'flowchart')).toEqual({ links: [], problems: [] });
    expect(withoutClickLines(source)).toBe(source);
  });

  it('numbers the lines of a block written with Windows line endings', async () => {
    const { readDiagramLinks, withoutClickLines } = await fresh();
    const source = 'flowchart LR\r\n  Z[Zuul] --> P\r\n  click Z "/stack/zuul/"\r\n  click P "/loop/"';
    expect(readDiagramLinks(source, 'flowchart').links.map((link) => link.line)).toEqual([3, 4]);
    expect(withoutClickLines(source)).toBe('flowchart LR\n  Z[Zuul] --> P');
  });

  it('refuses a second link on a box, naming the first one’s line and the fix', async () => {
    const { readDiagramLinks } = await fresh();
    expect(readDiagramLinks('flowchart LR\n  Z\n  click Z "/a/"\n  click Z "/b/"', 'flowchart')).toEqual({
      links: [{ nodeId: 'Z', href: '/a/', line: 3 }],
      problems: [{ line: 4, message: '"Z" already has a link (line 3).', fix: 'Keep one click line per box.' }],
    });
  });
});

describe('links on boxes in the SVG', () => {
  const link = (nodeId: string, href = '/a/') => ({ nodeId, href, line: 2 });

  it('closes the link after the box’s own group, past nested and self-closing groups', async () => {
    const { linkNodes } = await fresh();
    const svg =
      '<svg><g class="node" data-id="A"><g class="icon"/><g class="icon"><circle/></g><text>A</text></g>' +
      '<g class="node" data-id="B"><text>B</text></g></svg>';
    expect(linkNodes(svg, [link('A')])).toEqual({
      svg:
        '<svg><a class="diagram-link" href="/a/"><g class="node linked" data-id="A"><g class="icon"/><g class="icon"><circle/></g><text>A</text></g></a>' +
        '<g class="node" data-id="B"><text>B</text></g></svg>',
      missing: [],
    });
  });

  it('reports a box whose group never closes as missing and leaves the SVG alone', async () => {
    const { linkNodes } = await fresh();
    const svg = '<svg><g class="entity" data-id="A"><rect/><g class="attr">';
    expect(linkNodes(svg, [link('A')])).toEqual({ svg, missing: [link('A')] });
  });

  it('matches a node id with pattern characters literally', async () => {
    const { linkNodes } = await fresh();
    const svg = '<g class="actor" data-id="api.v2"><text>API</text></g><g class="actor" data-id="apixv2"><text>X</text></g>';
    const { svg: linked, missing } = linkNodes(svg, [link('api.v2'), link('a+b')]);
    expect(linked).toBe(
      '<a class="diagram-link" href="/a/"><g class="actor linked" data-id="api.v2"><text>API</text></g></a><g class="actor" data-id="apixv2"><text>X</text></g>',
    );
    expect(missing).toEqual([link('a+b')]);
  });

  it('escapes &, <, > and quotes in the href it writes', async () => {
    const { linkNodes } = await fresh();
    const svg = '<g class="node" data-id="A"></g>';
    expect(linkNodes(svg, [link('A', '/a&b/<c>/"d"/')]).svg).toBe(
      '<a class="diagram-link" href="/a&amp;b/&lt;c&gt;/&quot;d&quot;/"><g class="node linked" data-id="A"></g></a>',
    );
  });
});
