/**
 * Security of the built pages: every page carries a Content-Security-Policy that allows exactly
 * its own inline scripts (by hash) and no third-party origin; no page has an event-handler
 * attribute or a javascript: URL; links that open a new tab cannot reach back to this page.
 */
import { readFileSync } from 'node:fs';
import type { Problem } from '../../lib/problems.ts';
import { contentSecurityPolicy, findInlines } from '../../../src/lib/csp.ts';
import type { BuiltSite } from '../site.ts';

export function checkSecurity(site: BuiltSite): Problem[] {
  const problems: Problem[] = [];
  for (const page of site.pages.values()) {
    const file = page.sourceFile ?? page.htmlFile;
    const html = readFileSync(page.htmlFile, 'utf8');
    const meta = page.root.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content');
    if (!meta) {
      problems.push({
        file: page.htmlFile,
        rule: 'csp',
        message: `${page.sitePath} has no Content-Security-Policy.`,
        fix: 'Build with the csp integration (astro.config.mjs).',
      });
    } else {
      const expected = contentSecurityPolicy(findInlines(html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/i, '')));
      if (meta !== expected) {
        problems.push({
          file: page.htmlFile,
          rule: 'csp',
          message: `${page.sitePath}: its Content-Security-Policy does not match its inline scripts and styles (something changed the page after the policy was written).`,
          fix: 'Add inline scripts and styles in components (the build hashes them), not in a later step.',
        });
      }
      if (/https?:\/\//.test(meta)) {
        problems.push({
          file: page.htmlFile,
          rule: 'csp',
          message: `${page.sitePath}: the policy allows another origin.`,
          fix: 'Serve every resource from the site itself.',
        });
      }
    }
    for (const element of page.root.querySelectorAll('*')) {
      for (const name of Object.keys(element.attributes)) {
        if (/^on[a-z]+$/i.test(name)) {
          problems.push({
            file,
            rule: 'unsafe-html',
            message: `<${element.tagName.toLowerCase()} ${name}=…> on ${page.sitePath}: event-handler attributes are not allowed.`,
            fix: 'Attach behaviour from a script module with addEventListener.',
          });
        }
      }
      for (const attribute of ['href', 'src', 'action', 'formaction', 'xlink:href']) {
        const value = element.getAttribute(attribute);
        if (value && /^\s*javascript:/i.test(value)) {
          problems.push({
            file,
            rule: 'unsafe-html',
            message: `A javascript: URL on ${page.sitePath}.`,
            fix: 'Use a real URL or a button with a script.',
          });
        }
      }
      if (element.tagName === 'A' && element.getAttribute('target') === '_blank') {
        const rel = (element.getAttribute('rel') ?? '').split(/\s+/);
        if (!rel.includes('noopener') || !rel.includes('noreferrer')) {
          problems.push({
            file,
            rule: 'unsafe-html',
            message: `A link opening a new tab on ${page.sitePath} lacks rel="noopener noreferrer" (${element.getAttribute('href') ?? 'no href'}).`,
            fix: 'Add rel="noopener noreferrer", or do not open a new tab.',
          });
        }
      }
    }
  }
  return problems;
}
