/**
 * The whole table a reader sees for a small chain, as HTML: its head, one row group for rows
 * without a section, a published figure without a source (no citation), and money at zero.
 */
import { describe, expect, it } from 'vitest';
import { runChain, type Figure } from './index.ts';
import { chainTree, toHtml } from './render.ts';
import { speak } from './speech.ts';
import { unitSpeech } from './units.ts';

const FIGURES = new Map<string, Figure>([
  [
    'live-peak',
    { id: 'live-peak', title: 'Live peak', value: 65e6, unit: 'stream', basis: 'peak', status: 'verified', date: '2024-11-15' },
  ],
]);

describe('the table a reader sees', () => {
  it('has one head, one row group for rows without a section, and no citation for a figure without a source', () => {
    const { chain } = runChain(
      ['id: t', 'title: Two rows in one group', 'figure live = live-peak', 'y = live * 2 -> stream', '  label: Doubled at the peak'].join(
        '\n',
      ),
      FIGURES,
    );
    expect(toHtml(chainTree(chain!))).toBe(
      '<table class="estimate" id="estimate-t" data-estimate="t"><caption>Two rows in one group</caption>' +
        '<thead><tr><th scope="col">Quantity</th><th scope="col">Where it comes from</th><th scope="col">Result</th></tr></thead>' +
        '<tbody><tr><th scope="row">Live peak <span class="est-basis est-peak">peak</span></th>' +
        '<td><a href="/figures/#figure-live-peak">Published, November 2024</a></td><td class="est-result">65 million streams</td></tr>' +
        '<tr><th scope="row">Doubled at the peak <span class="est-basis est-peak">peak</span></th>' +
        '<td><span class="est-math">65 million streams × 2</span></td><td class="est-result">130 million streams</td></tr></tbody></table>',
    );
  });
});

describe('money', () => {
  it('says zero dollars without a minus sign, and a loss with one', () => {
    expect(speak(0, unitSpeech('USD'), { digits: 2 })).toBe('$0');
    expect(speak(-5, unitSpeech('USD/year'), { digits: 2 })).toBe('-$5 a year');
  });
});

describe('how a display unit is said, as the calculator receives it', () => {
  it('has nothing to say for no unit, and marks a percentage', () => {
    expect(unitSpeech('  ')).toEqual({ unit: '', singular: '', plural: '' });
    expect(unitSpeech('%')).toEqual({ unit: '%', singular: '', plural: '', percent: true });
    expect(speak(0.25, unitSpeech('%'), { digits: 2 })).toBe('25%');
  });

  it('carries money as a tail after the amount, with no count words', () => {
    expect(unitSpeech('USD/year')).toEqual({ unit: 'USD/year', singular: '', plural: '', money: { tail: ' a year' } });
  });
});

describe('names a chain may use', () => {
  it('may name a quantity like a mathjs constant, whose value it then replaces, but not like a function', () => {
    const { chain, errors } = runChain(
      [
        'id: t',
        'title: Constants as names',
        'assume phi = 2',
        '  label: Phi',
        '  why: A name mathjs also uses.',
        'x = phi * 3',
        '  label: X',
      ].join('\n'),
      FIGURES,
    );
    expect(errors).toEqual([]);
    expect(chain!.rows.map((r) => [r.name, r.value])).toEqual([
      ['phi', 2],
      ['x', 6],
    ]);
    expect(runChain(['id: t', 'title: Functions as names', 'sqrt = 2', '  label: Root'].join('\n'), FIGURES).errors[0]!.message).toBe(
      '"sqrt" is already the name of a unit or function, so it cannot name a quantity.',
    );
  });
});
