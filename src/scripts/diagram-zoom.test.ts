import { describe, expect, it } from 'vitest';
import { actionForKey, fitView, panBy, scaleLimits, zoomAt, MAX_SCALE, ZOOM_STEP } from './diagram-zoom.ts';

const drawing = { width: 2000, height: 400 };
const stage = { width: 390, height: 700 };

describe('the full-screen viewer arithmetic', () => {
  it('fits the whole drawing, centered, and never enlarges a small one past 1.5x', () => {
    const view = fitView(drawing, stage);
    expect(view.scale).toBeCloseTo(0.195);
    expect(view.x).toBeCloseTo(0);
    expect(view.y).toBeCloseTo((700 - 400 * 0.195) / 2);
    expect(fitView({ width: 100, height: 100 }, stage).scale).toBe(1.5);
  });

  it('zooms about the pointer: the point under it stays put', () => {
    const view = { scale: 1, x: 10, y: 20 };
    const next = zoomAt(view, 2, 110, 120, { min: 0.1, max: 4 });
    expect(next.scale).toBe(2);
    // Drawing point (100, 100) was at (110, 120) and still is.
    expect(next.x + 100 * next.scale).toBeCloseTo(110);
    expect(next.y + 100 * next.scale).toBeCloseTo(120);
  });

  it('stops at the limits', () => {
    const limits = scaleLimits(drawing, stage);
    expect(limits.max).toBe(MAX_SCALE);
    expect(zoomAt({ scale: 3.9, x: 0, y: 0 }, ZOOM_STEP, 0, 0, limits).scale).toBe(MAX_SCALE);
    expect(zoomAt({ scale: limits.min, x: 0, y: 0 }, 1 / ZOOM_STEP, 0, 0, limits).scale).toBe(limits.min);
  });

  it('pans, but never so far that the drawing leaves the stage', () => {
    const view = { scale: 1, x: 0, y: 0 };
    expect(panBy(view, -50, 30, drawing, stage)).toEqual({ scale: 1, x: -50, y: 30 });
    const far = panBy(view, -10_000, -10_000, drawing, stage);
    expect(far.x + drawing.width).toBeGreaterThan(0);
    expect(far.y + drawing.height).toBeGreaterThan(0);
    expect(panBy(view, 10_000, 0, drawing, stage).x).toBeLessThan(stage.width);
  });

  it('maps keys to actions: + and - zoom, arrows move toward that side, 0 fits', () => {
    expect(actionForKey('+')).toEqual({ zoom: ZOOM_STEP });
    expect(actionForKey('=')).toEqual({ zoom: ZOOM_STEP });
    expect(actionForKey('-')).toEqual({ zoom: 1 / ZOOM_STEP });
    expect(actionForKey('ArrowRight')).toEqual({ pan: [-60, 0] });
    expect(actionForKey('ArrowUp')).toEqual({ pan: [0, 60] });
    expect(actionForKey('0')).toEqual({ fit: true });
    expect(actionForKey('a')).toBeUndefined();
    expect(actionForKey('Escape')).toBeUndefined();
  });
});
