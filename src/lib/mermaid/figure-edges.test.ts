/**
 * Edge cases of the diagram figure (figure.ts): the exact markup a reader gets for a drawing, a
 * fitted drawing with its phone layout, and a browser-drawn diagram, and the width buckets.
 */
import { describe, expect, it } from 'vitest';
import { BUCKET_STEP, CANVAS_FRAME, LARGEST_BUCKET, SMALLEST_BUCKET, diagramFigure, widthBucket } from './figure.ts';

const DETAILS =
  '<details class="diagram-details"><summary>Text description and Mermaid source</summary>' +
  '<p>Reads &quot;the&quot; position.</p>' +
  '<pre class="diagram-source" tabindex="0"><code class="language-mermaid">flowchart LR\n  A --&gt; B</code></pre>' +
  '</details></figcaption></figure>';

function caption(id: string): string {
  return (
    `<figcaption><span id="${id}-caption" class="diagram-caption">Say &quot;hi&quot; &amp; go</span>` +
    `<button type="button" class="diagram-open" data-diagram-open hidden aria-describedby="${id}-caption">Open full screen</button>`
  );
}

const BASE = {
  caption: 'Say "hi" & go',
  description: 'Reads "the" position.',
  source: 'flowchart LR\n  A --> B',
  type: 'flowchart',
};

describe('diagramFigure markup', () => {
  it('wraps a fitted drawing, its size and its phone layout, then the caption and details', () => {
    expect(diagramFigure({ ...BASE, idPrefix: 'dg-f', svg: '<svg></svg>', width: 482, phone: '<ol></ol>' })).toBe(
      '<figure class="diagram diagram--phone diagram--w500" data-diagram-type="flowchart">' +
        '<div class="diagram-canvas" tabindex="0" role="group" aria-labelledby="dg-f-caption" data-width="482"><svg></svg></div>' +
        '<div class="diagram-steps" role="group" aria-labelledby="dg-f-caption" data-pagefind-ignore><ol></ol></div>' +
        caption('dg-f') +
        DETAILS,
    );
  });

  it('gives a drawing without a width or phone layout neither a size nor a bucket', () => {
    expect(diagramFigure({ ...BASE, idPrefix: 'dg-s', svg: '<svg></svg>', phone: '<ol></ol>' })).toBe(
      '<figure class="diagram" data-diagram-type="flowchart">' +
        '<div class="diagram-canvas" tabindex="0" role="group" aria-labelledby="dg-s-caption"><svg></svg></div>' +
        caption('dg-s') +
        DETAILS,
    );
    const unfitted = diagramFigure({ ...BASE, idPrefix: 'dg-s', svg: '<svg></svg>', width: 300 });
    expect(unfitted).toMatch(
      /^<figure class="diagram" data-diagram-type="flowchart"><div class="diagram-canvas"[^>]* data-width="300"><svg><\/svg><\/div><figcaption>/,
    );
  });

  it('never shows a phone layout without a drawing', () => {
    const html = diagramFigure({ ...BASE, idPrefix: 'dg-n', width: 482, phone: '<ol></ol>' });
    expect(html).not.toContain('diagram-steps');
    expect(html).toMatch(/^<figure class="diagram" /);
  });

  it('marks a browser-drawn diagram for the client script, with its type escaped, and says it is drawn in the browser', () => {
    expect(diagramFigure({ ...BASE, idPrefix: 'dg-y', type: 'gantt" onload="x()' })).toBe(
      '<figure class="diagram" data-diagram-type="gantt&quot; onload=&quot;x()">' +
        '<div class="diagram-canvas" tabindex="0" role="group" aria-labelledby="dg-y-caption" data-mermaid-client="dg-y">' +
        '<p class="diagram-pending">This gantt&quot; onload=&quot;x() diagram is drawn in your browser. Its text description is below.</p></div>' +
        caption('dg-y') +
        DETAILS,
    );
  });
});

describe('widthBucket', () => {
  it('rounds the drawing and its frame up to the next step, never below the smallest bucket', () => {
    expect(widthBucket(0)).toBe(SMALLEST_BUCKET);
    expect(widthBucket(482)).toBe(500);
    expect(widthBucket(483)).toBe(600);
    expect(widthBucket(LARGEST_BUCKET - CANVAS_FRAME)).toBe(LARGEST_BUCKET);
    expect(BUCKET_STEP).toBe(100);
  });

  it('names the fix when a drawing is wider than the largest bucket', () => {
    expect(() => widthBucket(LARGEST_BUCKET)).toThrow(
      new Error(
        `A diagram ${LARGEST_BUCKET} px wide is wider than the largest width bucket (${LARGEST_BUCKET} px). ` +
          'Split it into two diagrams, or raise LARGEST_BUCKET in figure.ts and add the container rules to global.css.',
      ),
    );
  });
});
