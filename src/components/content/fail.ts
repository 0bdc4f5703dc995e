/**
 * Loud failures for MDX components. A wrong prop stops the build with the component's name,
 * what was wrong, and what to write instead.
 */
import { AstroError } from 'astro/errors';
import { validateProps, type ComponentName, type ComponentProps } from './props.ts';

export function failComponent(component: string, problem: string, fix: string): never {
  throw new AstroError(`<${component}>: ${problem}`, fix);
}

/**
 * Validates a component's props against its schema in props.ts (the same check the content
 * check runs on MDX before anything is compiled) and returns them typed, or stops the build with
 * every problem and its fix. Astro's own `data-astro-cid-*` scoping attributes are not props.
 */
export function requireProps<N extends ComponentName>(component: N, props: Record<string, unknown>): ComponentProps<N> {
  const own = Object.fromEntries(Object.entries(props).filter(([key]) => !key.startsWith('data-astro-')));
  const result = validateProps(component, own);
  if (result.ok) return result.data;
  throw new AstroError(result.problems.map((p) => p.message).join(' '), result.problems.map((p) => p.fix).join(' '));
}
