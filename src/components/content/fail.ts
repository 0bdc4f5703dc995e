/**
 * Loud failures for MDX components. A wrong prop stops the build with the component's name,
 * what was wrong, and what to write instead.
 */
import { AstroError } from 'astro/errors';

export function failComponent(component: string, problem: string, fix: string): never {
  throw new AstroError(`<${component}>: ${problem}`, fix);
}

/** Requires a non-empty string prop. */
export function requireText(component: string, prop: string, value: unknown, example: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    failComponent(component, `the "${prop}" prop is missing or empty.`, `Write it as ${example}.`);
  }
  return value;
}

/** Requires one of a fixed set of values. */
export function requireOneOf<T extends string>(component: string, prop: string, value: unknown, allowed: readonly T[]): T {
  if (typeof value !== 'string' || !allowed.includes(value as T)) {
    failComponent(
      component,
      `"${String(value)}" is not a valid ${prop}.`,
      `Use one of: ${allowed.map((a) => `${prop}="${a}"`).join(', ')}.`,
    );
  }
  return value as T;
}

/** Requires an array prop with at least `min` items. */
export function requireList<T>(component: string, prop: string, value: unknown, min: number): T[] {
  if (!Array.isArray(value) || value.length < min) {
    failComponent(component, `the "${prop}" prop needs a list of at least ${min} item${min === 1 ? '' : 's'}.`, `Pass ${prop}={[...]}.`);
  }
  return value as T[];
}
