/**
 * What the content checker knows about the MDX components: their names, and which attributes
 * hold ids of other entries. Kept beside (not inside) the components so plain Node can read it;
 * a unit test keeps this list and src/components/content/index.ts in step.
 */
import type { CollectionName } from '../schemas/index.ts';

export const MDX_COMPONENT_REFERENCES: Readonly<Record<string, Readonly<Record<string, CollectionName>>>> = {
  Callout: {},
  GoodBad: {},
  MistakePair: { id: 'mistakes' },
  MistakeLink: { id: 'mistakes' },
  StackLink: { id: 'stack' },
  Cite: { id: 'sources' },
  ClaimStatus: { source: 'sources' },
  SourcesDisagree: {},
  SourceSays: { source: 'sources' },
  NetflixSays: { source: 'sources' },
  PromptCard: {},
  ScopingQuestions: {},
  Targets: {},
  Curveballs: {},
  PromptMistakes: {},
  StackContext: {},
  Rubric: {},
  CodeSample: {},
  Checklist: {},
  Task: {},
};

export const MDX_COMPONENT_NAMES: readonly string[] = Object.keys(MDX_COMPONENT_REFERENCES);
