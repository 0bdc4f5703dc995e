/**
 * Window listeners a module's code adds while a test runs ("storage", "online", ...), removed
 * afterwards: each test loads the island afresh, and the pages of earlier tests must not answer
 * the next test's events. Call `trackWindowListeners()` in beforeEach (after any
 * vi.restoreAllMocks of the previous test) and `removeWindowListeners()` in afterEach.
 */
import { vi } from 'vitest';

const added: [string, EventListenerOrEventListenerObject][] = [];

export function trackWindowListeners(): void {
  const add = window.addEventListener.bind(window);
  const track = (type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | AddEventListenerOptions) => {
    if (!listener) return;
    added.push([type, listener]);
    add(type, listener, options);
  };
  vi.spyOn(window, 'addEventListener').mockImplementation(track);
}

export function removeWindowListeners(): void {
  for (const [type, listener] of added.splice(0)) window.removeEventListener(type, listener);
}
