/**
 * Parses an MDX file into its syntax tree exactly as Astro's MDX integration will: the same
 * front-matter split (Astro blanks the front matter with spaces, so every line and column stays
 * where it is in the file), the same parser (@mdx-js/mdx with remark-gfm, as in
 * @astrojs/markdown-remark's MDX processor). The content rules walk this tree instead of
 * matching lines, so what they see is what would be compiled.
 *
 * Pathological input never reaches the parser or the compiler's recursive steps: an oversized
 * file, a line that opens hundreds of containers, and a tree nested deeper than any page needs
 * are reported with their line instead of "Maximum call stack size exceeded".
 */
import { createProcessor } from '@mdx-js/mdx';
import remarkGfm from 'remark-gfm';
import type { Root, RootContent } from 'mdast';
import type {} from 'mdast-util-mdx';

/** Largest MDX file accepted, in bytes (the largest page today is about 50 KB). */
export const MAX_FILE_BYTES = 512 * 1024;

/** Longest run of indentation and container markers (`>`, `-`, `1.`) allowed at the start of a line. */
export const MAX_LINE_PREFIX = 200;

/** Deepest nesting of the syntax tree (a real page needs under 15; a 1,000-deep list would overflow the compiler). */
export const MAX_TREE_DEPTH = 48;

export interface Position {
  line: number;
  column: number;
}

/** A problem found while reading the file, before any rule runs. */
export interface ParseProblem extends Position {
  rule: 'mdx-syntax' | 'nesting' | 'file-size';
  message: string;
  fix: string;
}

export interface SplitFile {
  /** The file with its front matter replaced by spaces: what the MDX compiler parses. */
  content: string;
  /** The front matter's YAML text, if the file has front matter. */
  yaml?: string;
  /** Offset of the YAML text in the file. */
  yamlOffset: number;
}

// The same pattern and replacement as Astro's parseFrontmatter (@astrojs/internal-helpers,
// mode "empty-with-spaces"), so the checker and the compiler agree on where the body starts.
const FRONT_MATTER = /(?:^\uFEFF?|^\s*\n)(?:---|\+\+\+)([\s\S]*?\n)(?:---|\+\+\+)/;

export function splitFrontMatter(source: string): SplitFile {
  const match = FRONT_MATTER.exec(source);
  if (!match) return { content: source, yamlOffset: 0 };
  const yaml = match[1]!;
  const delimiterAt = match.index + match[0].length - yaml.length - 6;
  const content = source.slice(0, delimiterAt) + `   ${yaml.replace(/[^\r\n]/g, ' ')}   ` + source.slice(match.index + match[0].length);
  return { content, yaml, yamlOffset: delimiterAt + 3 };
}

/** Maps an offset in a text to its 1-based line and column. */
export function positionAt(text: string, offset: number): Position {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line += 1;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

const processor = createProcessor({ format: 'mdx', remarkPlugins: [remarkGfm] });

const LINE_PREFIX = /^(?:[ \t]+|>|[-*+](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))*/;

function guardLines(content: string): ParseProblem | undefined {
  const lines = content.split('\n');
  for (const [index, text] of lines.entries()) {
    const prefix = LINE_PREFIX.exec(text)![0];
    // A line of only spaces is blank (the front matter is blanked this way): nothing is nested.
    if (prefix.length > MAX_LINE_PREFIX && text.trim() !== '') {
      return {
        rule: 'nesting',
        line: index + 1,
        column: 1,
        message: `This line starts with ${prefix.length} characters of indentation and list or quote markers: content nested this deeply cannot be compiled.`,
        fix: 'Flatten the list or quote (a page never needs more than a few levels), or put the text in a code block.',
      };
    }
  }
  return undefined;
}

/** The first node nested deeper than MAX_TREE_DEPTH, found without recursion. */
function tooDeep(tree: Root): { node: RootContent; depth: number } | undefined {
  const stack: [Root | RootContent, number][] = [[tree, 0]];
  let found: { node: RootContent; depth: number } | undefined;
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth > MAX_TREE_DEPTH && node.type !== 'root') {
      if (!found || (node.position?.start.offset ?? 0) < (found.node.position?.start.offset ?? 0)) found = { node, depth };
      continue;
    }
    if ('children' in node) for (const child of node.children) stack.push([child, depth + 1]);
  }
  return found;
}

/**
 * Parses MDX (front matter already blanked). Returns the tree, or the one problem that stops
 * parsing: a syntax error with its position, a nesting guard, or the size limit.
 */
export function parseMdx(content: string): { tree: Root; problem?: undefined } | { tree?: undefined; problem: ParseProblem } {
  const bytes = Buffer.byteLength(content);
  if (bytes > MAX_FILE_BYTES) {
    return {
      problem: {
        rule: 'file-size',
        line: 1,
        column: 1,
        message: `The file is ${Math.round(bytes / 1024)} KB; a content file may be at most ${MAX_FILE_BYTES / 1024} KB.`,
        fix: 'Split the page into several pages (the largest page today is about 50 KB).',
      },
    };
  }
  const guard = guardLines(content);
  if (guard) return { problem: guard };
  let tree: Root;
  try {
    tree = processor.parse(content);
  } catch (error) {
    if (error instanceof RangeError) {
      return {
        problem: {
          rule: 'nesting',
          line: 1,
          column: 1,
          message: 'The file is nested too deeply to parse (lists, quotes, emphasis or components inside each other hundreds of times).',
          fix: 'Flatten the deepest nesting; a page never needs more than a few levels.',
        },
      };
    }
    const place = error as { line?: number; column?: number; reason?: string; message?: string; ruleId?: string };
    const reason = (place.reason ?? place.message ?? String(error)).replace(/\s+/g, ' ').trim();
    return {
      problem: {
        rule: 'mdx-syntax',
        line: place.line ?? 1,
        column: place.column ?? 1,
        message: `MDX cannot parse this: ${reason}${/[.!?]$/.test(reason) ? '' : '.'}`,
        fix: syntaxFix(reason),
      },
    };
  }
  const deep = tooDeep(tree);
  if (deep) {
    const start = deep.node.position?.start ?? { line: 1, column: 1 };
    return {
      problem: {
        rule: 'nesting',
        line: start.line,
        column: start.column,
        message: `Content here is nested ${deep.depth} levels deep; at most ${MAX_TREE_DEPTH} are allowed, and deeper nesting cannot be compiled.`,
        fix: 'Flatten the list, quote, emphasis or component nesting that starts here; a page never needs more than a few levels.',
      },
    };
  }
  return { tree };
}

/** A fix for the MDX syntax errors contributors meet most often. */
function syntaxFix(reason: string): string {
  if (reason.includes('to create a comment in MDX')) {
    return 'HTML comments are not MDX: write a comment as {/* text */}.';
  }
  if (/closing tag|end tag|expected a closing tag/i.test(reason)) {
    return 'Close every component you open (<Callout type="tip">…</Callout>), or write it self-closing (<Cite id="…" />).';
  }
  if (/expression|acorn|`\{`|`\}`/i.test(reason)) {
    return 'A "{" starts code in MDX. Write "\\{" for a literal brace, or put the text in `inline code`.';
  }
  return 'Fix the syntax at this line and column. A literal "<" or "{" in text must be written "\\<" or "\\{", or put in `inline code`.';
}
