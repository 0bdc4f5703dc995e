/** The security rule on built pages written here: the policy, scripts, styles and risky markup. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, withCspMeta } from '../../../src/lib/csp.ts';
import { THEME_SCRIPT } from '../../../src/lib/theme-script.ts';
import { page, siteOf } from '../test-helpers.ts';
import { checkSecurity, isScriptUrl } from './security.ts';

const BASE = '/b/';
/** A page as the build leaves it: the site's policy first in <head>. */
const built = (body: string, source?: string) => withCspMeta(page({ body, source }));
const messages = (files: Record<string, string>) => checkSecurity(siteOf(files, BASE)).map((p) => `${p.rule} ${p.message}`);

describe('the policy', () => {
  it('accepts the policy the site writes, with or without browser-drawn diagrams', () => {
    expect(messages({ 'index.html': built('<p>x</p>'), 'd/index.html': built('<div data-mermaid-client>graph</div>') })).toEqual([]);
  });

  it('refuses a page without it, with it in a template or after another meta, and with a changed policy', () => {
    const policy = contentSecurityPolicy({ browserDrawnDiagrams: false });
    const meta = (equiv: string, content = policy) => `<meta http-equiv="${equiv}" content="${content}">`;
    const problems = messages({
      'none/index.html': page({ body: '<p>x</p>' }),
      'template/index.html': page({ head: `<template>${meta('Content-Security-Policy')}</template>` }),
      'body/index.html': page({ body: meta('Content-Security-Policy') }),
      'second/index.html': page({ head: `${meta('refresh', '0;url=/x')}${meta('Content-Security-Policy')}` }),
      'upper/index.html': page({ head: meta('CONTENT-SECURITY-POLICY') }),
      'changed/index.html': page({ head: meta('Content-Security-Policy', `${policy}; img-src *`) }),
      'diagram/index.html': page({ head: meta('Content-Security-Policy'), body: '<div data-mermaid-client>graph</div>' }),
    });
    const notFirst = (page: string) => `csp /${page}/ has no Content-Security-Policy first in <head>.`;
    const changed = (page: string) =>
      `csp /${page}/: its Content-Security-Policy is not the one the site writes (something changed the policy or the page after the build).`;
    const extra = (equiv: string, page: string) =>
      `unsafe-html <meta http-equiv="${equiv}"> on /${page}/: only the site's own Content-Security-Policy may be set this way.`;
    // Pages in file order; an upper-case http-equiv is the same policy.
    expect(problems).toEqual([
      notFirst('body'),
      extra('Content-Security-Policy', 'body'),
      changed('changed'),
      changed('diagram'),
      notFirst('none'),
      notFirst('second'),
      extra('refresh', 'second'),
      extra('Content-Security-Policy', 'second'),
      notFirst('template'),
      extra('Content-Security-Policy', 'template'),
    ]);
    expect(problems.filter((p) => p.includes('/upper/'))).toEqual([]);
  });
});

describe('scripts', () => {
  it('accepts the theme script, the site data blocks and the site bundles', () => {
    const body =
      `<script>${THEME_SCRIPT}</script><script type=" Text/JavaScript ">${THEME_SCRIPT}</script>` +
      '<script type="application/json" id="story-culture">{}</script><script type="application/ld+json" id="calc-plan">{}</script>' +
      '<script type="module" src="/b/_astro/a.js"></script><script src="../_astro/a.js"></script><script src="/b/_astro/caf%C3%A9.js"></script>';
    expect(messages({ 'p/index.html': built(body), '_astro/a.js': '', '_astro/café.js': '' })).toEqual([]);
  });

  it('refuses every other script, naming it', () => {
    const body = [
      '<script type="module">import "x"</script>',
      `<script type="text/plain">${THEME_SCRIPT}</script>`,
      '<script type="application/json" id="other">{}</script>',
      '<script type="application/json">{}</script>',
      '<script type="text/html" id="story-culture">x</script>',
      `<script>${'a'.repeat(70)}</script>`,
      `<script>${'b'.repeat(60)}</script>`,
      '<script>\n  first line\n  second\n</script>',
      '<script src="https://x.example/a.js"></script>',
      '<script src="/b/_astro/a.js?v=1"></script>',
      '<script src="/b/_astro/a.js#x"></script>',
      '<script src="/b/_astro/a.css"></script>',
      '<script src="/b/other/a.js"></script>',
      '<script src="/b/_astro/missing.js"></script>',
      '<script src="http://[bad"></script>',
    ].join('');
    expect(messages({ 'p/index.html': built(body), '_astro/a.js': '', '_astro/a.css': '' })).toEqual([
      'unsafe-html An inline <script> on /p/ that the site does not write: "import \\"x\\"".',
      `unsafe-html An inline <script> on /p/ that the site does not write: ${JSON.stringify(`${THEME_SCRIPT.replace(/\s+/g, ' ').slice(0, 60)}…`)}.`,
      'unsafe-html An inline <script> on /p/ that the site does not write: "{}".',
      'unsafe-html An inline <script> on /p/ that the site does not write: "{}".',
      'unsafe-html An inline <script> on /p/ that the site does not write: "x".',
      `unsafe-html An inline <script> on /p/ that the site does not write: "${'a'.repeat(60)}…".`,
      `unsafe-html An inline <script> on /p/ that the site does not write: "${'b'.repeat(60)}".`,
      'unsafe-html An inline <script> on /p/ that the site does not write: "first line second".',
      ...[
        'https://x.example/a.js',
        '/b/_astro/a.js?v=1',
        '/b/_astro/a.js#x',
        '/b/_astro/a.css',
        '/b/other/a.js',
        '/b/_astro/missing.js',
        'http://[bad',
      ].map((src) => `unsafe-html <script src="${src}"> on /p/ is not one of the site's own scripts (/b/_astro/).`),
    ]);
  });

  it('points at the content line that wrote the script, by its first line of code', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'security-source-'));
    const source = path.join(dir, 'page.mdx');
    writeFileSync(source, ['---', 'title: T', '---', 'Some text', 'first line of it'].join('\n'));
    const [problem] = checkSecurity(siteOf({ 'p/index.html': built('<script>\n  first line of it\n</script>', source) }, BASE));
    expect(problem).toMatchObject({ file: source, line: 5, rule: 'unsafe-html' });
    expect(problem!.fix).toBe(
      "Content cannot run code: remove it. The policy allows only the site's own scripts; a tool's behavior belongs in src/scripts/, loaded by a component.",
    );
  });
});

describe('where each problem points, and its fix', () => {
  it('names the content line that wrote each construct, and says what to do instead', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'security-lines-'));
    const source = path.join(dir, 'page.mdx');
    writeFileSync(
      source,
      [
        '---',
        'title: T',
        '---',
        '<meta http-equiv="refresh">',
        '<script src="https://x.example/a.js"></script>',
        '<style>p{}</style>',
        '<iframe src="/x"></iframe>',
        '<p style="color:red">s</p>',
        '<p onclick="x()">h</p>',
        '[j](javascript:alert(1))',
        '<a href="/t/" target="_blank">n</a>',
      ].join('\n'),
    );
    const body =
      '<meta http-equiv="refresh" content="0"><script src="https://x.example/a.js"></script><script>alert(1)</script><style>p{}</style>' +
      '<iframe src="/x"></iframe><p style="color:red">s</p><p onclick="x()">h</p><a href="javascript:alert(1)">j</a><a href="/t/" target="_blank">n</a>';
    const problems = checkSecurity(siteOf({ 'p/index.html': built(body, source) }, BASE));
    expect(problems.every((p) => p.file === source && p.rule === 'unsafe-html')).toBe(true);
    expect(problems.map((p) => [p.line, p.fix])).toEqual([
      [4, 'Remove it: content cannot redirect readers, set headers or change the policy.'],
      [5, "Content cannot add scripts: remove it. The site's scripts are bundled from src/scripts/ into /b/_astro/."],
      [
        5,
        "Content cannot run code: remove it. The policy allows only the site's own scripts; a tool's behavior belongs in src/scripts/, loaded by a component.",
      ],
      [6, "Remove it; style content with the site's components, or change the stylesheets under src/styles/."],
      [7, 'Remove it; link to the other page instead.'],
      [8, "Remove it; style content with the site's components, or change the stylesheets under src/styles/."],
      [9, 'Attach behavior from a script module with addEventListener.'],
      [10, 'Use a real URL or a button with a script.'],
      [11, 'Add rel="noopener noreferrer", or do not open a new tab.'],
    ]);
  });

  it('points at the built page, with how to restore it, when the policy is missing or changed', () => {
    const [missing, changed] = checkSecurity(
      siteOf({ 'a/index.html': page({ source: 'content/a.mdx' }), 'b/index.html': built('<p>x</p>').replace("'self'", "'none'") }, BASE),
    );
    expect(missing).toEqual({
      file: expect.stringMatching(/a\/index\.html$/) as string,
      rule: 'csp',
      message: '/a/ has no Content-Security-Policy first in <head>.',
      fix: 'Build with the csp integration (astro.config.mjs), which adds it to every page.',
    });
    expect(changed).toMatchObject({
      rule: 'csp',
      fix: 'Let the csp integration (src/plugins/csp.ts) write the policy; code the site runs inline belongs in src/lib/csp.ts, never in a later step.',
    });
    expect(changed!.file).toMatch(/b\/index\.html$/);
  });
});

describe('styles and risky markup', () => {
  it('refuses style elements and attributes, foreign elements, handlers, script URLs and unsafe new tabs', () => {
    const body = [
      '<style>p { color: red }</style>',
      '<p STYLE="display:none">x</p>',
      '<iframe src="/b/x/"></iframe><base href="/"><portal></portal>',
      '<img src="/b/a.png" onerror="x()"><p onClick="y()">z</p><p data-onx="1" on="2">w</p>',
      '<a href=" java\tscript:x">a</a><form action="vbscript:x"></form><svg><animate to="javascript:x"></animate></svg><a data-href="javascript:x">ok</a>',
      '<a href="/b/" target="_blank">t1</a><a href="/b/" target="_blank" rel="noopener">t2</a><a target="_blank" rel="noreferrer noopener">t3</a><a target="_blank">t4</a><a href="/b/" target="_self">t5</a>',
    ].join('');
    expect(messages({ 'p/index.html': built(body) })).toEqual([
      'unsafe-html A <style> element on /p/: the site writes no inline styles, so this one came from content ("p { color: red }").',
      'unsafe-html A style attribute on <p> on /p/ ("display:none"): the site writes no inline styles.',
      'unsafe-html An <iframe> element on /p/: the site never writes one (it embeds another document or plugin, or changes where links point).',
      'unsafe-html An <base> element on /p/: the site never writes one (it embeds another document or plugin, or changes where links point).',
      'unsafe-html An <portal> element on /p/: the site never writes one (it embeds another document or plugin, or changes where links point).',
      'unsafe-html <img onerror=…> on /p/: event-handler attributes are not allowed.',
      'unsafe-html <p onclick=…> on /p/: event-handler attributes are not allowed.',
      'unsafe-html A javascript: URL on /p/.',
      'unsafe-html A javascript: URL on /p/.',
      'unsafe-html A javascript: URL on /p/.',
      'unsafe-html A link opening a new tab on /p/ lacks rel="noopener noreferrer" (/b/).',
      'unsafe-html A link opening a new tab on /p/ lacks rel="noopener noreferrer" (/b/).',
      'unsafe-html A link opening a new tab on /p/ lacks rel="noopener noreferrer" (no href).',
    ]);
  });

  it('recognizes script URLs as a browser reads them', () => {
    for (const url of [
      'javascript:x',
      'JavaScript:x',
      '\u0001 javascript:x',
      'java\tscr\nipt:x',
      'vbscript:x',
      'x; javascript:y',
      ';javascript:y',
      'java script:x',
    ])
      expect(isScriptUrl(url), JSON.stringify(url)).toBe(true);
    for (const url of ['/b/x/', 'https://a/javascript:x', 'x javascript:y', '', 'notjavascript:x'])
      expect(isScriptUrl(url), JSON.stringify(url)).toBe(false);
  });
});
