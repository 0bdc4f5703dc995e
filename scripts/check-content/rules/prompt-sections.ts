/** Every prompt has the seventeen sections, in order, with the components that show its data. */
import { checkPromptSections } from '../../../src/lib/prompt-sections.ts';
import type { Problem } from '../../lib/problems.ts';
import type { Rule } from '../context.ts';

export const checkPromptStructure: Rule = (context) => {
  const problems: Problem[] = [];
  for (const file of context.files) {
    if (file.collection !== 'prompts' || file.parseError) continue;
    for (const problem of checkPromptSections(file.body)) {
      problems.push({
        file: file.file,
        line: file.bodyStartLine - 1 + problem.line,
        rule: 'prompt-sections',
        message: problem.message,
        fix: problem.fix,
      });
    }
  }
  return problems;
};
