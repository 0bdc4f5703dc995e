/**
 * Reading a Mermaid block as a contributor writes it. The caption and the text alternative use
 * Mermaid's own accessibility syntax, so the block stays plain Mermaid:
 *
 *     flowchart LR
 *       accTitle: Playback start, from the client to Open Connect
 *       accDescr: The client asks the playback service for a manifest ...
 *       Client --> Zuul
 *
 * `accDescr { ... }` over several lines works too.
 */

export interface DiagramSource {
  /** The whole block as written. */
  source: string;
  /** The diagram keyword on the first line, such as "flowchart" or "sequenceDiagram". */
  type: string;
  /** From `accTitle:`; shown as the figure caption. */
  title?: string;
  /** From `accDescr:`; the text alternative. */
  description?: string;
}

/** Diagram types rendered at build time. Anything else is drawn in the browser by mermaid. */
export const BUILD_TIME_TYPES: ReadonlySet<string> = new Set([
  'graph',
  'flowchart',
  'stateDiagram',
  'stateDiagram-v2',
  'sequenceDiagram',
  'classDiagram',
  'erDiagram',
  'xychart-beta',
]);

export function readDiagramSource(source: string): DiagramSource {
  const lines = source.replace(/\r\n/g, '\n').split('\n');
  let type = '';
  let title: string | undefined;
  let description: string | undefined;
  let inFrontMatter = false;
  for (let i = 0; i < lines.length; i++) {
    const trimmed = lines[i]!.trim();
    if (i === 0 && trimmed === '---') {
      inFrontMatter = true;
      continue;
    }
    if (inFrontMatter) {
      if (trimmed === '---') inFrontMatter = false;
      continue;
    }
    if (!trimmed || trimmed.startsWith('%%')) continue;
    if (!type) {
      type = trimmed.split(/[\s;]/)[0]!;
      continue;
    }
    // The line is trimmed and `\s*` takes the spaces after the colon: the text has none to trim.
    const titleMatch = /^accTitle\s*:\s*(.+)/.exec(trimmed);
    if (titleMatch) title = titleMatch[1]!;
    const descriptionMatch = /^accDescr\s*:\s*(.+)/.exec(trimmed);
    if (descriptionMatch) description = descriptionMatch[1]!;
    if (/^accDescr\s*\{/.test(trimmed)) {
      // The line starts with the opening, so its first match is the one removed.
      const parts = [trimmed.replace(/accDescr\s*\{/, '')];
      while (!parts[parts.length - 1]!.includes('}') && i + 1 < lines.length) parts.push(lines[++i]!);
      description = parts.join(' ').replace(/\}.*/, '').replace(/\s+/g, ' ').trim();
    }
  }
  return { source, type, title, description };
}

/**
 * Types drawn in the browser whose mermaid grammar has no accTitle/accDescr: mermaid would read
 * those lines as nodes (a mindmap then has "only one root" too many) or reject them. Their
 * accessibility lines become Mermaid comments before mermaid reads the block; the caption and
 * text alternative still come from them (readDiagramSource), like every other diagram's.
 */
export const TYPES_WITHOUT_ACCESSIBILITY_SYNTAX: ReadonlySet<string> = new Set(['mindmap', 'kanban', 'sankey-beta', 'block-beta']);

/**
 * Types where the site accepts click lines (links.ts) but mermaid's grammar has none: their
 * click lines become "%%" comments before mermaid checks the block.
 */
export const TYPES_WITHOUT_CLICK_SYNTAX: ReadonlySet<string> = new Set(['sequenceDiagram', 'stateDiagram', 'stateDiagram-v2', 'erDiagram']);

/**
 * The block as mermaid should read it, for checking at build time and for drawing in the
 * browser: unchanged, except that for the types above the accTitle/accDescr lines (a multi-line
 * accDescr block included), or the click lines, become "%%" comments, so every other line keeps
 * its number.
 */
export function sourceForMermaid(source: string): string {
  const normalized = source.replace(/\r\n/g, '\n');
  const type = readDiagramSource(normalized).type;
  // `\s*` matches at the start of the line, even when it matches nothing: the indentation.
  const comment = (line: string) => `${/\s*/.exec(line)![0]}%% ${line.trim()}`;
  if (TYPES_WITHOUT_CLICK_SYNTAX.has(type)) {
    return normalized
      .split('\n')
      .map((line) => (/^click\s/.test(line.trim()) ? comment(line) : line))
      .join('\n');
  }
  if (!TYPES_WITHOUT_ACCESSIBILITY_SYNTAX.has(type)) return source;
  const lines = normalized.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const trimmed = lines[i]!.trim();
    if (/^acc(Title|Descr)\s*:/.test(trimmed)) lines[i] = comment(lines[i]!);
    else if (/^accDescr\s*\{/.test(trimmed)) {
      // Every line of the block, up to and including the one that closes it.
      for (;;) {
        const closes = lines[i]!.includes('}') || i + 1 >= lines.length;
        lines[i] = comment(lines[i]!);
        if (closes) break;
        i++;
      }
    }
  }
  return lines.join('\n');
}

export function isBuildTimeType(type: string): boolean {
  return BUILD_TIME_TYPES.has(type);
}

/**
 * The block without its accTitle/accDescr lines. beautiful-mermaid does not know them and would
 * draw them as nodes; the caption and description are added to the SVG separately.
 */
export function withoutAccessibilityLines(source: string): string {
  const lines = source.replace(/\r\n/g, '\n').split('\n');
  const kept: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const trimmed = lines[i]!.trim();
    if (/^acc(Title|Descr)\s*:/.test(trimmed)) continue;
    if (/^accDescr\s*\{/.test(trimmed)) {
      while (!lines[i]!.includes('}') && i + 1 < lines.length) i++;
      continue;
    }
    kept.push(lines[i]!);
  }
  return kept.join('\n');
}
