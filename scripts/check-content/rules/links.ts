/**
 * Internal links and #anchors, resolved before anything is built: against the routes the site
 * will produce (src/pages, with each collection's entries placed by src/lib/routes.ts) and the
 * heading ids each MDX page will get (slugged exactly as Astro's MDX does: the heading's text
 * after the build's typography step, through github-slugger, numbered when repeated). Each problem names the
 * file, line and column, and the nearest page or anchor that exists.
 *
 * The built-site check (scripts/check-dist) stays the final word: it also sees links written by
 * layouts and components, and anchors on pages this rule cannot know in advance.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import GithubSlugger from 'github-slugger';
import { toString } from 'mdast-util-to-string';
import remarkTypography from '../../../src/plugins/remark-typography.ts';
import type { Heading, Root, RootContent } from 'mdast';
import { COLLECTIONS, type CollectionName } from '../../../src/schemas/index.ts';
import { entryPath } from '../../../src/lib/routes.ts';
import { nearest } from '../../../src/lib/text.ts';
import type { Problem } from '../../lib/problems.ts';
import type { CheckContext, Rule } from '../context.ts';
import type { ContentFile } from '../load.ts';
import { mdxTreeOf } from './content-safety.ts';
import { readDiagramLinks } from '../../../src/lib/mermaid/links.ts';
import { readDiagramSource } from '../../../src/lib/mermaid/source.ts';

const PROJECT = fileURLToPath(new URL('../../../', import.meta.url));
const PAGES_DIR = path.join(PROJECT, 'src', 'pages');
const PUBLIC_DIR = path.join(PROJECT, 'public');
/** Where ids rendered on every page come from (page chrome and content components). */
const ID_SOURCE_DIRS = [path.join(PROJECT, 'src', 'layouts'), path.join(PROJECT, 'src', 'components')];
const PAGE_EXTENSIONS = /\.(astro|md|mdx|ts|js)$/;

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

/** Ids written in a component or page source: literal ones, and patterns for `id={`x-${…}`}`. */
function idsInSource(source: string): { literal: string[]; patterns: RegExp[] } {
  const literal = [...source.matchAll(/\sid="([^"{}]+)"/g)].map((m) => m[1]!);
  const patterns = [...source.matchAll(/\sid=\{`([^`]*)`\}/g)].map(
    (m) =>
      new RegExp(
        `^${m[1]!
          .split(/\$\{[^}]*\}/)
          .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
          .join('.+')}$`,
      ),
  );
  return { literal, patterns };
}

/** A page's anchors, when the checker can know them all; undefined when it cannot. */
interface PageInfo {
  /** The source file the page comes from (an MDX entry, or a file in src/pages). */
  source: string;
  /** Every anchor on the page, when the checker can know them all. */
  anchors?: Set<string>;
  /** Whether the anchors include the headings of an MDX body. */
  hasHeadings?: boolean;
}

export interface SiteMap {
  /** Every page ("/loop/coding/") and file ("/favicon.svg") the build will produce. */
  pages: Map<string, PageInfo>;
  files: Set<string>;
  /** Path prefixes of dynamic pages whose entries cannot be listed in advance. */
  uncheckedPrefixes: string[];
  /** Ids that layouts and components render (accepted as anchors on every page). */
  globalIds: Set<string>;
  globalIdPatterns: RegExp[];
}

/** The build's typography step (curly quotes, dashes), so heading ids slug as the build's do. */
const smartypants = remarkTypography();

/**
 * The heading ids of an MDX body, in document order, as Astro's MDX gives them: the text of the
 * heading (inline code and the children of components included, image alt text not) after
 * the typography step, slugged by github-slugger, "-1", "-2"… appended to repeats.
 */
export function headingIds(tree: Root): string[] {
  const headings: Heading[] = [];
  const collect = (nodes: readonly RootContent[]) => {
    for (const node of nodes) {
      if (node.type === 'heading') headings.push(structuredClone(node));
      else if ('children' in node) collect(node.children);
    }
  };
  collect(tree.children);
  // Typography runs on a copy: curly quotes and dashes change the slug ("a -- b" -> "a--b").
  smartypants({ type: 'root', children: headings });
  const slugger = new GithubSlugger();
  return headings.map((heading) => slugger.slug(toString(heading, { includeImageAlt: false })));
}

/** The site the content will produce: pages, files and the anchors known for each page. */
export function buildSiteMap(files: readonly ContentFile[]): SiteMap {
  const pages = new Map<string, PageInfo>();
  const fileRoutes = new Set<string>();
  const uncheckedPrefixes: string[] = [];
  const entries = (collection: CollectionName) => files.filter((f) => f.collection === collection);

  for (const full of filesUnder(PAGES_DIR)) {
    const rel = path.relative(PAGES_DIR, full).replace(/\\/g, '/');
    if (!PAGE_EXTENSIONS.test(rel) || rel.split('/').some((s) => s.startsWith('_'))) continue;
    const isEndpoint = /\.(ts|js)$/.test(rel);
    const segments = rel.replace(PAGE_EXTENSIONS, '').split('/');
    if (segments.at(-1) === 'index') segments.pop();
    const source = path.relative(process.cwd(), full).replace(/\\/g, '/');
    const dynamicAt = segments.findIndex((s) => s.includes('['));
    if (dynamicAt === -1) {
      if (isEndpoint) fileRoutes.add(`/${segments.join('/')}`);
      else if (segments.join('/') === '404') fileRoutes.add('/404.html');
      else pages.set(segments.length ? `/${segments.join('/')}/` : '/', { source });
      continue;
    }
    const prefix = `/${segments.slice(0, dynamicAt).join('/')}${dynamicAt ? '/' : ''}`;
    const suffix = segments.slice(dynamicAt + 1).join('/');
    // The collection whose entries this page lists: the one routes.ts places under the prefix.
    const collection = COLLECTIONS.find((c) => c !== 'sources' && entryPath(c, 'x') === `${prefix}x/`);
    if (!collection || isEndpoint) {
      uncheckedPrefixes.push(prefix);
      continue;
    }
    for (const entry of entries(collection)) {
      const route = `${entryPath(collection, entry.id)}${suffix ? `${suffix}/` : ''}`;
      pages.set(route, { source: suffix ? source : entry.file });
    }
  }

  const pageIds = new Map<string, Set<string>>();
  const idsOfPageSource = (source: string) => {
    if (!pageIds.has(source)) {
      pageIds.set(
        source,
        new Set(existsSync(source) && source.startsWith('src/') ? idsInSource(readFileSync(source, 'utf8')).literal : []),
      );
    }
    return pageIds.get(source)!;
  };
  // Anchors of every MDX entry's own page: its headings, and the ids its page template writes.
  for (const file of files) {
    if (file.collection === 'sources' || !file.body) continue;
    const page = pages.get(entryPath(file.collection, file.id));
    const tree = mdxTreeOf(file);
    if (!page || !tree) continue;
    const template = templateOf(file.collection);
    page.anchors = new Set([...headingIds(tree), ...(template ? idsOfPageSource(template) : [])]);
    page.hasHeadings = true;
  }
  // The sources page: one anchor per source (routes.ts gives "/sources/#source-<id>").
  for (const file of entries('sources')) {
    const [route, fragment] = entryPath('sources', file.id).split('#');
    const page = pages.get(route!);
    if (!page) continue;
    page.anchors ??= new Set(idsOfPageSource(page.source));
    page.anchors.add(fragment!);
  }

  for (const full of filesUnder(PUBLIC_DIR)) fileRoutes.add(`/${path.relative(PUBLIC_DIR, full).replace(/\\/g, '/')}`);

  const globalIds = new Set<string>();
  const globalIdPatterns: RegExp[] = [];
  for (const full of ID_SOURCE_DIRS.flatMap(filesUnder)) {
    if (!full.endsWith('.astro')) continue;
    const ids = idsInSource(readFileSync(full, 'utf8'));
    for (const id of ids.literal) globalIds.add(id);
    globalIdPatterns.push(...ids.patterns);
  }
  return { pages, files: fileRoutes, uncheckedPrefixes, globalIds, globalIdPatterns };
}

const templates = new Map<CollectionName, string | undefined>();

/** The src/pages file that renders one collection's entries (for the ids it writes itself). */
function templateOf(collection: CollectionName): string | undefined {
  if (!templates.has(collection)) {
    const found = filesUnder(PAGES_DIR).find((full) => {
      const match = /^(.*?)\[[^\]]+\]\.astro$/.exec(path.relative(PAGES_DIR, full).replace(/\\/g, '/'));
      return match && entryPath(collection, 'x') === `/${match[1]}x/`;
    });
    templates.set(collection, found && path.relative(process.cwd(), found).replace(/\\/g, '/'));
  }
  return templates.get(collection);
}

interface FoundLink {
  url: string;
  line: number;
  column: number;
}

/** Every link a body writes: Markdown links and definitions, and `href` on elements. */
function linksIn(tree: Root): FoundLink[] {
  const found: FoundLink[] = [];
  const walk = (node: RootContent | Root) => {
    const start = node.position?.start;
    if ((node.type === 'link' || node.type === 'definition') && start) {
      found.push({ url: node.url, line: start.line, column: start.column });
    }
    if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && start) {
      for (const attribute of node.attributes) {
        if (attribute.type === 'mdxJsxAttribute' && attribute.name === 'href' && typeof attribute.value === 'string') {
          found.push({ url: attribute.value, line: start.line, column: start.column });
        }
      }
    }
    // Boxes in a Mermaid flowchart that link to a page (`click Z href "/stack/zuul/"`).
    if (node.type === 'code' && node.lang === 'mermaid' && start) {
      const { links } = readDiagramLinks(node.value, readDiagramSource(node.value).type);
      for (const link of links) found.push({ url: link.href, line: start.line + link.line, column: 1 });
    }
    if ('children' in node) for (const child of node.children) walk(child);
  };
  walk(tree);
  return found;
}

const EXTERNAL = /^([a-z][a-z0-9+.-]*:|\/\/)/i;

function anchorsOf(site: SiteMap, page: PageInfo): string[] {
  return [...(page.anchors ?? []), ...site.globalIds];
}

function hasAnchor(site: SiteMap, page: PageInfo, fragment: string): boolean {
  return Boolean(page.anchors?.has(fragment) || site.globalIds.has(fragment) || site.globalIdPatterns.some((p) => p.test(fragment)));
}

/** The problems with one link, or none. `from` is the site path of the page the link is on. */
export function checkLink(site: SiteMap, from: string, url: string): { rule: string; message: string; fix: string } | undefined {
  if (!url || EXTERNAL.test(url)) return undefined;
  let target: URL;
  try {
    target = new URL(url, `http://site${from}`);
  } catch {
    return {
      rule: 'link-target',
      message: `The link "${url}" is not a valid URL.`,
      fix: 'Write a root-relative path such as /loop/coding/.',
    };
  }
  let pathname: string;
  let fragment: string;
  try {
    pathname = decodeURIComponent(target.pathname);
    fragment = decodeURIComponent(target.hash.slice(1));
  } catch {
    return {
      rule: 'link-target',
      message: `The link "${url}" has a broken %-escape.`,
      fix: 'Write the path and anchor in plain characters.',
    };
  }
  if (site.uncheckedPrefixes.some((prefix) => prefix !== '/' && pathname.startsWith(prefix))) return undefined;

  const lastSegment = pathname.split('/').at(-1) ?? '';
  if (lastSegment.includes('.')) {
    if (site.files.has(pathname)) return undefined;
    return {
      rule: 'link-target',
      message: `The link "${url}" points at a file the site does not have (${pathname}).`,
      fix: 'Check the path; files served as they are live in public/.',
    };
  }
  const withSlash = pathname.endsWith('/') ? pathname : `${pathname}/`;
  const page = site.pages.get(withSlash);
  if (!page) {
    const suggestion = nearest(withSlash, site.pages.keys());
    const where = url.startsWith('/') ? '' : ` (a relative link: from ${from} it leads to ${withSlash})`;
    return {
      rule: 'link-target',
      message: `The link "${url}" goes to no page: the site has nothing at ${withSlash}${where}.${suggestion ? ` Did you mean "${suggestion}"?` : ''}`,
      fix: suggestion
        ? `Change it to ${suggestion}${target.hash}, or create the page it should go to.`
        : 'Link to an existing page, written root-relative with a trailing slash such as /loop/coding/, or create the page.',
    };
  }
  if (!pathname.endsWith('/')) {
    return {
      rule: 'link-target',
      message: `The link "${url}" has no trailing slash; every page URL on this site ends in "/".`,
      fix: `Write it as ${withSlash}${target.hash}.`,
    };
  }
  if (!fragment || hasAnchor(site, page, fragment)) return undefined;
  if (page.anchors === undefined) return undefined;
  const known = anchorsOf(site, page);
  const suggestion = nearest(fragment, known);
  const headings = [...page.anchors].slice(0, 8).map((a) => `#${a}`);
  return {
    rule: 'link-anchor',
    message: `The link "${url}" points at #${fragment}, which ${withSlash === from ? 'this page' : withSlash} does not have.${suggestion ? ` Did you mean "#${suggestion}"?` : ''}`,
    fix: `${suggestion ? `Change it to #${suggestion}` : 'Link to an anchor that exists'}${
      page.hasHeadings ? ` (a heading's anchor is its text in lower case with hyphens: "## How it fails" is #how-it-fails)` : ''
    }${headings.length ? `; anchors there include ${headings.join(', ')}${page.anchors.size > headings.length ? ', …' : ''}` : ''}.`,
  };
}

/** The rule: every internal link in every MDX body goes to a page (and anchor) that will exist. */
export const checkLinks: Rule = (context: CheckContext) => {
  const site = buildSiteMap(context.files);
  const problems: Problem[] = [];
  for (const file of context.files) {
    if (!file.body || file.parseError) continue;
    // The tree the content-safety rule parsed (file positions); a file that does not parse is
    // reported there, with its line and column.
    const tree = mdxTreeOf(file);
    if (!tree) continue;
    const from = entryPath(file.collection, file.id);
    for (const link of linksIn(tree)) {
      const problem = checkLink(site, from, link.url.trim());
      if (problem) problems.push({ file: file.file, line: link.line, column: link.column, ...problem });
    }
  }
  return problems;
};
