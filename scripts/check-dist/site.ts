/**
 * The built site as the checkers see it: every file, every HTML page, and each page once, parsed
 * as a browser parses it (parse5, the HTML standard's parsing algorithm, template contents
 * included), so markup written to confuse a lenient parser cannot hide a script, a link or a
 * third-party file from any rule. One pass (runRules) reads and parses each page once and gives
 * it to every rule before reading the next: memory holds one parsed page, not the site (1.4 GB
 * at ten times today's content). What a rule needs of the whole site (another page's ids, say)
 * it keeps in small form as the pass goes and checks in its finish().
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseHtml, type DefaultTreeAdapterTypes } from 'parse5';
import { normaliseBase } from '../../src/lib/base.ts';
import type { Problem } from '../lib/problems.ts';

export type HtmlElement = DefaultTreeAdapterTypes.Element;

/** An element as a browser would build it, and where it sits. */
export interface PageElement {
  element: HtmlElement;
  /** Inside a <template> (inert until a script clones it). */
  inTemplate: boolean;
  /** Inside <head>. */
  inHead: boolean;
  /** The page's first <article> outside templates, or inside it: what the content file wrote, not the layout around it. */
  inArticle: boolean;
}

/** A page of the built site, known from its file name before the pass reads it. */
export interface SitePage {
  /** Site path without the base, such as "/loop/coding/". */
  sitePath: string;
  /** The HTML file, relative to the working directory. */
  htmlFile: string;
}

/** A page while the pass holds it: its HTML, parsed. Rules keep only small facts of it past their page(). */
export interface BuiltPage extends SitePage {
  /** Every non-empty id, then every <a name>, template contents included (fragment targets). */
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
  /** Every HTML page, by site path, in the order the pass reads them. */
  pages: Map<string, SitePage>;
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

/** Every element of a page in document order, template contents right after their <template>. */
export function elementsOf(html: string): PageElement[] {
  const found: PageElement[] = [];
  let articleSeen = false;
  const visit = (node: DefaultTreeAdapterTypes.ParentNode, inTemplate: boolean, inHead: boolean, inArticle: boolean) => {
    for (const child of node.childNodes) {
      if (!('tagName' in child)) continue;
      const head = inHead || child.tagName === 'head';
      let article = inArticle;
      if (!articleSeen && !inTemplate && child.tagName === 'article') article = articleSeen = true;
      found.push({ element: child, inTemplate, inHead: head, inArticle: article });
      visit(child, inTemplate, head, article);
      if (child.tagName === 'template' && 'content' in child) visit(child.content, true, head, article);
    }
  };
  visit(parseHtml(html), false, false, false);
  return found;
}

/** Every file under dir. The folder's own listing says what is a folder: no file is looked at twice, so a file another step adds or removes meanwhile cannot fail the walk. */
function walk(dir: string, relative = ''): string[] {
  return readdirSync(path.join(dir, relative), { withFileTypes: true }).flatMap((entry) => {
    const rel = relative ? `${relative}/${entry.name}` : entry.name;
    return entry.isDirectory() ? walk(dir, rel) : [rel];
  });
}

/** Lists the site's files and pages; reads no page (runRules does, once each). */
export function loadSite(dir: string, base = '/'): BuiltSite {
  const files = walk(dir);
  const pages = new Map<string, SitePage>();
  for (const rel of files) {
    if (!rel.endsWith('.html')) continue;
    const sitePath = rel === 'index.html' ? '/' : rel.endsWith('/index.html') ? `/${rel.slice(0, -'index.html'.length)}` : `/${rel}`;
    pages.set(sitePath, { sitePath, htmlFile: path.relative(process.cwd(), path.join(dir, rel)).replace(/\\/g, '/') });
  }
  return { dir, base: normaliseBase(base), pages, files: new Set(files.map((f) => `/${f}`)) };
}

/** Reads and parses one page: its elements, ids and source file. */
export function readPage(site: BuiltSite, page: SitePage): BuiltPage {
  const rel = page.sitePath.endsWith('/') ? `${page.sitePath}index.html` : page.sitePath;
  const html = readFileSync(path.join(site.dir, rel), 'utf8');
  const elements = elementsOf(html);
  const ids = new Set<string>();
  const names: string[] = [];
  let edit: string | undefined;
  for (const { element } of elements) {
    const id = attribute(element, 'id');
    if (id) ids.add(id);
    if (element.tagName !== 'a') continue;
    const name = attribute(element, 'name');
    if (name !== undefined) names.push(name);
    if (edit === undefined && attribute(element, 'data-edit-link') !== undefined) edit = attribute(element, 'href') ?? '';
  }
  for (const name of names) ids.add(name);
  const sourceFile = edit ? /\/edit\/[^/]+\/(.+)$/.exec(edit)?.[1] : undefined;
  return { ...page, ids, sourceFile: sourceFile ? decodeURIComponent(sourceFile) : undefined, html, elements };
}

/**
 * A built-site rule. `page` is called for every page in turn, while the pass holds it; `finish`
 * once after the last page, for what only the whole site shows. A rule that keeps state across
 * pages is a factory, so each run starts afresh, and keeps small facts, never the parsed page.
 */
export interface SiteRule {
  page(site: BuiltSite, page: BuiltPage): Problem[];
  finish?(site: BuiltSite): Problem[];
}

/**
 * The pass: reads and parses each page once, gives it to every rule, and lets it go before the
 * next, then runs each rule's finish().
 */
export function runRules(site: BuiltSite, rules: readonly SiteRule[]): Problem[] {
  const problems: Problem[] = [];
  for (const sitePage of site.pages.values()) {
    const page = readPage(site, sitePage);
    for (const rule of rules) problems.push(...rule.page(site, page));
  }
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
