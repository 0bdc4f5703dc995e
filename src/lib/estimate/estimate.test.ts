/**
 * The estimate evaluator on good and bad chains: values and units, every kind of error with its
 * line inside the block, mean versus peak, and rounding for speech.
 */
import { describe, expect, it } from 'vitest';
import { runChain, type Figure } from './index.ts';
import { parseChain } from './parse.ts';
import { speak, speakNumber } from './speech.ts';
import { unitSpeech } from './units.ts';
import { findEstimateBlocks, replaceTokens, resolveToken } from './blocks.ts';
import { resolveEntry } from './loader.ts';
import { chainTree, toHtml } from './render.ts';

const FIGURES = new Map<string, Figure>(
  (
    [
      {
        id: 'hours-viewed',
        title: 'Hours viewed in a half-year',
        value: 96e9,
        unit: 'stream hour',
        basis: 'mean',
        status: 'verified',
        source: 'letter',
        date: '2026-01-20',
      },
      {
        id: 'live-peak',
        title: 'Live peak',
        value: 65e6,
        unit: 'stream',
        basis: 'peak',
        status: 'verified',
        source: 'statement',
        date: '2024-11-15',
      },
      { id: 'peak-factor', title: 'Evening peak factor', value: 2, unit: '', basis: 'factor', status: 'assumption' },
      { id: 'session', title: 'Average session', value: 45, unit: 'minute', status: 'assumption' },
    ] satisfies Figure[]
  ).map((f) => [f.id, f]),
);

/** A chain from lines, so each test reads like the block an author writes. */
const chain = (...lines: string[]) => ['id: test-chain', 'title: A chain under test', ...lines].join('\n');

const BASE = [
  'figure viewing = hours-viewed',
  'assume halfYear = 184 day',
  '  label: Days in the half-year',
  '  why: July 1 to December 31.',
  'meanStreams = viewing / halfYear -> stream',
  '  label: Average concurrent streams',
  'figure evening = peak-factor',
  'peakStreams = meanStreams * evening -> stream',
  '  label: Concurrent streams at the evening peak',
];

function rows(text: string) {
  const result = runChain(text, FIGURES);
  expect(result.errors).toEqual([]);
  return Object.fromEntries(result.chain!.rows.map((r) => [r.name, r]));
}

function errors(text: string) {
  const result = runChain(text, FIGURES);
  expect(result.chain).toBeUndefined();
  return result.errors;
}

describe('a good chain', () => {
  it('computes each step with units, from the published viewing hours to starts and bandwidth', () => {
    const r = rows(
      chain(
        ...BASE,
        'figure session = session',
        'startsPeak = peakStreams / session -> start/s',
        '  label: Starts a second at the evening peak',
        'assume bitrate = 5 Mbps/stream',
        '  label: Mean bitrate',
        '  why: A mix of phones, HD and 4K.',
        'egressPeak = peakStreams * bitrate -> bps',
        '  label: Edge egress at the evening peak',
        'egressDaily = meanStreams * bitrate * 1 day -> B',
        '  label: Bytes delivered a day',
      ),
    );
    expect(r.meanStreams!.value).toBeCloseTo(96e9 / (184 * 24), 0);
    expect(r.meanStreams!.spoken).toBe('about 22 million streams');
    expect(r.meanStreams!.arithmetic).toBe('96 billion stream-hours ÷ 184 days');
    expect(r.peakStreams!.spoken).toBe('about 43 million streams');
    expect(r.peakStreams!.arithmetic).toBe('21.7 million streams × 2×');
    expect(r.startsPeak!.value).toBeCloseTo((2 * 96e9) / (184 * 24) / 2700, 3);
    expect(r.startsPeak!.spoken).toBe('about 16,000 starts a second');
    expect(r.egressPeak!.spoken).toBe('about 220 Tbps');
    expect(r.egressDaily!.spoken).toBe('about 1.2 EB');
    expect(r.egressDaily!.arithmetic).toBe('21.7 million streams × 5 Mbps per stream × 1 day');
  });

  it('tracks mean and peak: a mean times a factor is a peak, a peak divided by it is a mean', () => {
    const r = rows(
      chain(
        ...BASE,
        'backToMean = peakStreams / evening -> stream',
        '  label: Streams on an average moment, from the peak',
        'figure live = live-peak',
        'liveShare = live / peakStreams',
        '  label: The live record against an ordinary evening',
      ),
    );
    expect(r.viewing!.basis).toBe('mean');
    expect(r.meanStreams!.basis).toBe('mean');
    expect(r.peakStreams!.basis).toBe('peak');
    expect(r.backToMean!.basis).toBe('mean');
    expect(r.backToMean!.value).toBeCloseTo(r.meanStreams!.value, 6);
    expect(r.liveShare!.basis).toBe('peak');
    expect(r.liveShare!.spoken).toBe('about 1.5');
    expect(r.evening!.spoken).toBe('2×');
  });

  it('shows inputs exactly and derived steps rounded, with "about" only when rounding changed them', () => {
    const r = rows(chain(...BASE, 'assume eventSize = 300 B/event', '  label: Event size', '  why: A compact record.'));
    expect(r.viewing!.spoken).toBe('96 billion stream-hours');
    expect(r.halfYear!.spoken).toBe('184 days');
    expect(r.eventSize!.spoken).toBe('300 B per event');
  });
});

describe('a bad chain fails with the line inside the block', () => {
  it('reports a unit mismatch: streams added to a rate', () => {
    const [error] = errors(chain(...BASE, 'figure session = session', 'wrong = peakStreams + peakStreams / session', '  label: Nonsense'));
    expect(error).toMatchObject({ code: 'unit-mismatch', line: 13 });
    expect(error!.message).toContain('units do not match');
  });

  it('reports a unit mismatch: a concurrency shown as a request rate (the 5M-QPS slip)', () => {
    const [error] = errors(chain(...BASE, 'qps = peakStreams -> request/s', '  label: Playback requests a second at the peak'));
    expect(error).toMatchObject({ code: 'unit-mismatch', line: 12 });
    expect(error!.message).toBe('"qps" comes out in stream, which cannot be shown in "request/s".');
  });

  it('reports an unknown figure and suggests the nearest id', () => {
    const [error] = errors(chain('figure viewing = hours-viewd'));
    expect(error).toMatchObject({ code: 'unknown-figure', line: 3, message: 'There is no figure "hours-viewd" in content/figures.' });
    expect(error!.fix).toBe('Did you mean "hours-viewed"?');
  });

  it('reports a name that is not defined, and one used before its line', () => {
    expect(errors(chain('x = missing * 2', '  label: Something'))[0]).toMatchObject({ code: 'unknown-name', line: 3 });
    const [early] = errors(chain('x = later * 2', '  label: Something', 'assume later = 3', '  label: Later', '  why: Defined after use.'));
    expect(early).toMatchObject({ code: 'unknown-name', line: 3, message: '"later" is used before it is defined (on line 5).' });
  });

  it('refuses a name that mathjs already uses for a unit or function', () => {
    expect(errors(chain('assume size = 2', '  label: Two', '  why: A reserved name.'))[0]).toMatchObject({ code: 'syntax', line: 3 });
  });

  it('explains that "min" is a function, not minutes', () => {
    const [error] = errors(chain('assume session = 40 min', '  label: Session', '  why: About an episode.'));
    expect(error).toMatchObject({ code: 'unknown-name', line: 3, fix: 'For minutes, write "minute".' });
  });

  it('reports division by zero and names the divisor', () => {
    const [error] = errors(
      chain('assume none = 0 s', '  label: A zero duration', '  why: To divide by it.', 'rate = 10 event / none', '  label: A rate'),
    );
    expect(error).toMatchObject({ code: 'division-by-zero', line: 6, message: '"10 event / none" divides by zero: none is 0.' });
  });

  it('reports an expression mathjs cannot read', () => {
    const [error] = errors(chain('x = (2 * 3', '  label: Unbalanced'));
    expect(error).toMatchObject({ code: 'expression', line: 3 });
  });

  it('reports syntax problems: a missing reason, a stray attribute, a repeated name', () => {
    const problems = errors(
      chain('assume a = 2', '  label: Two', 'b = a * 2', '  label: Four', '  colour: red', 'b = a * 3', '  label: Six'),
    );
    expect(problems.map((p) => [p.line, p.message])).toEqual([
      [7, '"b" has no attribute "colour".'],
      [3, '"a" needs a why.'],
      [8, '"b" is already defined on line 5.'],
    ]);
  });
});

describe('chains that build on each other', () => {
  it('reads a result from an earlier chain on the page with "use", keeping its value and basis', () => {
    const first = runChain(chain(...BASE), FIGURES).chain!;
    const second = runChain(
      [
        'id: cost',
        'title: What the peak costs',
        'use peakStreams from test-chain',
        'assume costPerStream = 2 USD/stream',
        '  label: Cost per stream',
        '  why: A round number for the test.',
        'total = peakStreams * costPerStream -> USD',
        '  label: Cost at the evening peak',
      ].join('\n'),
      FIGURES,
      new Map([[first.id, first]]),
    );
    expect(second.errors).toEqual([]);
    const rows = Object.fromEntries(second.chain!.rows.map((r) => [r.name, r]));
    expect(rows.peakStreams).toMatchObject({ kind: 'use', from: 'test-chain', basis: 'peak', spoken: 'about 43 million streams' });
    expect(rows.total!.spoken).toBe('about $87 million');
    expect(toHtml(chainTree(second.chain!))).toContain('<a href="#estimate-test-chain">From the estimate above</a>');
  });

  it('reports a chain or a name that is not above it', () => {
    expect(runChain(['id: x', 'title: A second chain', 'use peakStreams from nowhere'].join('\n'), FIGURES).errors[0]).toMatchObject({
      code: 'unknown-name',
      line: 3,
      message: 'There is no chain "nowhere" above this one on the page.',
    });
  });
});

describe('mean versus peak', () => {
  it('refuses a peak that names no peak factor', () => {
    const [error] = errors(chain(...BASE, 'peakAgain = meanStreams -> stream', '  label: Streams at the evening peak'));
    expect(error).toMatchObject({ code: 'mean-peak', line: 12 });
    expect(error!.message).toContain('labeled as a peak, but nothing in its arithmetic is a peak or a peak factor');
    const [declared] = errors(chain(...BASE, 'x = meanStreams * 2 -> stream', '  label: Streams, busy hour', '  basis: peak'));
    expect(declared!.message).toBe('"x" is declared "basis: peak", but its arithmetic makes it a mean.');
  });

  it('refuses a daily volume from a peak rate, the playback-service slip', () => {
    const lines = [
      ...BASE,
      'assume beat = 1 heartbeat/(stream minute)',
      '  label: Heartbeats per stream',
      '  why: One a minute.',
      'beatsPeak = peakStreams * beat -> event/s',
      '  label: Heartbeats a second at the peak',
      'assume beatSize = 300 B/heartbeat',
      '  label: Heartbeat size',
      '  why: A compact record.',
    ];
    const [error] = errors(chain(...lines, 'volume = beatsPeak * beatSize * 1 day -> TB', '  label: QoE volume a day'));
    expect(error).toMatchObject({ code: 'mean-peak', line: 20 });
    expect(error!.message).toContain('turns a peak rate (beatsPeak) into a volume over 1 day');
    // Shown per day, the same slip is caught by its unit.
    expect(errors(chain(...lines, 'volume = beatsPeak * beatSize -> TB/day', '  label: QoE volume'))[0]!.code).toBe('mean-peak');
    // From the average rate it is fine, and about half.
    const fixed = rows(chain(...lines, 'volume = beatsPeak / evening * beatSize * 1 day -> TB', '  label: QoE volume a day'));
    expect(fixed.volume!.basis).toBe('mean');
    expect(fixed.volume!.spoken).toBe('about 9.4 TB');
    // Deliberate, with a reason, it is allowed and the reason is kept for the page.
    const marked = rows(
      chain(
        ...lines,
        'volume = beatsPeak * beatSize * 1 day -> TB',
        '  label: Buffer for a day at the peak rate',
        '  from-peak: The buffer must hold a whole day even if every hour ran at the peak.',
      ),
    );
    expect(marked.volume!.fromPeak).toBe('The buffer must hold a whole day even if every hour ran at the peak.');
  });

  it('refuses a mean and a peak in one step unless it says why', () => {
    const text = chain(...BASE, 'figure live = live-peak', 'gap = live - meanStreams -> stream', '  label: Gap');
    expect(errors(text)[0]).toMatchObject({
      code: 'mean-peak',
      line: 13,
      message: '"gap" combines a peak (live) with a mean (meanStreams).',
    });
    expect(rows(`${text}\n  mix: Comparing the record with an average moment on purpose.`).gap!.spoken).toBe('about 43 million streams');
  });

  it('asks an assumption about a peak to say so', () => {
    const [error] = errors(chain('assume busy = 770000 event/s', '  label: Events at the peak', '  why: Taken from another page.'));
    expect(error).toMatchObject({ code: 'mean-peak', line: 3 });
  });
});

describe('rounding for speech', () => {
  const say = (value: number, unit: string, digits = 2) => speak(value, unitSpeech(unit), { digits });
  it('says counts with scale words and keeps two significant digits', () => {
    expect(say(21_739_130, 'stream')).toBe('about 22 million streams');
    expect(say(16_103, 'start/s')).toBe('about 16,000 starts a second');
    expect(say(1_389, 'start/s')).toBe('about 1,400 starts a second');
    expect(say(999_999_999, 'event')).toBe('about 1 billion events');
    expect(say(0.0417, '')).toBe('about 0.042');
    expect(say(1, 'stream', 6)).toBe('1 stream');
    expect(speakNumber(325_000_000, 6)).toBe('325 million');
  });
  it('picks the prefix for bytes and bits, and says money in dollars', () => {
    expect(say(1.17e12, 'bps')).toBe('about 1.2 Tbps');
    expect(say(9.39e12, 'B/day')).toBe('about 9.4 TB a day');
    expect(say(999_600, 'B')).toBe('about 1 MB');
    expect(say(2_629_800, 'USD/year')).toBe('about $2.6 million a year');
    expect(say(0.04, 'USD/(core hour)', 6)).toBe('$0.04 per core-hour');
    expect(say(0.05, '%')).toBe('5%');
  });
});

describe('blocks, tokens and rendering', () => {
  const page = ['Intro.', '', '```estimate', chain(...BASE), '```', '', 'Later text.', '```js', 'x', '```'].join('\n');
  it('finds estimate blocks and the line of their fence', () => {
    const blocks = findEstimateBlocks(page);
    expect(blocks).toHaveLength(1);
    expect(blocks[0]!.fenceLine).toBe(3);
    expect(parseChain(blocks[0]!.text).chain!.id).toBe('test-chain');
  });

  it('replaces [[chain.name]] tokens with the spoken result, and explains a bad one', () => {
    const chains = new Map([['test-chain', runChain(chain(...BASE), FIGURES).chain!]]);
    expect(replaceTokens('That is [[test-chain.peakStreams]] at once.', chains)).toBe('That is about 43 million streams at once.');
    expect(resolveToken('test-chain', 'nope', chains)).toMatchObject({
      ok: false,
      message: '[[test-chain.nope]]: the chain "test-chain" has no "nope".',
    });
    expect(resolveToken('other', 'x', chains)).toMatchObject({ ok: false });
  });

  it("says a flashcard's tokens from the chains of its page when the guide loads, and leaves other cards alone", () => {
    const card = { front: 'Peak concurrency?', back: '[[test-chain.peakStreams]] at the evening peak.' };
    const plain = { front: 'Seconds in a day?', back: '86,400.' };
    const entry = (flashcards: object[]) => ({
      id: 'guide',
      data: { flashcards },
      body: page,
      filePath: 'content/guides/g.mdx',
      digest: 'd',
    });
    const loaded = resolveEntry(entry([card, plain]), FIGURES).data as { flashcards: object[] };
    expect(loaded.flashcards[0]).toEqual({ front: 'Peak concurrency?', back: 'about 43 million streams at the evening peak.' });
    expect(loaded.flashcards[1]).toBe(plain);
    expect(() => resolveEntry(entry([{ front: 'x', back: '[[test-chain.nope]]' }]), FIGURES)).toThrow(
      /flashcards\[0\]\.back: .*has no "nope"/,
    );
  });

  it('renders a captioned table with row headers, the arithmetic, the basis in words and the source', () => {
    const html = toHtml(chainTree(runChain(chain(...BASE), FIGURES).chain!, { names: true }));
    expect(toHtml(chainTree(runChain(chain(...BASE), FIGURES).chain!))).not.toContain('data-name');
    expect(html).toContain(
      '<table class="estimate" id="estimate-test-chain" data-estimate="test-chain"><caption>A chain under test</caption>',
    );
    expect(html).toContain('<th scope="col">Quantity</th>');
    expect(html).toContain(
      '<tr data-name="peakStreams"><th scope="row">Concurrent streams at the evening peak <span class="est-basis est-peak">peak</span></th><td><span class="est-math">21.7 million streams × 2×</span></td><td class="est-result">about 43 million streams</td></tr>',
    );
    expect(html).toContain('<a href="/figures/#figure-hours-viewed">Published, January 2026</a>[cite:letter]');
    expect(html).toContain('<span class="est-kind">Assumption: </span>July 1 to December 31.');
  });
});
