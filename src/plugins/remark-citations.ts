/**
 * Numbers the citations on a page. Every <Cite id>, <ClaimStatus source>, <SourceSays source>
 * and <NetflixSays source> gets an `n` attribute: the position of its source in the order the
 * page first cites it. The ordered ids go to frontmatter.citations, so the layout lists the
 * page's sources with the same numbers.
 */
import type { Root } from 'mdast';
import type { MdxJsxAttribute, MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';

/** The components that cite a source, and the attribute holding its id. */
export const CITING_COMPONENTS: Readonly<Record<string, string>> = {
  Cite: 'id',
  ClaimStatus: 'source',
  SourceSays: 'source',
  NetflixSays: 'source',
};

type JsxElement = MdxJsxFlowElement | MdxJsxTextElement;

function attribute(node: JsxElement, name: string): MdxJsxAttribute | undefined {
  return node.attributes.find((a): a is MdxJsxAttribute => a.type === 'mdxJsxAttribute' && a.name === name);
}

export default function remarkCitations() {
  return (tree: Root, file: VFile) => {
    const order: string[] = [];
    visit(tree, (node) => {
      if (node.type !== 'mdxJsxFlowElement' && node.type !== 'mdxJsxTextElement') return;
      const element: JsxElement = node;
      const attrName = element.name ? CITING_COMPONENTS[element.name] : undefined;
      if (!attrName) return;
      const attr = attribute(element, attrName);
      const line = element.position?.start.line ?? 0;
      if (!attr || typeof attr.value !== 'string') {
        throw new Error(
          `${file.path}:${line}: <${element.name}> needs ${attrName}="<source id>" written as a plain string, not an expression.`,
        );
      }
      let index = order.indexOf(attr.value);
      if (index === -1) index = order.push(attr.value) - 1;
      element.attributes = element.attributes.filter((a) => !(a.type === 'mdxJsxAttribute' && a.name === 'n'));
      element.attributes.push({ type: 'mdxJsxAttribute', name: 'n', value: String(index + 1) });
    });
    const data = file.data as { astro?: { frontmatter?: Record<string, unknown> } };
    data.astro ??= {};
    data.astro.frontmatter ??= {};
    data.astro.frontmatter.citations = order;
  };
}
