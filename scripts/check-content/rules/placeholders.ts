/** No placeholder text ships: TODO/TBD/FIXME markers, lorem ipsum, "coming soon". */
import type { Problem } from '../../lib/problems.ts';
import type { Rule } from '../context.ts';

const PLACEHOLDER = /\b(TODO|TBD|FIXME|XXX)\b|lorem ipsum|coming soon/i;

export const checkPlaceholders: Rule = (context) => {
  const problems: Problem[] = [];
  for (const file of context.files) {
    const lines = file.source.split('\n');
    lines.forEach((text, index) => {
      const match = PLACEHOLDER.exec(text);
      if (!match) return;
      // A template TODO carries its instruction after the marker ("TODO the answer this walkthrough assumes.").
      const hint = text
        .slice(match.index + match[0].length)
        .replace(/^[\s:.-]+/, '')
        .trim();
      const isTemplateTodo = match[0].toUpperCase() === 'TODO';
      problems.push({
        file: file.file,
        line: index + 1,
        rule: 'placeholder',
        message: isTemplateTodo
          ? hint
            ? `A template TODO is still here: "TODO ${hint.length > 90 ? `${hint.slice(0, 89)}…` : hint}"`
            : 'A template TODO is still here.'
          : `Placeholder text "${match[0]}" is still in the file.`,
        fix: isTemplateTodo
          ? `Replace the TODO and its instruction with real content${hint ? ' as the instruction asks' : ''}; no placeholder ships.`
          : 'Replace it with the real content before the page ships (the site has no placeholder pages).',
      });
    });
  }
  return problems;
};
