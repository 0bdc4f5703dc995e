/** Lookups the island tests share: the element a selector names (it must exist), and its text. */
export const $ = <T extends HTMLElement = HTMLElement>(selector: string) => document.querySelector<T>(selector)!;
export const text = (selector: string) => $(selector).textContent?.trim();
