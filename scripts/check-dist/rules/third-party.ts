/**
 * Nothing on a page loads from another host: scripts, styles, fonts, images, frames and CSS
 * imports must come from the site itself, so it works offline and tells no third party who reads
 * it. Outbound links (<a href>) are fine; they load nothing until followed.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Problem } from '../../lib/problems.ts';
import { attribute, runRules, textOf, type BuiltPage, type BuiltSite, type SiteRule } from '../site.ts';

const ABSOLUTE = /^(https?:)?\/\//i;

/** The attributes by which each element loads a file. */
const RESOURCE_ATTRIBUTES: ReadonlyMap<string, readonly string[]> = new Map([
  ['script', ['src']],
  ['link', ['href']],
  ['img', ['src', 'srcset']],
  ['source', ['src', 'srcset']],
  ['iframe', ['src']],
  ['video', ['src', 'poster']],
  ['audio', ['src']],
  ['embed', ['src']],
  ['object', ['data']],
  ['image', ['href']],
  ['use', ['href']],
]);

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

/** Files the page's elements load, then its <style> blocks' imports, then its style attributes', each in document order. */
function pageThirdParty(page: BuiltPage): Problem[] {
  const resources: Problem[] = [];
  const styleBlocks: Problem[] = [];
  const styleAttributes: Problem[] = [];
  const file = page.sourceFile ?? page.htmlFile;
  for (const { element } of page.elements) {
    const tag = element.tagName.toLowerCase();
    if (tag !== 'link' || !NON_FETCHING_RELS.has(attribute(element, 'rel')?.toLowerCase())) {
      for (const name of RESOURCE_ATTRIBUTES.get(tag) ?? []) {
        const value = attribute(element, name);
        if (value === undefined) continue;
        // Stryker disable next-line Regex: after trim() a candidate's URL ends at its first space, one space or several.
        const urls = name === 'srcset' ? value.split(',').map((part) => part.trim().split(/\s+/)[0]!) : [value];
        for (const url of urls.filter((u) => ABSOLUTE.test(u))) {
          resources.push({
            file,
            rule: 'third-party',
            message: `<${tag} ${name}="${url}"> on ${page.sitePath} loads from another host.`,
            fix: 'Save the file under public/ (or import it) and reference it from the site; the site must work offline and contact no third party.',
          });
        }
      }
    }
    if (tag === 'style') {
      for (const url of cssImports(textOf(element))) {
        styleBlocks.push({
          file,
          rule: 'third-party',
          message: `A <style> block on ${page.sitePath} loads ${url}.`,
          fix: "Remove the import; use the site's own fonts and files.",
        });
      }
    }
    for (const url of cssImports(attribute(element, 'style') ?? '')) {
      styleAttributes.push({
        file,
        rule: 'third-party',
        message: `An inline style on ${page.sitePath} loads ${url}.`,
        fix: 'Remove it; use files from the site.',
      });
    }
  }
  return [...resources, ...styleBlocks, ...styleAttributes];
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
