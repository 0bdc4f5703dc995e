/**
 * Diagram drawings made ahead of the compiler. `npm run build` runs the content check beside
 * `astro build` (scripts/build.ts); once the check has passed, the build script draws every
 * build-time diagram into the drawing cache (render.ts) on its own core while Astro compiles the
 * pages on the other, so Astro's remark plugin (src/plugins/remark-diagrams.ts) mostly finds each
 * drawing made. A drawing is keyed by its source and options, both worked out here exactly as the
 * plugin works them out, so a drawing made ahead is the one the plugin would have made; one the
 * plugin reaches first it draws itself, as in `astro dev`.
 */
import { diagramHash, renderDiagramCached } from './render.ts';
import { isBuildTimeType, readDiagramSource } from './source.ts';

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

/**
 * Draws each page's build-time diagrams into the cache (pages: each page's diagram sources in
 * order). Returns how many were drawn or found drawn. A diagram that cannot be drawn is left for
 * the plugin, which reports it at its line.
 */
export function drawAhead(pages: Iterable<readonly string[]>): number {
  let drawn = 0;
  for (const sources of pages) {
    const options = drawingOptions(sources);
    sources.forEach((source, index) => {
      if (!isBuildTimeType(readDiagramSource(source).type)) return;
      try {
        renderDiagramCached(source, options[index]!);
        drawn += 1;
      } catch {
        // Reported by the plugin, with the page and line.
      }
    });
  }
  return drawn;
}
