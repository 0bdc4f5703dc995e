/**
 * Boxes that link into the site: the click lines a block may carry, what is refused (and on
 * which line), and the <a> the build wraps around the box in the SVG.
 */
import { describe, expect, it } from 'vitest';
import { linkNodes, readDiagramLinks, withoutClickLines } from './links.ts';
import { renderDiagram } from './render.ts';
import { checkDiagram } from './validate.ts';

const LINKED = `flowchart LR
  accTitle: Edge to service
  accDescr: Zuul routes the request to the playback service.
  Z[Zuul] --> P[Playback service]
  click Z href "/stack/zuul/"
  click P "/prompts/playback-service/#api" "The prompt"`;

describe('reading click lines', () => {
  it('reads the href form and the short form, with their lines', () => {
    expect(readDiagramLinks(LINKED, 'flowchart')).toEqual({
      links: [
        { nodeId: 'Z', href: '/stack/zuul/', line: 5 },
        { nodeId: 'P', href: '/prompts/playback-service/#api', line: 6 },
      ],
      problems: [],
    });
  });

  it.each([
    ['click Z href "https://example.com/"', /not a site path/],
    ['click Z href "//example.com/x/"', /not a site path/],
    ['click Z href "javascript:alert(1)"', /not a site path/],
    ['click Z href "/stack/zuul"', /not a site path/],
    ['click Z call alert()', /not in the form/],
    ['click Z href "/stack/zuul/" _blank', /not in the form/],
    ['click Z myCallback', /not in the form/],
  ])('refuses %s', (line, message) => {
    const { links, problems } = readDiagramLinks(`flowchart LR\n  Z[Zuul]\n  ${line}`, 'flowchart');
    expect(links).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.line).toBe(3);
    expect(problems[0]!.message).toMatch(message);
    expect(problems[0]!.fix).toMatch(/click Z href "\/stack\/zuul\/"|site path|Remove/);
  });

  it('refuses a second link on the same box and links on other diagram types', () => {
    expect(readDiagramLinks('flowchart LR\n  click Z "/a/"\n  click Z "/b/"', 'flowchart').problems[0]!.message).toBe(
      '"Z" already has a link (line 2).',
    );
    expect(readDiagramLinks('classDiagram\n  click A "/a/"', 'classDiagram').problems[0]!.message).toMatch(/only flowchart boxes/);
    expect(readDiagramLinks('sequenceDiagram\n  click A "/a/"', 'sequenceDiagram')).toEqual({
      links: [{ nodeId: 'A', href: '/a/', line: 2 }],
      problems: [],
    });
  });

  it('is reported by the build check, on the click line', async () => {
    const problems = await checkDiagram(LINKED.replace('"/stack/zuul/"', '"https://zuul.example/"'));
    expect(problems).toHaveLength(1);
    expect(problems[0]!.line).toBe(5);
  });

  it('leaves the rest of the block for the renderer', () => {
    expect(withoutClickLines(LINKED)).not.toMatch(/click/);
    expect(withoutClickLines(LINKED).split('\n')).toHaveLength(4);
  });
});

describe('linked boxes in the drawing', () => {
  it('wraps each linked box in an <a> with the site path and the box label as its name', () => {
    const { svg, missingLinks } = renderDiagram(LINKED, { idPrefix: 'dg-l', title: 'T', description: 'D' });
    expect(missingLinks).toBeUndefined();
    expect(svg).toMatch(/<a class="diagram-link" href="\/stack\/zuul\/"><g class="node linked"[^>]*>[\s\S]*?>Zuul<\/text>/);
    expect(svg).toContain('<a class="diagram-link" href="/prompts/playback-service/#api">');
    // Links cannot live inside role="img"; a linked diagram is a labeled group.
    expect(svg).toMatch(/<svg[^>]* role="group" aria-labelledby="dg-l-title"/);
    expect(renderDiagram(withoutClickLines(LINKED), { idPrefix: 'dg-n', title: 'T', description: 'D' }).svg).toMatch(
      /<svg[^>]* role="img"/,
    );
    // No box is drawn for the click lines themselves.
    expect(svg).not.toMatch(/>click</);
    expect(svg.match(/<a /g)).toHaveLength(2);
  });

  it('names a click line whose box does not exist', () => {
    const { missingLinks } = renderDiagram(`${LINKED}\n  click Q "/stack/evcache/"`, { idPrefix: 'dg-l', title: 'T', description: 'D' });
    expect(missingLinks).toEqual([{ nodeId: 'Q', href: '/stack/evcache/', line: 7 }]);
  });

  it('links a sequence participant, a state and an ER entity, nested groups included', async () => {
    const sequence = `sequenceDiagram
  accTitle: T
  accDescr: D
  participant Z as Zuul
  actor U as Member
  U->>Z: request
  click Z "/stack/zuul/"
  click U "/loop/"`;
    expect(await checkDiagram(sequence)).toEqual([]);
    const { svg, missingLinks } = renderDiagram(sequence, { idPrefix: 'dg-s', title: 'T', description: 'D' });
    expect(missingLinks).toBeUndefined();
    expect(svg).toMatch(
      /<a class="diagram-link" href="\/stack\/zuul\/"><g class="actor linked"[^>]*>\s*<rect[^>]*\/>\s*<text[^>]*>Zuul<\/text>\s*<\/g><\/a>/,
    );
    // The actor's icon is a nested group: the whole figure, label included, is inside the link.
    expect(svg).toMatch(
      /<a class="diagram-link" href="\/loop\/"><g class="actor linked"[^>]*>\s*<g [^>]*>[\s\S]*?<\/g>\s*<text[^>]*>Member<\/text>\s*<\/g><\/a>/,
    );
    const state = 'stateDiagram-v2\n  accTitle: T\n  accDescr: D\n  [*] --> Open\n  click Open "/a/"';
    expect(await checkDiagram(state)).toEqual([]);
    expect(renderDiagram(state, { idPrefix: 'dg-t', title: 'T', description: 'D' }).svg).toMatch(
      /<a class="diagram-link" href="\/a\/"><g class="node linked"/,
    );
    const er = 'erDiagram\n  accTitle: T\n  accDescr: D\n  TITLE ||--o{ SEASON : has\n  click SEASON "/b/"';
    expect(await checkDiagram(er)).toEqual([]);
    expect(renderDiagram(er, { idPrefix: 'dg-e', title: 'T', description: 'D' }).svg).toMatch(
      /<a class="diagram-link" href="\/b\/"><g class="entity linked"/,
    );
  });

  it('names a sequence click line whose participant does not exist', () => {
    const { missingLinks } = renderDiagram('sequenceDiagram\n  A->>B: hi\n  click C "/c/"', {
      idPrefix: 'dg-m',
      title: 'T',
      description: 'D',
    });
    expect(missingLinks).toEqual([{ nodeId: 'C', href: '/c/', line: 3 }]);
  });

  it('escapes what it writes into the attribute', () => {
    const svg = '<g class="node" data-id="A" data-label="A"><rect/></g>';
    expect(linkNodes(svg, [{ nodeId: 'A', href: '/a/"x', line: 1 }]).svg).toContain('href="/a/&quot;x"');
  });
});
