/**
 * Turns ```mermaid blocks into figures at build time: an inline SVG (beautiful-mermaid) with its
 * caption, text alternative and source, and its phone layout (phone.ts), shown instead of the
 * drawing in a column too narrow for it. Types beautiful-mermaid cannot draw become a figure the
 * browser draws with mermaid, and the page is told to load it (frontmatter.clientDiagrams).
 * A block that does not parse, or lacks accTitle/accDescr, fails the build with file and line.
 */
import path from 'node:path';
import type { Code, Root } from 'mdast';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
import { readDiagramSource, isBuildTimeType } from '../lib/mermaid/source.ts';
import { checkDiagram } from '../lib/mermaid/validate.ts';
import { diagramCheckedByBuild } from '../lib/content-verdict.ts';
import { renderDiagramCached } from '../lib/mermaid/render.ts';
import { drawingOptions } from '../lib/mermaid/drawing-options.ts';
import { diagramFigure } from '../lib/mermaid/figure.ts';
import { readDiagramLinks } from '../lib/mermaid/links.ts';
import { phoneLayout } from '../lib/mermaid/phone.ts';

export class DiagramError extends Error {
  readonly file: string;
  readonly line: number;
  readonly fix: string;
  constructor(file: string, line: number, problem: string, fix: string) {
    super(`${file}:${line}: ${problem} ${fix}`);
    this.name = 'DiagramError';
    this.file = file;
    this.line = line;
    this.fix = fix;
  }
}

function relativePath(file: VFile): string {
  return file.path ? path.relative(process.cwd(), file.path).replace(/\\/g, '/') : '<unknown file>';
}

export default function remarkDiagrams() {
  return async (tree: Root, file: VFile) => {
    const blocks: { node: Code; index: number; parent: { children: unknown[] } }[] = [];
    visit(tree, 'code', (node, index, parent) => {
      if (node.lang === 'mermaid' && parent && index !== undefined) {
        blocks.push({ node, index, parent });
      }
    });
    let clientDiagrams = false;
    // Options from the page alone, so the build script compiling this page beside Astro (src/lib/mdx-ahead.ts) draws the same.
    const options = drawingOptions(blocks.map(({ node }) => node.value));
    for (const [position, { node, index, parent }] of blocks.entries()) {
      const fenceLine = node.position?.start.line ?? 0;
      // Inside `npm run build`, the content check parses the blocks it lists in its verdict and stops
      // the build on any problem: each diagram is parsed once per build, not once more here.
      const problems = diagramCheckedByBuild(node.value) ? [] : await checkDiagram(node.value);
      const first = problems[0];
      if (first) throw new DiagramError(relativePath(file), fenceLine + first.line, first.message, first.fix);
      const read = readDiagramSource(node.value);
      const { idPrefix, title: caption, description } = options[position]!;
      let html: string;
      if (isBuildTimeType(read.type)) {
        try {
          const rendered = renderDiagramCached(node.value, { idPrefix, title: caption, description });
          const missing = rendered.missingLinks?.[0];
          if (missing) {
            throw new DiagramError(
              relativePath(file),
              fenceLine + missing.line,
              `The click line links "${missing.nodeId}", but the diagram has no box with that id.`,
              'Use the id written before the box label, as in `Z[Zuul]` → `click Z href "/stack/zuul/"`.',
            );
          }
          html = diagramFigure({
            idPrefix,
            caption,
            description,
            source: node.value,
            svg: rendered.svg,
            type: read.type,
            width: rendered.width,
            phone: phoneLayout(node.value, read.type, readDiagramLinks(node.value, read.type).links),
          });
        } catch (error) {
          if (error instanceof DiagramError) throw error;
          throw new DiagramError(
            relativePath(file),
            fenceLine + 1,
            `The diagram could not be drawn: ${(error as Error).message}`,
            'Simplify the diagram or check it in mermaid.live.',
          );
        }
      } else {
        clientDiagrams = true;
        html = diagramFigure({ idPrefix, caption, description, source: node.value, type: read.type });
      }
      parent.children[index] = { type: 'html', value: html };
    }
    const data = file.data as { astro?: { frontmatter?: Record<string, unknown> } };
    data.astro ??= {};
    data.astro.frontmatter ??= {};
    data.astro.frontmatter.clientDiagrams = clientDiagrams;
    data.astro.frontmatter.diagramCount = blocks.length;
  };
}
