/**
 * What a writer reads for each syntax problem in an ```estimate block, whole: the error code the
 * content check groups by ("syntax"), the line, the message and the fix. parse-errors.test.ts
 * covers where each problem is found; this file pins the full text of every fix and the edges of
 * the "a reason a reader can check" rule.
 */
import { describe, expect, it } from 'vitest';
import { parseChain } from './parse.ts';

const errorsOf = (...lines: string[]) => parseChain(lines.join('\n')).errors;
const HEAD = ['id: test-chain', 'title: A test chain'];
const syntax = (line: number, message: string, fix: string) => ({ code: 'syntax', line, message, fix });

describe('every syntax error, with its code and fix', () => {
  it('indentation and attributes', () => {
    expect(errorsOf(...HEAD, '  label: Orphan', 'x = 2', '  label: Two', '  not an attribute', '  color: red')).toEqual([
      syntax(3, 'An indented line must follow a statement it describes.', 'Remove the indentation, or move the line under its statement.'),
      syntax(6, '"not an attribute" is not an attribute.', 'Write "key: value", one of: label, basis, from-peak, mix, note.'),
      syntax(7, '"x" has no attribute "color".', 'Use one of: label, basis, from-peak, mix, note.'),
    ]);
  });

  it('headers, sections and lines that are not statements', () => {
    expect(errorsOf(...HEAD, 'x = 2', '  label: Two', 'title: Late title', 'section:', 'compute y')).toEqual([
      syntax(5, '"title:" belongs at the top of the block.', 'Move it above the first statement.'),
      syntax(6, 'A section needs a title.', 'Write "section: Playback starts".'),
      syntax(
        7,
        '"compute y" is not a statement.',
        'Write "figure name = figure-id", "use name from chain-id", "assume name = value unit" or "name = expression -> unit" (attributes go on indented lines below).',
      ),
    ]);
  });

  it('names, expressions and units', () => {
    expect(
      errorsOf(
        ...HEAD,
        'Peak = 2',
        '  label: Two',
        'x =  -> s',
        '  label: None',
        'y = 2 ->',
        '  label: No unit',
        'y = 3',
        '  label: Again',
      ),
    ).toEqual([
      syntax(
        3,
        '"Peak" is not a usable name.',
        'Names start with a lower-case letter and use letters and digits only, such as peakStreams.',
      ),
      syntax(5, '"x" has no expression.', 'Write the value or the arithmetic after "=".'),
      syntax(7, '"y" has "->" but no unit after it.', 'Write the unit to show the result in, such as "-> start/s", or remove "->".'),
      syntax(9, '"y" is already defined on line 7.', 'Give each quantity its own name.'),
    ]);
  });

  it('required attributes, bases and reasons', () => {
    expect(errorsOf(...HEAD, 'assume a = 2', '  basis: average', 'b = a', '  from-peak: because')).toEqual([
      syntax(
        3,
        '"a" needs a label.',
        'Add an indented "label:" line saying what the number is, such as "label: Starts a second at the evening peak".',
      ),
      syntax(3, '"a" needs a why.', 'Add an indented "why:" line saying why the assumption is reasonable.'),
      syntax(4, '"average" is not a basis.', 'Use one of: mean, peak, factor.'),
      syntax(
        5,
        '"b" needs a label.',
        'Add an indented "label:" line saying what the number is, such as "label: Starts a second at the evening peak".',
      ),
      syntax(6, '"from-peak:" needs a reason a reader can check.', 'Say in a sentence why this step deliberately does it.'),
    ]);
  });

  it('the header: id, title and scenario, and an empty block', () => {
    expect(errorsOf('id: Bad_Id', 'title: Shrt', 'scenario: live-event')).toEqual([
      syntax(1, '"Bad_Id" is not a chain id.', 'Start the block with "id: <lower-case-words-joined-by-hyphens>", unique on the page.'),
      syntax(2, 'The block has no "title:" line.', 'Add "title: <what the chain works out>"; it becomes the table caption.'),
      syntax(
        3,
        'A scenario needs a label (lower-case words joined by hyphens) and an indented "why:" line.',
        'Write "scenario: live-event" and below it "  why: <how this differs from the baseline, and why>".',
      ),
      syntax(1, 'The block has no statements.', 'Add figures, assumptions and steps.'),
    ]);
  });
});

describe('a reason a reader can check', () => {
  it('counts the words, not blank continuation lines', () => {
    // "because" and eight blank continuation lines make fifteen characters only with the spaces.
    const blanks = Array.from({ length: 8 }, () => '  from-peak:');
    expect(errorsOf(...HEAD, 'b = 2', '  label: B', '  from-peak: because', ...blanks).map((e) => e.message)).toEqual([
      '"from-peak:" needs a reason a reader can check.',
    ]);
    const why = Array.from({ length: 8 }, () => '  why:');
    expect(errorsOf(...HEAD, 'scenario: live-event', '  why: because', ...why, 'x = 2', '  label: Two').map((e) => e.line)).toEqual([3]);
  });

  it('accepts a reason of exactly fifteen characters', () => {
    expect('A reason of 15.').toHaveLength(15);
    expect(errorsOf(...HEAD, 'b = 2', '  label: B', '  mix: A reason of 15.')).toEqual([]);
    expect(errorsOf(...HEAD, 'scenario: live-event', '  why: A reason of 15.', 'x = 2', '  label: Two')).toEqual([]);
  });

  it('keeps a scenario reason without the spaces blank continuation lines add', () => {
    const { chain } = parseChain(
      [...HEAD, 'scenario: live-event', '  why: The final draws everyone at once.', '  why:', 'x = 2', '  label: Two'].join('\n'),
    );
    expect(chain!.scenario).toEqual({ label: 'live-event', why: 'The final draws everyone at once.', line: 3 });
  });
});

describe('statements as writers space them', () => {
  it('reads figures, uses, assumptions and steps with extra spaces and trailing blanks', () => {
    const { chain, errors } = parseChain(
      [
        'id:   spaced-chain   ',
        'title:    Spaced out chain',
        'figure   views   =   hours-viewed',
        'use  peak  from  other-chain ',
        'assume   days   =   184 day   ',
        '  label:   Days',
        '  why:   July to December.',
        'total   =   views / days   ->   stream',
        '  label: Total',
      ].join('\n'),
    );
    expect(errors).toEqual([]);
    expect(chain).toMatchObject({ id: 'spaced-chain', title: 'Spaced out chain' });
    expect(chain!.statements).toMatchObject([
      { kind: 'figure', name: 'views', figureId: 'hours-viewed' },
      { kind: 'use', name: 'peak', chainId: 'other-chain' },
      {
        kind: 'assume',
        name: 'days',
        expression: '184 day',
        attributes: { label: { value: 'Days' }, why: { value: 'July to December.' } },
      },
      { kind: 'step', name: 'total', expression: 'views / days', unit: 'stream' },
    ]);
  });

  it('refuses a keyword glued to other text, and a figure or use with more than one id', () => {
    expect(
      errorsOf(...HEAD, 'afigure b = c', 'figure x = a b', 'reuse y from c', 'use y from c d', 'reassume z = 2').map((e) => e.message),
    ).toEqual([
      '"afigure b = c" is not a statement.',
      '"figure x = a b" is not a statement.',
      '"reuse y from c" is not a statement.',
      '"use y from c d" is not a statement.',
      '"reassume z = 2" is not a statement.',
      'The block has no statements.',
    ]);
  });

  it('skips comments, indented or not', () => {
    expect(errorsOf(...HEAD, '# a comment', 'x = 2', '  # a note on x', '  label: Two')).toEqual([]);
  });

  it('takes a header or attribute only at the start of its line', () => {
    expect(errorsOf(...HEAD, 'x = 2', '  label: Two', '  see label: here').map((e) => e.message)).toEqual([
      '"see label: here" is not an attribute.',
    ]);
    expect(errorsOf(...HEAD, 'my id: x').map((e) => e.message)).toEqual(['"my id: x" is not a statement.', 'The block has no statements.']);
  });
});
