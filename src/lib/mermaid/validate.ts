/**
 * Syntax checking with mermaid's own parser, so a diagram that would not draw fails the build
 * with the line it breaks on, and the parser's complaint translated into plain language with the
 * likely fix for the mistakes contributors make most.
 */
import { parsedBefore, rememberParsed } from './parse-cache.ts';

type Mermaid = typeof import('mermaid').default;
let mermaidModule: Promise<Mermaid> | undefined;
/** mermaid loads only when a diagram is not in the parse cache (parse-cache.ts); the shim first. */
function loadMermaid(): Promise<Mermaid> {
  mermaidModule ??= import('./purify-shim.ts').then(() => import('mermaid')).then((module) => module.default);
  return mermaidModule;
}
import { readDiagramSource, sourceForMermaid } from './source.ts';
import { readDiagramLinks } from './links.ts';
import { nearest } from '../text.ts';

export interface DiagramProblem {
  /** 1-based line within the Mermaid block. */
  line: number;
  message: string;
  fix: string;
}

/** What the parser's token names mean, in the characters a contributor typed. */
const TOKEN_WORDS: Record<string, string> = {
  SQS: '"["',
  SQE: '"]"',
  PS: '"("',
  PE: '")"',
  DIAMOND_START: '"{"',
  DIAMOND_STOP: '"}"',
  CYLINDERSTART: '"[("',
  STADIUMSTART: '"(["',
  SUBROUTINESTART: '"[["',
  DOUBLECIRCLESTART: '"((("',
  TRAPSTART: '"[/"',
  INVTRAPSTART: '"[\\"',
  STADIUMEND: '"])"',
  SUBROUTINEEND: '"]]"',
  CYLINDEREND: '")]"',
  DOUBLECIRCLEEND: '")))"',
  TAGEND: '">"',
  PIPE: '"|"',
  MINUS: '"-"',
  NEWLINE: 'the end of the line',
  NL: 'the end of the line',
  EOF: 'the end of the diagram',
  '1': 'the end of the diagram',
  SEMI: '";"',
  COLON: '":"',
  AMP: '"&"',
  TXT: 'message text',
  NODE_STRING: 'a node id',
  ALPHA: 'a name',
};

function tokenWords(token: string): string {
  return TOKEN_WORDS[token] ?? token;
}

/** Turns the parser's message into one readable sentence (the fallback for uncommon errors). */
export function describeParseError(message: string): string {
  const expecting = /Expecting (.+), got '([^']+)'/.exec(message);
  if (expecting) {
    const options = [...new Set(expecting[1]!.split(', ').map((o) => tokenWords(o.replace(/'/g, ''))))];
    const shown = options.slice(0, 6).join(', ') + (options.length > 6 ? ', …' : '');
    return `unexpected ${tokenWords(expecting[2]!)} (the parser expected one of: ${shown}).`;
  }
  const lexical = /Lexical error on line \d+\. (.+)/.exec(message);
  if (lexical) return `${lexical[1]!.split('\n')[0]!.replace(/\.$/, '')} (a character or word Mermaid does not expect here).`;
  return (message.split('\n').find((l) => l.trim() && !l.startsWith('...') && !/^-+\^/.test(l)) ?? message).trim();
}

/** The diagram types mermaid draws, for "did you mean" on an unknown type. */
const DIAGRAM_TYPES = [
  'flowchart',
  'graph',
  'sequenceDiagram',
  'classDiagram',
  'stateDiagram-v2',
  'stateDiagram',
  'erDiagram',
  'gantt',
  'pie',
  'journey',
  'mindmap',
  'timeline',
  'xychart-beta',
  'quadrantChart',
  'gitGraph',
  'requirementDiagram',
  'sankey-beta',
  'block-beta',
];

/** The arrows each diagram type accepts, and how to say so in a fix. */
const ARROWS: { types: ReadonlySet<string>; valid: RegExp; advice: string }[] = [
  {
    types: new Set(['flowchart', 'flowchart-elk', 'graph']),
    valid: /^(<?(-{2,}|={2,}|-\.+-|~{3,})[>ox]?|--|==|-\.)$/,
    advice: 'A flowchart link is --> (arrow), --- (line), -.-> (dotted), ==> (thick) or -- text -->.',
  },
  {
    types: new Set(['sequenceDiagram']),
    valid: /^(<<)?--?(>>?|x|\))$|^--?$/,
    advice: 'A sequence message is A->>B: text (solid arrow), A-->>B: text (dotted reply), A->B: text or A-xB: text.',
  },
  { types: new Set(['stateDiagram', 'stateDiagram-v2']), valid: /^-->$/, advice: 'A state transition is A --> B (or A --> B: event).' },
  {
    types: new Set(['classDiagram', 'classDiagram-v2']),
    valid: /^(<\|--|--\|>|\*--|--\*|o--|--o|-->|<--|--|\.\.>|<\.\.|\.\.\|>|<\|\.\.|\.\.)$/,
    advice: 'A class relation is A --> B, A <|-- B (inheritance), A *-- B (composition), A o-- B or A ..> B.',
  },
];

/** Words mermaid reserves: writing one as a node id breaks the diagram. */
const RESERVED_IDS: Record<string, string> = {
  end: 'it closes a subgraph or a loop, alt or opt block',
  subgraph: 'it opens a subgraph',
  graph: 'it starts a diagram',
  style: 'it starts a style line',
  class: 'it assigns a class',
  classdef: 'it defines a class',
  click: 'it starts a click handler',
  linkstyle: 'it styles a link',
  default: 'it names the default style',
};

export interface ParserError {
  message?: string;
  hash?: { token?: string | number | null; text?: string; line?: number; loc?: { first_line?: number }; expected?: string[] };
}

/** The first bracket that opens a shape on a line and is never closed there, outside quoted labels. */
function unclosedOpenerAt(line: string): { char: string; index: number } | undefined {
  const stack: { char: string; index: number }[] = [];
  let quoted = false;
  [...line].forEach((char, index) => {
    if (char === '"') quoted = !quoted;
    if (quoted) return;
    if ('[({'.includes(char)) stack.push({ char, index });
    else if (']})'.includes(char)) stack.pop();
  });
  return stack[0];
}

/** The shape as written from its id, shortened: `A[Client` from `  A[Client --> B`. */
function shapeText(line: string, openerIndex: number): string {
  const idStart = line.slice(0, openerIndex).search(/[\w-]*$/);
  const text = line.slice(idStart, openerIndex + 24).trimEnd();
  return text.length < line.length - idStart ? `${text}…` : text;
}

const QUOTED_EXAMPLE: Record<string, string> = { '[': 'A["Cache [Redis]"]', '(': 'A["Client (web)"]', '{': 'A["Config {v2}"]' };

const CLOSER: Record<string, string> = { '[': ']', '(': ')', '{': '}' };

/** Tokens that open a shape ("[", "(", "{", "[(", "([", "[["…) and close one. */
const OPENING_TOKENS = new Set([
  'SQS',
  'PS',
  'DIAMOND_START',
  'CYLINDERSTART',
  'STADIUMSTART',
  'SUBROUTINESTART',
  'DOUBLECIRCLESTART',
  'TRAPSTART',
  'INVTRAPSTART',
]);
const CLOSING_TOKENS = new Set(['SQE', 'PE', 'DIAMOND_STOP']);

/** The line of the last `subgraph`, `loop`, `alt`… that no `end` closes. */
function unclosedBlockLine(lines: readonly string[]): number | undefined {
  const open: number[] = [];
  lines.forEach((text, index) => {
    // Stryker disable next-line Regex: after trim() the first word is the same whether a run of spaces splits once or many times
    const word = text.trim().split(/\s+/)[0];
    // Stryker disable next-line StringLiteral: split() always returns a first element, so the fallback never applies
    if (/^(subgraph|loop|alt|opt|par|critical|break|rect|box)$/.test(word ?? '')) open.push(index + 1);
    else if (word === 'end') open.pop();
  });
  return open.at(-1);
}

/**
 * Mermaid's parser error, in plain language: the line, what is wrong, and the likely fix for the
 * common cases (a bracket never closed, an arrow mermaid does not know, a reserved word as an id,
 * a block never ended). Anything else keeps the parser's view, with token names spelled out.
 */
export function explainParseError(error: ParserError, source: string, type: string): DiagramProblem {
  const message = error.message ?? 'the parser gave no message';
  const lines = source.split('\n');
  const reported = /line (\d+)/i.exec(message)?.[1];
  const line = error.hash?.loc?.first_line ?? (reported ? Number(reported) : undefined) ?? 1;
  // Stryker disable next-line StringLiteral: past the last line, any text without brackets or dashes gives the same answer
  const text = lines[line - 1] ?? '';
  const errorLine = reported ? Number(reported) : line;
  // Stryker disable next-line ArrayDeclaration: with no expected tokens, any list without a closer, "end" or TXT alone gives the same answer
  const expected = (error.hash?.expected ?? []).map((e) => e.replace(/'/g, ''));
  // Stryker disable next-line StringLiteral: with no token, any name that is not a reserved word, end marker or bracket gives the same answer
  const token = String(error.hash?.token ?? /got '([^']+)'/.exec(message)?.[1] ?? '');
  const got = (error.hash?.text ?? '').trim();
  const expectsCloser = expected.some((e) => ['SQE', 'PE', 'DIAMOND_STOP', 'STADIUMEND', 'SUBROUTINEEND'].includes(e));
  const atEnd = ['1', 'EOF', 'NEWLINE', 'NL'].includes(token);

  // A word mermaid reserves, used as an id: "A --> end".
  const reservedWord = (got || token).toLowerCase();
  if (RESERVED_IDS[reservedWord] && text.trim() !== reservedWord) {
    const rename = reservedWord === 'end' ? 'done' : `${reservedWord}Node`;
    return {
      line,
      message: `"${got || token}" cannot be a node or participant name: it is a word Mermaid reserves (${RESERVED_IDS[reservedWord]}).`,
      fix: `Rename it, for example "${rename}", and show the word as its label: ${rename}["${got || token}"].`,
    };
  }

  // A shape opened with "[", "(" or "{" and never closed.
  if (expectsCloser && atEnd) {
    const opener = unclosedOpenerAt(text);
    if (opener) {
      return {
        line,
        message: `The shape "${shapeText(text, opener.index)}" opens with "${opener.char}" but is never closed.`,
        fix: `Close the label with "${CLOSER[opener.char]}", as in A${opener.char}Label${CLOSER[opener.char]}; a label that itself contains brackets goes in double quotes: ${QUOTED_EXAMPLE[opener.char]}.`,
      };
    }
  }

  // A bracket inside a label, or a shape closed with the wrong bracket.
  if (expectsCloser && (OPENING_TOKENS.has(token) || CLOSING_TOKENS.has(token))) {
    const firstOpener = unclosedOpenerAt(text);
    const at = got ? text.indexOf(got, (firstOpener?.index ?? -1) + 1) : -1;
    const before = text.slice(0, at >= 0 ? at : text.length);
    const opener = unclosedOpenerAt(before);
    if (OPENING_TOKENS.has(token)) {
      // A link between the open bracket and here: the label was simply never closed.
      if (opener && /--|==|-\./.test(before.slice(opener.index))) {
        return {
          line,
          message: `The shape "${shapeText(text, opener.index)}" opens with "${opener.char}" and is not closed before the next link.`,
          fix: `Close the label with "${CLOSER[opener.char]}" before the arrow, as in Gateway${opener.char}API gateway${CLOSER[opener.char]} --> Service.`,
        };
      }
      return {
        line,
        message: `A label on this line contains ${tokenWords(token)}, which Mermaid reads as the start of a shape.`,
        fix: `Put the label in double quotes: ${QUOTED_EXAMPLE[{ SQS: '[', PS: '(', DIAMOND_START: '{' }[token] ?? '[']}.`,
      };
    }
    const open = opener?.char ?? '[';
    return {
      line,
      message: `A shape on this line opens with "${open}" but closes with ${tokenWords(token)}.`,
      fix: `Close it with "${CLOSER[open]}", or put a label containing brackets in double quotes.`,
    };
  }

  // An arrow this diagram type does not have: "A -> B" in a flowchart, "A => B" anywhere.
  const arrows = ARROWS.find((a) => a.types.has(type));
  const errorText = lines[errorLine - 1] ?? text;
  if (arrows) {
    // An "o" or "*" before the dashes is part of a class relation (A o-- B), never the end of a
    // name written against the arrow (Video->>CDN).
    const operators = [...errorText.replace(/"[^"]*"|\|[^|]*\||%%.*/g, ' ').matchAll(/(?:<<|<\|?|(?<!\w)[*o](?=-))?[-=.~]{1,}[>x)|*o]?>?/g)]
      .map((m) => m[0])
      .filter((op) => /[-=.~]{2}|[-=~][>x)]/.test(op));
    const unknown = operators.find((op) => !arrows.valid.test(op));
    if (unknown) {
      return {
        line: errorLine,
        message: `"${unknown}" is not an arrow Mermaid knows in a ${type}.`,
        fix: arrows.advice,
      };
    }
  }

  // A subgraph or loop/alt block without its "end".
  if (atEnd && expected.includes('end')) {
    const opened = unclosedBlockLine(lines);
    if (opened) {
      return {
        line: opened,
        message: `The block that starts here ("${lines[opened - 1]!.trim()}") is never closed.`,
        fix: 'Add a line "end" after its last line.',
      };
    }
  }

  // A sequence message without its text: "A->>B".
  if (type === 'sequenceDiagram' && expected.length === 1 && expected[0] === 'TXT') {
    return {
      line: errorLine,
      message: 'A message on this line has no text after the arrow.',
      fix: 'Write the message as A->>B: what is sent (a colon, then the text).',
    };
  }

  return {
    line,
    message: `Mermaid cannot parse this line: ${describeParseError(message)}`,
    fix: "Fix the Mermaid syntax on that line; paste the block into mermaid.live to see the parser's view.",
  };
}

/** Every problem with one Mermaid block: syntax, and a missing caption or text alternative. */
export async function checkDiagram(source: string): Promise<DiagramProblem[]> {
  const problems: DiagramProblem[] = [];
  const read = readDiagramSource(source);
  if (!read.title) {
    problems.push({
      line: 1,
      message: 'The diagram has no caption.',
      fix: 'Add a line "accTitle: <caption>" after the diagram type; it becomes the figure caption.',
    });
  }
  if (!read.description) {
    problems.push({
      line: 1,
      message: 'The diagram has no text alternative.',
      fix: 'Add a line "accDescr: <what the diagram shows, in a sentence or two>" after accTitle.',
    });
  }
  problems.push(...readDiagramLinks(source, read.type).problems);
  try {
    const parsable = sourceForMermaid(source);
    if (!parsedBefore(parsable)) {
      await (await loadMermaid()).parse(parsable);
      rememberParsed(parsable);
    }
  } catch (error) {
    const message = (error as ParserError).message ?? String(error);
    if (message.includes('No diagram type detected') || message.includes('UnknownDiagramError')) {
      const suggestion = nearest(read.type, DIAGRAM_TYPES);
      problems.push({
        line: 1,
        message: `Unknown diagram type "${read.type}".${suggestion ? ` Did you mean "${suggestion}"?` : ''}`,
        fix: `Start the block with a diagram type Mermaid knows, such as ${suggestion ?? 'flowchart LR, sequenceDiagram or stateDiagram-v2'}.`,
      });
    } else {
      problems.push(explainParseError(error as ParserError, source, read.type));
    }
  }
  return problems;
}
