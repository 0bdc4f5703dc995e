/**
 * The edges of the diagram check: which problem a contributor is shown, on which line, with which
 * message and fix, for the mistakes validate.test.ts does not walk through, and which diagrams pass.
 * Most cases run mermaid's real parser; a few hand the explainer a parser error shaped like
 * mermaid's (say so where they do) to reach a branch no current mermaid message reaches.
 */
import { describe, expect, it, vi } from 'vitest';
import type { DiagramProblem } from './validate.ts';

/**
 * validate.ts, loaded afresh for each test: its tables (token words, arrows, reserved words) are
 * built when the module loads, and a fresh load inside the test lets mutation testing credit the
 * tests that read them.
 */
async function load() {
  vi.resetModules();
  return import('./validate.ts');
}

const FLOW = 'flowchart LR\n  accTitle: T\n  accDescr: D\n';
const SEQUENCE = 'sequenceDiagram\n  accTitle: T\n  accDescr: D\n';
const CLASS = 'classDiagram\n  accTitle: T\n  accDescr: D\n';
const FALLBACK_FIX = "Fix the Mermaid syntax on that line; paste the block into mermaid.live to see the parser's view.";

/** The one problem mermaid's parser finds in a block that has its caption and text alternative. */
async function explain(source: string): Promise<DiagramProblem> {
  const problems = await (await load()).checkDiagram(source);
  expect(problems, source).toHaveLength(1);
  return problems[0]!;
}

describe('parser tokens in plain words', () => {
  it('spells every token the parser names as the characters a contributor typed', async () => {
    const { describeParseError } = await load();
    const words: Record<string, string> = {
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
    for (const [token, word] of Object.entries(words)) {
      expect(describeParseError(`Parse error on line 4:\nExpecting 'SEMI', got '${token}'`), token).toBe(
        `unexpected ${word} (the parser expected one of: ";").`,
      );
    }
    // A token with no plain word keeps its name.
    expect(describeParseError("Expecting 'TESTSTR', got 'TAGSTART'")).toBe('unexpected TAGSTART (the parser expected one of: TESTSTR).');
  });

  it('lists at most six expected tokens, once each, and marks the rest with an ellipsis', async () => {
    const { describeParseError } = await load();
    expect(describeParseError("Expecting 'SEMI', 'NEWLINE', 'NL', 'EOF', 'AMP', 'COLON', 'PIPE', got 'PS'")).toBe(
      'unexpected "(" (the parser expected one of: ";", the end of the line, the end of the diagram, "&", ":", "|").',
    );
    expect(describeParseError("Expecting 'SEMI', 'NEWLINE', 'EOF', 'AMP', 'COLON', 'PIPE', 'MINUS', got 'PS'")).toBe(
      'unexpected "(" (the parser expected one of: ";", the end of the line, the end of the diagram, "&", ":", "|", …).',
    );
  });

  it('keeps a lexical error to its first sentence, from any line number', async () => {
    const { describeParseError } = await load();
    expect(describeParseError('Lexical error on line 12. Unrecognized text near "v1.2".\n...A ~ B\n---^')).toBe(
      'Unrecognized text near "v1.2" (a character or word Mermaid does not expect here).',
    );
  });

  it('otherwise shows the first line of the message that is not context or a pointer', async () => {
    const { describeParseError } = await load();
    expect(describeParseError('\n   \n...flowchart LR  A\n-----^\n  Unexpected "--^" near A  \nA second line')).toBe(
      'Unexpected "--^" near A',
    );
    expect(describeParseError('...nothing but context')).toBe('...nothing but context');
  });
});

describe('which problem a contributor sees', () => {
  it('names any reserved word used as an id, says what it does, and renames it in the fix', async () => {
    const reasons: Record<string, string> = {
      subgraph: 'it opens a subgraph',
      graph: 'it starts a diagram',
      style: 'it starts a style line',
      class: 'it assigns a class',
      classDef: 'it defines a class',
      click: 'it starts a click handler',
      linkStyle: 'it styles a link',
    };
    for (const [word, reason] of Object.entries(reasons)) {
      const problem = await explain(`${FLOW}  A --> ${word}`);
      expect(problem.line, word).toBe(4);
      expect(problem.message, word).toContain(`cannot be a node or participant name: it is a word Mermaid reserves (${reason}).`);
    }
    // Mermaid 11 accepts "default" as an id; an older parser's error on it is explained the same way.
    const { explainParseError } = await load();
    const error = { message: 'Parse error on line 4:', hash: { token: 'DEFAULT', text: 'default', loc: { first_line: 4 } } };
    expect(explainParseError(error, `${FLOW}  A --> default`, 'flowchart').message).toBe(
      '"default" cannot be a node or participant name: it is a word Mermaid reserves (it names the default style).',
    );
    expect(await explain(`${FLOW}  A --> class`)).toEqual({
      line: 4,
      message: '"class" cannot be a node or participant name: it is a word Mermaid reserves (it assigns a class).',
      fix: 'Rename it, for example "classNode", and show the word as its label: classNode["class"].',
    });
  });

  it('does not call a stray "end" line a reserved-word id', async () => {
    const problem = await explain(`${FLOW}  A --> B\n  end`);
    expect(problem.line).toBe(5);
    expect(problem.message).toMatch(/^Mermaid cannot parse this line: unexpected end \(the parser expected one of: ";", /);
    expect(problem.fix).toBe(FALLBACK_FIX);
  });

  it('names a shape closed with the wrong bracket, and the bracket that closes it', async () => {
    expect(await explain(`${FLOW}  A(Client] --> B`)).toEqual({
      line: 4,
      message: 'A shape on this line opens with "(" but closes with "]".',
      fix: 'Close it with ")", or put a label containing brackets in double quotes.',
    });
  });

  it('says to quote a label holding braces, or a bracket after a link', async () => {
    expect(await explain(`${FLOW}  A[Config {v2}] --> B`)).toEqual({
      line: 4,
      message: 'A label on this line contains "{", which Mermaid reads as the start of a shape.',
      fix: 'Put the label in double quotes: A["Config {v2}"].',
    });
    // The link comes before the shape, so the label was not left open by it.
    expect((await explain(`${FLOW}  A --> B[Cache [Redis]`)).message).toBe(
      'A label on this line contains "[", which Mermaid reads as the start of a shape.',
    );
    expect((await explain(`${FLOW}  A --> B[Cache [Redis]]`)).message).toBe(
      'A label on this line contains "[", which Mermaid reads as the start of a shape.',
    );
    expect(await explain(`${FLOW}  Gateway[API gateway --> Store[Store]`)).toEqual({
      line: 4,
      message: 'The shape "Gateway[API gateway --> Store[S…" opens with "[" and is not closed before the next link.',
      fix: 'Close the label with "]" before the arrow, as in Gateway[API gateway] --> Service.',
    });
  });

  it('points at an unknown arrow on its own line, at any line number', async () => {
    const middle = await explain(`${FLOW}  A --> B\n  B -> C\n  C --> D\n  D --> E`);
    expect(middle.line).toBe(5);
    expect(middle.message).toBe('"->" is not an arrow Mermaid knows in a flowchart.');
    const links = Array.from({ length: 8 }, (_, i) => `  N${i} --> N${i + 1}`).join('\n');
    const late = await explain(`${FLOW}${links}\n  P -> Q`);
    expect(late.line).toBe(12);
    expect(late.message).toBe('"->" is not an arrow Mermaid knows in a flowchart.');
  });

  it('names the whole unknown arrow, with what comes before its dashes', async () => {
    expect((await explain(`${FLOW}  A <-> B`)).message).toBe('"<->" is not an arrow Mermaid knows in a flowchart.');
    // A hyphen inside a label is not an arrow.
    expect((await explain(`${FLOW}  A[well-known] -> B`)).message).toBe('"->" is not an arrow Mermaid knows in a flowchart.');
    // An invisible link needs three tildes.
    expect(await explain(`${FLOW}  A ~~ B`)).toEqual({
      line: 4,
      message: '"~~" is not an arrow Mermaid knows in a flowchart.',
      fix: 'A flowchart link is --> (arrow), --- (line), -.-> (dotted), ==> (thick) or -- text -->.',
    });
    const composition = await explain(`${CLASS}  A *-> B`);
    expect(composition.message).toBe('"*->" is not an arrow Mermaid knows in a classDiagram.');
    expect(composition.fix).toBe('A class relation is A --> B, A <|-- B (inheritance), A *-- B (composition), A o-- B or A ..> B.');
    expect((await explain(`${CLASS}  A -->> B`)).message).toBe('"-->>" is not an arrow Mermaid knows in a classDiagram.');
    expect((await explain(`${CLASS}  A <<-- B`)).message).toBe('"<<--" is not an arrow Mermaid knows in a classDiagram.');
  });

  it('does not blame the arrows on a line whose arrows are all valid', async () => {
    const problem = await explain(`${FLOW}  A --> B --- C -..-> D ==> E <--> F ~~~ G --o H --x I )`);
    expect(problem).toEqual({
      line: 4,
      message: 'Mermaid cannot parse this line: Unrecognized text (a character or word Mermaid does not expect here).',
      fix: FALLBACK_FIX,
    });
    // Arrow-like text inside a quoted label, an edge label or a comment is not an arrow.
    for (const line of ['A["retry => later"] --> B C', 'A -->|retry => later| B C', 'A --> B C %% was A => B']) {
      const quoted = await explain(`${FLOW}  ${line}`);
      expect(quoted.message, line).toBe(
        'Mermaid cannot parse this line: unexpected a node id (the parser expected one of: ";", the end of the line, the end of the diagram, "&", START_LINK, LINK, …).',
      );
    }
  });

  it('says a sequence message lacks its text even when a participant name ends in "o"', async () => {
    expect(await explain(`${SEQUENCE}  Video->>CDN get`)).toEqual({
      line: 4,
      message: 'A message on this line has no text after the arrow.',
      fix: 'Write the message as A->>B: what is sent (a colon, then the text).',
    });
    // A sequence diagram has -> too.
    expect((await explain(`${SEQUENCE}  A -> B hi`)).message).toBe('A message on this line has no text after the arrow.');
  });

  it('gives a type with no arrow table the parser view', async () => {
    expect(await explain('erDiagram\n  accTitle: T\n  accDescr: D\n  A ||--o{ B')).toEqual({
      line: 4,
      message: 'Mermaid cannot parse this line: unexpected the end of the line (the parser expected one of: ":", STYLE_SEPARATOR).',
      fix: FALLBACK_FIX,
    });
  });

  it('finds the open shape past quoted labels and shapes already closed, and trims the shape it quotes', async () => {
    expect((await explain(`${FLOW}  A["Cache [v2"] --> B[open`)).message).toBe('The shape "B[open" opens with "[" but is never closed.');
    expect((await explain(`${FLOW}  A[Playback services on a TV screen --> B`)).message).toBe(
      'The shape "A[Playback services on a…" opens with "[" but is never closed.',
    );
  });

  it('names the unknown arrows of a sequence diagram and of a flowchart with a doubled head', async () => {
    expect((await explain(`${FLOW}  A <<--> B`)).message).toBe('"<<-->" is not an arrow Mermaid knows in a flowchart.');
    for (const arrow of ['<->>', '<--', '---', '-x>']) {
      expect((await explain(`${SEQUENCE}  A ${arrow} B: hi`)).message).toBe(
        `"${arrow}" is not an arrow Mermaid knows in a sequenceDiagram.`,
      );
    }
  });

  it('counts only the block keywords themselves, not names that start or end with one', async () => {
    expect(await explain(`${SEQUENCE}  loop every minute\n  alternative ->> B: hi\n  Inbox ->> B: hi`)).toEqual({
      line: 4,
      message: 'The block that starts here ("loop every minute") is never closed.',
      fix: 'Add a line "end" after its last line.',
    });
  });

  it('gives every spelling of a diagram type the arrows of its kind', async () => {
    const kinds: [string, string, RegExp][] = [
      ['flowchart-elk LR', 'A -> B', /^A flowchart link is -->/],
      ['graph LR', 'A -> B', /^A flowchart link is -->/],
      ['stateDiagram', 'Idle -> Playing', /^A state transition is A --> B/],
      ['classDiagram-v2', 'A *-> B', /^A class relation is A --> B/],
    ];
    for (const [header, line, advice] of kinds) {
      const problem = await explain(`${header}\n  accTitle: T\n  accDescr: D\n  ${line}`);
      const type = header.split(' ')[0]!;
      expect(problem.message, header).toBe(`"${/[*]?->/.exec(line)![0]}" is not an arrow Mermaid knows in a ${type}.`);
      expect(problem.fix, header).toMatch(advice);
    }
  });

  it('turns a parser failure that is not an Error into a problem, not a crash', async () => {
    vi.resetModules();
    vi.doMock('mermaid', () => ({
      default: {
        parse: () => {
          // Rejecting with a bare string, as a plugin's parser might.
          // eslint-disable-next-line @typescript-eslint/only-throw-error
          throw 'parser crashed';
        },
      },
    }));
    try {
      const { checkDiagram } = await import('./validate.ts');
      expect(await checkDiagram(`${FLOW}  A --> N${Date.now()}`)).toEqual([
        { line: 1, message: 'Mermaid cannot parse this line: the parser gave no message', fix: FALLBACK_FIX },
      ]);
    } finally {
      vi.doUnmock('mermaid');
    }
  });
});

/**
 * Parser errors shaped like mermaid's (message, token, text, line, expected tokens), for the
 * branches today's mermaid reaches only with messages that vary between versions.
 */
describe('explaining a parser error', () => {
  const source = `${FLOW}  A --> B`;

  it('without a message, says so', async () => {
    const { explainParseError } = await load();
    expect(explainParseError({}, source, 'flowchart')).toEqual({
      line: 1,
      message: 'Mermaid cannot parse this line: the parser gave no message',
      fix: FALLBACK_FIX,
    });
  });

  it('reads the token from the message when the error carries none', async () => {
    const { explainParseError } = await load();
    const problem = explainParseError(
      { message: "Parse error on line 4:\n...A --> end\n----^\nExpecting 'NODE_STRING', got 'end'" },
      `${FLOW}  A --> end`,
      'flowchart',
    );
    expect(problem.line).toBe(4);
    expect(problem.message).toMatch(/^"end" cannot be a node or participant name/);
    // The token, when the parser gives one, wins over the message.
    const fromHash = explainParseError(
      { message: 'Parse error on line 4:', hash: { token: 'end', loc: { first_line: 4 } } },
      `${FLOW}  A --> end`,
      'flowchart',
    );
    expect(fromHash.message).toMatch(/^"end" cannot be a node or participant name/);
  });

  it('shows a reserved word as the contributor wrote it', async () => {
    const { explainParseError } = await load();
    const problem = explainParseError(
      { message: 'Parse error on line 4:', hash: { token: 'end', text: 'END', loc: { first_line: 4 } } },
      `${FLOW}  A --> END`,
      'flowchart',
    );
    expect(problem.message).toMatch(/^"END" cannot be a node/);
    expect(problem.fix).toBe('Rename it, for example "done", and show the word as its label: done["END"].');
  });

  it('names the bracket an unclosed shape needs, whichever closer the parser expected, at the end of the line or diagram', async () => {
    const { explainParseError } = await load();
    const shapes: [string, string, string][] = [
      ['PE', 'A(Client', ')'],
      ['DIAMOND_STOP', 'A{Cached?', '}'],
      ['STADIUMEND', 'A([Start', ')'],
      ['SUBROUTINEEND', 'A[[Job', ']'],
    ];
    for (const [closer, shape, bracket] of shapes) {
      for (const token of ['1', 'EOF', 'NEWLINE', 'NL']) {
        const problem = explainParseError(
          { message: 'Parse error on line 4:', hash: { token, text: '', loc: { first_line: 4 }, expected: [`'${closer}'`] } },
          `${FLOW}  ${shape}`,
          'flowchart',
        );
        expect(problem.message, `${closer} ${token}`).toMatch(/is never closed\.$/);
        expect(problem.fix, closer).toMatch(new RegExp(`^Close the label with "\\${bracket}"`));
      }
    }
  });

  it('falls back to the parser view when an expected closer has no open shape on the line', async () => {
    const { explainParseError } = await load();
    const problem = explainParseError(
      {
        message: "Parse error on line 4:\nExpecting 'SQE', got 'NEWLINE'",
        hash: { token: 'NEWLINE', text: '', loc: { first_line: 4 }, expected: ["'SQE'"] },
      },
      source,
      'flowchart',
    );
    expect(problem.message).toBe('Mermaid cannot parse this line: unexpected the end of the line (the parser expected one of: "]").');
  });

  it('reads a bracket as a label problem only when a closer was expected', async () => {
    const { explainParseError } = await load();
    // A bracket where a link was expected is not a label problem.
    const problem = explainParseError(
      {
        message: "Parse error on line 4:\nExpecting 'NEWLINE', got 'SQS'",
        hash: { token: 'SQS', text: '[', loc: { first_line: 4 }, expected: ["'NEWLINE'"] },
      },
      `${FLOW}  A --> B [x]`,
      'flowchart',
    );
    expect(problem.message).toBe('Mermaid cannot parse this line: unexpected "[" (the parser expected one of: the end of the line).');
    // A closer expected but a name found: not a bracket problem either.
    const name = explainParseError(
      {
        message: "Parse error on line 4:\nExpecting 'SQE', got 'ALPHA'",
        hash: { token: 'ALPHA', text: 'x', loc: { first_line: 4 }, expected: ["'SQE'"] },
      },
      `${FLOW}  A[x y`,
      'flowchart',
    );
    expect(name.message).toBe('Mermaid cannot parse this line: unexpected a name (the parser expected one of: "]").');
  });

  it('finds an unclosed label before the next link even when the parser gives no text', async () => {
    const { explainParseError } = await load();
    const problem = explainParseError(
      { message: 'Parse error on line 4:', hash: { token: 'CYLINDERSTART', loc: { first_line: 4 }, expected: ["'SQE'"] } },
      `${FLOW}  Gateway[API gateway --> Store[(Store)]`,
      'flowchart',
    );
    expect(problem.message).toBe('The shape "Gateway[API gateway --> Store[(…" opens with "[" and is not closed before the next link.');
  });

  it('quotes a label holding another shape opener with the square-bracket example', async () => {
    const { explainParseError } = await load();
    const problem = explainParseError(
      { message: 'Parse error on line 4:', hash: { token: 'CYLINDERSTART', text: '[(', loc: { first_line: 4 }, expected: ["'SQE'"] } },
      `${FLOW}  A[Store [(db)]] --> B`,
      'flowchart',
    );
    expect(problem).toEqual({
      line: 4,
      message: 'A label on this line contains "[(", which Mermaid reads as the start of a shape.',
      fix: 'Put the label in double quotes: A["Cache [Redis]"].',
    });
  });

  it('reads every shape opener inside a label as the start of a shape, and every closer as a wrong close', async () => {
    const { explainParseError } = await load();
    const openers: Record<string, string> = {
      SQS: '"["',
      PS: '"("',
      DIAMOND_START: '"{"',
      CYLINDERSTART: '"[("',
      STADIUMSTART: '"(["',
      SUBROUTINESTART: '"[["',
      DOUBLECIRCLESTART: '"((("',
      TRAPSTART: '"[/"',
      INVTRAPSTART: '"[\\"',
    };
    for (const [token, word] of Object.entries(openers)) {
      const problem = explainParseError(
        { message: 'Parse error on line 4:', hash: { token, text: 'x', loc: { first_line: 4 }, expected: ["'SQE'"] } },
        `${FLOW}  A[Store x] --> B`,
        'flowchart',
      );
      expect(problem.message, token).toBe(`A label on this line contains ${word}, which Mermaid reads as the start of a shape.`);
    }
    const brace = explainParseError(
      { message: 'Parse error on line 4:', hash: { token: 'DIAMOND_STOP', text: '}', loc: { first_line: 4 }, expected: ["'SQE'"] } },
      `${FLOW}  A[Cached?} --> B`,
      'flowchart',
    );
    expect(brace.message).toBe('A shape on this line opens with "[" but closes with "}".');
  });

  it('with no text from the parser, reads the whole line for the open shape', async () => {
    const { explainParseError } = await load();
    const problem = explainParseError(
      { message: 'Parse error on line 4:', hash: { token: 'SQS', loc: { first_line: 4 }, expected: ["'SQE'"] } },
      `${FLOW}  A[x --> y]`,
      'flowchart',
    );
    expect(problem.message).toBe('A label on this line contains "[", which Mermaid reads as the start of a shape.');
  });

  it('assumes a square bracket when a closer comes with no shape open before it', async () => {
    const { explainParseError } = await load();
    expect(
      explainParseError(
        { message: 'Parse error on line 4:', hash: { token: 'PE', text: ')', loc: { first_line: 4 }, expected: ["'SQE'"] } },
        `${FLOW}  A) --> B`,
        'flowchart',
      ),
    ).toEqual({
      line: 4,
      message: 'A shape on this line opens with "[" but closes with ")".',
      fix: 'Close it with "]", or put a label containing brackets in double quotes.',
    });
    // A closer at the very start of the line, after a shape opened and closed wrongly.
    expect(
      explainParseError(
        { message: 'Parse error on line 4:', hash: { token: 'SQE', text: ']', loc: { first_line: 4 }, expected: ["'PE'"] } },
        `${FLOW}(] x`,
        'flowchart',
      ).message,
    ).toBe('A shape on this line opens with "(" but closes with "]".');
  });

  it('points at the block a missing "end" leaves open, the innermost one', async () => {
    const { explainParseError } = await load();
    const lines = `${SEQUENCE}  loop every minute\n  alt cached\n    A ->> B: hit\n  end`;
    expect(
      explainParseError(
        { message: 'Parse error on line 8:', hash: { token: 'EOF', loc: { first_line: 8 }, expected: ["'end'"] } },
        lines,
        'sequenceDiagram',
      ),
    ).toEqual({
      line: 4,
      message: 'The block that starts here ("loop every minute") is never closed.',
      fix: 'Add a line "end" after its last line.',
    });
    // Not at the end of the diagram, or "end" not expected: the parser view.
    expect(
      explainParseError(
        { message: 'Parse error on line 5:', hash: { token: 'ALPHA', loc: { first_line: 5 }, expected: ["'end'"] } },
        lines,
        'sequenceDiagram',
      ).message,
    ).toMatch(/^Mermaid cannot parse this line/);
    expect(
      explainParseError(
        { message: 'Parse error on line 8:', hash: { token: 'EOF', loc: { first_line: 8 }, expected: ["'NEWLINE'"] } },
        lines,
        'sequenceDiagram',
      ).message,
    ).toMatch(/^Mermaid cannot parse this line/);
    // Every block closed: nothing to point at.
    expect(
      explainParseError(
        { message: 'Parse error on line 7:', hash: { token: 'EOF', loc: { first_line: 7 }, expected: ["'end'"] } },
        `${SEQUENCE}  loop x\n    A ->> B: hi\n  end`,
        'sequenceDiagram',
      ).message,
    ).toMatch(/^Mermaid cannot parse this line/);
  });

  it('asks for message text only in a sequence diagram, when text is all the parser wanted', async () => {
    const { explainParseError } = await load();
    const error = { message: 'Parse error on line 4:', hash: { token: 'NEWLINE', loc: { first_line: 4 }, expected: ["'TXT'"] } };
    expect(explainParseError(error, `${SEQUENCE}  A ->> B`, 'sequenceDiagram').message).toBe(
      'A message on this line has no text after the arrow.',
    );
    expect(explainParseError(error, `${FLOW}  A --> B`, 'flowchart').message).toMatch(/^Mermaid cannot parse this line/);
    const more = { message: 'Parse error on line 4:', hash: { token: 'NEWLINE', loc: { first_line: 4 }, expected: ["'TXT'", "'COLON'"] } };
    expect(explainParseError(more, `${SEQUENCE}  A ->> B`, 'sequenceDiagram').message).toMatch(/^Mermaid cannot parse this line/);
    const other = { message: 'Parse error on line 4:', hash: { token: 'NEWLINE', loc: { first_line: 4 }, expected: ["'COLON'"] } };
    expect(explainParseError(other, `${SEQUENCE}  A ->> B`, 'sequenceDiagram').message).toMatch(/^Mermaid cannot parse this line/);
  });

  it('does not count a quoted word or a single dash as an arrow', async () => {
    const { explainParseError } = await load();
    const error = {
      message: "Parse error on line 4:\nExpecting 'NEWLINE', got 'ALPHA'",
      hash: { token: 'ALPHA', text: 'x', loc: { first_line: 4 }, expected: ["'NEWLINE'"] },
    };
    // Quote marks written hard against dashes: the quoted text leaves a gap, not a joined arrow.
    expect(explainParseError(error, `${FLOW}  A-"x">B x`, 'flowchart').message).toMatch(/^Mermaid cannot parse this line/);
    expect(explainParseError(error, `${FLOW}  A[co-op] --> B x`, 'flowchart').message).toMatch(/^Mermaid cannot parse this line/);
  });
});

describe('diagram types', () => {
  it('suggests the nearest diagram type Mermaid knows for a misspelled one', async () => {
    const { checkDiagram } = await load();
    const typos: Record<string, string> = {
      flowchat: 'flowchart',
      grap: 'graph',
      sequenceDiagran: 'sequenceDiagram',
      classDiagran: 'classDiagram',
      'stateDiagrm-v2': 'stateDiagram-v2',
      stateDiagrm: 'stateDiagram',
      erDiagrm: 'erDiagram',
      gant: 'gantt',
      pi: 'pie',
      journy: 'journey',
      mindmp: 'mindmap',
      timelin: 'timeline',
      'xychrt-beta': 'xychart-beta',
      quadrantChrt: 'quadrantChart',
      gitGrap: 'gitGraph',
      requirmentDiagram: 'requirementDiagram',
      'sanky-beta': 'sankey-beta',
      'blok-beta': 'block-beta',
    };
    for (const [typo, type] of Object.entries(typos)) {
      expect(await checkDiagram(`${typo}\n  accTitle: T\n  accDescr: D\n  A`), typo).toEqual([
        {
          line: 1,
          message: `Unknown diagram type "${typo}". Did you mean "${type}"?`,
          fix: `Start the block with a diagram type Mermaid knows, such as ${type}.`,
        },
      ]);
    }
  });

  it('lists common types when nothing is close', async () => {
    const { checkDiagram } = await load();
    expect(await checkDiagram('zzzzqqqq\n  accTitle: T\n  accDescr: D\n  A')).toEqual([
      {
        line: 1,
        message: 'Unknown diagram type "zzzzqqqq".',
        fix: 'Start the block with a diagram type Mermaid knows, such as flowchart LR, sequenceDiagram or stateDiagram-v2.',
      },
    ]);
  });
});
