import { describe, expect, it, vi } from 'vitest';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { isBuildTimeType, readDiagramSource, withoutAccessibilityLines } from './source.ts';
import { checkDiagram, describeParseError } from './validate.ts';
import { namespaceIds, renderDiagram, renderDiagramCached, sanitizeSvg, stripInlineStyles } from './render.ts';
import { diagramFigure } from './figure.ts';

const FLOW = `flowchart LR
  accTitle: Resume flow
  accDescr: The client reads its position from the bookmark service.
  C[Client] --> B[Bookmark service] --> S[(Store)]`;

describe('reading a block', () => {
  it('finds the type, caption and description', () => {
    expect(readDiagramSource(FLOW)).toMatchObject({
      type: 'flowchart',
      title: 'Resume flow',
      description: 'The client reads its position from the bookmark service.',
    });
  });
  it('reads a multi-line accDescr block', () => {
    const read = readDiagramSource('sequenceDiagram\n  accTitle: T\n  accDescr {\n    first line\n    second line\n  }\n  A->>B: x');
    expect(read.description).toBe('first line second line');
    expect(withoutAccessibilityLines('sequenceDiagram\n  accTitle: T\n  accDescr {\n    a\n  }\n  A->>B: x')).toBe(
      'sequenceDiagram\n  A->>B: x',
    );
  });
  it('knows which types are drawn at build time', () => {
    expect(isBuildTimeType('flowchart')).toBe(true);
    expect(isBuildTimeType('sequenceDiagram')).toBe(true);
    expect(isBuildTimeType('gantt')).toBe(false);
  });
});

describe('checking a block', () => {
  it('accepts a valid diagram with caption and description', async () => {
    expect(await checkDiagram(FLOW)).toEqual([]);
  });
  it('reports a missing caption and text alternative', async () => {
    const problems = await checkDiagram('flowchart LR\n  A --> B');
    expect(problems.map((p) => p.message)).toEqual(['The diagram has no caption.', 'The diagram has no text alternative.']);
  });
  it('reports a syntax error with the line inside the block', async () => {
    const problems = await checkDiagram('flowchart LR\n  accTitle: T\n  accDescr: D\n  A --> B\n  B -->> ]] C');
    expect(problems).toHaveLength(1);
    expect(problems[0]!.line).toBe(5);
    expect(problems[0]!.message).toBe('"-->>" is not an arrow Mermaid knows in a flowchart.');
  });
  it('reports an unknown diagram type', async () => {
    const problems = await checkDiagram('flowchat LR\n  accTitle: T\n  accDescr: D\n  A --> B');
    expect(problems[0]!.message).toBe('Unknown diagram type "flowchat". Did you mean "flowchart"?');
  });
  it('turns parser messages into a sentence', () => {
    expect(describeParseError("Parse error on line 3:\n...\n---^\nExpecting 'A', 'B', got 'C'")).toBe(
      'unexpected C (the parser expected one of: A, B).',
    );
  });
});

describe('rendering at build time', () => {
  const rendered = renderDiagram(FLOW, { idPrefix: 'dg-test', title: 'Resume flow', description: 'Reads the position.' });

  it('draws an accessible SVG with the caption and description inside', () => {
    expect(rendered.svg).toMatch(/^<svg[^>]* role="img" aria-labelledby="dg-test-title" aria-describedby="dg-test-desc"/);
    expect(rendered.svg).toContain('<title id="dg-test-title">Resume flow</title>');
    expect(rendered.svg).toContain('<desc id="dg-test-desc">Reads the position.</desc>');
    expect(rendered.width).toBeGreaterThan(100);
  });
  it('does not draw the accessibility lines as nodes', () => {
    expect(rendered.svg).not.toContain('>accTitle<');
    expect(rendered.svg).toContain('>Bookmark service<');
  });
  it('contacts no third party and carries no inline styles', () => {
    expect(rendered.svg).not.toMatch(/https?:\/\/(?!www\.w3\.org)/);
    expect(rendered.svg).not.toContain('<style');
    expect(rendered.svg).not.toMatch(/<svg[^>]* style=/);
  });
  it('namespaces every id and reference', () => {
    const ids = [...rendered.svg.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!);
    expect(ids.length).toBeGreaterThan(2);
    expect(ids.every((id) => id.startsWith('dg-test-'))).toBe(true);
    expect(namespaceIds('<marker id="a"/><path marker-end="url(#a)" fill="url(#other)"/>', 'p')).toBe(
      '<marker id="p-a"/><path marker-end="url(#p-a)" fill="url(#other)"/>',
    );
    expect(stripInlineStyles('<svg style="--bg:x" data-id="1"><style>@import url(https://fonts.example/x);</style></svg>')).toBe(
      '<svg></svg>',
    );
  });
  it('never carries active content, even from hostile labels', () => {
    const hostile = renderDiagram('flowchart LR\n  A["<img src=x onerror=alert(1)>"] --> B["<script>alert(2)</script>"]', {
      idPrefix: 'dg-h',
      title: 'T',
      description: 'D',
    });
    // Labels arrive as escaped text; no element or attribute is created from them.
    expect(hostile.svg).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(hostile.svg).not.toMatch(/<script|<img|<[^>]+\son[a-z]+=/i);
    expect(sanitizeSvg('<svg><a href="javascript:alert(1)" onclick="x()"><text>t</text></a><script>y()</script></svg>')).toBe(
      '<svg><a href="#"><text>t</text></a></svg>',
    );
  });
  it('caches by content: a second render reads the cache', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'diagram-cache-'));
    const first = renderDiagramCached(FLOW, { idPrefix: 'dg-c', title: 'T', description: 'D' }, dir);
    expect(readdirSync(dir)).toHaveLength(1);
    const second = renderDiagramCached(FLOW, { idPrefix: 'dg-c', title: 'T', description: 'D' }, dir);
    expect(second).toEqual(first);
    renderDiagramCached(`${FLOW}\n  S --> C`, { idPrefix: 'dg-c', title: 'T', description: 'D' }, dir);
    expect(readdirSync(dir)).toHaveLength(2);
  });
  it('with BUILD_CACHE=off, renders every time and stores nothing', () => {
    const options = { idPrefix: 'dg-c', title: 'T', description: 'D' };
    const unique = `${FLOW}\n  S --> N${Date.now()}`;
    const stored = path.join('node_modules', '.cache', 'netflix-loop-guide', 'diagrams');
    const count = () => (existsSync(stored) ? readdirSync(stored).length : 0);
    const before = count();
    vi.stubEnv('BUILD_CACHE', 'off');
    try {
      expect(renderDiagramCached(unique, options)).toEqual(renderDiagram(unique, options));
    } finally {
      vi.unstubAllEnvs();
    }
    expect(count()).toBe(before);
  });
});

describe('the figure markup', () => {
  it('has a caption, the text alternative and the source, escaped', () => {
    const html = diagramFigure({
      idPrefix: 'dg-x',
      caption: 'A & B',
      description: 'Shows <things>.',
      source: 'flowchart LR\n A --> B',
      type: 'flowchart',
      svg: '<svg></svg>',
    });
    expect(html).toContain('<figcaption><span id="dg-x-caption" class="diagram-caption">A &amp; B</span>');
    expect(html).toContain('<p>Shows &lt;things&gt;.</p>');
    expect(html).toContain('A --&gt; B');
    expect(html).toContain('aria-labelledby="dg-x-caption"');
  });
  it('adds the phone layout and the width bucket to a drawing that has one', () => {
    const html = diagramFigure({
      idPrefix: 'dg-p',
      caption: 'C',
      description: 'D',
      source: 'flowchart LR\n A --> B',
      type: 'flowchart',
      svg: '<svg></svg>',
      width: 640,
      phone: '<ul class="diagram-nodes"></ul>',
    });
    expect(html).toMatch(/^<figure class="diagram diagram--phone diagram--w700" /);
    expect(html).toContain(
      '<div class="diagram-steps" role="group" aria-labelledby="dg-p-caption" data-pagefind-ignore><ul class="diagram-nodes"></ul></div>',
    );
    // The layout follows the drawing, before the caption, and "Open full screen" stays.
    expect(html.indexOf('diagram-canvas')).toBeLessThan(html.indexOf('diagram-steps'));
    expect(html).toContain('data-diagram-open');
    const plain = diagramFigure({
      idPrefix: 'dg-q',
      caption: 'C',
      description: 'D',
      source: 'x',
      type: 'classDiagram',
      svg: '<svg></svg>',
      width: 900,
    });
    expect(plain).toMatch(/^<figure class="diagram" /);
    expect(plain).not.toContain('diagram-steps');
  });
  it('marks browser-drawn diagrams for the client script', () => {
    const html = diagramFigure({ idPrefix: 'dg-y', caption: 'C', description: 'D', source: 'gantt', type: 'gantt' });
    expect(html).toContain('data-mermaid-client="dg-y"');
    expect(html).toContain('drawn in your browser');
  });
});
