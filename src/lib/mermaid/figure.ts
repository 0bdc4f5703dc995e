/**
 * The markup of a diagram figure, shared by build-time and browser-drawn diagrams so both look
 * and read the same: a canvas with the drawing, a caption, a full-screen button, and a disclosure
 * with the text alternative and the Mermaid source. The canvas and the button open the
 * full-screen viewer (src/scripts/diagram-viewer.ts, which src/scripts/site.ts loads on the
 * reader's intent); the button stays hidden until site.ts runs, so a reader without scripts never
 * sees a button that does nothing.
 *
 * A build-time drawing also gets its phone layout (phone.ts) and a width bucket class,
 * "diagram--w<N>": the drawing's width with the canvas's padding and border, rounded up to
 * BUCKET_STEP. The figure is a size container, and global.css has one rule per bucket that,
 * when the figure is narrower than N, hides the canvas and shows the phone layout. So a drawing
 * that fits its column is shown as drawn, and one that does not becomes text that fits, with no
 * script and no inline style.
 */

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Width buckets, in CSS pixels: global.css has a container rule for every bucket in this range. */
export const BUCKET_STEP = 100;
export const SMALLEST_BUCKET = 300;
export const LARGEST_BUCKET = 1700;
/** The canvas's padding (0.5rem) and border (1px) on both sides, around the drawing. */
export const CANVAS_FRAME = 18;

/** The width bucket of a drawing shown at `width` px: the figure width below which it does not fit. */
export function widthBucket(width: number): number {
  const bucket = Math.max(SMALLEST_BUCKET, Math.ceil((width + CANVAS_FRAME) / BUCKET_STEP) * BUCKET_STEP);
  if (bucket > LARGEST_BUCKET) {
    throw new Error(
      `A diagram ${width} px wide is wider than the largest width bucket (${LARGEST_BUCKET} px). ` +
        'Split it into two diagrams, or raise LARGEST_BUCKET in figure.ts and add the container rules to global.css.',
    );
  }
  return bucket;
}

export interface FigureParts {
  idPrefix: string;
  caption: string;
  description: string;
  source: string;
  type: string;
  /** The rendered SVG; absent when the browser draws the diagram. */
  svg?: string;
  /** Width the SVG is shown at, in CSS pixels; absent when the browser draws the diagram. */
  width?: number;
  /** The phone layout's inner HTML (phone.ts), shown instead of the drawing when it does not fit. */
  phone?: string;
}

export function diagramFigure(parts: FigureParts): string {
  const captionId = `${parts.idPrefix}-caption`;
  const canvas = parts.svg
    ? `<div class="diagram-canvas" tabindex="0" role="group" aria-labelledby="${captionId}"${parts.width ? ` data-width="${parts.width}"` : ''}>${parts.svg}</div>`
    : `<div class="diagram-canvas" tabindex="0" role="group" aria-labelledby="${captionId}" data-mermaid-client="${escapeHtml(parts.idPrefix)}">` +
      `<p class="diagram-pending">This ${escapeHtml(parts.type)} diagram is drawn in your browser. Its text description is below.</p>` +
      `</div>`;
  const fitted = parts.svg && parts.width && parts.phone;
  const phone = fitted
    ? `<div class="diagram-steps" role="group" aria-labelledby="${captionId}" data-pagefind-ignore>${parts.phone}</div>`
    : '';
  return (
    `<figure class="diagram${fitted ? ` diagram--phone diagram--w${widthBucket(parts.width!)}` : ''}" data-diagram-type="${escapeHtml(parts.type)}">` +
    canvas +
    phone +
    `<figcaption><span id="${captionId}" class="diagram-caption">${escapeHtml(parts.caption)}</span>` +
    `<button type="button" class="diagram-open" data-diagram-open hidden aria-describedby="${captionId}">Open full screen</button>` +
    `<details class="diagram-details"><summary>Text description and Mermaid source</summary>` +
    `<p>${escapeHtml(parts.description)}</p>` +
    `<pre class="diagram-source" tabindex="0"><code class="language-mermaid">${escapeHtml(parts.source)}</code></pre>` +
    `</details></figcaption></figure>`
  );
}
