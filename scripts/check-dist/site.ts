/**
 * The built site as the checkers see it: every HTML page with its ids and links, every file,
 * and for each page the content file it was built from (read from its "Edit this page" link).
 * Each page is parsed twice: node-html-parser gives the link rules a quick selector API, and
 * parse5 (the HTML standard's parsing algorithm) gives the security rules the tree a browser
 * builds, so markup written to confuse a lenient parser cannot hide a script from them. Parsed
 * pages are not all held at once (see parsedOf), and the rules run page by page (runRules).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';
import { parse as parseHtml, type DefaultTreeAdapterTypes } from 'parse5';

export type HtmlElement = DefaultTreeAdapterTypes.Element;

/** An element as a browser would build it, and where it sits. */
export interface PageElement {
  element: HtmlElement;
  /** Inside a <template> (inert until a script clones it). */
  inTemplate: boolean;
  /** Inside <head>. */
  inHead: boolean;
}
import { normaliseBase } from '../../src/lib/base.ts';
import type { Problem } from '../lib/problems.ts';

export interface BuiltPage {
  /** Site path without the base, such as "/loop/coding/". */
  sitePath: string;
  /** The HTML file, relative to the working directory. */
  htmlFile: string;
  root: HTMLElement;
  /** Every id on the page (fragment targets). */
  ids: Set<string>;
  /** The content or page file it came from, when the page says (its edit link). */
  sourceFile?: string;
  /** The page's HTML as built. */
  html: string;
  /** Every element in document order (template contents included), parsed as browsers parse. */
  elements: PageElement[];
}

export interface BuiltSite {
  dir: string;
  base: string;
  pages: Map<string, BuiltPage>;
  /** Every file, as a site path ("/pagefind/pagefind.js"). */
  files: Set<string>;
}

/** The value of an attribute (any namespace prefix), or undefined. */
export function attribute(element: HtmlElement, name: string): string | undefined {
  return element.attrs.find((a) => a.name === name)?.value;
}

/** The text inside an element (a script's or style's body). */
export function textOf(element: HtmlElement): string {
  return element.childNodes.map((node) => ('value' in node && node.nodeName === '#text' ? node.value : '')).join('');
}

function elementsOf(html: string): PageElement[] {
  const found: PageElement[] = [];
  const visit = (node: DefaultTreeAdapterTypes.ParentNode, inTemplate: boolean, inHead: boolean) => {
    for (const child of node.childNodes) {
      if (!('tagName' in child)) continue;
      const head = inHead || child.tagName === 'head';
      found.push({ element: child, inTemplate, inHead: head });
      visit(child, inTemplate, head);
      if (child.tagName === 'template' && 'content' in child) visit(child.content, true, head);
    }
  };
  visit(parseHtml(html), false, false);
  return found;
}

/** Every file under dir. The folder's own listing says what is a folder: no file is looked at twice, so a file another step adds or removes meanwhile cannot fail the walk. */
function walk(dir: string, relative = ''): string[] {
  return readdirSync(path.join(dir, relative), { withFileTypes: true }).flatMap((entry) => {
    const rel = relative ? `${relative}/${entry.name}` : entry.name;
    return entry.isDirectory() ? walk(dir, rel) : [rel];
  });
}

/**
 * The parsed forms of one page at a time. Rules walk the pages in order, so each page is parsed
 * when a rule first reaches it and dropped when the next page is reached: memory stays that of
 * one page, not of the whole site (1.4 GB at ten times today's content). Only each page's ids,
 * path and source file are kept for all pages.
 */
let parsed: { file: string; html?: string; root?: HTMLElement; elements?: PageElement[] } = { file: '' };
function parsedOf(file: string): typeof parsed {
  if (parsed.file !== file) parsed = { file };
  return parsed;
}

export function loadSite(dir: string, base = '/'): BuiltSite {
  const files = walk(dir);
  const pages = new Map<string, BuiltPage>();
  for (const rel of files) {
    if (!rel.endsWith('.html')) continue;
    const sitePath = rel === 'index.html' ? '/' : rel.endsWith('/index.html') ? `/${rel.slice(0, -'index.html'.length)}` : `/${rel}`;
    const file = path.join(dir, rel);
    const htmlOf = () => (parsedOf(file).html ??= readFileSync(file, 'utf8'));
    const rootOf = () => (parsedOf(file).root ??= parse(htmlOf(), { comment: false }));
    const root = rootOf();
    const ids = new Set(
      root
        .querySelectorAll('[id]')
        .map((el) => el.getAttribute('id')!)
        .filter(Boolean),
    );
    for (const el of root.querySelectorAll('a[name]')) ids.add(el.getAttribute('name')!);
    const edit = root.querySelector('a[data-edit-link]')?.getAttribute('href');
    const sourceFile = edit ? /\/edit\/[^/]+\/(.+)$/.exec(edit)?.[1] : undefined;
    pages.set(sitePath, {
      sitePath,
      htmlFile: path.relative(process.cwd(), file).replace(/\\/g, '/'),
      get root() {
        return rootOf();
      },
      ids,
      sourceFile: sourceFile ? decodeURIComponent(sourceFile) : undefined,
      get html() {
        return htmlOf();
      },
      get elements() {
        return (parsedOf(file).elements ??= elementsOf(htmlOf()));
      },
    });
  }
  return { dir, base: normaliseBase(base), pages, files: new Set(files.map((f) => `/${f}`)) };
}

/**
 * A built-site rule. `page` is called for every page in turn, while that page is parsed; `finish`
 * once after the last page, for what only the whole site shows. A rule that keeps state across
 * pages is a factory, so each run starts afresh.
 */
export interface SiteRule {
  page(site: BuiltSite, page: BuiltPage): Problem[];
  finish?(site: BuiltSite): Problem[];
}

/**
 * Runs rules over the site page by page: every rule sees a page before the next page is parsed,
 * so each page is parsed once (per parser) whatever the number of rules, and only one is held.
 */
export function runRules(site: BuiltSite, rules: readonly SiteRule[]): Problem[] {
  const problems: Problem[] = [];
  for (const page of site.pages.values()) for (const rule of rules) problems.push(...rule.page(site, page));
  for (const rule of rules) if (rule.finish) problems.push(...rule.finish(site));
  return problems;
}

/** The line of a source file that contains `needle` (1-based), if any. */
export function lineContaining(file: string, needles: readonly string[]): number | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  const lines = text.split('\n');
  for (const needle of needles) {
    if (!needle) continue;
    const index = lines.findIndex((line) => line.includes(needle));
    if (index !== -1) return index + 1;
  }
  return undefined;
}
