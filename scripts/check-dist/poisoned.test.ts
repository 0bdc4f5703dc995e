/**
 * Poisoned built pages: hand-written HTML (__fixtures__/poisoned-site/site/) as a build would
 * leave it had content slipped active code past the content check, each page pointing through
 * its edit link at the content file that "made" it (__fixtures__/poisoned-site/content/). The
 * test assembles the pages as the build does (the theme script the site writes, then the csp
 * integration's policy) and asserts that the built-site check fails every attack with its exact
 * message, naming the content file and line, while the clean page passes.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicy, withCspMeta } from '../../src/lib/csp.ts';
import { THEME_SCRIPT } from '../../src/lib/theme-script.ts';
import type { Problem } from '../lib/problems.ts';
import { checkDist } from './index.ts';

const FIXTURE = path.join('scripts', 'check-dist', '__fixtures__', 'poisoned-site');
const BASE = '/netflix-sd/';

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? htmlFiles(full) : name.endsWith('.html') ? [full] : [];
  });
}

/** Copies the fixture pages and finishes them as the build does; two pages are then damaged after the build. */
function assemble(): string {
  const out = mkdtempSync(path.join(tmpdir(), 'poisoned-site-'));
  cpSync(path.join(FIXTURE, 'site'), out, { recursive: true });
  for (const file of htmlFiles(out)) {
    const page = readFileSync(file, 'utf8').replace('<!--theme-script-->', `<script>${THEME_SCRIPT}</script>`);
    writeFileSync(file, file.includes(`${path.sep}no-policy${path.sep}`) ? page : withCspMeta(page));
  }
  // The old builder's mistake: a policy that also allows whatever inline script the page holds.
  const tampered = path.join(out, 'tampered-policy', 'index.html');
  writeFileSync(tampered, readFileSync(tampered, 'utf8').replace("script-src 'self'", "script-src 'self' 'unsafe-inline'"));
  return out;
}

let problems: Problem[];
beforeAll(() => {
  problems = checkDist(assemble(), BASE);
});

const where = (p: Problem) => `${path.basename(p.file)}${p.line ? `:${p.line}` : ''}`;
const on = (name: string) => problems.filter((p) => path.basename(p.file) === `${name}.mdx` || p.file.includes(`/${name}/`));
const summary = (list: Problem[]) => list.map((p) => `${where(p)} ${p.rule} ${p.message}`);

describe('the built-site check against poisoned pages', () => {
  it('passes the clean page: the theme script, the own bundle, a known data block and a browser-drawn diagram', () => {
    expect(summary(on('clean'))).toEqual([]);
    const clean = readFileSync(path.join(FIXTURE, 'site', 'index.html'), 'utf8');
    expect(withCspMeta(clean)).toContain(contentSecurityPolicy({ browserDrawnDiagrams: true }));
    expect(contentSecurityPolicy({ browserDrawnDiagrams: true })).toContain("style-src 'self' 'unsafe-inline'");
  });

  it('never lets the policy allow an injected script: it hashes only the script the site writes', () => {
    const injected = readFileSync(path.join(FIXTURE, 'site', 'inline-script', 'index.html'), 'utf8');
    const policy = /content="([^"]+)"/.exec(withCspMeta(injected))![1]!;
    expect(policy).toBe(contentSecurityPolicy({ browserDrawnDiagrams: false }));
    expect(policy.match(/'sha256-/g)).toHaveLength(1);
    expect(policy).not.toContain('unsafe-inline');
  });

  it('fails inline scripts however content got them onto the page, at the content file and line', () => {
    expect(summary(on('inline-script'))).toEqual([
      'inline-script.mdx:9 unsafe-html An inline <script> on /inline-script/ that the site does not write: "alert(document.cookie)".',
    ]);
    expect(summary(on('unescape-html'))).toEqual([
      'unescape-html.mdx:6 unsafe-html An inline <script> on /unescape-html/ that the site does not write: "fetch(\\"/x?c=\\" + document.cookie)".',
    ]);
    expect(summary(on('hidden-in-pre'))).toEqual([
      'hidden-in-pre.mdx:8 unsafe-html An inline <script> on /hidden-in-pre/ that the site does not write: "alert(1)".',
    ]);
    expect(summary(on('comment-trick'))).toEqual([
      'comment-trick.mdx:8 unsafe-html An inline <script> on /comment-trick/ that the site does not write: "alert(2)".',
    ]);
    expect(summary(on('template-script'))).toEqual([
      'template-script.mdx:8 unsafe-html An inline <script> on /template-script/ that the site does not write: "alert(3)".',
    ]);
    expect(summary(on('svg-script'))).toEqual([
      'svg-script.mdx:8 unsafe-html An inline <script> on /svg-script/ that the site does not write: "alert(4)".',
      'svg-script.mdx:8 unsafe-html A javascript: URL on /svg-script/.',
    ]);
    expect(summary(on('theme-lookalike'))).toEqual([
      `theme-lookalike.mdx:8 unsafe-html An inline <script> on /theme-lookalike/ that the site does not write: "(() => { document.documentElement.dataset.theme = 'dark'; fe…".`,
    ]);
    expect(summary(on('data-block'))).toEqual([
      'data-block.mdx:8 unsafe-html An inline <script> on /data-block/ that the site does not write: "{\\"a\\":1}".',
      'data-block.mdx:8 unsafe-html An inline <script> on /data-block/ that the site does not write: "not code, still not ours".',
    ]);
    expect(on('inline-script')[0]!.fix).toMatch(/^Content cannot run code: remove it\./);
    expect(on('inline-script')[0]!.file).toBe(`${FIXTURE}/content/inline-script.mdx`);
  });

  it('fails scripts loaded from anywhere but the site’s own bundles', () => {
    expect(summary(on('external-script'))).toEqual([
      'external-script.mdx third-party <script src="https://evil.example/x.js"> on /external-script/ loads from another host.',
      'external-script.mdx:8 unsafe-html <script src="https://evil.example/x.js"> on /external-script/ is not one of the site\'s own scripts (/netflix-sd/_astro/).',
    ]);
    expect(summary(on('local-script'))).toEqual([
      'local-script.mdx:8 unsafe-html <script src="/netflix-sd/uploads/x.js"> on /local-script/ is not one of the site\'s own scripts (/netflix-sd/_astro/).',
      'local-script.mdx:8 unsafe-html <script src="/netflix-sd/_astro/../uploads/y.js"> on /local-script/ is not one of the site\'s own scripts (/netflix-sd/_astro/).',
      'local-script.mdx:8 unsafe-html <script src="/netflix-sd/_astro/missing.js"> on /local-script/ is not one of the site\'s own scripts (/netflix-sd/_astro/).',
    ]);
  });

  it('fails style elements and style attributes, which could hide the page or fake a notice', () => {
    expect(summary(on('style-element'))).toEqual([
      `style-element.mdx:8 unsafe-html A <style> element on /style-element/: the site writes no inline styles, so this one came from content ("main{display:none} body::after{content:'Site moved: visit ev…").`,
    ]);
    expect(summary(on('style-attribute'))).toEqual([
      'style-attribute.mdx:8 unsafe-html A style attribute on <div> on /style-attribute/ ("position:fixed;inset:0;background:#fff"): the site writes no inline styles.',
    ]);
  });

  it('fails every meta[http-equiv] but the site’s own policy: redirects and second policies', () => {
    expect(summary(on('meta-refresh'))).toEqual([
      'meta-refresh.mdx:8 unsafe-html <meta http-equiv="refresh"> on /meta-refresh/: only the site\'s own Content-Security-Policy may be set this way.',
    ]);
    expect(summary(on('second-policy'))).toEqual([
      'second-policy.mdx:8 unsafe-html <meta http-equiv="Content-Security-Policy"> on /second-policy/: only the site\'s own Content-Security-Policy may be set this way.',
    ]);
  });

  it('fails frames, plugins, a base, event handlers, script URLs however written, and unsafe new tabs', () => {
    expect(summary(on('embeds'))).toEqual([
      'embeds.mdx:8 unsafe-html An <iframe> element on /embeds/: the site never writes one (it embeds another document or plugin, or changes where links point).',
      'embeds.mdx:9 unsafe-html An <object> element on /embeds/: the site never writes one (it embeds another document or plugin, or changes where links point).',
      'embeds.mdx:10 unsafe-html An <embed> element on /embeds/: the site never writes one (it embeds another document or plugin, or changes where links point).',
      'embeds.mdx:11 unsafe-html An <base> element on /embeds/: the site never writes one (it embeds another document or plugin, or changes where links point).',
    ]);
    expect(summary(on('handlers-and-urls'))).toEqual([
      // The link checker reports the script URLs too, in its own words.
      'handlers-and-urls.mdx link-target The link "java\tscript:alert(7)" leaves the site\'s base path /netflix-sd/. (on /handlers-and-urls/)',
      'handlers-and-urls.mdx:8 unsafe-html <img onerror=…> on /handlers-and-urls/: event-handler attributes are not allowed.',
      'handlers-and-urls.mdx:9 unsafe-html A javascript: URL on /handlers-and-urls/.',
      'handlers-and-urls.mdx:9 unsafe-html A javascript: URL on /handlers-and-urls/.',
      'handlers-and-urls.mdx:10 link-target A javascript: link ("JAVASCRIPT:alert(8)") is not allowed. (on /handlers-and-urls/)',
      'handlers-and-urls.mdx:11 unsafe-html A link opening a new tab on /handlers-and-urls/ lacks rel="noopener noreferrer" (https://example.com/).',
    ]);
  });

  it('fails repeated ids with the page and the id, but not ids inside a template', () => {
    expect(summary(on('duplicate-ids'))).toEqual([
      'duplicate-ids.mdx:6 duplicate-id The id "overview" is used 2 times on /duplicate-ids/; an id must be unique on its page (links to #overview, labels and scripts find only the first).',
      'duplicate-ids.mdx:8 duplicate-id The id "note" is used 2 times on /duplicate-ids/; an id must be unique on its page (links to #note, labels and scripts find only the first).',
    ]);
  });

  it('fails a policy changed after the build, and a page without one, at the built page', () => {
    expect(summary(on('tampered-policy'))).toEqual([
      'index.html csp /tampered-policy/: its Content-Security-Policy is not the one the site writes (something changed the policy or the page after the build).',
      'tampered-policy.mdx:8 unsafe-html An inline <script> on /tampered-policy/ that the site does not write: "alert(9)".',
    ]);
    expect(summary(on('no-policy'))).toEqual(['index.html csp /no-policy/ has no Content-Security-Policy first in <head>.']);
  });

  it('reports nothing beyond the attacks above', () => {
    const pages = readdirSync(path.join(FIXTURE, 'content')).map((name) => name.replace(/\.mdx$/, ''));
    expect(problems.filter((p) => !pages.some((name) => on(name).includes(p)))).toEqual([]);
  });
});
