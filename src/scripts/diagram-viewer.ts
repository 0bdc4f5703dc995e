/**
 * Full-screen diagram viewer: a <dialog> that borrows a figure's SVG, with pan (drag, arrow
 * keys), zoom (pinch, wheel, + and -, the buttons) and "fit" (0). Escape or Close puts the SVG
 * back and returns focus to where it was (the diagram, or its button). Loaded by site.ts on the
 * reader's intent, never with the page: site.ts fetches it when the reader points at or focuses a
 * diagram or its "Open full screen" button, and calls openDiagram on a click or tap on either
 * (a link in the drawing is still followed) or on Enter or Space on a focused diagram. The
 * button also opens the drawing where the phone layout stands in for it (global.css hides the
 * canvas there). CSP-safe: no inline script, and styles are set through the CSSOM
 * (element.style), never as style attributes in markup.
 */
import { actionForKey, fitView, panBy, scaleLimits, zoomAt, ZOOM_STEP, type Size, type View } from './diagram-zoom.ts';

interface Open {
  canvas: HTMLElement;
  /** Where focus goes back on close: what had it before (the canvas, or the button when the phone layout hides the canvas). */
  returnTo: HTMLElement;
  svg: SVGSVGElement;
  drawing: Size;
  view: View;
}

let dialog: HTMLDialogElement | undefined;
let stage: HTMLElement;
let heading: HTMLElement;
let current: Open | undefined;

function button(label: string, text: string, onClick: () => void): HTMLButtonElement {
  const element = document.createElement('button');
  element.type = 'button';
  element.className = 'diagram-viewer-button';
  element.setAttribute('aria-label', label);
  element.textContent = text;
  element.addEventListener('click', onClick);
  return element;
}

function stageSize(): Size {
  return { width: stage.clientWidth, height: stage.clientHeight };
}

function apply(open: Open, view: View): void {
  open.view = view;
  open.svg.style.transform = `translate(${view.x}px, ${view.y}px) scale(${view.scale})`;
}

function zoom(factor: number, at?: { x: number; y: number }): void {
  if (!current) return;
  const size = stageSize();
  const point = at ?? { x: size.width / 2, y: size.height / 2 };
  apply(current, zoomAt(current.view, factor, point.x, point.y, scaleLimits(current.drawing, size)));
}

function pan(dx: number, dy: number): void {
  if (current) apply(current, panBy(current.view, dx, dy, current.drawing, stageSize()));
}

function fit(): void {
  if (current) apply(current, fitView(current.drawing, stageSize()));
}

let stylesheet: Promise<void> | undefined;
function loadStylesheet(): Promise<void> {
  stylesheet ??= new Promise<void>((resolve) => {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = `${document.documentElement.dataset.base ?? '/'}styles/diagram-viewer.css`;
    // A missing stylesheet leaves the viewer plain but working.
    link.addEventListener('load', () => resolve());
    link.addEventListener('error', () => resolve());
    document.head.append(link);
  });
  return stylesheet;
}

function build(): HTMLDialogElement {
  const element = document.createElement('dialog');
  // "diagram" gives the SVG the same theme variables as in the page.
  element.className = 'diagram diagram-viewer';
  element.setAttribute('aria-labelledby', 'diagram-viewer-title');
  const bar = document.createElement('div');
  bar.className = 'diagram-viewer-bar';
  heading = document.createElement('h2');
  heading.id = 'diagram-viewer-title';
  heading.className = 'diagram-viewer-title';
  const help = document.createElement('p');
  help.className = 'diagram-viewer-help';
  help.id = 'diagram-viewer-help';
  help.textContent = 'Drag or use the arrow keys to move; pinch, scroll or press + and − to zoom; 0 fits; Escape closes.';
  const tools = document.createElement('div');
  tools.className = 'diagram-viewer-tools';
  tools.append(
    button('Zoom out', '−', () => zoom(1 / ZOOM_STEP)),
    button('Zoom in', '+', () => zoom(ZOOM_STEP)),
    button('Fit to screen', 'Fit', fit),
    button('Close full screen', 'Close', () => element.close()),
  );
  bar.append(heading, tools);
  stage = document.createElement('div');
  stage.className = 'diagram-viewer-stage';
  stage.tabIndex = 0;
  stage.setAttribute('role', 'application');
  stage.setAttribute('aria-roledescription', 'zoomable diagram');
  stage.setAttribute('aria-labelledby', 'diagram-viewer-title');
  stage.setAttribute('aria-describedby', 'diagram-viewer-help');
  element.append(bar, help, stage);
  element.addEventListener('keydown', (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    // Enter and Space are no viewer keys, so they still press a focused tool.
    const action = actionForKey(event.key);
    if (!action) return;
    event.preventDefault();
    if ('zoom' in action) zoom(action.zoom);
    else if ('pan' in action) pan(...action.pan);
    else fit();
  });
  element.addEventListener('close', restore);
  // A click on the backdrop (outside the dialog box) closes, like Escape.
  element.addEventListener('click', (event) => {
    if (event.target === element) element.close();
  });
  wirePointer();
  document.body.append(element);
  return element;
}

function wirePointer(): void {
  const pointers = new Map<number, { x: number; y: number }>();
  let pinchDistance = 0;
  const local = (event: PointerEvent | WheelEvent) => {
    const box = stage.getBoundingClientRect();
    return { x: event.clientX - box.left, y: event.clientY - box.top };
  };
  stage.addEventListener('pointerdown', (event) => {
    if ((event.target as Element).closest('a')) return;
    stage.setPointerCapture(event.pointerId);
    pointers.set(event.pointerId, local(event));
    if (pointers.size === 2) {
      const [a, b] = [...pointers.values()] as [{ x: number; y: number }, { x: number; y: number }];
      pinchDistance = Math.hypot(a.x - b.x, a.y - b.y);
    }
  });
  stage.addEventListener('pointermove', (event) => {
    const previous = pointers.get(event.pointerId);
    if (!previous) return;
    const point = local(event);
    pointers.set(event.pointerId, point);
    if (pointers.size === 1) {
      pan(point.x - previous.x, point.y - previous.y);
    } else if (pointers.size === 2) {
      const [a, b] = [...pointers.values()] as [{ x: number; y: number }, { x: number; y: number }];
      const distance = Math.hypot(a.x - b.x, a.y - b.y);
      if (pinchDistance > 0) zoom(distance / pinchDistance, { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 });
      pinchDistance = distance;
    }
  });
  const release = (event: PointerEvent) => {
    pointers.delete(event.pointerId);
    pinchDistance = 0;
  };
  stage.addEventListener('pointerup', release);
  stage.addEventListener('pointercancel', release);
  stage.addEventListener(
    'wheel',
    (event) => {
      event.preventDefault();
      zoom(Math.exp(-event.deltaY / 300), local(event));
    },
    // Stryker disable next-line ObjectLiteral: a listener on an element is not passive by default; this only says so.
    { passive: false },
  );
}

/** Puts the SVG back in its figure and focus back where it was. */
function restore(): void {
  // "close" fires only on an open dialog, and an open dialog always shows a diagram.
  const { canvas, svg, returnTo } = current!;
  for (const property of ['transform', 'width', 'height']) svg.style.removeProperty(property);
  canvas.append(svg);
  current = undefined;
  returnTo.focus();
}

export async function openDiagram(canvas: HTMLElement): Promise<void> {
  const svg = canvas.querySelector<SVGSVGElement>(':scope > svg');
  if (!svg) return;
  await loadStylesheet();
  // One diagram at a time: a second open (a double click) while one shows does nothing.
  if (current) return;
  dialog ??= build();
  const figure = canvas.closest<HTMLElement>('figure');
  heading.textContent = figure?.querySelector('.diagram-caption')?.textContent ?? 'Diagram';
  // The figure's type selects type-specific rules (the halo behind sequence labels) in here too.
  dialog.dataset.diagramType = figure?.dataset.diagramType ?? '';
  // The canvas is hidden (display: none) where the phone layout stands in for it: the box is
  // then empty and the drawing's own width and height attributes give its size.
  const box = svg.getBoundingClientRect();
  const drawing = { width: box.width || svg.width.baseVal.value, height: box.height || svg.height.baseVal.value };
  const focused = document.activeElement;
  const returnTo = focused instanceof HTMLElement && figure?.contains(focused) ? focused : canvas;
  // Pinned to the size it had in the page, so a drawing sized "100%" (mermaid's) keeps its shape.
  svg.style.width = `${drawing.width}px`;
  svg.style.height = `${drawing.height}px`;
  stage.replaceChildren(svg);
  dialog.showModal();
  // Fitted once the dialog is open, when the stage has its size.
  current = { canvas, svg, returnTo, drawing, view: fitView(drawing, stageSize()) };
  apply(current, current.view);
  stage.focus();
}

// Fetched as soon as the viewer loads (when the reader points at or focuses a diagram), so the
// first open does not wait for it.
void loadStylesheet();
