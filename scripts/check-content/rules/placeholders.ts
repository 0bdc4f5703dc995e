/** No placeholder text ships: TODO/TBD/FIXME markers, lorem ipsum, "coming soon". */
import type { Problem } from '../../lib/problems.ts';
import type { Rule } from '../context.ts';
import { readFileSync } from 'node:fs';

const PLACEHOLDER = /\b(TODO|TBD|FIXME|XXX)\b|lorem ipsum|coming soon/i;

export const checkPlaceholders: Rule = (context) => {
  const problems: Problem[] = [];
  for (const file of context.files) {
    const lines = readFileSync(file.file, 'utf8').split('\n');
    lines.forEach((text, index) => {
      const match = PLACEHOLDER.exec(text);
      if (!match) return;
      problems.push({
        file: file.file,
        line: index + 1,
        rule: 'placeholder',
        message: `Placeholder text "${match[0]}" is still in the file.`,
        fix: 'Replace it with the real content before the page ships (the site has no placeholder pages).',
      });
    });
  }
  return problems;
};
