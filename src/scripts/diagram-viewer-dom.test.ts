// @vitest-environment happy-dom
/**
 * The full-screen diagram viewer (diagram-viewer.ts) on a simulated DOM (happy-dom): opening
 * borrows the figure's drawing into a modal dialog titled with the caption and fits it; the
 * buttons, the keys, a drag, a pinch and the wheel zoom and pan it; Close, Escape or a click on
 * the backdrop put the drawing back as it was and return focus to the diagram or its button. Its
 * stylesheet is fetched when the viewer loads and awaited before the first open, and a stylesheet
 * that fails leaves the viewer working. Browsers drive the real thing in
 * tests/e2e/diagram-viewer.test.ts and diagram-phone.test.ts.
 */
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { fitView, ZOOM_STEP } from './diagram-zoom.ts';

type Viewer = typeof import('./diagram-viewer.ts');

// Each test takes milliseconds; one that waits for a stylesheet or a dialog that never comes
// should fail soon, not after the project's ten-minute budget (mutation runs meet many such).
vi.setConfig({ testTimeout: 20_000 });

/** The stage of the viewer is 1000 × 600 and sits at (100, 50) on the screen. */
const STAGE = { width: 1000, height: 600, left: 100, top: 50 };
/** The drawing, 800 × 400 as laid out in the page. */
const DRAWING = { width: 800, height: 400 };
const FIT = fitView(DRAWING, STAGE);

const FIGURE = `
  <p><button id="elsewhere">Elsewhere</button></p>
  <figure class="diagram" data-diagram-type="sequenceDiagram">
    <div class="diagram-canvas" tabindex="0"><svg width="640" height="320"><a href="/loop/"><text>Loop</text></a><rect></rect></svg></div>
    <figcaption><span class="diagram-caption">Playback, step by step</span><button type="button" data-diagram-open>Open full screen</button></figcaption>
  </figure>`;

let stylesheets: HTMLLinkElement[];
let bounds: MockInstance<(this: Element) => DOMRect>;

/** Loads a fresh copy of the viewer, holding back its stylesheet (`stylesheets`) until a test lets it load or fail. */
async function loadViewer(): Promise<Viewer> {
  vi.resetModules();
  return import('./diagram-viewer.ts');
}

function page(html = FIGURE): void {
  document.body.replaceChildren(...new DOMParser().parseFromString(html, 'text/html').body.childNodes);
  document.documentElement.dataset.base = '/netflix-sd/';
}

const canvas = () => document.querySelector<HTMLElement>('.diagram-canvas')!;
const svg = () => document.querySelector<SVGSVGElement>('svg')!;
const dialog = () => document.querySelector<HTMLDialogElement>('dialog.diagram-viewer')!;
const stage = () => document.querySelector<HTMLElement>('.diagram-viewer-stage')!;
const tool = (name: string) => document.querySelector<HTMLButtonElement>(`.diagram-viewer-tools [aria-label="${name}"]`)!;

/** The view the viewer applied to the drawing, from its CSS transform. */
function view(): { scale: number; x: number; y: number } {
  const match = /^translate\((-?[\d.e-]+)px, (-?[\d.e-]+)px\) scale\(([\d.e-]+)\)$/.exec(svg().style.transform);
  if (!match) throw new Error(`No view applied: transform is "${svg().style.transform}"`);
  return { x: Number(match[1]), y: Number(match[2]), scale: Number(match[3]) };
}

function key(target: Element, key: string, init: KeyboardEventInit = {}): KeyboardEvent {
  const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init });
  target.dispatchEvent(event);
  return event;
}

function pointer(type: string, pointerId: number, x: number, y: number, target: Element = stage()): PointerEvent {
  const event = new PointerEvent(type, { pointerId, clientX: x, clientY: y, bubbles: true, cancelable: true });
  target.dispatchEvent(event);
  return event;
}

/** A wheel turn over a screen point (happy-dom's WheelEvent has no pointer position of its own). */
function wheelAt(deltaY: number, x: number, y: number): WheelEvent {
  const event = new WheelEvent('wheel', { deltaY, bubbles: true, cancelable: true });
  Object.defineProperties(event, { clientX: { value: x }, clientY: { value: y } });
  return event;
}

/** Opens the page's diagram, its stylesheet already loaded. */
async function opened(): Promise<Viewer> {
  const viewer = await loadViewer();
  stylesheets[0]!.dispatchEvent(new Event('load'));
  await viewer.openDiagram(canvas());
  return viewer;
}

beforeEach(() => {
  stylesheets = [];
  // The stylesheet is held in a list instead of the page, so each test decides how it ends.
  vi.spyOn(document.head, 'append').mockImplementation((...nodes: (Node | string)[]) => {
    stylesheets.push(...(nodes as HTMLLinkElement[]));
  });
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockImplementation(function (this: HTMLElement) {
    return this.classList.contains('diagram-viewer-stage') ? STAGE.width : 0;
  });
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockImplementation(function (this: HTMLElement) {
    return this.classList.contains('diagram-viewer-stage') ? STAGE.height : 0;
  });
  bounds = vi.spyOn(Element.prototype, 'getBoundingClientRect').mockImplementation(function (this: Element) {
    if (this instanceof HTMLElement && this.classList.contains('diagram-viewer-stage'))
      return new DOMRect(STAGE.left, STAGE.top, STAGE.width, STAGE.height);
    // The drawing has its layout size while it is in the page's canvas.
    if (this instanceof SVGSVGElement && this.parentElement?.classList.contains('diagram-canvas'))
      return new DOMRect(0, 0, DRAWING.width, DRAWING.height);
    return new DOMRect(0, 0, 0, 0);
  });
  page();
});

afterEach(() => {
  vi.restoreAllMocks();
  document.body.replaceChildren();
});

describe('the viewer’s stylesheet', () => {
  it('is fetched from the site’s base path as soon as the viewer loads, once', async () => {
    const viewer = await loadViewer();
    expect(stylesheets).toHaveLength(1);
    expect(stylesheets[0]!.rel).toBe('stylesheet');
    expect(stylesheets[0]!.getAttribute('href')).toBe('/netflix-sd/styles/diagram-viewer.css');
    stylesheets[0]!.dispatchEvent(new Event('load'));
    await viewer.openDiagram(canvas());
    expect(stylesheets).toHaveLength(1);
  });

  it('is looked for at the site root when the page names no base path', async () => {
    delete document.documentElement.dataset.base;
    await loadViewer();
    expect(stylesheets[0]!.getAttribute('href')).toBe('/styles/diagram-viewer.css');
  });

  it('is awaited before the first open, so the viewer never shows unstyled', async () => {
    const viewer = await loadViewer();
    const opening = viewer.openDiagram(canvas());
    await Promise.resolve();
    expect(document.querySelector('dialog')).toBeNull();
    stylesheets[0]!.dispatchEvent(new Event('load'));
    await opening;
    expect(dialog().open).toBe(true);
  });

  it('leaves the viewer plain but working when it fails to load', async () => {
    const viewer = await loadViewer();
    stylesheets[0]!.dispatchEvent(new Event('error'));
    await viewer.openDiagram(canvas());
    expect(dialog().open).toBe(true);
    expect(stage().contains(svg())).toBe(true);
  });
});

describe('opening a diagram', () => {
  it('moves its drawing into a modal dialog titled with the caption, fitted to the screen, with focus on it', async () => {
    await opened();
    expect(dialog().open).toBe(true);
    expect(dialog().className).toBe('diagram diagram-viewer');
    expect(dialog().getAttribute('aria-labelledby')).toBe('diagram-viewer-title');
    expect(document.getElementById('diagram-viewer-title')!.textContent).toBe('Playback, step by step');
    expect(document.getElementById('diagram-viewer-title')!.tagName).toBe('H2');
    // The figure's type selects the same type-specific rules as in the page.
    expect(dialog().dataset.diagramType).toBe('sequenceDiagram');
    expect(canvas().querySelector('svg')).toBeNull();
    expect(svg().parentElement).toBe(stage());
    // Pinned at the size it had in the page, then fitted.
    expect([svg().style.width, svg().style.height]).toEqual(['800px', '400px']);
    expect(view()).toEqual(FIT);
    expect(document.activeElement).toBe(stage());
  });

  it('describes itself to assistive technology and says how to use it', async () => {
    await opened();
    expect(stage().getAttribute('role')).toBe('application');
    expect(stage().getAttribute('aria-roledescription')).toBe('zoomable diagram');
    expect(stage().getAttribute('aria-labelledby')).toBe('diagram-viewer-title');
    expect(stage().getAttribute('aria-describedby')).toBe('diagram-viewer-help');
    expect(stage().tabIndex).toBe(0);
    expect(document.getElementById('diagram-viewer-help')!.className).toBe('diagram-viewer-help');
    expect(document.getElementById('diagram-viewer-help')!.textContent).toBe(
      'Drag or use the arrow keys to move; pinch, scroll or press + and − to zoom; 0 fits; Escape closes.',
    );
    const tools = [...document.querySelectorAll<HTMLButtonElement>('.diagram-viewer-tools button')];
    expect(tools.map((button) => [button.getAttribute('aria-label'), button.textContent, button.type, button.className])).toEqual([
      ['Zoom out', '−', 'button', 'diagram-viewer-button'],
      ['Zoom in', '+', 'button', 'diagram-viewer-button'],
      ['Fit to screen', 'Fit', 'button', 'diagram-viewer-button'],
      ['Close full screen', 'Close', 'button', 'diagram-viewer-button'],
    ]);
    expect(document.querySelector('.diagram-viewer-bar')!.contains(document.querySelector('.diagram-viewer-title'))).toBe(true);
  });

  it('sizes a drawing hidden behind the phone layout by its own width and height', async () => {
    const viewer = await loadViewer();
    stylesheets[0]!.dispatchEvent(new Event('load'));
    bounds.mockImplementation(function (this: Element) {
      if (this instanceof HTMLElement && this.classList.contains('diagram-viewer-stage')) return new DOMRect(0, 0, 1000, 600);
      return new DOMRect(0, 0, 0, 0);
    });
    await viewer.openDiagram(canvas());
    expect([svg().style.width, svg().style.height]).toEqual(['640px', '320px']);
    expect(view()).toEqual(fitView({ width: 640, height: 320 }, STAGE));
  });

  it('names a diagram without a caption "Diagram", and one outside a typed figure has no type', async () => {
    page('<div class="diagram-canvas"><svg width="100" height="50"></svg></div>');
    await opened();
    expect(document.getElementById('diagram-viewer-title')!.textContent).toBe('Diagram');
    expect(dialog().dataset.diagramType).toBe('');
  });

  it('names a figure without a caption "Diagram" too', async () => {
    page('<figure class="diagram"><div class="diagram-canvas"><svg width="100" height="50"></svg></div></figure>');
    await opened();
    expect(document.getElementById('diagram-viewer-title')!.textContent).toBe('Diagram');
  });

  it('does nothing for a canvas with no drawing yet (one the browser is still drawing)', async () => {
    page('<figure class="diagram"><div class="diagram-canvas"><p class="diagram-pending">Drawing…</p></div></figure>');
    await opened();
    expect(document.querySelector('dialog')).toBeNull();
  });

  it('opens once when asked twice at the same time (a double click)', async () => {
    const viewer = await loadViewer();
    stylesheets[0]!.dispatchEvent(new Event('load'));
    document.querySelector<HTMLButtonElement>('[data-diagram-open]')!.focus();
    await Promise.all([viewer.openDiagram(canvas()), viewer.openDiagram(canvas())]);
    expect(document.querySelectorAll('dialog')).toHaveLength(1);
    expect(view()).toEqual(FIT);
    dialog().close();
    // Focus goes back to the button, not to the viewer the second request found focused.
    expect(document.activeElement).toBe(document.querySelector('[data-diagram-open]'));
  });

  it('reuses one dialog, and ignores a second open while one is showing', async () => {
    const viewer = await opened();
    const first = dialog();
    await viewer.openDiagram(canvas());
    expect(document.querySelectorAll('dialog')).toHaveLength(1);
    first.close();
    await viewer.openDiagram(canvas());
    expect(dialog()).toBe(first);
    expect(dialog().open).toBe(true);
    expect(document.querySelectorAll('dialog')).toHaveLength(1);
  });
});

describe('closing', () => {
  it('puts the drawing back in its canvas as it was, and focus back on the diagram', async () => {
    canvas().focus();
    await opened();
    tool('Zoom in').click();
    tool('Close full screen').click();
    expect(dialog().open).toBe(false);
    expect(svg().parentElement).toBe(canvas());
    expect([svg().style.transform, svg().style.width, svg().style.height]).toEqual(['', '', '']);
    expect(document.activeElement).toBe(canvas());
  });

  it('returns focus to the "Open full screen" button when that is what opened it', async () => {
    const opener = document.querySelector<HTMLButtonElement>('[data-diagram-open]')!;
    opener.focus();
    await opened();
    dialog().close();
    expect(document.activeElement).toBe(opener);
  });

  it('returns focus to the diagram when focus was outside the figure', async () => {
    document.getElementById('elsewhere')!.focus();
    await opened();
    dialog().close();
    expect(document.activeElement).toBe(canvas());
  });

  it('closes on a click on the backdrop, not on a click inside', async () => {
    await opened();
    stage().click();
    expect(dialog().open).toBe(true);
    dialog().click();
    expect(dialog().open).toBe(false);
    expect(svg().parentElement).toBe(canvas());
  });

  it('leaves the drawing alone once closed: the tools act on an open diagram only', async () => {
    await opened();
    dialog().close();
    for (const name of ['Zoom in', 'Zoom out', 'Fit to screen']) tool(name).click();
    key(dialog(), 'ArrowUp');
    expect(svg().style.transform).toBe('');
    expect(svg().parentElement).toBe(canvas());
  });
});

describe('zooming and panning', () => {
  it('zooms in and out about the stage’s center with the buttons, and fits again', async () => {
    await opened();
    tool('Zoom in').click();
    const center = { x: STAGE.width / 2, y: STAGE.height / 2 };
    const zoomed = view();
    expect(zoomed.scale).toBeCloseTo(FIT.scale * ZOOM_STEP);
    // The drawing point at the center stays at the center.
    expect((center.x - zoomed.x) / zoomed.scale).toBeCloseTo((center.x - FIT.x) / FIT.scale);
    expect((center.y - zoomed.y) / zoomed.scale).toBeCloseTo((center.y - FIT.y) / FIT.scale);
    tool('Zoom out').click();
    tool('Zoom out').click();
    expect(view().scale).toBeCloseTo(FIT.scale / ZOOM_STEP);
    tool('Fit to screen').click();
    expect(view()).toEqual(FIT);
  });

  it('answers + and − , the arrows and 0 on the stage, and keeps them from the page', async () => {
    await opened();
    const plus = key(stage(), '+');
    expect(plus.defaultPrevented).toBe(true);
    expect(view().scale).toBeCloseTo(FIT.scale * ZOOM_STEP);
    key(stage(), '-');
    expect(view().scale).toBeCloseTo(FIT.scale);
    const before = view();
    expect(key(stage(), 'ArrowDown').defaultPrevented).toBe(true);
    // ArrowDown shows what lies below: the drawing moves up.
    expect(view()).toEqual({ ...before, y: before.y - 60 });
    key(stage(), 'ArrowLeft');
    expect(view()).toEqual({ ...before, x: before.x + 60, y: before.y - 60 });
    key(stage(), '0');
    expect(view()).toEqual(FIT);
  });

  it('leaves other keys, and keys with Ctrl, Cmd or Alt, to the browser', async () => {
    await opened();
    for (const [name, init] of [
      ['a', {}],
      ['Tab', {}],
      ['+', { ctrlKey: true }],
      ['+', { metaKey: true }],
      ['ArrowDown', { altKey: true }],
    ] as const) {
      expect(key(stage(), name, init).defaultPrevented, `${name} ${JSON.stringify(init)}`).toBe(false);
    }
    expect(view()).toEqual(FIT);
  });

  it('lets Enter and Space press a focused tool instead of acting as keys', async () => {
    await opened();
    expect(key(tool('Zoom in'), 'Enter').defaultPrevented).toBe(false);
    expect(key(tool('Zoom in'), ' ').defaultPrevented).toBe(false);
    // Other keys on a tool still work: + zooms.
    expect(key(tool('Zoom in'), '+').defaultPrevented).toBe(true);
    expect(view().scale).toBeCloseTo(FIT.scale * ZOOM_STEP);
  });

  it('pans with a drag, and stops when the pointer is released', async () => {
    await opened();
    const capture = vi.spyOn(stage(), 'setPointerCapture').mockImplementation(() => undefined);
    pointer('pointerdown', 1, 300, 200);
    expect(capture).toHaveBeenCalledWith(1);
    pointer('pointermove', 1, 330, 180);
    expect(view()).toEqual({ ...FIT, x: FIT.x + 30, y: FIT.y - 20 });
    pointer('pointerup', 1, 330, 180);
    pointer('pointermove', 1, 400, 400);
    expect(view()).toEqual({ ...FIT, x: FIT.x + 30, y: FIT.y - 20 });
  });

  it('ignores a pointer that did not press on the stage, and a cancelled one', async () => {
    await opened();
    vi.spyOn(stage(), 'setPointerCapture').mockImplementation(() => undefined);
    pointer('pointermove', 7, 400, 400);
    expect(view()).toEqual(FIT);
    pointer('pointerdown', 2, 300, 200);
    pointer('pointercancel', 2, 300, 200);
    pointer('pointermove', 2, 350, 250);
    expect(view()).toEqual(FIT);
  });

  it('lets a press on a link in the drawing follow the link instead of dragging', async () => {
    await opened();
    const capture = vi.spyOn(stage(), 'setPointerCapture').mockImplementation(() => undefined);
    pointer('pointerdown', 1, 300, 200, stage().querySelector('a text')!);
    expect(capture).not.toHaveBeenCalled();
    pointer('pointermove', 1, 350, 250);
    expect(view()).toEqual(FIT);
  });

  it('zooms with a pinch about the point between the fingers', async () => {
    await opened();
    vi.spyOn(stage(), 'setPointerCapture').mockImplementation(() => undefined);
    // Fingers at stage points (200, 300) and (400, 300): 200 px apart, centered on (300, 300).
    pointer('pointerdown', 1, STAGE.left + 200, STAGE.top + 300);
    pointer('pointerdown', 2, STAGE.left + 400, STAGE.top + 300);
    // The second finger moves out to (500, 300): 300 px apart, centered on (350, 300).
    pointer('pointermove', 2, STAGE.left + 500, STAGE.top + 300);
    const pinched = view();
    expect(pinched.scale).toBeCloseTo(FIT.scale * 1.5);
    expect((350 - pinched.x) / pinched.scale).toBeCloseTo((350 - FIT.x) / FIT.scale);
    expect((300 - pinched.y) / pinched.scale).toBeCloseTo((300 - FIT.y) / FIT.scale);
    // Moving on measures from the last spread: back to 200 px apart undoes the zoom.
    pointer('pointermove', 2, STAGE.left + 400, STAGE.top + 300);
    expect(view().scale).toBeCloseTo(FIT.scale);
  });

  it('starts a new pinch from the new spread after a finger lifts', async () => {
    await opened();
    vi.spyOn(stage(), 'setPointerCapture').mockImplementation(() => undefined);
    pointer('pointerdown', 1, STAGE.left + 200, STAGE.top + 300);
    pointer('pointerdown', 2, STAGE.left + 400, STAGE.top + 300);
    pointer('pointerup', 2, STAGE.left + 400, STAGE.top + 300);
    // One finger left: it drags.
    pointer('pointermove', 1, STAGE.left + 210, STAGE.top + 300);
    expect(view()).toEqual({ ...FIT, x: FIT.x + 10 });
    pointer('pointerdown', 3, STAGE.left + 310, STAGE.top + 300);
    pointer('pointermove', 3, STAGE.left + 410, STAGE.top + 300);
    expect(view().scale).toBeCloseTo(FIT.scale * 2);
  });

  it('does not jump when two fingers start at the same point', async () => {
    await opened();
    vi.spyOn(stage(), 'setPointerCapture').mockImplementation(() => undefined);
    pointer('pointerdown', 1, STAGE.left + 300, STAGE.top + 300);
    pointer('pointerdown', 2, STAGE.left + 300, STAGE.top + 300);
    pointer('pointermove', 2, STAGE.left + 400, STAGE.top + 300);
    expect(view()).toEqual(FIT);
    // From there on, the spread is measured from 100 px.
    pointer('pointermove', 2, STAGE.left + 500, STAGE.top + 300);
    expect(view().scale).toBeCloseTo(FIT.scale * 2);
  });

  it('does not jump when a third finger lifts after the other two moved', async () => {
    await opened();
    vi.spyOn(stage(), 'setPointerCapture').mockImplementation(() => undefined);
    pointer('pointerdown', 1, STAGE.left + 200, STAGE.top + 300);
    pointer('pointerdown', 2, STAGE.left + 400, STAGE.top + 300);
    pointer('pointerdown', 3, STAGE.left + 300, STAGE.top + 400);
    // Three fingers neither pan nor zoom.
    pointer('pointermove', 2, STAGE.left + 600, STAGE.top + 300);
    expect(view()).toEqual(FIT);
    pointer('pointerup', 3, STAGE.left + 300, STAGE.top + 400);
    pointer('pointermove', 2, STAGE.left + 610, STAGE.top + 300);
    expect(view()).toEqual(FIT);
  });

  it('zooms with the wheel about the pointer, and keeps the page from scrolling', async () => {
    await opened();
    const wheel = wheelAt(-300, STAGE.left + 100, STAGE.top + 100);
    stage().dispatchEvent(wheel);
    expect(wheel.defaultPrevented).toBe(true);
    const zoomed = view();
    expect(zoomed.scale).toBeCloseTo(FIT.scale * Math.E);
    expect((100 - zoomed.x) / zoomed.scale).toBeCloseTo((100 - FIT.x) / FIT.scale);
    expect((100 - zoomed.y) / zoomed.scale).toBeCloseTo((100 - FIT.y) / FIT.scale);
    stage().dispatchEvent(wheelAt(300, STAGE.left + 100, STAGE.top + 100));
    expect(view().scale).toBeCloseTo(FIT.scale);
  });
});
