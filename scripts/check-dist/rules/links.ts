/**
 * Every internal link and #fragment resolves in the built site, with the base path and the
 * trailing-slash rule applied as the host will. Problems in content point at the content file
 * and line; problems in the page chrome point at the built page.
 */
import path from 'node:path';
import { nearest } from '../../../src/lib/text.ts';
import type { Problem } from '../../lib/problems.ts';
import { attribute, lineContaining, runRules, type BuiltPage, type BuiltSite, type SiteRule } from '../site.ts';

const EXTERNAL = /^(https?:|mailto:|tel:|data:|blob:)/i;

/** Where a link sits: the small part of its page a message needs, kept past the page (never the parsed page). */
type LinkPage = Pick<BuiltPage, 'sitePath' | 'htmlFile' | 'sourceFile'>;

/** A link to #fragment on a page, checked once every page's ids are known. */
interface FragmentLink {
  on: LinkPage;
  inContent: boolean;
  href: string;
  needles: string[];
  pathname: string;
  fragment: string;
}

function problemFor(page: LinkPage, inContent: boolean, href: string, needles: string[], message: string, fix: string): Problem {
  if (inContent && page.sourceFile) {
    return {
      file: page.sourceFile,
      line: lineContaining(page.sourceFile, needles),
      rule: 'link-target',
      message: `${message} (on ${page.sitePath})`,
      fix,
    };
  }
  return { file: page.htmlFile, rule: 'link-target', message: `${message} (in the page layout, link "${href}")`, fix };
}

export function checkLinks(site: BuiltSite): Problem[] {
  return runRules(site, [linksRule()]);
}

/**
 * The rule, page by page; a link in the page layout is reported once per source, not on every
 * page. A #fragment may point at a page the pass has not read yet, so each page's ids are kept
 * and fragments are checked in finish(); every problem is given then, in the order of the links.
 */
export function linksRule(): SiteRule {
  const seen = new Set<string>();
  const idsOf = new Map<string, ReadonlySet<string>>();
  const found: (Problem | FragmentLink)[] = [];
  let pagePaths: string[] | undefined;
  return {
    page(site, page) {
      pagePaths ??= [...site.pages.keys()];
      idsOf.set(page.sitePath, page.ids);
      found.push(...pageLinks(site, page, pagePaths, seen));
      return [];
    },
    finish: () => found.flatMap((entry) => ('rule' in entry ? [entry] : fragmentProblems(entry, idsOf))),
  };
}

function fragmentProblems(
  { on, inContent, href, needles, pathname, fragment }: FragmentLink,
  idsOf: ReadonlyMap<string, ReadonlySet<string>>,
): Problem[] {
  const ids = idsOf.get(pathname)!;
  if (ids.has(fragment)) return [];
  const anchors = [...ids].filter((id) => !id.startsWith('dg-') && !id.startsWith('pf-'));
  const suggestion = nearest(fragment, anchors);
  return [
    problemFor(
      on,
      inContent,
      href,
      needles,
      `${pathname} has no anchor "#${fragment}".`,
      suggestion
        ? `Did you mean #${suggestion}?`
        : `Its anchors include: ${anchors
            .slice(0, 8)
            .map((a) => `#${a}`)
            .join(', ')}.`,
    ),
  ];
}

function pageLinks(site: BuiltSite, page: BuiltPage, pagePaths: readonly string[], seen: Set<string>): (Problem | FragmentLink)[] {
  const found: (Problem | FragmentLink)[] = [];
  const on: LinkPage = { sitePath: page.sitePath, htmlFile: page.htmlFile, sourceFile: page.sourceFile };
  for (const { element, inArticle: inContent } of page.elements) {
    if (element.tagName !== 'a') continue;
    const href = attribute(element, 'href')?.trim();
    if (!href || EXTERNAL.test(href) || href.startsWith('//')) continue;
    if (/^javascript:/i.test(href)) {
      found.push(problemFor(on, true, href, [href], `A javascript: link ("${href}") is not allowed.`, 'Use a real URL or a button.'));
      continue;
    }
    const url = new URL(href, `http://site${site.base}${page.sitePath.slice(1)}`);
    const fragment = decodeURIComponent(url.hash.slice(1));
    let pathname = decodeURIComponent(url.pathname);
    const key = `${page.sourceFile ?? page.htmlFile}|${href}`;
    if (seen.has(key) && !inContent) continue;
    seen.add(key);
    if (!pathname.startsWith(site.base)) {
      found.push(
        problemFor(
          on,
          inContent,
          href,
          [`href="${href}"`, `](${href})`, href],
          `The link "${href}" leaves the site's base path ${site.base}.`,
          `Write links as root-relative Markdown links such as [text](/loop/) (the base path is added for you), or build them with withBase() in components.`,
        ),
      );
      continue;
    }
    pathname = `/${pathname.slice(site.base.length)}`;
    // As the author wrote it: the base path is added by the build, so look for the link without it.
    const written = href.startsWith(site.base) ? `/${href.slice(site.base.length)}` : href;
    const needles = [`](${written})`, `](${written} `, `href="${written}"`, written, fragment && `#${fragment}`];
    const flag = (message: string, fix: string) => found.push(problemFor(on, inContent, href, needles, message, fix));
    if (path.posix.extname(pathname)) {
      if (!site.files.has(pathname)) {
        flag(`The file ${pathname} does not exist in the build.`, 'Check the path, or add the file under public/.');
      }
      continue;
    }
    if (!pathname.endsWith('/')) {
      flag(`The link "${href}" has no trailing slash; every page URL on this site ends in "/".`, `Write it as ${pathname}/${url.hash}.`);
      continue;
    }
    if (!site.pages.has(pathname)) {
      const suggestion = nearest(pathname, pagePaths);
      flag(
        `There is no page at ${pathname}.`,
        suggestion ? `Did you mean ${suggestion}?` : 'Link to an existing page; the sidebar lists them.',
      );
      continue;
    }
    if (fragment) found.push({ on, inContent, href, needles, pathname, fragment });
  }
  return found;
}
