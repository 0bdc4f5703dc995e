/**
 * Components that show a prompt's front matter appear only in prompts (content/prompts/): other
 * pages do not have them (src/components/content/prompt-components.ts), so the compiler would stop
 * at them with "not defined". And the ids components are given (mistakes, stack entries, sources) exist. Which components and
 * props are allowed at all is checked by content-safety.ts against the props schemas; this rule
 * adds what needs the whole content directory: that `<MistakePair id="x">` names a real entry.
 * Astro would fail too, but later and without the line; this says where and what to write.
 */
import { COMPONENTS, isComponentName, type ComponentSpec } from '../../../src/components/content/props.ts';
import { nearest } from '../../../src/lib/text.ts';
import type { Problem } from '../../lib/problems.ts';
import type { Rule } from '../context.ts';
import { mdxTreeOf } from './content-safety.ts';
import type { Root, RootContent } from 'mdast';
import type {} from 'mdast-util-mdx';

export const checkComponents: Rule = (context) => {
  const problems: Problem[] = [];
  for (const file of context.files) {
    const tree = mdxTreeOf(file);
    if (!tree) continue; // Not MDX, or it does not parse (content-safety reports why).
    const stack: (Root | RootContent)[] = [tree];
    while (stack.length > 0) {
      const node = stack.pop()!;
      if ('children' in node) stack.push(...node.children);
      // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator,StringLiteral: only JSX elements have a name in mdast, so `!node.name` alone already skips every other node; the type test is there for TypeScript.
      if ((node.type !== 'mdxJsxFlowElement' && node.type !== 'mdxJsxTextElement') || !node.name || !isComponentName(node.name)) continue;
      const spec: ComponentSpec = COMPONENTS[node.name];
      if (spec.promptOnly && file.collection !== 'prompts') {
        problems.push({
          file: file.file,
          // Stryker disable next-line OptionalChaining: the parser gives every node a position; the chain is for TypeScript.
          line: node.position?.start.line,
          // Stryker disable next-line OptionalChaining: as above.
          column: node.position?.start.column,
          rule: 'prompt-component',
          message: `<${node.name} /> shows a design prompt's own front matter, so it works only in content/prompts/.`,
          fix: `Remove it from this page, or write what it would show as text; on a prompt page it takes no props.`,
        });
        continue;
      }
      const references = spec.references ?? {};
      for (const attribute of node.attributes) {
        if (attribute.type !== 'mdxJsxAttribute' || typeof attribute.value !== 'string') continue;
        const collection = references[attribute.name];
        if (!collection) continue;
        const id = attribute.value;
        if (context.ids[collection].has(id)) continue;
        const suggestion = nearest(id, context.ids[collection]);
        // Stryker disable next-line OptionalChaining: the parser gives every attribute and node a position; the chains are for TypeScript.
        const start = attribute.position?.start ?? node.position?.start;
        problems.push({
          file: file.file,
          // Stryker disable next-line OptionalChaining: as above, start is always set.
          line: start?.line,
          // Stryker disable next-line OptionalChaining: as above, start is always set.
          column: start?.column,
          rule: 'reference',
          message: `<${node.name} ${attribute.name}="${id}">: there is no ${collection} entry "${id}".`,
          fix: suggestion
            ? `Did you mean ${attribute.name}="${suggestion}"?`
            : `Use the id of a file in content/${collection}/, or add that entry.`,
        });
      }
    }
  }
  return problems;
};
