/**
 * Security of the built pages, as a browser would parse them (parse5). A page may run only code
 * the site itself writes, and its Content-Security-Policy allows only that code:
 * - the policy is present, first in <head>, and exactly the one src/lib/csp.ts writes;
 * - no other meta[http-equiv] (no redirect, no second policy, no header set by content);
 * - inline <script>: only the site's own (the theme script, byte for byte) and its JSON data
 *   blocks; <script src>: only the site's own bundles under <base>_astro/ that exist;
 * - no <style> element and no style attribute (the site writes none; its CSS is in files);
 * - no element that embeds another document or plugin or moves relative links (iframe, object,
 *   embed, base…), no event-handler attribute, no javascript: URL (after the entity decoding
 *   and whitespace removal a browser applies), and links that open a new tab cannot reach back.
 * Template contents are checked too: a script cloned from a <template> runs.
 * Problems name the content file the page was built from (its edit link) and, when the markup
 * can be found there, the line.
 */
import type { Problem } from '../../lib/problems.ts';
import {
  policyForPage,
  SITE_DATA_SCRIPT_IDS,
  SITE_INLINE_SCRIPTS,
  BROWSER_DIAGRAM_ATTRIBUTE,
  contentSecurityPolicy,
} from '../../../src/lib/csp.ts';
import { attribute, lineContaining, runRules, textOf, type BuiltPage, type BuiltSite, type HtmlElement, type SiteRule } from '../site.ts';

/** Elements the site never writes: each embeds another document or plugin, or changes where links point. */
const FOREIGN_ELEMENTS = new Set(['iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base', 'portal', 'fencedframe']);

/** Attributes that hold a URL a browser may navigate to or run, including SVG animation targets. */
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'data', 'poster', 'to', 'from', 'values', 'by']);

/**
 * Whether a URL runs script when followed. Browsers drop ASCII tab and newline anywhere in a URL
 * and leading control characters and spaces, so "java&#9;script:" (decoded by the parser) counts.
 */
export function isScriptUrl(value: string): boolean {
  let cleaned = value.replace(/[\t\n\r]/g, '');
  while (cleaned !== '' && cleaned.charCodeAt(0) <= 0x20) cleaned = cleaned.slice(1);
  return /^(javascript|vbscript):/i.test(cleaned) || /(^|;)\s*(javascript|vbscript):/i.test(cleaned.replace(/\s/g, ''));
}

const JSON_TYPES = new Set(['application/json', 'application/ld+json']);

/** A short, single-line excerpt of untrusted text for a message. */
function excerpt(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return JSON.stringify(flat.length > max ? `${flat.slice(0, max)}…` : flat);
}

function describe(element: HtmlElement): string {
  return `<${element.tagName}>`;
}

export function checkSecurity(site: BuiltSite): Problem[] {
  return runRules(site, [securityRule]);
}

export const securityRule: SiteRule = { page: (site, page) => checkPage(site, page) };

function checkPage(site: BuiltSite, page: BuiltPage): Problem[] {
  const problems: Problem[] = [];
  const file = page.sourceFile ?? page.htmlFile;
  const at = (needles: readonly string[]) => (page.sourceFile ? lineContaining(page.sourceFile, needles) : undefined);
  const add = (rule: string, needles: readonly string[], message: string, fix: string) =>
    problems.push({ file, line: at(needles), rule, message, fix });

  // The policy: the first meta[http-equiv] on the page, in <head>, exactly as the site writes it.
  const metas = page.elements.filter(({ element }) => element.tagName === 'meta' && attribute(element, 'http-equiv') !== undefined);
  const own = metas[0];
  const isOwn =
    own !== undefined && own.inHead && !own.inTemplate && attribute(own.element, 'http-equiv')!.toLowerCase() === 'content-security-policy';
  if (!isOwn) {
    problems.push({
      file: page.htmlFile,
      rule: 'csp',
      message: `${page.sitePath} has no Content-Security-Policy first in <head>.`,
      fix: 'Build with the csp integration (astro.config.mjs), which adds it to every page.',
    });
  } else {
    const policy = attribute(own.element, 'content') ?? '';
    const browserDrawn = page.elements.some(({ element }) => attribute(element, BROWSER_DIAGRAM_ATTRIBUTE) !== undefined);
    const expected = contentSecurityPolicy({ browserDrawnDiagrams: browserDrawn });
    if (policy !== expected || policy !== policyForPage(page.html)) {
      problems.push({
        file: page.htmlFile,
        rule: 'csp',
        message: `${page.sitePath}: its Content-Security-Policy is not the one the site writes (something changed the policy or the page after the build).`,
        fix: 'Let the csp integration (src/plugins/csp.ts) write the policy; code the site runs inline belongs in src/lib/csp.ts, never in a later step.',
      });
    }
  }
  for (const meta of metas) {
    if (isOwn && meta === own) continue;
    const equiv = attribute(meta.element, 'http-equiv')!;
    add(
      'unsafe-html',
      ['http-equiv', 'httpEquiv'],
      `<meta http-equiv="${equiv}"> on ${page.sitePath}: only the site's own Content-Security-Policy may be set this way.`,
      'Remove it: content cannot redirect readers, set headers or change the policy.',
    );
  }

  for (const { element } of page.elements) {
    const tag = element.tagName;
    if (tag === 'script') {
      const src = attribute(element, 'src');
      if (src !== undefined) {
        if (!isOwnScript(site, page, src)) {
          add(
            'unsafe-html',
            ['<script', src],
            `<script src="${src}"> on ${page.sitePath} is not one of the site's own scripts (${site.base}_astro/).`,
            `Content cannot add scripts: remove it. The site's scripts are bundled from src/scripts/ into ${site.base}_astro/.`,
          );
        }
      } else {
        const type = (attribute(element, 'type') ?? '').trim().toLowerCase();
        const body = textOf(element);
        const ownData = JSON_TYPES.has(type) && SITE_DATA_SCRIPT_IDS.includes(attribute(element, 'id') ?? '');
        const ownCode = (type === '' || type === 'text/javascript') && SITE_INLINE_SCRIPTS.includes(body);
        if (!ownData && !ownCode) {
          add(
            'unsafe-html',
            ['<script', 'unescapeHTML', 'set:html', body.trim().split('\n')[0] ?? ''],
            `An inline <script> on ${page.sitePath} that the site does not write: ${excerpt(body)}.`,
            "Content cannot run code: remove it. The policy allows only the site's own scripts; a tool's behavior belongs in src/scripts/, loaded by a component.",
          );
        }
      }
    } else if (tag === 'style') {
      add(
        'unsafe-html',
        ['<style', 'unescapeHTML', 'set:html'],
        `A <style> element on ${page.sitePath}: the site writes no inline styles, so this one came from content (${excerpt(textOf(element))}).`,
        "Remove it; style content with the site's components, or change the stylesheets under src/styles/.",
      );
    } else if (FOREIGN_ELEMENTS.has(tag)) {
      add(
        'unsafe-html',
        [`<${tag}`],
        `An <${tag}> element on ${page.sitePath}: the site never writes one (it embeds another document or plugin, or changes where links point).`,
        'Remove it; link to the other page instead.',
      );
    }
    for (const { name, value } of element.attrs) {
      const lower = name.toLowerCase();
      if (lower === 'style') {
        add(
          'unsafe-html',
          ['style=', 'style:', 'style'],
          `A style attribute on ${describe(element)} on ${page.sitePath} (${excerpt(value)}): the site writes no inline styles.`,
          "Remove it; style content with the site's components, or change the stylesheets under src/styles/.",
        );
      } else if (/^on[a-z]+$/i.test(name)) {
        add(
          'unsafe-html',
          [name],
          `${describe(element).slice(0, -1)} ${name}=…> on ${page.sitePath}: event-handler attributes are not allowed.`,
          'Attach behavior from a script module with addEventListener.',
        );
      } else if (URL_ATTRIBUTES.has(lower) && isScriptUrl(value)) {
        add(
          'unsafe-html',
          ['javascript:', 'script:'],
          `A javascript: URL on ${page.sitePath}.`,
          'Use a real URL or a button with a script.',
        );
      }
    }
    if (tag === 'a' && attribute(element, 'target') === '_blank') {
      const rel = (attribute(element, 'rel') ?? '').split(/\s+/);
      if (!rel.includes('noopener') || !rel.includes('noreferrer')) {
        const href = attribute(element, 'href');
        add(
          'unsafe-html',
          href ? [href] : [],
          `A link opening a new tab on ${page.sitePath} lacks rel="noopener noreferrer" (${href ?? 'no href'}).`,
          'Add rel="noopener noreferrer", or do not open a new tab.',
        );
      }
    }
  }
  return problems;
}

/** A script file of the site's own: under <base>_astro/, on this site, and present in the build. */
function isOwnScript(site: BuiltSite, page: BuiltPage, src: string): boolean {
  let url: URL;
  try {
    url = new URL(src, `http://site.invalid${site.base}${page.sitePath.slice(1)}`);
  } catch {
    return false;
  }
  if (url.origin !== 'http://site.invalid' || url.search || url.hash) return false;
  const assets = `${site.base}_astro/`;
  if (!url.pathname.startsWith(assets) || !url.pathname.endsWith('.js')) return false;
  return site.files.has(`/${decodeURIComponent(url.pathname.slice(site.base.length))}`);
}
