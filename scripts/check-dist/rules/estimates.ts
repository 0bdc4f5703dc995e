/**
 * Every estimate on the built site comes from the evaluator. The remark plugin marks each chain's
 * table with data-estimate="<chain id>" and each token's output with data-estimate-token, so on
 * the built pages:
 * - an estimate table (class "estimate") without data-estimate was written by hand: refused;
 * - the pages built from an MDX file (its page; a cheat sheet shows only front matter) show
 *   exactly that file's ```estimate blocks, by id, as marked tables (none dropped, none added),
 *   so the site's count of chains equals the sources';
 * - a `[[chain.name]]` token left in the text (outside code) was never resolved: refused.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { Problem } from '../../lib/problems.ts';
import { attribute, lineContaining, runRules, type BuiltPage, type BuiltSite, type SiteRule } from '../site.ts';
import { findEstimateBlocks, TOKEN } from '../../../src/lib/estimate/blocks.ts';

/** The chain ids of a source file's ```estimate blocks, in order, with each fence's line. */
export function sourceChains(file: string): { id: string; line: number }[] {
  return findEstimateBlocks(readFileSync(file, 'utf8')).map((block) => ({
    id: /^id:\s*(\S+)/m.exec(block.text)?.[1] ?? '(no id)',
    line: block.fenceLine,
  }));
}

/** Page text a reader sees: the HTML without code, scripts, styles, templates and tags. */
function visibleText(html: string): string {
  return html.replace(/<(code|pre|script|style|template)\b[\s\S]*?<\/\1>/gi, ' ').replace(/<[^>]+>/g, ' ');
}

const sorted = (ids: readonly string[]) => [...ids].sort();

function checkPage(page: BuiltPage, shown: Map<string, { pages: string[]; ids: Set<string> }>): Problem[] {
  const problems: Problem[] = [];
  const file = page.sourceFile ?? page.htmlFile;
  const marked: string[] = [];
  for (const { element, inTemplate } of page.elements) {
    if (inTemplate || element.tagName !== 'table') continue;
    const classes = (attribute(element, 'class') ?? '').split(/\s+/);
    const marker = attribute(element, 'data-estimate');
    if (marker) marked.push(marker);
    else if (classes.includes('estimate')) {
      problems.push({
        file,
        line: page.sourceFile ? lineContaining(page.sourceFile, ['class="estimate"', 'className="estimate"']) : undefined,
        rule: 'estimate-unmarked',
        message: `An estimate table on ${page.sitePath} has no data-estimate marker: it was written by hand, not produced by the evaluator.`,
        fix: 'State the numbers as an ```estimate block (CONTRIBUTING.md, "Estimates and figures"); the build renders and marks the table.',
      });
    }
  }

  const source = page.sourceFile;
  if (source && /\.mdx?$/.test(source) && existsSync(source)) {
    const entry = shown.get(source) ?? { pages: [], ids: new Set<string>() };
    entry.pages.push(page.sitePath);
    for (const id of marked) entry.ids.add(id);
    shown.set(source, entry);
  }

  const tokens = [...visibleText(page.html).matchAll(TOKEN)].map((m) => m[0]);
  for (const token of new Set(tokens)) {
    problems.push({
      file,
      line: page.sourceFile ? lineContaining(page.sourceFile, [token]) : undefined,
      rule: 'estimate-token',
      message: `${page.sitePath} shows ${token} as text: the token was never resolved.`,
      fix: 'Tokens resolve in MDX text and in front matter loaded through the content collections (src/lib/estimate/loader.ts); a page that prints front matter read some other way must read it from getCollection.',
    });
  }
  return problems;
}

export function checkEstimates(site: BuiltSite): Problem[] {
  return runRules(site, [estimatesRule()]);
}

/** The rule: each page's tables and tokens, then each source's chains against what its pages showed. */
export function estimatesRule(): SiteRule {
  const shown = new Map<string, { pages: string[]; ids: Set<string> }>();
  return { page: (_site, page) => checkPage(page, shown), finish: () => chainCounts(shown) };
}

function chainCounts(shown: ReadonlyMap<string, { pages: string[]; ids: Set<string> }>): Problem[] {
  const problems: Problem[] = [];
  for (const [source, { pages, ids }] of shown) {
    const expected = sourceChains(source);
    const want = sorted(expected.map((c) => c.id));
    const got = sorted([...ids]);
    if (want.join('\n') === got.join('\n')) continue;
    const missing = want.filter((id) => !got.includes(id));
    const extra = got.filter((id) => !want.includes(id));
    problems.push({
      file: source,
      line: expected.find((c) => missing.includes(c.id))?.line ?? expected[0]?.line,
      rule: 'estimate-count',
      message: `${source} has ${want.length} \`\`\`estimate block(s) but its pages (${pages.join(', ')}) show ${got.length} evaluated table(s)${missing.length ? `; not rendered: ${missing.join(', ')}` : ''}${extra.length ? `; not in the source: ${extra.join(', ')}` : ''}.`,
      fix: 'Every chain in the source must reach its page through the remark plugin (src/plugins/remark-estimates.ts); check that the block is not inside a component that drops its children, and that the page is built from this file.',
    });
  }
  return problems;
}
