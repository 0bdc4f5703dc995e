/** Every GOOD/BAD pair appears on at least one round page or prompt page. */
import { outgoingReferences } from '../../../src/lib/references.ts';
import type { Problem } from '../../lib/problems.ts';
import type { Rule } from '../context.ts';

export const checkMistakesEmbedded: Rule = (context) => {
  const used = new Set<string>();
  for (const file of context.files) {
    const isRoundPage = file.collection === 'guides' && typeof (file.data as { round?: unknown } | undefined)?.round === 'string';
    if (!isRoundPage && file.collection !== 'prompts') continue;
    const refs = outgoingReferences({
      collection: file.collection,
      id: file.id,
      // Stryker disable next-line StringLiteral: the title is not read when listing references.
      title: '',
      data: (file.data ?? {}) as Record<string, unknown>,
      body: file.body,
    });
    for (const ref of refs) if (ref.collection === 'mistakes') used.add(ref.id);
  }
  const problems: Problem[] = [];
  for (const file of context.files) {
    if (file.collection !== 'mistakes' || used.has(file.id)) continue;
    problems.push({
      file: file.file,
      line: 1,
      rule: 'mistake-not-embedded',
      message: `The pair "${file.id}" is not shown on any round or prompt page.`,
      fix: `Embed it with <MistakePair id="${file.id}" /> on the round page where it happens, or list it under "mistakes:" in a prompt.`,
    });
  }
  return problems;
};
