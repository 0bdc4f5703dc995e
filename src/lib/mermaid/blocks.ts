/**
 * The ```mermaid blocks of a content file as the content check's diagram rule reads them
 * (scripts/check-content/rules/diagrams.ts). One function, so the blocks the build's verdict
 * says the check parses (src/lib/content-verdict.ts) are exactly the blocks it parses.
 */

/** One ```mermaid block: its text between the fences, and the file line of the opening fence. */
export interface MermaidBlock {
  source: string;
  fenceLine: number;
}

/** The ```mermaid blocks of an MDX body whose first line is file line `bodyStartLine`. */
export function mermaidBlocks(body: string, bodyStartLine: number): MermaidBlock[] {
  const blocks: MermaidBlock[] = [];
  const lines = body.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (!/^\s*```mermaid\b/.test(lines[i]!)) continue;
    const start = i;
    const content: string[] = [];
    while (++i < lines.length && !/^\s*```\s*$/.test(lines[i]!)) content.push(lines[i]!);
    blocks.push({ source: content.join('\n'), fenceLine: bodyStartLine + start });
  }
  return blocks;
}

/** What the diagram rule needs of a content file (scripts/check-content/load.ts's ContentFile has it). */
export interface DiagramSourceFile {
  /** The MDX body after the front matter; empty for YAML entries. */
  body?: string;
  /** The line in the file where the body starts. */
  bodyStartLine?: number;
  /** Set when the front matter cannot be parsed: the rule then reads no diagrams of the file. */
  parseError?: unknown;
}

/** The blocks the diagram rule checks in a file: none when it has no body or its front matter does not parse. */
export function checkedMermaidBlocks(file: DiagramSourceFile): MermaidBlock[] {
  if (!file.body || file.parseError) return [];
  return mermaidBlocks(file.body, file.bodyStartLine ?? 1);
}
