/**
 * Every syntax problem an ```estimate block can have, each with the line inside the block where a
 * writer finds it and the fix the message gives: stray indentation, unknown attributes, headers
 * below statements, sections without titles, bad names and ids, missing expressions and units,
 * bases, reasons too short to check, scenarios, and an empty block. Also what a good block keeps:
 * continued attribute lines, sections, and the scenario.
 */
import { describe, expect, it } from 'vitest';
import { parseChain, type ChainError } from './parse.ts';

const problems = (...lines: string[]) => parseChain(lines.join('\n')).errors.map((e: ChainError) => [e.line, e.message]);
const fixes = (...lines: string[]) => parseChain(lines.join('\n')).errors.map((e: ChainError) => e.fix);
const HEAD = ['id: test-chain', 'title: A test chain'];

describe('syntax problems, at their line', () => {
  it('an indented line with no statement above it, or that is not "key: value"', () => {
    expect(problems(...HEAD, '  label: Orphan', 'x = 2', '  label: Two', '  not an attribute')).toEqual([
      [3, 'An indented line must follow a statement it describes.'],
      [6, '"not an attribute" is not an attribute.'],
    ]);
    expect(fixes(...HEAD, '  label: Orphan', 'x = 2', '  label: Two', '  Label: Two')).toEqual([
      'Remove the indentation, or move the line under its statement.',
      'Write "key: value", one of: label, basis, from-peak, mix, note.',
    ]);
  });

  it('a header line below the first statement, and a section with no title', () => {
    expect(problems(...HEAD, 'x = 2', '  label: Two', 'title: Late title', 'section:', 'y = x', '  label: Same')).toEqual([
      [5, '"title:" belongs at the top of the block.'],
      [6, 'A section needs a title.'],
    ]);
    expect(fixes(...HEAD, 'x = 2', '  label: Two', 'section:')).toEqual(['Write "section: Playback starts".']);
  });

  it('an indented line after a section belongs to nothing', () => {
    expect(problems(...HEAD, 'section: Starts', '  label: Stray', 'x = 2', '  label: Two')).toEqual([
      [4, 'An indented line must follow a statement it describes.'],
    ]);
  });

  it('a line that is not a statement, and the lines indented under it', () => {
    expect(problems(...HEAD, 'compute x', '  label: X', 'x = 2', '  label: Two')).toEqual([
      [3, '"compute x" is not a statement.'],
      [4, 'An indented line must follow a statement it describes.'],
    ]);
    expect(problems(...HEAD, 'figure = 2', '  label: Two')).toEqual([
      [3, '"figure = 2" is not a statement.'],
      [4, 'An indented line must follow a statement it describes.'],
      [1, 'The block has no statements.'],
    ]);
  });

  it('a name that is not usable, an assumption or step with no expression, an arrow with no unit', () => {
    expect(problems(...HEAD, 'Peak = 2', '  label: Two', 'x =  -> s', '  label: None', 'y = 2 ->', '  label: No unit')).toEqual([
      [3, '"Peak" is not a usable name.'],
      [5, '"x" has no expression.'],
      [7, '"y" has "->" but no unit after it.'],
    ]);
    expect(problems(...HEAD, 'assume z = 3 ->', '  label: Z', '  why: A reason long enough.')).toEqual([
      [3, '"z" has "->" but no unit after it.'],
    ]);
  });

  it('a missing label or why, a basis that is not one, and reasons too short to check', () => {
    expect(problems(...HEAD, 'assume a = 2', '  basis: average', 'b = a', '  label: B', '  from-peak: because', '  mix:  short  ')).toEqual(
      [
        [3, '"a" needs a label.'],
        [3, '"a" needs a why.'],
        [4, '"average" is not a basis.'],
        [7, '"from-peak:" needs a reason a reader can check.'],
        [8, '"mix:" needs a reason a reader can check.'],
      ],
    );
    expect(fixes(...HEAD, 'b = 2')).toEqual([
      'Add an indented "label:" line saying what the number is, such as "label: Starts a second at the evening peak".',
    ]);
    expect(fixes(...HEAD, 'assume a = 2', '  label: A', '  basis: average')).toEqual([
      'Add an indented "why:" line saying why the assumption is reasonable.',
      'Use one of: mean, peak, factor.',
    ]);
    // A reason of fifteen characters is enough.
    expect(problems(...HEAD, 'b = 2', '  label: B', '  mix: exactly 15 chars')).toEqual([]);
    expect(problems(...HEAD, 'b = 2', '  label: B', '  mix: fourteen chars')).toEqual([[5, '"mix:" needs a reason a reader can check.']]);
  });

  it('a block with no id, a bad id, no title or a title too short', () => {
    expect(problems('title: A test chain', 'x = 2', '  label: Two')).toEqual([[1, 'The block has no "id:" line.']]);
    expect(problems('id: Test_Chain', 'title: A test chain', 'x = 2', '  label: Two')).toEqual([[1, '"Test_Chain" is not a chain id.']]);
    expect(problems('', 'id: test-chain', 'x = 2', '  label: Two')).toEqual([[2, 'The block has no "title:" line.']]);
    expect(problems('id: test-chain', '', 'title: Shrt', 'x = 2', '  label: Two')).toEqual([[3, 'The block has no "title:" line.']]);
    expect(problems('x = 2', '  label: Two')).toEqual([
      [1, 'The block has no "id:" line.'],
      [1, 'The block has no "title:" line.'],
    ]);
    expect(parseChain('title: A test chain\nx = 2\n  label: Two').chain).toBeUndefined();
  });

  it('a scenario without a label or a reason', () => {
    const message = 'A scenario needs a label (lower-case words joined by hyphens) and an indented "why:" line.';
    expect(problems(...HEAD, 'scenario: Live Event', '  why: Because the final draws everyone.', 'x = 2', '  label: Two')).toEqual([
      [3, message],
    ]);
    expect(problems(...HEAD, 'scenario: live-event', 'x = 2', '  label: Two')).toEqual([[3, message]]);
    expect(problems(...HEAD, 'scenario: live-event', '  why: Too short.', 'x = 2', '  label: Two')).toEqual([[3, message]]);
    expect(problems(...HEAD, 'scenario: live-event', '  label: Not here', 'x = 2', '  label: Two')).toEqual([
      [4, 'A scenario has no attribute "label".'],
      [3, message],
    ]);
  });

  it('a block with only sections, comments and blank lines has no statements', () => {
    expect(problems(...HEAD, '# a comment', '', 'section: Only a section')).toEqual([[1, 'The block has no statements.']]);
  });
});

describe('what a good block keeps', () => {
  it('joins a continued attribute line, keeps sections in place and reads the scenario', () => {
    const { chain, errors } = parseChain(
      [
        'id: live-chain',
        'title:   Live final  ',
        'scenario: live-event',
        '  why: The final draws far more viewers than an evening.',
        '  why: All at once.',
        '# comment',
        'section: Starts',
        'assume a = 2 start/s',
        '  label: Starts',
        '  label: a second',
        '  why: A round number for the test.   ',
        'b = a * 2 -> start/s',
        '  label: Doubled',
      ].join('\n'),
    );
    expect(errors).toEqual([]);
    expect(chain).toMatchObject({
      id: 'live-chain',
      title: 'Live final',
      line: 1,
      scenario: { label: 'live-event', why: 'The final draws far more viewers than an evening. All at once.', line: 3 },
    });
    expect(chain!.statements.map((s) => [s.kind, s.line])).toEqual([
      ['section', 7],
      ['assume', 8],
      ['step', 12],
    ]);
    const assume = chain!.statements[1]!;
    expect(assume.kind === 'assume' && assume.attributes['label']).toEqual({ value: 'Starts a second', line: 9 });
    expect(assume).toMatchObject({ name: 'a', expression: '2 start/s' });
    expect(chain!.statements[2]).toMatchObject({ name: 'b', expression: 'a * 2', unit: 'start/s' });
    expect(parseChain('id: no-scenario\ntitle: No scenario here\nx = 2\n  label: Two').chain!.scenario).toBeUndefined();
  });

  it('reads figures and uses, and tells them from steps named like keywords', () => {
    const { chain } = parseChain(
      [
        'id: c',
        'title: Figures and uses',
        'figure views = hours-viewed',
        'use peak from other-chain',
        'usex = 2',
        '  label: Not a use',
      ].join('\n'),
    );
    expect(chain!.statements).toMatchObject([
      { kind: 'figure', name: 'views', figureId: 'hours-viewed', line: 3 },
      { kind: 'use', name: 'peak', chainId: 'other-chain', line: 4 },
      { kind: 'step', name: 'usex', expression: '2', line: 5 },
    ]);
  });
});
