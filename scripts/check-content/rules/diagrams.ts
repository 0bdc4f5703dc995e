/** Every ```mermaid block parses, and has a caption (accTitle) and text alternative (accDescr). */
import { checkDiagram } from '../../../src/lib/mermaid/validate.ts';
import { checkedMermaidBlocks } from '../../../src/lib/mermaid/blocks.ts';
import type { Problem } from '../../lib/problems.ts';
import type { Rule } from '../context.ts';

export const checkDiagrams: Rule = async (context) => {
  const problems: Problem[] = [];
  for (const file of context.files) {
    for (const block of checkedMermaidBlocks(file)) {
      for (const problem of await checkDiagram(block.source)) {
        problems.push({
          file: file.file,
          line: block.fenceLine + problem.line,
          rule: 'mermaid',
          message: problem.message,
          fix: problem.fix,
        });
      }
    }
  }
  return problems;
};
