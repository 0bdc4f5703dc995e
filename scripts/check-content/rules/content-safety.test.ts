/**
 * The content-safety rule on a few lines each: every problem with its line, column, rule, message
 * and the fix a contributor reads. (red-team.test.ts runs one fixture per attack and pins where
 * and what; this file pins what to write instead, and the edges of each check.)
 */
import type { Root } from 'mdast';
import { describe, expect, it } from 'vitest';
import { contextOf, mdx } from '../test-helpers.ts';
import { checkContentSafety, checkMdxSource, checkYamlText, mdxTreeOf } from './content-safety.ts';

/** One problem as a readable line: "line:column [rule] message | fix". */
const shown = (p: { line: number; column: number; rule: string; message: string; fix: string }) =>
  `${p.line}:${p.column} [${p.rule}] ${p.message} | ${p.fix}`;

/** The problems of an MDX body without front matter (line 1 is the first body line). */
const check = (...lines: string[]) => checkMdxSource(lines.join('\n')).map(shown);

/** The fix given for each element, one element per line. */
const fixes = (names: readonly string[]) =>
  checkMdxSource(names.map((name) => `<${name} />`).join('\n\n'))
    .filter((p) => p.rule === 'html-element')
    .map((p) => p.fix);

const CODE =
  "Content is text, links and the site's components only: show code in a fenced code block, and ask a maintainer if a page needs behavior.";
const EMBED = 'Nothing is embedded from other sites: link to it instead, [what it is](https://…).';
const HEAD = 'The layout writes the page head: remove it.';
const FORM = 'Content has no forms or controls: describe it in text, or ask a maintainer for a site tool.';
const DRAW = 'Draw diagrams as a ```mermaid code block (rendered and sanitized at build time).';
const OTHER = 'Use Markdown for formatting; the only HTML elements allowed are <abbr>, <br>, <kbd>, <sub>, <sup>.';

describe('refused HTML elements: what to write instead', () => {
  it.each([
    [['script', 'noscript', 'template', 'slot'], CODE],
    [['style'], 'Pages use the site stylesheet only: remove it, and ask a maintainer if something looks wrong.'],
    [['iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'portal', 'video', 'audio', 'source', 'track'], EMBED],
    [['meta', 'base', 'link', 'head', 'title', 'html', 'body'], HEAD],
    [['form', 'input', 'button', 'select', 'textarea', 'option', 'label', 'fieldset', 'output', 'dialog'], FORM],
    [['svg', 'math', 'canvas', 'picture'], DRAW],
    [['a'], 'Write links in Markdown: [text](https://…) or [text](/guides/…/).'],
    [['img'], 'Write images in Markdown with a site path: ![description](/images/…).'],
    [['div', 'span', 'marquee', 'x-widget'], OTHER],
  ] as const)('%j', (names, fix) => {
    expect(fixes(names)).toEqual(names.map(() => fix));
  });

  it('gives the advice for the element whatever its letter case after the first', () => {
    expect(check('<iFrame />', '', '<sCRIPT />')).toEqual([
      `1:1 [html-element] <iFrame> is not allowed in content. | ${EMBED}`,
      `3:1 [html-element] <sCRIPT> is not allowed in content. | ${CODE}`,
    ]);
  });

  it('refuses a raw HTML node (MDX parses HTML as JSX, but a tree from elsewhere may hold one), with the general advice', () => {
    const tree = { type: 'root', children: [{ type: 'html', value: '<!doctype html>', position: pos(4, 2) }] } as unknown as Root;
    expect(checkMdxSource('', { tree }).map(shown)).toEqual([`4:2 [html-element] Raw HTML is not allowed in content. | ${OTHER}`]);
  });
});

/** A node position starting at line:column. */
function pos(line: number, column: number) {
  return { start: { line, column, offset: 0 }, end: { line, column: column + 1, offset: 1 } };
}

describe('attributes of HTML elements', () => {
  it('allows only the listed attributes on the allowed elements', () => {
    expect(check('<abbr title="Content delivery network" lang="en">CDN</abbr> and <kbd class="key">K</kbd>')).toEqual([
      '1:40 [html-attribute] <abbr> may not have the attribute "lang". | <abbr> takes only: title.',
      '1:70 [html-attribute] <kbd> may not have the attribute "class". | Write <kbd> with no attributes.',
    ]);
  });

  it('refuses handlers, styles, srcdoc and http-equiv, in any letter case', () => {
    expect(
      check(
        '<kbd ONCLICK="x">K</kbd> <sub STYLE="color: red">2</sub> <sup srcDoc="<p>">3</sup> <abbr httpEquiv="refresh" title="t">R</abbr> <abbr http-equiv="set-cookie" title="t">C</abbr>',
      ),
    ).toEqual([
      `1:6 [html-attribute] <kbd ONCLICK="…"> is an event handler: it would run script in readers' browsers. | Remove it. Content never runs code.`,
      '1:31 [html-attribute] <sub style="…">: inline styles are not allowed in content. | Remove it; pages use the site stylesheet only.',
      '1:63 [html-attribute] <sup srcdoc="…"> embeds a whole HTML document. | Remove it. Nothing is embedded in content.',
      `1:90 [html-attribute] <abbr httpEquiv="refresh"> sets an HTTP header from inside the page (a refresh sends readers to another site; a policy can loosen the site's). | Remove it. The site sets its own headers.`,
      `1:135 [html-attribute] <abbr http-equiv="set-cookie"> sets an HTTP header from inside the page (a refresh sends readers to another site; a policy can loosen the site's). | Remove it. The site sets its own headers.`,
    ]);
  });

  it('shows a bare http-equiv with an empty value', () => {
    expect(check('<abbr title="t" http-equiv>R</abbr>')).toEqual([
      `1:17 [html-attribute] <abbr http-equiv=""> sets an HTTP header from inside the page (a refresh sends readers to another site; a policy can loosen the site's). | Remove it. The site sets its own headers.`,
    ]);
  });

  it('checks URL attributes by name in any case, and leaves a safe URL to the element rule', () => {
    expect(check('<abbr title="t" SRC="vbscript:x">A</abbr> <abbr title="t" href="/guides/">B</abbr>')).toEqual([
      '1:17 [unsafe-url] <abbr SRC="vbscript:x"> is a "vbscript:" URL. | Links go to http(s), mailto or a page of this site, written in Markdown: [text](https://…).',
      '1:59 [html-attribute] <abbr> may not have the attribute "href". | <abbr> takes only: title.',
    ]);
  });

  it('refuses an expression as an attribute value or spread, and a bare attribute', () => {
    expect(check('<kbd title={x}>K</kbd> <kbd {...props}>L</kbd> <kbd hidden>M</kbd>')).toEqual([
      '1:6 [mdx-expression] <kbd title={x}> uses an expression: content may not contain code. | Remove it; content is text.',
      '1:29 [mdx-expression] <kbd {...props}> spreads an expression into the attributes: content may not contain code. | Remove it.',
      '1:53 [html-attribute] <kbd> may not have the attribute "hidden". | Write <kbd> with no attributes.',
    ]);
  });
});

describe('components', () => {
  it('suggests the nearest component for a misspelled one, or lists where the components are', () => {
    expect(check('<Calout type="tip">x</Calout>', '', '<Zzzzzzzzzz />')).toEqual([
      "1:1 [component] <Calout> is not one of the site's components. | Did you mean <Callout>? The components are listed in CONTRIBUTING.md.",
      "3:1 [component] <Zzzzzzzzzz> is not one of the site's components. | Use one of the components listed in CONTRIBUTING.md; pages never define or import their own.",
    ]);
  });

  it('treats a dotted name as a component, never as HTML', () => {
    expect(check('<motion.div />')).toEqual([
      "1:1 [component] <motion.div> is not one of the site's components. | Use one of the components listed in CONTRIBUTING.md; pages never define or import their own.",
    ]);
  });

  it('says what to write for a prop given as a literal expression', () => {
    expect(
      check(
        `<Callout type={'tip'}>a</Callout>`,
        '',
        `<Callout type={"note"}>b</Callout>`,
        '',
        '<Cite id={ 12 } />',
        '',
        '<Cite id={-2.55} />',
      ),
    ).toEqual([
      `1:10 [mdx-expression] <Callout type={'tip'}> uses an expression: content may not contain code. | Write it as a plain string: type="tip".`,
      `3:10 [mdx-expression] <Callout type={"note"}> uses an expression: content may not contain code. | Write it as a plain string: type="note".`,
      '5:7 [mdx-expression] <Cite id={12}> uses an expression: content may not contain code. | Write it as a plain string: id="12".',
      '7:7 [mdx-expression] <Cite id={-2.55}> uses an expression: content may not contain code. | Write it as a plain string: id="-2.55".',
    ]);
  });

  it('gives no value to copy when the expression is more than one literal', () => {
    const fixOf = (code: string) => checkMdxSource(`<Cite id={${code}} />`)[0]!.fix;
    for (const code of [`a+'tip'`, `'tip'+a`, `'ti\\'p'`, `"a\\"b"`, `x1`, `1.`, `-x`]) {
      expect(fixOf(code), code).toBe('Write it as a plain string: id="…".');
    }
    expect(fixOf(` 'tip' `)).toBe('Write it as a plain string: id="tip".');
  });

  it('tells authors that front matter is read by the component itself', () => {
    expect(
      check(
        '<Callout type={frontmatter.type}>a</Callout>',
        '',
        '<PromptCard title={frontmatter.title} />',
        '',
        '<Rubric level={"4"} />',
        '',
        '<Targets x={y} />',
      ),
    ).toEqual([
      '1:10 [mdx-expression] <Callout type={frontmatter.type}> uses an expression: content may not contain code. | Components that show front matter read it themselves; write the component with no props.',
      "3:13 [mdx-expression] <PromptCard title={frontmatter.title}> uses an expression: content may not contain code. | <PromptCard> reads the prompt's front matter itself: write <PromptCard /> with no props.",
      '5:9 [mdx-expression] <Rubric level={"4"}> uses an expression: content may not contain code. | Write it as a plain string: level="4".',
      "7:10 [mdx-expression] <Targets x={y}> uses an expression: content may not contain code. | <Targets> reads the prompt's front matter itself: write <Targets /> with no props.",
    ]);
  });

  it('refuses spread props, and checks no prop values once a prop is code', () => {
    expect(check('<Callout {...props} type="nope">a</Callout>')).toEqual([
      '1:10 [mdx-expression] <Callout {...props}> spreads an expression into the props: content may not contain code. | Write each prop as a plain string. <Callout type="tip">…</Callout>',
    ]);
  });

  it('reports a bad prop at the prop, and a missing one at the element', () => {
    expect(check('Text <Callout title="T" type="warn">a</Callout> and <Cite />.')).toEqual([
      '1:25 [component-prop] <Callout type="warn">: "warn" is not a valid type. | Use one of: type="note", type="tip", type="warning", type="pitfall".',
      '1:53 [component-prop] <Cite>: the "id" prop is missing. | Write it as id="blog-zuul-2" (an id from content/sources/).',
    ]);
  });

  it('checks what is between the tags: none for some components, some for others; spaces count as none', () => {
    expect(
      check(
        'A <Cite id="a">  </Cite> B <Cite id="b">x</Cite> C <Cite id="c"><kbd>K</kbd></Cite>',
        '',
        'D <Callout type="tip"> </Callout> E <Callout type="tip"><kbd>K</kbd></Callout> F <MistakeLink id="m"></MistakeLink>',
      ),
    ).toEqual([
      '1:28 [component-children] <Cite> does not take content between its tags. | Write it self-closing: <Cite id="…" />.',
      '1:52 [component-children] <Cite> does not take content between its tags. | Write it self-closing: <Cite id="…" />.',
      '3:3 [component-children] <Callout> has nothing between its tags. | Write the text inside it: <Callout type="tip">…</Callout>.',
    ]);
  });

  it('refuses a fragment', () => {
    expect(check('<>text</>')).toEqual(['1:1 [component] A JSX fragment <>…</> is not content. | Remove the <> and </> around the text.']);
  });
});

describe('imports, exports and expressions', () => {
  it('tells an import from an export, by its first word only', () => {
    expect(check("import X from 'x'", '', "export const a = 'import'")).toEqual([
      "1:1 [mdx-import-export] An MDX import (\"import X from 'x'\"): content may not import or export code. | Remove it. The site's components (<Callout>, <Cite>, …) are available on every page without importing.",
      '3:1 [mdx-import-export] An MDX export ("export const a = \'import\'"): content may not import or export code. | Remove it. Data belongs in the front matter, and pages never define code.',
    ]);
  });

  it('shows an expression on one line, shortened, and says how to write front matter and braces', () => {
    expect(check('{frontmatter.title}', '', 'Text { frontmatter.x } and {a(\n    1)} and {a}.', '', `{${'x'.repeat(70)}}`)).toEqual([
      '1:1 [mdx-expression] The expression {frontmatter.title} is code: content may not contain JavaScript expressions. | Components that show front matter read it themselves; write the text, or the component with no props.',
      '3:6 [mdx-expression] The expression {frontmatter.x} is code: content may not contain JavaScript expressions. | Components that show front matter read it themselves; write the text, or the component with no props.',
      '3:28 [mdx-expression] The expression {a( 1)} is code: content may not contain JavaScript expressions. | Write the text itself. For a literal brace write \\{; a comment is written {/* … */}.',
      '4:13 [mdx-expression] The expression {a} is code: content may not contain JavaScript expressions. | Write the text itself. For a literal brace write \\{; a comment is written {/* … */}.',
      `6:1 [mdx-expression] The expression {${'x'.repeat(57)}…} is code: content may not contain JavaScript expressions. | Write the text itself. For a literal brace write \\{; a comment is written {/* … */}.`,
    ]);
  });

  it('lets comments and empty braces through', () => {
    expect(check('{/* note */}', '', 'Text {} and {/* x */}.')).toEqual([]);
  });

  it('treats an expression it cannot see into as code', () => {
    const tree = {
      type: 'root',
      children: [
        { type: 'mdxFlowExpression', value: 'a', position: pos(1, 1) },
        { type: 'mdxFlowExpression', value: 'b', data: { estree: null }, position: pos(2, 1) },
      ],
    } as unknown as Root;
    expect(checkMdxSource('', { tree }).map((p) => `${p.line}:${p.column} ${p.rule}`)).toEqual([
      '1:1 mdx-expression',
      '2:1 mdx-expression',
    ]);
  });
});

describe('links and images', () => {
  it('names a link, a definition and an image, each with its fix', () => {
    expect(check('[a](javascript:x) ![b](//evil.example/p.png)', '', '[c]: data:text/html,x')).toEqual([
      '1:1 [unsafe-url] The link […](javascript:x) is a "javascript:" URL. | Links go to http(s), mailto or a page of this site: [text](https://…) or [text](/guides/…/).',
      '1:19 [unsafe-url] The image ![…](//evil.example/p.png) is a protocol-relative URL ("//host"), which loads another site. | Images are files of this site, written ![description](/images/…); nothing is loaded from other hosts.',
      '3:1 [unsafe-url] The link […]: data:text/html,x is a "data:" URL. | Links go to http(s), mailto or a page of this site: [text](https://…) or [text](/guides/…/).',
    ]);
  });

  it('allows an https link but not an https image', () => {
    expect(check('[a](https://example.com/) ![b](https://example.com/i.png)')).toEqual([
      '1:27 [unsafe-url] The image ![…](https://example.com/i.png) is an image from another site (https:). | Images are files of this site, written ![description](/images/…); nothing is loaded from other hosts.',
    ]);
  });

  it('shows a URL of 60 characters whole and a longer one shortened', () => {
    const url = (length: number) => `javascript:${'a'.repeat(length - 11)}`;
    expect(check(`[a](${url(60)})`, '', `[b](${url(61)})`).map((line) => line.split(' is ')[0])).toEqual([
      `1:1 [unsafe-url] The link […](${url(60)})`,
      `3:1 [unsafe-url] The link […](${url(61).slice(0, 57)}…)`,
    ]);
  });
});

describe('positions and order', () => {
  it('sorts problems by line, then column, whatever order the checks found them in', () => {
    // The spread is found before the element's content, which is reported at the element.
    expect(check('Text <Cite {...a} id="x">y</Cite> <kbd onclick="z">k</kbd>').map((line) => line.split(' [')[0])).toEqual([
      '1:6',
      '1:12',
      '1:40',
    ]);
    expect(check('<Callout title="t" type="bad" id="z">x</Callout>').map((line) => line.split(' [')[0])).toEqual(['1:20', '1:31']);
  });

  it('places a node or attribute without a position at its element, or at the start of the file', () => {
    const tree = {
      type: 'root',
      children: [
        {
          type: 'mdxJsxFlowElement',
          name: 'kbd',
          attributes: [{ type: 'mdxJsxAttribute', name: 'onclick', value: 'x' }],
          children: [],
          position: pos(3, 4),
        },
        { type: 'mdxJsxFlowElement', name: 'Cite', attributes: [{ type: 'mdxJsxAttribute', name: 'id', value: 'UPPER' }], children: [] },
        { type: 'mdxJsxFlowElement', name: 'form', attributes: [{ type: 'mdxJsxAttribute', name: 'style', value: 'x' }], children: [] },
      ],
    } as unknown as Root;
    expect(checkMdxSource('', { tree }).map((p) => `${p.line}:${p.column} ${p.rule}`)).toEqual([
      '1:1 component-prop',
      '1:1 html-element',
      '1:1 html-attribute',
      '3:4 html-attribute',
    ]);
  });
});

describe('front matter and YAML', () => {
  it('checks string values, not keys, numbers or dates, at their line and column', () => {
    const yaml = [
      'title: "<b>Bold</b>"',
      '<i>: key',
      'count: 3',
      'link: javascript:alert(1)',
      'list:',
      '  - fine',
      '  - "<!-- x -->"',
    ].join('\n');
    expect(checkYamlText(yaml, yaml, 0).map(shown)).toEqual([
      '1:8 [frontmatter-html] This value contains HTML ("<b…"): front matter is shown as plain text, so markup would appear literally and is never allowed. | Write plain text. If you mean a literal "<", put a space after it ("p99 < 200 ms").',
      '4:7 [unsafe-url] This value is a "javascript:" URL. | URLs in front matter are http(s) links to a published page.',
      '7:5 [frontmatter-html] This value contains HTML ("<!--…"): front matter is shown as plain text, so markup would appear literally and is never allowed. | Write plain text. If you mean a literal "<", put a space after it ("p99 < 200 ms").',
    ]);
  });

  it('finds a tag at the end of a value, and lets a comparison through', () => {
    const yaml = 'a: ends with <br\nb: p99 < 200 ms\nc: x <y\nd: "</ p>"';
    expect(checkYamlText(yaml, yaml, 0).map((p) => `${p.line}:${p.column} ${p.message.split('"')[1]}`)).toEqual([
      '1:4 <br…',
      '3:4 <y…',
      '4:4 </ p…',
    ]);
  });

  it('reports nothing for YAML that does not parse (the front-matter rule does), and checks repeated keys', () => {
    expect(checkYamlText('a: [<b>, 2', 'a: [<b>, 2', 0)).toEqual([]);
    expect(checkYamlText('a: x\na: <b>', 'a: x\na: <b>', 0).map((p) => `${p.line}:${p.column}`)).toEqual(['2:4']);
  });

  it('places front-matter problems in the file, before the body problems', () => {
    expect(checkMdxSource(mdx(['title: T', 'description: <em>x</em>'], ['', '{a}'])).map((p) => `${p.line}:${p.column} ${p.rule}`)).toEqual(
      ['3:14 frontmatter-html', '6:1 mdx-expression'],
    );
  });

  it('reports a file that does not parse with the parser’s problem, after its front-matter problems', () => {
    expect(checkMdxSource(mdx(['title: <b>'], ['', '<Cite id="a"'])).map((p) => `${p.line}:${p.column} ${p.rule}`)).toEqual([
      '2:8 frontmatter-html',
      '5:13 mdx-syntax',
    ]);
  });
});

describe('the rule', () => {
  it('checks MDX and YAML files, naming each file, and shares one parse per file', () => {
    const context = contextOf({
      'guides/loop/a.mdx': mdx(['title: A'], ['', '<script />']),
      'mistakes/m.yaml': 'title: javascript:x',
    });
    expect(checkContentSafety(context)).toEqual([
      expect.objectContaining({ file: 'memory/guides/loop/a.mdx', line: 5, column: 1, rule: 'html-element' }),
      expect.objectContaining({ file: 'memory/mistakes/m.yaml', line: 1, column: 8, rule: 'unsafe-url' }),
    ]);
    const page = context.files.find((file) => file.file.endsWith('a.mdx'))!;
    expect(mdxTreeOf(page)).toBe(mdxTreeOf(page));
    expect(mdxTreeOf(page)!.children.some((node) => node.type === 'mdxJsxFlowElement')).toBe(true);
    expect(mdxTreeOf(context.files.find((file) => file.file.endsWith('m.yaml'))!)).toBeUndefined();
  });
});
