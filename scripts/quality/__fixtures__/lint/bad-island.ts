// A fixture that breaks the lint rules on purpose: user data rendered as HTML.
export function show(element: HTMLElement, name: string): void {
  element.innerHTML = name;
}
