/**
 * Nothing on a page loads from another host: scripts, styles, fonts, images, frames and CSS
 * imports must come from the site itself, so it works offline and tells no third party who reads
 * it. Outbound links (<a href>) are fine; they load nothing until followed.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Problem } from '../../lib/problems.ts';
import { runRules, type BuiltPage, type BuiltSite, type SiteRule } from '../site.ts';

const ABSOLUTE = /^(https?:)?\/\//i;

const RESOURCE_ATTRIBUTES: readonly [selector: string, attribute: string][] = [
  ['script[src]', 'src'],
  ['link[href]', 'href'],
  ['img[src]', 'src'],
  ['img[srcset]', 'srcset'],
  ['source[src]', 'src'],
  ['source[srcset]', 'srcset'],
  ['iframe[src]', 'src'],
  ['video[src]', 'src'],
  ['video[poster]', 'poster'],
  ['audio[src]', 'src'],
  ['embed[src]', 'src'],
  ['object[data]', 'data'],
  ['image[href]', 'href'],
  ['use[href]', 'href'],
];

/** Link relations that do not fetch anything by themselves. */
const NON_FETCHING_RELS: ReadonlySet<string | undefined> = new Set([
  'canonical',
  'alternate',
  'author',
  'license',
  'me',
  'next',
  'prev',
  'help',
  'search',
]);

function cssImports(css: string): string[] {
  return [...css.matchAll(/(?:@import\s+(?:url\()?|url\()\s*['"]?([^'")\s]+)/g)].map((m) => m[1]!).filter((u) => ABSOLUTE.test(u));
}

export function checkThirdParty(site: BuiltSite): Problem[] {
  return runRules(site, [thirdPartyRule]);
}

export const thirdPartyRule: SiteRule = { page: (_site, page) => pageThirdParty(page), finish: stylesheetImports };

function pageThirdParty(page: BuiltPage): Problem[] {
  const problems: Problem[] = [];
  const file = page.sourceFile ?? page.htmlFile;
  for (const [selector, attribute] of RESOURCE_ATTRIBUTES) {
    for (const element of page.root.querySelectorAll(selector)) {
      if (element.tagName === 'LINK' && NON_FETCHING_RELS.has(element.getAttribute('rel')?.toLowerCase())) continue;
      // The selector found the element by this attribute.
      const value = element.getAttribute(attribute)!;
      // Stryker disable next-line Regex: after trim() a candidate's URL ends at its first space, one space or several.
      const urls = attribute === 'srcset' ? value.split(',').map((part) => part.trim().split(/\s+/)[0]!) : [value];
      for (const url of urls.filter((u) => ABSOLUTE.test(u))) {
        problems.push({
          file,
          rule: 'third-party',
          message: `<${element.tagName.toLowerCase()} ${attribute}="${url}"> on ${page.sitePath} loads from another host.`,
          fix: 'Save the file under public/ (or import it) and reference it from the site; the site must work offline and contact no third party.',
        });
      }
    }
  }
  for (const style of page.root.querySelectorAll('style')) {
    for (const url of cssImports(style.textContent)) {
      problems.push({
        file,
        rule: 'third-party',
        message: `A <style> block on ${page.sitePath} loads ${url}.`,
        fix: "Remove the import; use the site's own fonts and files.",
      });
    }
  }
  for (const element of page.root.querySelectorAll('[style]')) {
    for (const url of cssImports(element.getAttribute('style')!)) {
      problems.push({
        file,
        rule: 'third-party',
        message: `An inline style on ${page.sitePath} loads ${url}.`,
        fix: 'Remove it; use files from the site.',
      });
    }
  }
  return problems;
}

/** Stylesheets are files, not pages: checked once, after the pages. */
function stylesheetImports(site: BuiltSite): Problem[] {
  const problems: Problem[] = [];
  for (const sitePathOfFile of site.files) {
    if (!sitePathOfFile.endsWith('.css')) continue;
    const css = readFileSync(path.join(site.dir, sitePathOfFile), 'utf8');
    for (const url of cssImports(css)) {
      problems.push({
        file: path.relative(process.cwd(), path.join(site.dir, sitePathOfFile)),
        rule: 'third-party',
        message: `The stylesheet loads ${url} from another host.`,
        fix: 'Bundle the asset with the site instead (fonts: use the system font stack).',
      });
    }
  }
  return problems;
}
