import { describe, expect, it } from 'vitest';
import { actionForKey, fitView, panBy, scaleLimits, zoomAt, MAX_SCALE, MIN_SCALE_OF_FIT, PAN_STEP, ZOOM_STEP } from './diagram-zoom.ts';

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

  it('fits a tall drawing by its height, centered across', () => {
    // 100 × 1000 in 390 × 700: the height decides (0.7), and the drawing sits in the middle.
    expect(fitView({ width: 100, height: 1000 }, stage)).toEqual({ scale: 0.7, x: (390 - 70) / 2, y: 0 });
  });

  it('lets a reader zoom out to half the fitted size, and in to 4×', () => {
    const limits = scaleLimits(drawing, stage);
    expect(limits.min).toBeCloseTo(fitView(drawing, stage).scale * MIN_SCALE_OF_FIT);
    expect(limits.min).toBeCloseTo(0.0975);
    // A small drawing fits at 1.5×: it can still shrink to 0.75×.
    expect(scaleLimits({ width: 100, height: 100 }, stage)).toEqual({ min: 0.75, max: MAX_SCALE });
  });

  it('zooms from any scale by the factor, keeping the point under the pointer', () => {
    const view = { scale: 2, x: 10, y: 20 };
    const next = zoomAt(view, 1.5, 110, 120, { min: 0.1, max: 4 });
    expect(next.scale).toBe(3);
    // Drawing point (50, 50) was at (110, 120) at 2× and still is at 3×.
    expect(next.x + 50 * next.scale).toBeCloseTo(110);
    expect(next.y + 50 * next.scale).toBeCloseTo(120);
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

  it('keeps a quarter of the stage covered at any scale, in every direction', () => {
    // At 2×, the 2000 × 400 drawing is 4000 × 800: wider and taller than the 390 × 700 stage,
    // so a quarter of the stage (97.5 × 175) must stay covered.
    const view = { scale: 2, x: 0, y: 0 };
    expect(panBy(view, 10_000, 10_000, drawing, stage)).toEqual({ scale: 2, x: 390 - 97.5, y: 700 - 175 });
    expect(panBy(view, -10_000, -10_000, drawing, stage)).toEqual({ scale: 2, x: 97.5 - 4000, y: 175 - 800 });
    // At 1×, the drawing is 400 px tall, shorter than the stage: a quarter of the drawing (100 px) stays in.
    expect(panBy({ scale: 1, x: 0, y: 0 }, 0, 10_000, drawing, stage).y).toBe(600);
    expect(panBy({ scale: 1, x: 0, y: 0 }, 0, -10_000, drawing, stage).y).toBe(100 - 400);
  });

  it('maps keys to actions: + and - zoom, arrows move toward that side, 0 fits', () => {
    expect(actionForKey('+')).toEqual({ zoom: ZOOM_STEP });
    expect(actionForKey('=')).toEqual({ zoom: ZOOM_STEP });
    expect(actionForKey('-')).toEqual({ zoom: 1 / ZOOM_STEP });
    expect(actionForKey('_')).toEqual({ zoom: 1 / ZOOM_STEP });
    expect(actionForKey('ArrowLeft')).toEqual({ pan: [PAN_STEP, 0] });
    expect(actionForKey('ArrowRight')).toEqual({ pan: [-60, 0] });
    expect(actionForKey('ArrowUp')).toEqual({ pan: [0, 60] });
    expect(actionForKey('ArrowDown')).toEqual({ pan: [0, -60] });
    expect(actionForKey('0')).toEqual({ fit: true });
    expect(actionForKey('a')).toBeUndefined();
    expect(actionForKey('Escape')).toBeUndefined();
    expect(actionForKey('')).toBeUndefined();
  });
});
