/**
 * Turns ```estimate blocks into tables at build time: each chain is evaluated with mathjs units
 * against content/figures (src/lib/estimate) and replaced by its table, and every
 * `[[chain-id.name]]` in the page's text becomes that step's result as said aloud. A chain that
 * does not evaluate (a unit mismatch, an unknown figure, a division by zero, a peak turned into
 * a daily volume…) fails the build with the file and line. Runs before the citations plugin, so
 * a published figure's <Cite> is numbered like any other.
 */
import path from 'node:path';
import type { Code, Root, RootContent, Text } from 'mdast';
import type { MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
import { ESTIMATE_LANG, type EvaluatedChain } from '../lib/estimate/index.ts';
import { runChainOnce } from '../lib/estimate/memo.ts';
import { loadFigures } from '../lib/estimate/load.ts';
import { chainTree, type HNode } from '../lib/estimate/render.ts';
import { resolveToken, TOKEN } from '../lib/estimate/blocks.ts';

export class EstimateError extends Error {
  readonly file: string;
  readonly line: number;
  constructor(file: string, line: number, problem: string, fix: string) {
    super(`${file}:${line}: ${problem} ${fix}`);
    this.name = 'EstimateError';
    this.file = file;
    this.line = line;
  }
}

function relativePath(file: VFile): string {
  return file.path ? path.relative(process.cwd(), file.path).replace(/\\/g, '/') : '<unknown file>';
}

/** A rendered node as Markdown AST: elements carry their HTML tag in data.hName. */
function toMdast(node: HNode): RootContent {
  if (typeof node === 'string') return { type: 'text', value: node };
  if ('cite' in node) {
    const cite: MdxJsxTextElement = {
      type: 'mdxJsxTextElement',
      name: 'Cite',
      attributes: [{ type: 'mdxJsxAttribute', name: 'id', value: node.cite }],
      children: [],
    };
    return cite;
  }
  return {
    type: 'estimateElement',
    data: { hName: node.tag, hProperties: node.props ?? {} },
    children: node.children.map(toMdast),
  } as unknown as RootContent;
}

export default function remarkEstimates() {
  return (tree: Root, file: VFile) => {
    const blocks: { node: Code; index: number; parent: { children: unknown[] } }[] = [];
    visit(tree, 'code', (node, index, parent) => {
      if (node.lang === ESTIMATE_LANG && parent && index !== undefined) blocks.push({ node, index, parent });
    });
    const chains = new Map<string, EvaluatedChain>();
    if (blocks.length > 0) {
      const figures = loadFigures();
      for (const { node, index, parent } of blocks) {
        const fenceLine = node.position?.start.line ?? 0;
        // The content loader has usually evaluated this page's chains already (src/lib/estimate/memo.ts).
        const result = runChainOnce(node.value, figures, chains);
        const first = result.errors[0];
        if (!result.chain || first) {
          throw new EstimateError(
            relativePath(file),
            fenceLine + (first?.line ?? 0),
            first?.message ?? 'The chain did not evaluate.',
            first?.fix ?? '',
          );
        }
        if (chains.has(result.chain.id)) {
          throw new EstimateError(
            relativePath(file),
            fenceLine + 1,
            `Two chains on this page have the id "${result.chain.id}".`,
            'Give each chain its own id.',
          );
        }
        chains.set(result.chain.id, result.chain);
        parent.children[index] = toMdast(chainTree(result.chain));
      }
    }
    // Each token becomes <span data-estimate-token="chain.name">result</span>: the built-site check
    // can then tell a computed number from text, and finds any token left unresolved.
    visit(tree, 'text', (node: Text, index, parent) => {
      if (!node.value.includes('[[') || !parent || index === undefined) return;
      const parts: RootContent[] = [];
      let last = 0;
      for (const match of node.value.matchAll(TOKEN)) {
        const [token, chainId, name] = match as unknown as [string, string, string];
        const resolved = resolveToken(chainId, name, chains);
        if (!resolved.ok) throw new EstimateError(relativePath(file), node.position?.start.line ?? 0, resolved.message, resolved.fix);
        if (match.index > last) parts.push({ type: 'text', value: node.value.slice(last, match.index) });
        parts.push({
          type: 'estimateElement',
          data: { hName: 'span', hProperties: { 'data-estimate-token': `${chainId}.${name}` } },
          children: [{ type: 'text', value: resolved.text }],
        } as unknown as RootContent);
        last = match.index + token.length;
      }
      if (parts.length === 0) return;
      if (last < node.value.length) parts.push({ type: 'text', value: node.value.slice(last) });
      (parent.children as RootContent[]).splice(index, 1, ...parts);
      return index + parts.length;
    });
    const data = file.data as { astro?: { frontmatter?: Record<string, unknown> } };
    data.astro ??= {};
    data.astro.frontmatter ??= {};
    data.astro.frontmatter.estimateCount = chains.size;
  };
}
