/**
 * What the content checker knows about the MDX components: their names, and which attributes
 * hold ids of other entries, read from the props schemas (src/components/content/props.ts, plain
 * TypeScript that Node can read); a unit test keeps this list and
 * src/components/content/index.ts in step.
 */
import type { CollectionName } from '../schemas/index.ts';
import { COMPONENTS, type ComponentSpec } from '../components/content/props.ts';

export const MDX_COMPONENT_REFERENCES: Readonly<Record<string, Readonly<Record<string, CollectionName>>>> = Object.fromEntries(
  Object.entries(COMPONENTS as Record<string, ComponentSpec>).map(([name, spec]) => [name, spec.references ?? {}]),
);

export const MDX_COMPONENT_NAMES: readonly string[] = Object.keys(MDX_COMPONENT_REFERENCES);
