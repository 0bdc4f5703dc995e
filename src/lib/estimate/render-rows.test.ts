/**
 * What the estimate table says about each kind of row the guide's basic chain does not show: a
 * site-wide assumption, an outdated or reported figure, a figure with only a year or no date, a
 * step marked "from the peak" or "mixed" on purpose, a note, a scenario in the caption, and
 * sections as row groups; and how links and citations are written.
 */
import { describe, expect, it } from 'vitest';
import { runChain, type Figure } from './index.ts';
import { chainTree, monthYear, toHtml } from './render.ts';

const figure = (id: string, extra: Partial<Figure>): Figure => ({ id, title: id, value: 2, unit: '', status: 'verified', ...extra });

const FIGURES = new Map<string, Figure>(
  [
    figure('peak-factor', { basis: 'factor', status: 'assumption' }),
    figure('old-count', { value: 200e6, unit: 'stream', status: 'outdated', source: 'letter-2019', date: '2019' }),
    figure('press-count', { value: 300e6, unit: 'stream', status: 'unverified', source: 'press' }),
    figure('hours-viewed', { value: 96e9, unit: 'stream hour', basis: 'mean', status: 'verified', source: 'letter', date: '2026-07-01' }),
  ].map((f) => [f.id, f]),
);

function table(...lines: string[]): string {
  const result = runChain(['id: rows-chain', ...lines].join('\n'), FIGURES);
  expect(result.errors).toEqual([]);
  return toHtml(chainTree(result.chain!));
}

describe('the middle cell of each kind of row', () => {
  it('links a site-wide assumption, and names an outdated or reported figure with its date and source', () => {
    const html = table(
      'title: Where figures come from',
      'figure evening = peak-factor',
      'figure old = old-count',
      'figure press = press-count',
      'figure viewing = hours-viewed',
    );
    expect(html).toContain('<td><a href="/figures/#figure-peak-factor">Site-wide assumption</a></td>');
    expect(html).toContain('<td><a href="/figures/#figure-old-count">Outdated figure, 2019</a>[cite:letter-2019]</td>');
    expect(html).toContain('<td><a href="/figures/#figure-press-count">Reported</a>[cite:press]</td>');
    expect(html).toContain('<a href="/figures/#figure-hours-viewed">Published, July 2026</a>[cite:letter]');
  });

  it('marks a step taken from the peak or mixing mean and peak on purpose, and shows its note', () => {
    const html = table(
      'title: Deliberate choices',
      'figure viewing = hours-viewed',
      'figure evening = peak-factor',
      'meanStreams = viewing / 184 day -> stream',
      '  label: Concurrent streams',
      'peakStreams = meanStreams * evening -> stream',
      '  label: Streams at the evening peak',
      'capacity = peakStreams * 1 day -> stream hour',
      '  label: Capacity paid for all day',
      '  from-peak: Servers are provisioned for the peak all day.',
      '  note: Rounded to the nearest stream-hour.',
      'blend = peakStreams + meanStreams -> stream',
      '  label: A blend',
      '  mix: The test adds them on purpose to show the marker.',
    );
    expect(html).toContain('<span class="est-marker">From the peak on purpose: Servers are provisioned for the peak all day.</span>');
    expect(html).toContain('<span class="est-note">Rounded to the nearest stream-hour.</span>');
    expect(html).toContain(
      '<span class="est-marker">Mean and peak together on purpose: The test adds them on purpose to show the marker.</span>',
    );
  });
});

describe('the table around the rows', () => {
  it('puts the scenario in the caption and each section in its own row group', () => {
    const html = table(
      'title: A live final',
      'scenario: live-event-final',
      '  why: The final draws far more viewers at once.',
      'section: Inputs',
      'figure evening = peak-factor',
      'section: Results',
      'doubled = evening * 2',
      '  label: Doubled',
    );
    expect(html).toContain(
      '<caption>A live final<span class="est-scenario">Scenario (live event final): The final draws far more viewers at once.</span></caption>',
    );
    expect(html.match(/<tbody>/g)).toHaveLength(2);
    expect(html).toContain('<tbody><tr><th scope="colgroup" colspan="3" class="est-section">Inputs</th></tr><tr><th scope="row">');
    expect(html).toContain('<tbody><tr><th scope="colgroup" colspan="3" class="est-section">Results</th></tr>');
  });

  it('escapes text, rewrites links and writes citations as asked', () => {
    const tree = { tag: 'p', props: { href: '/a?b=1&c="2"', title: '<x>' }, children: ['1 < 2 & 3 > 2', { cite: 'src' }] };
    expect(toHtml(tree)).toBe('<p href="/a?b=1&amp;c=&quot;2&quot;" title="&lt;x&gt;">1 &lt; 2 &amp; 3 &gt; 2[cite:src]</p>');
    expect(toHtml(tree, { href: (path) => `/base${path}`, cite: (id) => `<sup>${id}</sup>` })).toBe(
      '<p href="/base/a?b=1&amp;c=&quot;2&quot;" title="&lt;x&gt;">1 &lt; 2 &amp; 3 &gt; 2<sup>src</sup></p>',
    );
  });

  it('writes dates as a month and year, a year alone, or nothing', () => {
    expect(monthYear('2026-01-20')).toBe('January 2026');
    expect(monthYear('2026-12')).toBe('December 2026');
    expect(monthYear('2024')).toBe('2024');
    expect(monthYear(undefined)).toBeUndefined();
    expect(monthYear('')).toBeUndefined();
  });
});
