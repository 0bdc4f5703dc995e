/**
 * The markup of a diagram figure, shared by build-time and browser-drawn diagrams so both look
 * and read the same: a scrollable canvas, a caption, a full-screen button, and a disclosure with
 * the text alternative and the Mermaid source. The canvas and the button open the full-screen
 * viewer (src/scripts/diagram-viewer.ts); the button stays hidden until that script runs, so a
 * reader without scripts never sees a button that does nothing.
 */

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
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
}

export function diagramFigure(parts: FigureParts): string {
  const captionId = `${parts.idPrefix}-caption`;
  const canvas = parts.svg
    ? `<div class="diagram-canvas" tabindex="0" role="group" aria-labelledby="${captionId}"${parts.width ? ` data-width="${parts.width}"` : ''}>${parts.svg}</div>`
    : `<div class="diagram-canvas" tabindex="0" role="group" aria-labelledby="${captionId}" data-mermaid-client="${escapeHtml(parts.idPrefix)}">` +
      `<p class="diagram-pending">This ${escapeHtml(parts.type)} diagram is drawn in your browser. Its text description is below.</p>` +
      `</div>`;
  return (
    `<figure class="diagram" data-diagram-type="${escapeHtml(parts.type)}">` +
    canvas +
    `<figcaption><span id="${captionId}" class="diagram-caption">${escapeHtml(parts.caption)}</span>` +
    `<button type="button" class="diagram-open" data-diagram-open hidden aria-describedby="${captionId}">Open full screen</button>` +
    `<details class="diagram-details"><summary>Text description and Mermaid source</summary>` +
    `<p>${escapeHtml(parts.description)}</p>` +
    `<pre class="diagram-source" tabindex="0"><code class="language-mermaid">${escapeHtml(parts.source)}</code></pre>` +
    `</details></figcaption></figure>`
  );
}
