/**
 * The components MDX content may use without importing them. Pages pass this map to
 * <Content components={mdxComponents} />. CONTRIBUTING.md documents each one.
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
import PromptCard from './PromptCard.astro';
import ScopingQuestions from './ScopingQuestions.astro';
import Targets from './Targets.astro';
import Curveballs from './Curveballs.astro';
import PromptMistakes from './PromptMistakes.astro';
import StackContext from './StackContext.astro';
import Rubric from './Rubric.astro';
import RoundAnswer from './RoundAnswer.astro';
import LevelExpectations from './LevelExpectations.astro';
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
  PromptCard,
  ScopingQuestions,
  Targets,
  Curveballs,
  PromptMistakes,
  StackContext,
  Rubric,
  RoundAnswer,
  LevelExpectations,
  CodeSample,
  Checklist,
  Task,
  Typed,
};
