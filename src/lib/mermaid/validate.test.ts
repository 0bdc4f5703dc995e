/**
 * Mermaid's parser errors, translated: for each mistake contributors make most, the line it is
 * on, a sentence a newcomer understands, and the fix. Every case runs mermaid's real parser.
 */
import { describe, expect, it, vi } from 'vitest';

/**
 * validate.ts, loaded afresh for each test. Its tables (token words, arrows, reserved words) are
 * built when the module loads; a fresh load inside the test lets mutation testing credit the tests
 * that read them, instead of whichever test happened to load the module first.
 */
async function load() {
  vi.resetModules();
  return import('./validate.ts');
}

async function checkDiagram(source: string) {
  return (await load()).checkDiagram(source);
}

const FLOW = 'flowchart LR\n  accTitle: T\n  accDescr: D\n';
const SEQUENCE = 'sequenceDiagram\n  accTitle: T\n  accDescr: D\n';

async function explain(source: string) {
  const problems = await checkDiagram(source);
  expect(problems).toHaveLength(1);
  return problems[0]!;
}

describe('Mermaid errors in plain language', () => {
  it('an unclosed bracket names the shape, its line, and the closing bracket', async () => {
    const square = await explain(`${FLOW}  A --> B\n  B[Playback service\n  B --> C`);
    expect(square.line).toBe(5);
    expect(square.message).toBe('The shape "B[Playback service" opens with "[" but is never closed.');
    expect(square.fix).toMatch(/^Close the label with "\]", as in A\[Label\]/);
    const round = await explain(`${FLOW}  A(Client --> B`);
    expect(round.message).toBe('The shape "A(Client --> B" opens with "(" but is never closed.');
    expect(round.fix).toMatch(/^Close the label with "\)"/);
    const diamond = await explain(`${FLOW}  A{Cached? --> B`);
    expect(diamond.fix).toMatch(/^Close the label with "\}"/);
  });

  it('a bracket inside a label, or the wrong closing bracket, says to quote or match it', async () => {
    const inside = await explain(`${FLOW}  A[Cache [Redis]] --> B`);
    expect(inside).toEqual({
      line: 4,
      message: 'A label on this line contains "[", which Mermaid reads as the start of a shape.',
      fix: 'Put the label in double quotes: A["Cache [Redis]"].',
    });
    const paren = await explain(`${FLOW}  A[Client (web)] --> B`);
    expect(paren.fix).toBe('Put the label in double quotes: A["Client (web)"].');
    const cylinder = await explain(`${FLOW}  Client --> Gateway[API gateway --> Service --> Store[(Store)]`);
    expect(cylinder).toEqual({
      line: 4,
      message: 'The shape "Gateway[API gateway --> Service…" opens with "[" and is not closed before the next link.',
      fix: 'Close the label with "]" before the arrow, as in Gateway[API gateway] --> Service.',
    });
    const mismatched = await explain(`${FLOW}  A[Client) --> B`);
    expect(mismatched.message).toBe('A shape on this line opens with "[" but closes with ")".');
  });

  it('an unknown arrow names the arrow and lists the ones this diagram type has', async () => {
    for (const arrow of ['->', '=>', '->>', '-->>', '~>']) {
      const problem = await explain(`${FLOW}  A --> B\n  B ${arrow} C`);
      expect(problem.line, arrow).toBe(5);
      expect(problem.message).toBe(`"${arrow}" is not an arrow Mermaid knows in a flowchart.`);
      expect(problem.fix).toContain('A flowchart link is --> (arrow)');
    }
    const sequence = await explain(`${SEQUENCE}  A => B: hello`);
    expect(sequence.message).toBe('"=>" is not an arrow Mermaid knows in a sequenceDiagram.');
    expect(sequence.fix).toContain('A->>B: text');
    const state = await explain('stateDiagram-v2\n  accTitle: T\n  accDescr: D\n  Idle -> Playing');
    expect(state.fix).toBe('A state transition is A --> B (or A --> B: event).');
  });

  it('every arrow a flowchart accepts passes', async () => {
    expect(
      await checkDiagram(`${FLOW}  A --> B\n  A --- C\n  A -.-> D\n  A ==> E\n  A -- label --> F\n  A <--> G\n  A --o H\n  A --x I`),
    ).toEqual([]);
  });

  it('a reserved word used as an id is named, with a rename as the fix', async () => {
    const asTarget = await explain(`${FLOW}  A --> end`);
    expect(asTarget.line).toBe(4);
    expect(asTarget.message).toBe(
      '"end" cannot be a node or participant name: it is a word Mermaid reserves (it closes a subgraph or a loop, alt or opt block).',
    );
    expect(asTarget.fix).toBe('Rename it, for example "done", and show the word as its label: done["end"].');
    expect((await explain(`${FLOW}  end --> B`)).message).toMatch(/^"end" cannot be a node/);
    expect((await explain(`${SEQUENCE}  participant end\n  end ->> B: hi`)).line).toBe(4);
    // As a label it is fine.
    expect(await checkDiagram(`${FLOW}  A --> done[end]`)).toEqual([]);
  });

  it('a subgraph or loop without "end" points at the line that opens it', async () => {
    const subgraph = await explain(`${FLOW}  subgraph Edge\n  A --> B\n  B --> C`);
    expect(subgraph).toEqual({
      line: 4,
      message: 'The block that starts here ("subgraph Edge") is never closed.',
      fix: 'Add a line "end" after its last line.',
    });
    expect((await explain(`${SEQUENCE}  loop every minute\n  A ->> B: ping`)).line).toBe(4);
  });

  it('a sequence message without text says to add a colon and the text', async () => {
    const problem = await explain(`${SEQUENCE}  A ->> B hello`);
    expect(problem.message).toBe('A message on this line has no text after the arrow.');
  });

  it('an unknown diagram type suggests the nearest one', async () => {
    const problem = await explain('flowchat LR\n  accTitle: T\n  accDescr: D\n  A --> B');
    expect(problem.message).toBe('Unknown diagram type "flowchat". Did you mean "flowchart"?');
  });

  it('other errors keep the parser view, with token names spelled as characters', async () => {
    const { describeParseError } = await load();
    expect(describeParseError("Parse error on line 3:\n...\n---^\nExpecting 'SQE', 'PE', 'NEWLINE', got 'PS'")).toBe(
      'unexpected "(" (the parser expected one of: "]", ")", the end of the line).',
    );
    expect(describeParseError('Lexical error on line 4. Unrecognized text.\n...A ~ B\n---^')).toBe(
      'Unrecognized text (a character or word Mermaid does not expect here).',
    );
  });
});
