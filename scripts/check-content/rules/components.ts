/**
 * Components used in MDX exist, and the ids they are given (mistakes, stack, sources) exist.
 * Astro would fail too, but later and without the line; this says where and what to write.
 */
import { MDX_COMPONENT_NAMES, MDX_COMPONENT_REFERENCES } from '../../../src/lib/mdx-components.ts';
import { nearest } from '../../../src/lib/text.ts';
import type { Problem } from '../../lib/problems.ts';
import { bodyLines, type Rule } from '../context.ts';

export const checkComponents: Rule = (context) => {
  const problems: Problem[] = [];
  for (const file of context.files) {
    if (!file.body) continue;
    for (const { text, line, inFence } of bodyLines(file)) {
      if (inFence) continue;
      for (const match of text.matchAll(/<([A-Z][A-Za-z0-9]*)\b([^>]*)/g)) {
        const name = match[1]!;
        const references = MDX_COMPONENT_REFERENCES[name];
        if (!references) {
          const suggestion = nearest(name, MDX_COMPONENT_NAMES);
          problems.push({
            file: file.file,
            line,
            rule: 'component',
            message: `<${name}> is not one of the site's components.`,
            fix: suggestion
              ? `Did you mean <${suggestion}>? The components are listed in CONTRIBUTING.md.`
              : 'Use one of the components listed in CONTRIBUTING.md.',
          });
          continue;
        }
        for (const [attribute, collection] of Object.entries(references)) {
          const written = new RegExp(`\\b${attribute}=("([^"]*)"|\\{)`).exec(match[2]!);
          if (!written) continue;
          if (written[1] === '{') {
            problems.push({
              file: file.file,
              line,
              rule: 'component',
              message: `<${name} ${attribute}={…}> uses an expression; ids must be plain strings so they can be checked.`,
              fix: `Write ${attribute}="<id>".`,
            });
            continue;
          }
          const id = written[2]!;
          if (context.ids[collection].has(id)) continue;
          const suggestion = nearest(id, context.ids[collection]);
          problems.push({
            file: file.file,
            line,
            rule: 'reference',
            message: `<${name} ${attribute}="${id}">: there is no ${collection} entry "${id}".`,
            fix: suggestion
              ? `Did you mean ${attribute}="${suggestion}"?`
              : `Use the id of a file in content/${collection}/, or add that entry.`,
          });
        }
      }
    }
  }
  return problems;
};
