/**
 * Every internal link and #fragment resolves in the built site, with the base path and the
 * trailing-slash rule applied as the host will. Problems in content point at the content file
 * and line; problems in the page chrome point at the built page.
 */
import path from 'node:path';
import { nearest } from '../../../src/lib/text.ts';
import type { Problem } from '../../lib/problems.ts';
import { lineContaining, runRules, type BuiltPage, type BuiltSite, type SiteRule } from '../site.ts';

const EXTERNAL = /^(https?:|mailto:|tel:|data:|blob:)/i;

function problemFor(page: BuiltPage, inContent: boolean, href: string, needles: string[], message: string, fix: string): Problem {
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

/** The rule, page by page; a link in the page layout is reported once per source, not on every page. */
export function linksRule(): SiteRule {
  const seen = new Set<string>();
  let pagePaths: string[] | undefined;
  return {
    page(site, page) {
      pagePaths ??= [...site.pages.keys()];
      return pageLinks(site, page, pagePaths, seen);
    },
  };
}

function pageLinks(site: BuiltSite, page: BuiltPage, pagePaths: readonly string[], seen: Set<string>): Problem[] {
  const problems: Problem[] = [];
  const content = page.root.querySelector('article .prose, article');
  for (const anchor of page.root.querySelectorAll('a[href]')) {
    const href = anchor.getAttribute('href')!.trim();
    if (!href || EXTERNAL.test(href) || href.startsWith('//')) continue;
    if (/^javascript:/i.test(href)) {
      problems.push(problemFor(page, true, href, [href], `A javascript: link ("${href}") is not allowed.`, 'Use a real URL or a button.'));
      continue;
    }
    const inContent = Boolean(content && isInside(anchor, content));
    const url = new URL(href, `http://site${site.base}${page.sitePath.slice(1)}`);
    const fragment = decodeURIComponent(url.hash.slice(1));
    let pathname = decodeURIComponent(url.pathname);
    const key = `${page.sourceFile ?? page.htmlFile}|${href}`;
    if (seen.has(key) && !inContent) continue;
    seen.add(key);
    if (!pathname.startsWith(site.base)) {
      problems.push(
        problemFor(
          page,
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
    const flag = (message: string, fix: string) => problems.push(problemFor(page, inContent, href, needles, message, fix));
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
    const target = site.pages.get(pathname);
    if (!target) {
      const suggestion = nearest(pathname, pagePaths);
      flag(
        `There is no page at ${pathname}.`,
        suggestion ? `Did you mean ${suggestion}?` : 'Link to an existing page; the sidebar lists them.',
      );
      continue;
    }
    if (fragment && !target.ids.has(fragment)) {
      const anchors = [...target.ids].filter((id) => !id.startsWith('dg-') && !id.startsWith('pf-'));
      const suggestion = nearest(fragment, anchors);
      flag(
        `${pathname} has no anchor "#${fragment}".`,
        suggestion
          ? `Did you mean #${suggestion}?`
          : `Its anchors include: ${anchors
              .slice(0, 8)
              .map((a) => `#${a}`)
              .join(', ')}.`,
      );
    }
  }
  return problems;
}

function isInside(element: { parentNode: unknown }, container: unknown): boolean {
  let node: unknown = element;
  while (node) {
    if (node === container) return true;
    node = (node as { parentNode: unknown }).parentNode;
  }
  return false;
}
