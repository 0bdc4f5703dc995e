/**
 * The components MDX content may use without importing them. Pages pass this map to
 * <Content components={mdxComponents} />. CONTRIBUTING.md documents each one. The components
 * that show a design prompt's front matter work only on a prompt page (prompt-context.ts), so
 * they are in promptComponents (prompt-components.ts) instead: a page ships the stylesheets of
 * every component in the map it passes, and a guide has no use for the prompt card's or the
 * level cards' styles.
 */
import Callout from './Callout.astro';
import GoodBad from './GoodBad.astro';
import MistakePair from './MistakePair.astro';
import MistakeLink from './MistakeLink.astro';
import StackLink from './StackLink.astro';
import Cite from './Cite.astro';
import ClaimStatus from './ClaimStatus.astro';
import SourcesDisagree from './SourcesDisagree.astro';
import SourceSays from './SourceSays.astro';
import NetflixSays from './NetflixSays.astro';
import CodeSample from './CodeSample.astro';
import Checklist from './Checklist.astro';
import Task from './Task.astro';
import Typed from './Typed.astro';

export const mdxComponents = {
  Callout,
  GoodBad,
  MistakePair,
  MistakeLink,
  StackLink,
  Cite,
  ClaimStatus,
  SourcesDisagree,
  SourceSays,
  NetflixSays,
  CodeSample,
  Checklist,
  Task,
  Typed,
};
