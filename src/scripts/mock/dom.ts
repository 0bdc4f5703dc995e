/** Small DOM helpers shared by the mock and partner islands. */

type Child = Node | string;

/** An element with a class and children; text goes in as text nodes, never as HTML. */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (className) element.className = className;
  element.append(...children);
  return element;
}

/** An element the page's markup must contain; a missing one is a bug in the page, so say which. */
export function need<T extends Element = HTMLElement>(root: ParentNode, selector: string): T {
  const found = root.querySelector<T>(selector);
  if (!found) throw new Error(`Mock interview: the page has no ${selector}.`);
  return found;
}

const pending = new WeakMap<HTMLElement, number>();

/**
 * Sets a live region's text so that a repeated message is announced again. An empty message
 * clears the region (leaving a round should not leave its last phase on screen).
 */
export function announce(region: HTMLElement, message: string): void {
  clearTimeout(pending.get(region));
  region.textContent = '';
  if (!message) return;
  // A separate task, so screen readers see a change even when the text is the same as before.
  pending.set(
    region,
    window.setTimeout(() => {
      region.textContent = message;
    }, 50),
  );
}

/** The site's base path, from the attribute the layout sets on <html>. */
export function siteBase(): string {
  return document.documentElement.dataset.base ?? '/';
}

/** Fills a select with options after its first (the "any" or "random" option). */
export function fillSelect(select: HTMLSelectElement, options: readonly { value: string; label: string }[]): void {
  const first = select.options[0];
  select.replaceChildren(...(first ? [first] : []), ...options.map((o) => new Option(o.label, o.value)));
}
