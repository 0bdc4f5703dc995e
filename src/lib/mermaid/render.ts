/**
 * Build-time rendering of Mermaid to inline SVG with beautiful-mermaid, made safe to inline:
 * no third-party font import and no inline styles, ids namespaced per diagram (several diagrams
 * share a page), and colors from the page's theme variables so diagrams follow light and dark.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { renderMermaidSVG } from 'beautiful-mermaid';
import { readDiagramSource, withoutAccessibilityLines } from './source.ts';
import { linkNodes, readDiagramLinks, withoutClickLines, type DiagramLink } from './links.ts';
import { buildCacheDir } from '../build-cache.ts';

export interface RenderedDiagram {
  svg: string;
  /** Size the drawing is shown at, in CSS pixels (the renderer's size times DISPLAY_SCALE). */
  width: number;
  height: number;
  /** Click lines whose node id the drawing does not have (the caller names their lines). */
  missingLinks?: DiagramLink[];
}

/**
 * The renderer draws box labels at 13 px and edge and message labels at 11 px. Shown at this
 * scale, edge labels are 13 px and box labels about 15 px: never smaller than the body's small
 * text (0.8rem).
 * The figure never shrinks a drawing below this size: where its column is narrower, the
 * diagram's phone layout (phone.ts) is shown instead (figure.ts, global.css), and the drawing
 * opens full-screen (diagram-viewer.ts).
 */
export const DISPLAY_SCALE = 13 / 11;

/** Layout spacing: tighter than the renderer's defaults (padding 40), so diagrams fit a column sooner. */
const LAYOUT = { padding: 12, nodeSpacing: 24, layerSpacing: 40 };

/** Bump when the post-processing below changes, so cached SVG is redrawn. */
// Stryker disable next-line StringLiteral: the value only names cache entries; any constant keys them alike within one version of this file.
const RENDERER_VERSION = '12';

/** Colors come from CSS (see .diagram in global.css), so the renderer's values are unused. */
// Stryker disable next-line StringLiteral,BooleanLiteral: bg, fg and transparent only reach the root's style attribute, which stripInlineStyles removes (checked on flowchart, sequence, class, ER and state drawings).
const THEME = { bg: 'var(--diagram-bg)', fg: 'var(--diagram-fg)', transparent: true, ...LAYOUT };

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Makes every id in the SVG unique to this diagram, and every reference to it follow. */
export function namespaceIds(svg: string, prefix: string): string {
  const ids = new Set([...svg.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!));
  let out = svg.replace(/\sid="([^"]+)"/g, (_, id: string) => ` id="${prefix}-${id}"`);
  out = out.replace(/url\(#([^)]+)\)/g, (whole, id: string) => (ids.has(id) ? `url(#${prefix}-${id})` : whole));
  out = out.replace(/(xlink:href|href)="#([^"]+)"/g, (whole, attr: string, id: string) =>
    ids.has(id) ? `${attr}="#${prefix}-${id}"` : whole,
  );
  return out;
}

/**
 * Removes anything active from the SVG: script and foreignObject elements, event-handler
 * attributes and links anywhere else than the site or the drawing itself. Labels come from content, so this is defense in depth behind the content
 * checker and the CSP.
 */
export function sanitizeSvg(svg: string): string {
  return svg
    .replace(/<script\b[\s\S]*?<\/script\s*>/gi, '')
    .replace(/<foreignObject\b[\s\S]*?<\/foreignObject\s*>/gi, '')
    .replace(/<(set|animate(?:Motion|Transform|Color)?)\b[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<[a-z](?:"[^"]*"|'[^']*'|[^"'>])*>/gi, sanitizeTag);
}

/**
 * One start tag (text between tags is left alone): a self-closing or unclosed script,
 * foreignObject or animation element goes, event handlers go whether quoted or not, and a link that is neither a site
 * path ("/stack/zuul/") nor an element of the drawing ("#dg-x-arrowhead") becomes "#": javascript:,
 * an entity-encoded scheme, another host ("//host", "/\host", "https:").
 */
function sanitizeTag(tag: string): string {
  // Animation elements can set an attribute, a link's href included, to any value once the page runs.
  if (/^<(?:script|foreignObject|set|animate(?:Motion|Transform|Color)?)\b/i.test(tag)) return '';
  return tag
    .replace(/\son[a-z]+\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+)/gi, '')
    .replace(
      /(\s(?:xlink:)?href)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/gi,
      (whole, attr: string, dq?: string, sq?: string, bare?: string) =>
        /^(?:\/(?![/\\])|#)/.test(dq ?? sq ?? bare ?? '') ? whole : `${attr}="#"`,
    );
}

/**
 * Drops what must not be inlined: the renderer's <style> blocks (they import a Google font and
 * apply to the whole document, not just this SVG; the site stylesheet carries the same rules,
 * scoped to diagrams), the inline style attribute (a strict CSP forbids it) and data-* attributes
 * nobody reads.
 */
export function stripInlineStyles(svg: string): string {
  return svg
    .replace(/<style>[\s\S]*?<\/style>/g, '')
    .replace(/(<svg\b[^>]*?)\sstyle="[^"]*"/, '$1')
    .replace(/\sdata-[a-z-]+="[^"]*"/g, '');
}

/** Renders one diagram. Throws with the renderer's message if the diagram cannot be drawn. */
export function renderDiagram(source: string, options: { idPrefix: string; title: string; description: string }): RenderedDiagram {
  const { links } = readDiagramLinks(source, readDiagramSource(source).type);
  const raw = renderMermaidSVG(withoutClickLines(withoutAccessibilityLines(source)), THEME);
  // Stryker disable next-line OptionalChaining: beautiful-mermaid writes width and height on every root <svg>, so exec never returns null here.
  const width = Number(/\swidth="([\d.]+)"/.exec(raw)?.[1] ?? 0) * DISPLAY_SCALE;
  // Stryker disable next-line OptionalChaining: as for width.
  const height = Number(/\sheight="([\d.]+)"/.exec(raw)?.[1] ?? 0) * DISPLAY_SCALE;
  // Site paths as written: rehype-content adds the deployment base path to every <a>, these included.
  const linked = linkNodes(raw, links);
  const titleId = `${options.idPrefix}-title`;
  const descId = `${options.idPrefix}-desc`;
  let svg = sanitizeSvg(stripInlineStyles(namespaceIds(linked.svg, options.idPrefix)));
  // An image cannot contain links (its children are presentational): a diagram with linked
  // boxes is a labeled group, so each link is reachable and announced.
  const role = linked.svg === raw ? 'img' : 'group';
  svg = svg.replace(/<svg\b([^>]*)>/, (_, attrs: string) => {
    const sized = attrs
      .replace(/\swidth="[\d.]+"/, ` width="${Math.round(width)}"`)
      .replace(/\sheight="[\d.]+"/, ` height="${Math.round(height)}"`);
    return (
      `<svg${sized} role="${role}" aria-labelledby="${titleId}" aria-describedby="${descId}" focusable="false">` +
      `<title id="${titleId}">${escapeXml(options.title)}</title>` +
      `<desc id="${descId}">${escapeXml(options.description)}</desc>`
    );
  });
  const result: RenderedDiagram = { svg, width: Math.round(width), height: Math.round(height) };
  if (linked.missing.length > 0) result.missingLinks = linked.missing;
  return result;
}

/** Short, stable id for a diagram, from its source. */
export function diagramHash(source: string): string {
  return createHash('sha256').update(source).digest('hex').slice(0, 10);
}

/**
 * Renders through an on-disk cache keyed by the source, the options and the renderer versions,
 * so an unchanged diagram costs one file read on rebuild.
 */
export function renderDiagramCached(
  source: string,
  options: { idPrefix: string; title: string; description: string },
  cacheDir: string | undefined = buildCacheDir('diagrams'),
): RenderedDiagram {
  if (cacheDir === undefined) return renderDiagram(source, options);
  const key = createHash('sha256')
    .update(JSON.stringify([RENDERER_VERSION, beautifulMermaidVersion(), source, options]))
    .digest('hex');
  const file = path.join(cacheDir, `${key}.json`);
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as RenderedDiagram;
  } catch {
    const rendered = renderDiagram(source, options);
    try {
      mkdirSync(cacheDir, { recursive: true });
      writeFileSync(file, JSON.stringify(rendered));
    } catch {
      // A read-only cache only costs speed.
    }
    return rendered;
  }
}

let version: string | undefined;
/** The installed beautiful-mermaid version, read once per build. */
function beautifulMermaidVersion(): string {
  version ??= installedVersion();
  return version;
}

function installedVersion(): string {
  const pkg = path.join(process.cwd(), 'node_modules', 'beautiful-mermaid', 'package.json');
  // Stryker disable next-line StringLiteral: any constant works as the key part when the package is not there; only its being constant matters.
  if (!existsSync(pkg)) return 'unknown';
  return (JSON.parse(readFileSync(pkg, 'utf8')) as { version: string }).version;
}
