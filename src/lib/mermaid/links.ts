/**
 * Boxes that link into the site, declared with Mermaid's own click syntax, so a block stays
 * plain Mermaid and previews the same in mermaid.live:
 *
 *     flowchart LR
 *       Z[Zuul] --> P[Playback API]
 *       click Z href "/stack/zuul/"
 *       click P "/prompts/playback-service/#api"
 *
 * Only the link form is accepted: a site-relative path (rehype-content gives it the deployment
 * base path, as it does every link in content), never a URL with a scheme, a protocol-relative "//host", a callback ("call" or a
 * function name) or a target such as "_blank". Flowchart boxes, sequence participants, states
 * and ER entities take links (by the id written in the source: `participant Z as Zuul` →
 * `click Z "/stack/zuul/"`); the link is on the box in the drawing and on the name in the phone
 * layout (phone.ts). Mermaid itself knows click lines only in flowcharts, so validate.ts hides
 * them from its parser in the other types.
 */

export interface DiagramLink {
  /** The node id the link is on, as written after "click". */
  nodeId: string;
  /** The site-relative path, such as "/stack/zuul/" or "/prompts/x/#api". */
  href: string;
  /** 1-based line of the click line within the block. */
  line: number;
}

export interface DiagramLinkProblem {
  line: number;
  message: string;
  fix: string;
}

/** Diagram types whose nodes can carry a link. */
export const LINKABLE_TYPES: ReadonlySet<string> = new Set([
  'flowchart',
  'graph',
  'sequenceDiagram',
  'stateDiagram',
  'stateDiagram-v2',
  'erDiagram',
]);

/** A site path: lowercase segments of letters, digits, "-" and "_", ending in "/", with an optional #anchor. */
const SITE_PATH = /^\/(?:[a-z0-9_-]+\/)*(?:#[A-Za-z0-9_-]+)?$/;

/** Applied to one trimmed line, so the rest of the line is everything after the node id. */
const CLICK_LINE = /^click\s+(\S+)\s+(.*)/;

/** Reads every click line. Problems name the line and how to write the link instead. */
export function readDiagramLinks(source: string, type: string): { links: DiagramLink[]; problems: DiagramLinkProblem[] } {
  const links: DiagramLink[] = [];
  const problems: DiagramLinkProblem[] = [];
  const lines = source.replace(/\r\n/g, '\n').split('\n');
  const seen = new Map<string, number>();
  lines.forEach((raw, index) => {
    const line = index + 1;
    const match = CLICK_LINE.exec(raw.trim());
    if (!match) return;
    const [, nodeId, rest] = match as unknown as [string, string, string];
    const example = `click ${nodeId} href "/stack/zuul/"`;
    if (!LINKABLE_TYPES.has(type)) {
      problems.push({
        line,
        message: `A link on a ${type} is not supported; only flowchart boxes, sequence participants, states and ER entities can link to a page.`,
        fix: 'Remove the click line, or link the page from the text next to the diagram.',
      });
      return;
    }
    // `rest` has no space at either end: the line is trimmed and CLICK_LINE takes the spaces after the id.
    const target = /^(?:href\s+)?"([^"]*)"(?:\s+"[^"]*")?$/.exec(rest);
    if (!target) {
      problems.push({
        line,
        message: `The link on "${nodeId}" is not in the form this site accepts (a callback, a target such as _blank, or a missing quote).`,
        fix: `Write it as ${example}: the node id, then a site path in double quotes.`,
      });
      return;
    }
    const href = target[1]!.trim();
    if (!SITE_PATH.test(href)) {
      problems.push({
        line,
        message: `The link "${href}" on "${nodeId}" is not a site path.`,
        fix: `Use a path on this site that starts and ends with "/", such as ${example}; links to other sites belong in the text.`,
      });
      return;
    }
    const earlier = seen.get(nodeId);
    if (earlier !== undefined) {
      problems.push({
        line,
        message: `"${nodeId}" already has a link (line ${earlier}).`,
        fix: 'Keep one click line per box.',
      });
      return;
    }
    seen.set(nodeId, line);
    links.push({ nodeId, href, line });
  });
  return { links, problems };
}

/** The block without its click lines (beautiful-mermaid would draw "click" as a box). */
export function withoutClickLines(source: string): string {
  return source
    .replace(/\r\n/g, '\n')
    .split('\n')
    .filter((line) => !CLICK_LINE.test(line.trim()))
    .join('\n');
}

function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The end of the <g> element that opens at `start`, counting nested groups (an actor's icon is one). */
function groupEnd(svg: string, start: number): number {
  const tags = /<g\b[^>]*?(\/?)>|<\/g>/g;
  tags.lastIndex = start;
  let depth = 0;
  for (let tag = tags.exec(svg); tag; tag = tags.exec(svg)) {
    if (tag[0] === '</g>') depth--;
    else if (!tag[1]) depth++;
    if (depth === 0) return tag.index + tag[0].length;
  }
  return -1;
}

/**
 * Wraps each linked node's group in the SVG in an <a href>: a flowchart or state box
 * (class "node"), a sequence participant (class "actor") or an ER entity (class "entity"). The
 * box's visible text is the link's accessible name (an aria-label would drift from it, as with a
 * label broken over lines). Returns the links whose id was not found, so the caller can name the line.
 * Must run before data-* attributes are stripped: the node ids are read from data-id.
 */
export function linkNodes(svg: string, links: readonly DiagramLink[]): { svg: string; missing: DiagramLink[] } {
  const missing: DiagramLink[] = [];
  let out = svg;
  for (const link of links) {
    const id = link.nodeId.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const found = new RegExp(`<g class="(node|actor|entity)" data-id="${id}"`).exec(out);
    const end = found ? groupEnd(out, found.index) : undefined;
    if (!found || end === -1) {
      missing.push(link);
      continue;
    }
    // The first <g class="..."> in the slice is the box's own opening tag.
    const group = out.slice(found.index, end).replace(/<g class="(\w+)"/, '<g class="$1 linked"');
    const anchor = `<a class="diagram-link" href="${escapeAttribute(link.href)}">${group}</a>`;
    out = out.slice(0, found.index) + anchor + out.slice(end);
  }
  return { svg: out, missing };
}
