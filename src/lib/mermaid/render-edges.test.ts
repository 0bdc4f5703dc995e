/**
 * Edge cases of build-time drawing (render.ts): what the sanitizer removes, how ids stay apart
 * when several diagrams share a page, the size and accessible name a drawing gets, and the
 * on-disk cache. Every drawing is made inside its test, so each test exercises the code it checks.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { diagramHash, namespaceIds, renderDiagram, renderDiagramCached, sanitizeSvg, stripInlineStyles } from './render.ts';

const FLOW = `flowchart LR
  accTitle: Resume flow
  accDescr: The client reads its position from the bookmark service.
  C[Client] --> B[Bookmark service] --> S[(Store)]`;

const OPTIONS = { idPrefix: 'dg-e', title: 'Resume flow', description: 'Reads the position.' };

/**
 * render.ts loaded anew, so its module-level settings (DISPLAY_SCALE, the layout and theme) are
 * evaluated by this test rather than once when the file was first imported.
 */
async function freshRender(): Promise<typeof import('./render.ts')> {
  vi.resetModules();
  return import('./render.ts');
}

function tempDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'render-edges-'));
}

/** The opening <svg ...> tag of a drawing. */
function svgTag(svg: string): string {
  return /^<svg\b[^>]*>/.exec(svg)![0];
}

function ids(svg: string): string[] {
  return [...svg.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!);
}

describe('sanitizeSvg', () => {
  it('removes a script element whatever its case, attributes and multi-line body', () => {
    const svg = '<svg><g>kept</g><SCRIPT type="text/javascript">\n  fetch("/x");\n  alert(1);\n</SCRIPT><text>t</text></svg>';
    expect(sanitizeSvg(svg)).toBe('<svg><g>kept</g><text>t</text></svg>');
  });

  it('removes a foreignObject with the HTML inside it, and only that', () => {
    const svg =
      '<svg><text>a</text><foreignObject x="0" width="10"><div xmlns="http://www.w3.org/1999/xhtml">Some label</div></foreignObject>' +
      '<text>b</text><foreignobject>\n<p>x</p>\n</foreignobject></svg>';
    expect(sanitizeSvg(svg)).toBe('<svg><text>a</text><text>b</text></svg>');
  });

  it('removes event handlers with spaces around "=" and with either quote', () => {
    const svg = `<svg><g class="node" onclick = "go()" onMouseOver='steal(document.cookie)' onload="x()"><text>t</text></g></svg>`;
    expect(sanitizeSvg(svg)).toBe('<svg><g class="node"><text>t</text></g></svg>');
  });

  it('neutralizes javascript: links written with spaces, any case and xlink:href', () => {
    const svg =
      '<svg><a href = "  javascript:alert(1)"><text>a</text></a><a xlink:href="JavaScript:void(0)"><text>b</text></a>' +
      '<a href="/stack/zuul/"><text>c</text></a></svg>';
    expect(sanitizeSvg(svg)).toBe(
      '<svg><a href="#"><text>a</text></a><a xlink:href="#"><text>b</text></a><a href="/stack/zuul/"><text>c</text></a></svg>',
    );
  });

  it('removes SVG animation elements, which could set a link to javascript: once the page runs', () => {
    expect(
      sanitizeSvg(
        '<svg><a href="/stack/zuul/"><set attributeName="href" to="javascript:alert(1)"/><text>Zuul</text></a>' +
          '<g><animate attributeName="href" values="javascript:alert(1)">x</animate><animateTransform type="scale"/>' +
          '<ANIMATEMOTION path="M0 0"></ANIMATEMOTION><animateColor/></g><settings/></svg>',
      ),
    ).toBe('<svg><a href="/stack/zuul/"><text>Zuul</text></a><g></g><settings/></svg>');
  });

  it('leaves a drawing without active content unchanged', () => {
    const svg = '<svg viewBox="0 0 10 10"><g class="node" data-online="1"><text>onion = "on"</text></g></svg>';
    expect(sanitizeSvg(svg)).toBe(svg);
  });
});

describe('stripInlineStyles', () => {
  it("drops the root's style attribute after other attributes, and keeps those attributes", () => {
    expect(stripInlineStyles('<svg xmlns="http://www.w3.org/2000/svg" width="40" style="--bg:red;background:var(--bg)"><g/></svg>')).toBe(
      '<svg xmlns="http://www.w3.org/2000/svg" width="40"><g/></svg>',
    );
  });
});

describe('namespaceIds', () => {
  it('prefixes multi-character ids and the url(#...) and href="#..." references to them', () => {
    const svg =
      '<svg><marker id="arrowhead"/><path id="edge-1" marker-end="url(#arrowhead)" fill="url(#outside)"/>' +
      '<use href="#edge-1"/><use xlink:href="#edge-1"/><a href="#section-2"><text>t</text></a></svg>';
    expect(namespaceIds(svg, 'dg-a')).toBe(
      '<svg><marker id="dg-a-arrowhead"/><path id="dg-a-edge-1" marker-end="url(#dg-a-arrowhead)" fill="url(#outside)"/>' +
        '<use href="#dg-a-edge-1"/><use xlink:href="#dg-a-edge-1"/><a href="#section-2"><text>t</text></a></svg>',
    );
  });

  it('keeps two diagrams on one page apart: no shared id, and each arrow points at its own marker', () => {
    const first = renderDiagram(FLOW, { ...OPTIONS, idPrefix: 'dg-one' }).svg;
    const second = renderDiagram(FLOW, { ...OPTIONS, idPrefix: 'dg-two' }).svg;
    const firstIds = ids(first);
    const secondIds = ids(second);
    expect(firstIds).toContain('dg-one-arrowhead');
    expect(firstIds.filter((id) => secondIds.includes(id))).toEqual([]);
    for (const [svg, own] of [
      [first, firstIds],
      [second, secondIds],
    ] as const) {
      const refs = [...svg.matchAll(/url\(#([^)]+)\)/g)].map((m) => m[1]!);
      expect(refs.length).toBeGreaterThan(0);
      expect(refs.every((ref) => own.includes(ref))).toBe(true);
    }
  });

  it('leaves an in-page link on a box alone when no id in the drawing has that name', () => {
    const source = 'flowchart LR\n  A[Start] --> B[End]\n  click A "/prompts/playback-service/#api"';
    const { svg } = renderDiagram(source, OPTIONS);
    expect(svg).toContain('href="/prompts/playback-service/#api"');
  });
});

describe('renderDiagram', () => {
  it('shows the drawing at DISPLAY_SCALE (13/11) of the renderer size, in whole pixels, keeping the viewBox', async () => {
    const { DISPLAY_SCALE, renderDiagram } = await freshRender();
    expect(DISPLAY_SCALE).toBeCloseTo(13 / 11, 12);
    const rendered = renderDiagram(FLOW, OPTIONS);
    const tag = svgTag(rendered.svg);
    const [, , boxWidth, boxHeight] = /viewBox="([^"]+)"/.exec(tag)![1]!.split(' ').map(Number);
    expect(rendered.width).toBe(Math.round(boxWidth! * (13 / 11)));
    expect(rendered.height).toBe(Math.round(boxHeight! * (13 / 11)));
    expect(rendered.width).toBeGreaterThan(boxWidth!);
    expect(tag).toContain(` width="${rendered.width}" height="${rendered.height}" `);
  });

  it('draws with a tight 12 px margin around the boxes', async () => {
    const { svg } = (await freshRender()).renderDiagram('flowchart LR\n  A[Alone]', OPTIONS);
    const [, , boxWidth] = /viewBox="([^"]+)"/.exec(svgTag(svg))![1]!.split(' ').map(Number);
    const rect = /<rect x="([\d.]+)" y="([\d.]+)" width="([\d.]+)"/.exec(svg)!;
    expect(Number(rect[1])).toBe(12);
    expect(boxWidth).toBeCloseTo(Number(rect[3]) + 24, 6);
  });

  it('names and describes the drawing from the caption and text alternative, escaped', () => {
    const rendered = renderDiagram(FLOW, { idPrefix: 'dg-n', title: 'Q&A <"cache">', description: 'Reads > writes & "hits"' });
    expect(rendered.svg).toMatch(
      /^<svg\b[^>]* role="img" aria-labelledby="dg-n-title" aria-describedby="dg-n-desc" focusable="false"><title id="dg-n-title">Q&amp;A &lt;&quot;cache&quot;&gt;<\/title><desc id="dg-n-desc">Reads &gt; writes &amp; &quot;hits&quot;<\/desc>/,
    );
  });

  it('makes a drawing with linked boxes a group, and one without links an image', () => {
    const linked = renderDiagram('flowchart LR\n  Z[Zuul] --> P[Playback]\n  click Z "/stack/zuul/"', OPTIONS);
    expect(svgTag(linked.svg)).toContain(' role="group" ');
    expect(linked.svg).toContain('href="/stack/zuul/"');
    expect(linked).not.toHaveProperty('missingLinks');
    expect(svgTag(renderDiagram('flowchart LR\n  Z[Zuul] --> P[Playback]', OPTIONS).svg)).toContain(' role="img" ');
  });

  it('reports a click line whose node the drawing does not have', () => {
    const rendered = renderDiagram('flowchart LR\n  Z[Zuul] --> P[Playback]\n  click Q "/stack/zuul/"', OPTIONS);
    expect(rendered.missingLinks).toEqual([{ nodeId: 'Q', href: '/stack/zuul/', line: 3 }]);
  });

  it('carries no style attribute and no data-* attribute anywhere', () => {
    const { svg } = renderDiagram(FLOW, OPTIONS);
    expect(svg).not.toMatch(/\sstyle=|<style|\sdata-/);
  });
});

describe('diagramHash', () => {
  it('is ten hex characters, stable for a source and different for another', () => {
    expect(diagramHash(FLOW)).toMatch(/^[0-9a-f]{10}$/);
    expect(diagramHash(FLOW)).toBe(diagramHash(FLOW));
    expect(diagramHash(`${FLOW}\n  S --> C`)).not.toBe(diagramHash(FLOW));
  });
});

describe('renderDiagramCached', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
    vi.resetModules();
  });

  it('stores one entry named by a hex key, and serves the stored drawing on the next call', () => {
    const dir = tempDir();
    const first = renderDiagramCached(FLOW, OPTIONS, dir);
    expect(first).toEqual(renderDiagram(FLOW, OPTIONS));
    const files = readdirSync(dir);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^[0-9a-f]{64}\.json$/);
    const file = path.join(dir, files[0]!);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(first);
    // What is on disk is what the next build gets: it is not drawn again.
    writeFileSync(file, JSON.stringify({ svg: '<svg>from cache</svg>', width: 1, height: 2 }));
    expect(renderDiagramCached(FLOW, OPTIONS, dir)).toEqual({ svg: '<svg>from cache</svg>', width: 1, height: 2 });
  });

  it('keys entries by the options too: another id prefix is another drawing', () => {
    const dir = tempDir();
    const a = renderDiagramCached(FLOW, OPTIONS, dir);
    const b = renderDiagramCached(FLOW, { ...OPTIONS, idPrefix: 'dg-other' }, dir);
    expect(readdirSync(dir)).toHaveLength(2);
    expect(svgTag(b.svg)).toContain('aria-labelledby="dg-other-title"');
    expect(a.svg).not.toContain('dg-other');
  });

  it('still draws when the cache cannot be written', () => {
    const blocker = path.join(tempDir(), 'a-file');
    writeFileSync(blocker, 'not a folder');
    const cacheDir = path.join(blocker, 'diagrams');
    expect(renderDiagramCached(FLOW, OPTIONS, cacheDir)).toEqual(renderDiagram(FLOW, OPTIONS));
  });

  it('uses the build cache folder by default, and none with BUILD_CACHE=off', () => {
    const project = tempDir();
    vi.spyOn(process, 'cwd').mockReturnValue(project);
    const stored = path.join(project, 'node_modules', '.cache', 'netflix-loop-guide', 'diagrams');
    vi.stubEnv('BUILD_CACHE', 'off');
    expect(renderDiagramCached(FLOW, OPTIONS)).toEqual(renderDiagram(FLOW, OPTIONS));
    expect(readdirSync(project)).toEqual([]);
    vi.stubEnv('BUILD_CACHE', 'on');
    renderDiagramCached(FLOW, OPTIONS);
    expect(readdirSync(stored)).toHaveLength(1);
  });

  it('still draws and caches in a project where beautiful-mermaid has no package.json', async () => {
    const cacheDir = tempDir();
    vi.spyOn(process, 'cwd').mockReturnValue(tempDir());
    const fresh = await freshRender();
    expect(fresh.renderDiagramCached(FLOW, OPTIONS, cacheDir)).toEqual(renderDiagram(FLOW, OPTIONS));
    expect(fresh.renderDiagramCached(FLOW, OPTIONS, cacheDir)).toEqual(renderDiagram(FLOW, OPTIONS));
    expect(readdirSync(cacheDir)).toHaveLength(1);
  });

  it('redraws when the installed beautiful-mermaid version changes', async () => {
    const cacheDir = tempDir();
    const install = (version: string): string => {
      const project = tempDir();
      const pkg = path.join(project, 'node_modules', 'beautiful-mermaid');
      mkdirSync(pkg, { recursive: true });
      writeFileSync(path.join(pkg, 'package.json'), JSON.stringify({ name: 'beautiful-mermaid', version }));
      return project;
    };
    const cwd = vi.spyOn(process, 'cwd');
    for (const [project, entries] of [
      [install('1.0.0'), 1],
      [install('1.0.0'), 1],
      [install('2.0.0'), 2],
    ] as const) {
      cwd.mockReturnValue(project);
      vi.resetModules();
      // A fresh module: the version is read once per build.
      const fresh = await import('./render.ts');
      fresh.renderDiagramCached(FLOW, OPTIONS, cacheDir);
      fresh.renderDiagramCached(FLOW, OPTIONS, cacheDir);
      expect(readdirSync(cacheDir)).toHaveLength(entries);
    }
  });
});

describe('sanitizeSvg, forms a regular expression over whole elements misses', () => {
  it('removes a script or foreignObject whose end tag has a space before ">"', () => {
    expect(sanitizeSvg('<svg><script>\nalert(1)\n</script ><g/><foreignObject><p>x y</p></foreignObject\n></svg>')).toBe('<svg><g/></svg>');
  });

  it('keeps an element whose quoted value only mentions a script tag', () => {
    const svg = '<svg><g data-label="see <script> and <foreignObject>"/><text>kept</text></svg>';
    expect(sanitizeSvg(svg)).toBe(svg);
  });

  it('removes a self-closing or unclosed script or foreignObject tag', () => {
    expect(sanitizeSvg('<svg><script href="/x.js"/><g/><SCRIPT>alert(1)<foreignObject width="9"/></svg>')).toBe('<svg><g/>alert(1)</svg>');
  });

  it('removes unquoted event handlers, but never touches text between tags', () => {
    expect(sanitizeSvg('<svg><g onclick=alert(1) class="n"><text x="1">Set online=yes now</text></g></svg>')).toBe(
      '<svg><g class="n"><text x="1">Set online=yes now</text></g></svg>',
    );
  });

  it('looks past a ">" inside a quoted value to the handler after it', () => {
    expect(sanitizeSvg(`<svg><g data-label="a>b" title='c>d' onclick="x()"/></svg>`)).toBe(`<svg><g data-label="a>b" title='c>d'/></svg>`);
  });

  it('keeps links to site paths and to the drawing, and turns every other link into "#"', () => {
    const svg =
      `<svg><a href='javascript:alert(1)'/><a href="&#106;avascript:x"/><a href=javascript:y /><a xlink:href="//evil.example/"/>` +
      `<a href="/\\evil.example/"/><a href="https://evil.example/"/><a href="/stack/zuul/"/><use href="#dg-a-arrowhead"/><a href='/prompts/x/' /><a href=/prompts/y/ /></svg>`;
    expect(sanitizeSvg(svg)).toBe(
      `<svg><a href="#"/><a href="#"/><a href="#" /><a xlink:href="#"/><a href="#"/><a href="#"/><a href="/stack/zuul/"/><use href="#dg-a-arrowhead"/><a href='/prompts/x/' /><a href=/prompts/y/ /></svg>`,
    );
  });
});
