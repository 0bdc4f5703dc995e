/**
 * The components a design prompt's MDX may use: every shared one (index.ts) and those that show
 * the prompt's front matter (prompt-context.ts), which work only on a prompt page. Kept apart so
 * that other pages do not ship these components' stylesheets.
 */
import { mdxComponents } from './index.ts';
import PromptCard from './PromptCard.astro';
import ScopingQuestions from './ScopingQuestions.astro';
import Targets from './Targets.astro';
import Curveballs from './Curveballs.astro';
import PromptMistakes from './PromptMistakes.astro';
import StackContext from './StackContext.astro';
import Rubric from './Rubric.astro';
import RoundAnswer from './RoundAnswer.astro';
import LevelExpectations from './LevelExpectations.astro';

export const promptComponents = {
  ...mdxComponents,
  PromptCard,
  ScopingQuestions,
  Targets,
  Curveballs,
  PromptMistakes,
  StackContext,
  Rubric,
  RoundAnswer,
  LevelExpectations,
};
