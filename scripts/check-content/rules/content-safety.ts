/**
 * Content is data, never code. Pages arrive by pull request from people the project does not
 * know, and MDX is a programming language: an `import`, an `export` or a `{expression}` runs at
 * build time (with the deploy job's permissions) and a `<script>` or `<style>` runs in readers'
 * browsers. So the MDX syntax tree (parsed exactly as Astro's MDX integration parses it, see
 * mdx-source.ts) may contain only:
 *
 * - Markdown, and comments written `{/* … *\/}`;
 * - the site's content components (src/components/content/props.ts), with props their Zod
 *   schema accepts, written as plain strings;
 * - a few inline HTML elements Markdown has no syntax for (HTML_ELEMENTS), without event
 *   handlers or styles;
 * - links to http(s), mailto or site-relative URLs, and site-relative images, judged after
 *   entity decoding and whitespace removal (safe-url.ts).
 *
 * Front matter and YAML entries are rendered as escaped text (their URL fields are checked by
 * the schemas), so HTML written in them would show as literal tags, and a javascript: or data:
 * value would become active if a component ever used it as a link: both are rejected.
 *
 * The same checks run in `npm run check:content` (every file, file:line:column) and in the
 * Vite plugin src/plugins/content-safety.ts, which stops `npm run dev` and `astro build` on the
 * first unsafe MDX file before the MDX compiler sees it.
 */
import type { Root, RootContent } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import type { MdxFlowExpression, MdxTextExpression } from 'mdast-util-mdx-expression';
import { isScalar, LineCounter, parseDocument, visit as visitYaml } from 'yaml';
import { COMPONENTS, COMPONENT_NAMES, isComponentName, validateProps, type ComponentName } from '../../../src/components/content/props.ts';
import { nearest } from '../../../src/lib/text.ts';
import type { Problem } from '../../lib/problems.ts';
import type { Rule } from '../context.ts';
import type { ContentFile } from '../load.ts';
import { parseMdx, positionAt, splitFrontMatter, type Position } from './mdx-source.ts';
import { dangerousScheme, judgeUrl } from './safe-url.ts';

/** A problem at a position in one file (the caller adds the file name). */
export interface SourceProblem extends Position {
  rule: string;
  message: string;
  fix: string;
}

/**
 * Raw HTML elements content may use, and their allowed attributes. content/ uses none today:
 * Markdown covers links, images, emphasis, lists and tables. These are the inline elements it has
 * no syntax for; none loads anything or runs anything.
 */
export const HTML_ELEMENTS: Readonly<Record<string, readonly string[]>> = {
  abbr: ['title'],
  br: [],
  kbd: [],
  sub: [],
  sup: [],
};

/** Attributes that hold a URL, on any element (checked even where the element itself is refused). */
const URL_ATTRIBUTES = new Set([
  'href',
  'src',
  'srcset',
  'action',
  'formaction',
  'poster',
  'data',
  'cite',
  'background',
  'xlink:href',
  'ping',
  'manifest',
  'codebase',
  'longdesc',
  'usemap',
  'icon',
  'lowsrc',
  'dynsrc',
  'imagesrcset',
]);

const ALLOWED_HTML = Object.keys(HTML_ELEMENTS)
  .map((name) => `<${name}>`)
  .join(', ');

/** Why an element is refused, and what to write instead, for the elements people reach for. */
function elementFix(name: string): string {
  if (['script', 'noscript', 'template', 'slot'].includes(name)) {
    return "Content is text, links and the site's components only: show code in a fenced code block, and ask a maintainer if a page needs behavior.";
  }
  if (name === 'style') return 'Pages use the site stylesheet only: remove it, and ask a maintainer if something looks wrong.';
  if (['iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'portal', 'video', 'audio', 'source', 'track'].includes(name)) {
    return 'Nothing is embedded from other sites: link to it instead, [what it is](https://…).';
  }
  if (['meta', 'base', 'link', 'head', 'title', 'html', 'body'].includes(name)) {
    return 'The layout writes the page head: remove it.';
  }
  if (['form', 'input', 'button', 'select', 'textarea', 'option', 'label', 'fieldset', 'output', 'dialog'].includes(name)) {
    return 'Content has no forms or controls: describe it in text, or ask a maintainer for a site tool.';
  }
  if (['svg', 'math', 'canvas', 'picture'].includes(name)) {
    return 'Draw diagrams as a ```mermaid code block (rendered and sanitized at build time).';
  }
  if (name === 'a') return 'Write links in Markdown: [text](https://…) or [text](/guides/…/).';
  if (name === 'img') return 'Write images in Markdown with a site path: ![description](/images/…).';
  return `Use Markdown for formatting; the only HTML elements allowed are ${ALLOWED_HTML}.`;
}

/** Where a node starts; `fallback` for a node without a position (one a plugin made, not the parser). */
function at(node: { position?: { start: { line: number; column: number } } | undefined }, fallback: Position): Position {
  const start = node.position?.start;
  return start ? { line: start.line, column: start.column } : fallback;
}

function snippet(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 60 ? `${flat.slice(0, 57)}…` : flat;
}

/** A URL as written, with invisible characters made visible ("java\tscript:"), shortened. */
function shownUrl(url: string): string {
  const visible = JSON.stringify(url).slice(1, -1);
  return visible.length > 60 ? `${visible.slice(0, 57)}…` : visible;
}

/** `{/* … *\/}` and `{}`: no statements, so nothing is compiled. */
function isCommentOnly(node: MdxFlowExpression | MdxTextExpression): boolean {
  const program = node.data?.estree;
  return program !== undefined && program !== null && program.body.length === 0;
}

type JsxElement = MdxJsxFlowElement | MdxJsxTextElement;

function hasContent(element: JsxElement): boolean {
  return element.children.some((child) => child.type !== 'text' || child.value.trim() !== '');
}

/** What to write instead of a prop given as an expression (`type={'tip'}`, `title={frontmatter.title}`). */
function expressionFix(component: ComponentName, code: string, attribute: string): string {
  const literal = /^\s*(?:(-?\d+(?:\.\d+)?)|'([^'\\]*)'|"([^"\\]*)")\s*$/.exec(code);
  if (literal) return `Write it as a plain string: ${attribute}="${literal[1] ?? literal[2] ?? literal[3]}".`;
  if (COMPONENTS[component].usage === `<${component} />`) {
    return `<${component}> reads the prompt's front matter itself: write ${COMPONENTS[component].usage} with no props.`;
  }
  if (/^\s*frontmatter\./.test(code)) return 'Components that show front matter read it themselves; write the component with no props.';
  return `Write it as a plain string: ${attribute}="…".`;
}

function checkComponent(element: JsxElement & { name: string }, problems: SourceProblem[]): void {
  const name = element.name;
  const where = at(element, { line: 1, column: 1 });
  if (!isComponentName(name)) {
    const suggestion = nearest(name, COMPONENT_NAMES);
    problems.push({
      ...where,
      rule: 'component',
      message: `<${name}> is not one of the site's components.`,
      fix: suggestion
        ? `Did you mean <${suggestion}>? The components are listed in CONTRIBUTING.md.`
        : 'Use one of the components listed in CONTRIBUTING.md; pages never define or import their own.',
    });
    return;
  }
  const spec = COMPONENTS[name];
  const props: Record<string, unknown> = {};
  const positions: Record<string, Position> = {};
  let hasExpression = false;
  for (const attribute of element.attributes) {
    const place = at(attribute, where);
    if (attribute.type === 'mdxJsxExpressionAttribute') {
      hasExpression = true;
      problems.push({
        ...place,
        rule: 'mdx-expression',
        message: `<${name} {${snippet(attribute.value)}}> spreads an expression into the props: content may not contain code.`,
        fix: `Write each prop as a plain string. ${spec.usage}`,
      });
      continue;
    }
    positions[attribute.name] = place;
    if (attribute.value !== null && typeof attribute.value === 'object') {
      hasExpression = true;
      problems.push({
        ...place,
        rule: 'mdx-expression',
        message: `<${name} ${attribute.name}={${snippet(attribute.value.value)}}> uses an expression: content may not contain code.`,
        fix: expressionFix(name, attribute.value.value, attribute.name),
      });
      continue;
    }
    props[attribute.name] = attribute.value ?? true;
  }
  if (!hasExpression) {
    const result = validateProps(name, props, true);
    if (!result.ok) {
      for (const problem of result.problems) {
        problems.push({
          ...(problem.prop && positions[problem.prop] ? positions[problem.prop]! : where),
          rule: 'component-prop',
          message: problem.message,
          fix: problem.fix,
        });
      }
    }
  }
  if (spec.children === 'none' && hasContent(element)) {
    problems.push({
      ...where,
      rule: 'component-children',
      message: `<${name}> does not take content between its tags.`,
      fix: `Write it self-closing: ${spec.usage}.`,
    });
  } else if (spec.children === 'required' && !hasContent(element)) {
    problems.push({
      ...where,
      rule: 'component-children',
      message: `<${name}> has nothing between its tags.`,
      fix: `Write the text inside it: ${spec.usage}.`,
    });
  }
}

/** Why a URL attribute's value is refused, or undefined when it is fine. */
function urlProblem(value: string): string | undefined {
  const verdict = judgeUrl(value);
  return verdict.ok ? undefined : verdict.reason;
}

function checkAttributes(element: JsxElement & { name: string }, problems: SourceProblem[]): void {
  const name = element.name;
  const where = at(element, { line: 1, column: 1 });
  const allowed = HTML_ELEMENTS[name];
  for (const attribute of element.attributes) {
    const place = at(attribute, where);
    if (attribute.type === 'mdxJsxExpressionAttribute') {
      problems.push({
        ...place,
        rule: 'mdx-expression',
        message: `<${name} {${snippet(attribute.value)}}> spreads an expression into the attributes: content may not contain code.`,
        fix: 'Remove it.',
      });
      continue;
    }
    const attr = attribute.name;
    const lower = attr.toLowerCase();
    if (attribute.value !== null && typeof attribute.value === 'object') {
      problems.push({
        ...place,
        rule: 'mdx-expression',
        message: `<${name} ${attr}={${snippet(attribute.value.value)}}> uses an expression: content may not contain code.`,
        fix: 'Remove it; content is text.',
      });
      continue;
    }
    const value = attribute.value ?? '';
    const problem = (rule: string, message: string, fix: string) => problems.push({ ...place, rule, message, fix });
    if (lower.startsWith('on')) {
      problem(
        'html-attribute',
        `<${name} ${attr}="…"> is an event handler: it would run script in readers' browsers.`,
        'Remove it. Content never runs code.',
      );
    } else if (lower === 'style') {
      problem(
        'html-attribute',
        `<${name} style="…">: inline styles are not allowed in content.`,
        'Remove it; pages use the site stylesheet only.',
      );
    } else if (lower === 'srcdoc') {
      problem('html-attribute', `<${name} srcdoc="…"> embeds a whole HTML document.`, 'Remove it. Nothing is embedded in content.');
    } else if (lower === 'httpequiv' || lower === 'http-equiv') {
      problem(
        'html-attribute',
        `<${name} ${attr}="${snippet(value)}"> sets an HTTP header from inside the page (a refresh sends readers to another site; a policy can loosen the site's).`,
        'Remove it. The site sets its own headers.',
      );
    } else if (URL_ATTRIBUTES.has(lower) && urlProblem(value)) {
      problem(
        'unsafe-url',
        `<${name} ${attr}="${shownUrl(value)}"> is ${urlProblem(value)}.`,
        'Links go to http(s), mailto or a page of this site, written in Markdown: [text](https://…).',
      );
    } else if (allowed && !allowed.includes(lower)) {
      problem(
        'html-attribute',
        `<${name}> may not have the attribute "${attr}".`,
        allowed.length ? `<${name}> takes only: ${allowed.join(', ')}.` : `Write <${name}> with no attributes.`,
      );
    }
  }
}

function checkNode(node: Root | RootContent, problems: SourceProblem[]): void {
  const where = at(node, { line: 1, column: 1 });
  switch (node.type) {
    case 'mdxjsEsm': {
      const kind = /^\s*import\b/.test(node.value) ? 'import' : 'export';
      problems.push({
        ...where,
        rule: 'mdx-import-export',
        message: `An MDX ${kind} ("${snippet(node.value)}"): content may not import or export code.`,
        fix:
          kind === 'import'
            ? "Remove it. The site's components (<Callout>, <Cite>, …) are available on every page without importing."
            : 'Remove it. Data belongs in the front matter, and pages never define code.',
      });
      return;
    }
    case 'mdxFlowExpression':
    case 'mdxTextExpression': {
      if (isCommentOnly(node)) return;
      problems.push({
        ...where,
        rule: 'mdx-expression',
        message: `The expression {${snippet(node.value)}} is code: content may not contain JavaScript expressions.`,
        fix: /^\s*frontmatter\./.test(node.value)
          ? 'Components that show front matter read it themselves; write the text, or the component with no props.'
          : 'Write the text itself. For a literal brace write \\{; a comment is written {/* … */}.',
      });
      return;
    }
    case 'mdxJsxFlowElement':
    case 'mdxJsxTextElement': {
      const name = node.name;
      if (name === null) {
        problems.push({
          ...where,
          rule: 'component',
          message: 'A JSX fragment <>…</> is not content.',
          fix: 'Remove the <> and </> around the text.',
        });
        return;
      }
      const element = node as JsxElement & { name: string };
      if (/^[A-Z]/.test(name) || name.includes('.')) {
        checkComponent(element, problems);
        return;
      }
      if (!Object.hasOwn(HTML_ELEMENTS, name)) {
        problems.push({
          ...where,
          rule: 'html-element',
          message: `<${name}> is not allowed in content.`,
          fix: elementFix(name.toLowerCase()),
        });
      }
      checkAttributes(element, problems);
      return;
    }
    case 'html':
      problems.push({ ...where, rule: 'html-element', message: 'Raw HTML is not allowed in content.', fix: elementFix('') });
      return;
    case 'link':
    case 'definition':
    case 'image': {
      const verdict = judgeUrl(node.url, node.type === 'image' ? 'image' : 'link');
      if (!verdict.ok) {
        const url = shownUrl(node.url);
        const written = node.type === 'image' ? `![…](${url})` : node.type === 'link' ? `[…](${url})` : `[…]: ${url}`;
        problems.push({
          ...where,
          rule: 'unsafe-url',
          message: `${node.type === 'image' ? 'The image' : 'The link'} ${written} is ${verdict.reason}.`,
          fix:
            node.type === 'image'
              ? 'Images are files of this site, written ![description](/images/…); nothing is loaded from other hosts.'
              : 'Links go to http(s), mailto or a page of this site: [text](https://…) or [text](/guides/…/).',
        });
      }
      return;
    }
    default:
      return;
  }
}

/** Every node of the tree, depth first, without recursion (the depth is bounded, but this is cheap). */
function walk(tree: Root, visit: (node: Root | RootContent) => void): void {
  const stack: (Root | RootContent)[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    visit(node);
    if ('children' in node) for (let i = node.children.length - 1; i >= 0; i -= 1) stack.push(node.children[i]!);
  }
}

/**
 * YAML strings (front matter, or a whole .yaml entry) starting at `offset` in `source`: no HTML
 * markup, and no value that is a javascript:, data: or similar URL.
 */
export function checkYamlText(source: string, yaml: string, offset: number): SourceProblem[] {
  const lineCounter = new LineCounter();
  const document = parseDocument(yaml, { lineCounter, prettyErrors: false, uniqueKeys: false });
  if (document.errors.length > 0) return []; // The front-matter rule reports syntax errors.
  const problems: SourceProblem[] = [];
  visitYaml(document, {
    Scalar(key, node) {
      if (key === 'key' || !isScalar(node) || typeof node.value !== 'string') return;
      const where = positionAt(source, offset + (node.range?.[0] ?? 0));
      const tag = /<\s*\/?\s*[a-z][a-z0-9-]*(?=[\s/>]|$)|<!--|<!\[|<\?/i.exec(node.value)?.[0];
      if (tag) {
        problems.push({
          ...where,
          rule: 'frontmatter-html',
          message: `This value contains HTML ("${snippet(tag)}…"): front matter is shown as plain text, so markup would appear literally and is never allowed.`,
          fix: 'Write plain text. If you mean a literal "<", put a space after it ("p99 < 200 ms").',
        });
      }
      const scheme = dangerousScheme(node.value);
      if (scheme) {
        problems.push({
          ...where,
          rule: 'unsafe-url',
          message: `This value is a "${scheme}:" URL.`,
          fix: 'URLs in front matter are http(s) links to a published page.',
        });
      }
    },
  });
  return problems;
}

/**
 * Every safety problem in one MDX file (front matter included), positions in the file. `parsed`
 * is the file's parse, when the caller already has it.
 */
export function checkMdxSource(source: string, parsed?: ReturnType<typeof parseMdx>): SourceProblem[] {
  const split = splitFrontMatter(source);
  const problems: SourceProblem[] = split.yaml === undefined ? [] : checkYamlText(source, split.yaml, split.yamlOffset);
  const result = parsed ?? parseMdx(split.content);
  if (result.problem) return [...problems, result.problem];
  walk(result.tree, (node) => checkNode(node, problems));
  return problems.sort((a, b) => a.line - b.line || a.column - b.column);
}

const parses = new WeakMap<ContentFile, ReturnType<typeof parseMdx>>();

/** The parse of a content file's MDX, done once and shared by the rules that need the tree. */
function parsedOf(file: ContentFile): ReturnType<typeof parseMdx> {
  let parsed = parses.get(file);
  if (!parsed) {
    parsed = parseMdx(splitFrontMatter(file.source).content);
    parses.set(file, parsed);
  }
  return parsed;
}

/** The MDX tree of a content file (positions are file positions), or undefined if it does not parse. */
export function mdxTreeOf(file: ContentFile): Root | undefined {
  return file.file.endsWith('.mdx') ? parsedOf(file).tree : undefined;
}

export const checkContentSafety: Rule = (context) => {
  const problems: Problem[] = [];
  for (const file of context.files) {
    const found = file.file.endsWith('.mdx') ? checkMdxSource(file.source, parsedOf(file)) : checkYamlText(file.source, file.source, 0);
    for (const problem of found) problems.push({ file: file.file, ...problem });
  }
  return problems;
};
