/**
 * The arithmetic of the full-screen diagram viewer (diagram-viewer.ts), kept free of the DOM so
 * it can be tested: a view is a scale and the offset of the drawing's top-left corner in the
 * stage, and zooming keeps the point under the pointer (or the stage's center) where it is.
 */

export interface View {
  /** Drawing pixels to screen pixels. */
  scale: number;
  /** Where the drawing's top-left corner sits in the stage, in screen pixels. */
  x: number;
  y: number;
}

export interface Size {
  width: number;
  height: number;
}

/** How far a reader can zoom out (relative to fitting the stage) and in (relative to 1:1). */
export const MIN_SCALE_OF_FIT = 0.5;
export const MAX_SCALE = 4;
/** One press of + or -, or one wheel notch. */
export const ZOOM_STEP = 1.25;
/** One press of an arrow key, in screen pixels. */
export const PAN_STEP = 60;

/** The whole drawing in the stage, centered, never enlarged beyond 1.5×. */
export function fitView(drawing: Size, stage: Size): View {
  const scale = Math.min(stage.width / drawing.width, stage.height / drawing.height, 1.5);
  return {
    scale,
    x: (stage.width - drawing.width * scale) / 2,
    y: (stage.height - drawing.height * scale) / 2,
  };
}

export function scaleLimits(drawing: Size, stage: Size): { min: number; max: number } {
  const fit = fitView(drawing, stage).scale;
  return { min: Math.min(fit * MIN_SCALE_OF_FIT, 1), max: Math.max(MAX_SCALE, fit) };
}

/** Zooms by `factor` about the stage point (px, py), within the limits. */
export function zoomAt(view: View, factor: number, px: number, py: number, limits: { min: number; max: number }): View {
  const scale = Math.min(limits.max, Math.max(limits.min, view.scale * factor));
  const applied = scale / view.scale;
  return { scale, x: px - (px - view.x) * applied, y: py - (py - view.y) * applied };
}

/**
 * Moves the view by (dx, dy), keeping at least a quarter of the stage covered by the drawing
 * so it can never be panned out of sight.
 */
export function panBy(view: View, dx: number, dy: number, drawing: Size, stage: Size): View {
  const width = drawing.width * view.scale;
  const height = drawing.height * view.scale;
  const keepX = Math.min(width, stage.width) / 4;
  const keepY = Math.min(height, stage.height) / 4;
  const x = Math.min(stage.width - keepX, Math.max(keepX - width, view.x + dx));
  const y = Math.min(stage.height - keepY, Math.max(keepY - height, view.y + dy));
  return { scale: view.scale, x, y };
}

/** What a key does in the viewer, or undefined when the viewer leaves the key alone. */
export type ViewerAction = { zoom: number } | { pan: [number, number] } | { fit: true };

export function actionForKey(key: string): ViewerAction | undefined {
  switch (key) {
    case '+':
    case '=':
      return { zoom: ZOOM_STEP };
    case '-':
    case '_':
      return { zoom: 1 / ZOOM_STEP };
    case '0':
      return { fit: true };
    // An arrow key moves the view toward what lies in that direction: the drawing moves the other way.
    case 'ArrowLeft':
      return { pan: [PAN_STEP, 0] };
    case 'ArrowRight':
      return { pan: [-PAN_STEP, 0] };
    case 'ArrowUp':
      return { pan: [0, PAN_STEP] };
    case 'ArrowDown':
      return { pan: [0, -PAN_STEP] };
  }
  return undefined;
}
