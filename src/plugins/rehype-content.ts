/**
 * HTML touches for content written in Markdown:
 * - root-relative links ("/loop/coding/") get the deployment base path, so authors never write it;
 * - tables are wrapped so they scroll sideways on a phone instead of widening the page;
 * - code blocks can be focused, so a keyboard user can scroll a long line.
 */
import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';
import { withBase } from '../lib/routes.ts';

export default function rehypeContent(options: { base: string }) {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element, index, parent) => {
      if (node.tagName === 'a' && typeof node.properties.href === 'string') {
        node.properties.href = withBase(options.base, node.properties.href);
      }
      if (node.tagName === 'pre') node.properties.tabIndex = 0;
      const parentClasses = parent?.type === 'element' ? parent.properties.className : undefined;
      const alreadyWrapped = Array.isArray(parentClasses) && parentClasses.includes('table-wrap');
      if (node.tagName === 'table' && parent && index !== undefined && !alreadyWrapped) {
        parent.children[index] = {
          type: 'element',
          tagName: 'div',
          properties: { className: ['table-wrap'], tabIndex: 0, role: 'group', ariaLabel: 'Table (scrolls sideways on small screens)' },
          children: [node],
        };
      }
    });
  };
}
