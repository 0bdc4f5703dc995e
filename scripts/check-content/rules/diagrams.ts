/** Every ```mermaid block parses, and has a caption (accTitle) and text alternative (accDescr). */
import { checkDiagram } from '../../../src/lib/mermaid/validate.ts';
import type { Problem } from '../../lib/problems.ts';
import type { Rule } from '../context.ts';

export function mermaidBlocks(body: string, bodyStartLine: number): { source: string; fenceLine: number }[] {
  const blocks: { source: string; fenceLine: number }[] = [];
  const lines = body.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (!/^\s*```mermaid\b/.test(lines[i]!)) continue;
    const start = i;
    const content: string[] = [];
    while (++i < lines.length && !/^\s*```\s*$/.test(lines[i]!)) content.push(lines[i]!);
    blocks.push({ source: content.join('\n'), fenceLine: bodyStartLine + start });
  }
  return blocks;
}

export const checkDiagrams: Rule = async (context) => {
  const problems: Problem[] = [];
  for (const file of context.files) {
    if (!file.body || file.parseError) continue;
    for (const block of mermaidBlocks(file.body, file.bodyStartLine)) {
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
