/**
 * What each diagram on a page is drawn with besides its source: the prefix that keeps its SVG ids
 * unique on the page, its caption and its text alternative. The drawing cache (render.ts) is keyed
 * by source and options, so whichever process compiles a page (Astro, or the build script beside
 * it: src/lib/mdx-ahead.ts) finds the drawings made for the same page before.
 */
import { diagramHash } from './render.ts';
import { readDiagramSource } from './source.ts';

/** What a drawing is made with, besides its source: the ids' prefix, the caption and the text alternative. */
export interface DrawingOptions {
  idPrefix: string;
  title: string;
  description: string;
}

/**
 * The options of each of a page's diagrams, in page order: the same source twice on one page gets
 * a second id prefix (`dg-<hash>-2`), so the ids in their SVGs stay unique on the page.
 */
export function drawingOptions(sources: readonly string[]): DrawingOptions[] {
  const seen = new Map<string, number>();
  return sources.map((source) => {
    const hash = diagramHash(source);
    const occurrence = (seen.get(hash) ?? 0) + 1;
    seen.set(hash, occurrence);
    const read = readDiagramSource(source);
    return {
      idPrefix: occurrence === 1 ? `dg-${hash}` : `dg-${hash}-${occurrence}`,
      title: read.title ?? '',
      description: read.description ?? '',
    };
  });
}
