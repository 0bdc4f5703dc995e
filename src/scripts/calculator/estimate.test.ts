import { describe, expect, it } from 'vitest';
import {
  concurrencySentence,
  DEFAULT_INPUTS,
  estimate,
  estimateSteps,
  fromQuery,
  INPUT_SPECS,
  parseField,
  readInputs,
  toQuery,
  type EstimateInputs,
} from './estimate.ts';
import { formatBitRate, formatBytes, formatCount } from './format.ts';

/** The estimation guide's worked correction: 100M daily actives, 5% at the peak, one-hour sessions. */
const GUIDE: EstimateInputs = {
  ...DEFAULT_INPUTS,
  members: 100_000_000,
  dailyActivePercent: 100,
  peakConcurrentPercent: 5,
  sessionMinutes: 60,
  eveningPeakFactor: 3,
  launchBurstFactor: 10,
  bitrateMbps: 5,
  homeLoadsPerDay: 4,
  eventsPerStreamMinute: 3,
  eventBytes: 500,
  retentionDays: 365,
};

const spec = (name: string) => INPUT_SPECS.find((s) => s.name === name)!;

describe('estimate', () => {
  it('turns 5,000,000 concurrent streams and one-hour sessions into about 1,389 starts a second', () => {
    const result = estimate(GUIDE);
    expect(result.peakConcurrent).toBe(5_000_000);
    expect(result.sessionSeconds).toBe(3600);
    expect(result.startsPeak).toBeCloseTo(5_000_000 / 3600, 6);
    expect(formatCount(result.startsPeak)).toBe('1,389');
    expect(formatCount(result.startsBurst)).toBe('13,889');
    expect(formatCount(result.startsAverage)).toBe('463');
  });

  it('gives 25 Tbps for 5 million streams at 5 Mbps', () => {
    const result = estimate(GUIDE);
    expect(result.bandwidthPeak).toBe(25e12);
    expect(formatBitRate(result.bandwidthPeak)).toBe('25 Tbps');
  });

  it('matches the guide’s home-screen arithmetic (100M × 4 ÷ 86,400 s ≈ 4,630, about 14,000 at a 3× peak)', () => {
    const result = estimate(GUIDE);
    expect(result.homeLoadsPerDay).toBe(400_000_000);
    expect(formatCount(result.homeReadsAverage)).toBe('4,630');
    expect(formatCount(result.homeReadsPeak)).toBe('13,889');
  });

  it('sizes events at the peak and storage at the average', () => {
    const result = estimate(GUIDE);
    // 5M streams × 3 a minute ÷ 60 s = 250,000 events/s at the peak; a third of that on average.
    expect(result.eventsPeak).toBe(250_000);
    expect(result.eventsAverage).toBeCloseTo(250_000 / 3, 6);
    // 83,333 events/s × 86,400 s × 500 B = 3.6 TB a day; × 365 days = 1.31 PB.
    expect(formatBytes(result.eventBytesPerDay)).toBe('3.6 TB');
    expect(formatBytes(result.eventBytesRetained)).toBe('1.31 PB');
  });

  it('reports the viewing time the assumptions imply, as a sanity check', () => {
    // 5M ÷ 3 average streams × 24 h ÷ 100M accounts = 0.4 hours a day.
    expect(estimate(GUIDE).viewingHoursPerActive).toBeCloseTo(0.4, 10);
  });

  it('defaults to 325 million members (the Q4 2025 letter)', () => {
    expect(DEFAULT_INPUTS.members).toBe(325_000_000);
    expect(spec('members').note).toContain('Q4 2025 letter');
    const result = estimate(DEFAULT_INPUTS);
    expect(result.dailyActives).toBe(97_500_000);
    expect(result.peakConcurrent).toBe(4_875_000);
  });
});

describe('the worked steps', () => {
  it('show the arithmetic and a unit at every step', () => {
    const groups = estimateSteps(GUIDE);
    const steps = Object.fromEntries(groups.flatMap((g) => g.steps).map((s) => [s.id, s]));
    expect(steps['starts-peak']).toMatchObject({ math: '5,000,000 streams ÷ 3,600 s', result: '1,389 starts/s' });
    expect(steps['bandwidth-peak']).toMatchObject({ math: '5,000,000 streams × 5 Mbps', result: '25 Tbps' });
    expect(steps['daily-actives']).toMatchObject({ math: '100,000,000 members × 100%', result: '100,000,000 accounts a day' });
    expect(steps['home-average']!.result).toBe('4,630 reads/s');
    for (const step of Object.values(steps)) expect(step.result, step.id).toMatch(/[a-zA-Z/]/);
  });
});

describe('the concurrency sentence', () => {
  it('says how many starts a second the concurrency really is', () => {
    expect(concurrencySentence(GUIDE)).toBe(
      '5,000,000 concurrent streams is not 5,000,000 requests per second: with sessions of 60 minutes it is about 1,389 starts per second.',
    );
    expect(concurrencySentence({ ...GUIDE, sessionMinutes: 30 })).toContain('sessions of 30 minutes it is about 2,778 starts per second');
  });
});

describe('reading the fields', () => {
  it('accepts thousands separators and spaces', () => {
    expect(parseField(spec('members'), '325,000,000')).toEqual({ ok: true, value: 325_000_000 });
    expect(parseField(spec('members'), ' 325 000 000 ')).toEqual({ ok: true, value: 325_000_000 });
    expect(parseField(spec('bitrateMbps'), '2.5')).toEqual({ ok: true, value: 2.5 });
  });

  it('explains what is wrong with a value', () => {
    const message = (name: string, text: string) => {
      const result = parseField(spec(name), text);
      return result.ok ? `accepted ${result.value}` : result.message;
    };
    expect(message('members', '')).toContain('Enter a number');
    expect(message('members', 'lots')).toContain('is not a number');
    expect(message('members', '1.5')).toContain('whole number');
    expect(message('dailyActivePercent', '0')).toBe('Enter more than 0.');
    expect(message('dailyActivePercent', '120')).toBe('Enter at most 100.');
    expect(message('eveningPeakFactor', '0.5')).toBe('Enter 1 or more.');
    expect(message('sessionMinutes', '-5')).toBe('Enter 1 or more.');
  });

  it('returns inputs only when every field is valid, with a message per invalid field', () => {
    expect(readInputs({}).inputs).toEqual(DEFAULT_INPUTS);
    const bad = readInputs({ members: 'x', sessionMinutes: '0', bitrateMbps: '8' });
    expect(bad.inputs).toBeNull();
    expect(Object.keys(bad.errors).sort()).toEqual(['members', 'sessionMinutes']);
    expect(readInputs({ bitrateMbps: '8' }).inputs?.bitrateMbps).toBe(8);
  });
});

describe('sharing a calculation in the query string', () => {
  it('keeps only the fields that differ from the defaults, and reads them back', () => {
    expect(toQuery(DEFAULT_INPUTS)).toBe('');
    const changed = { ...DEFAULT_INPUTS, members: 400_000_000, sessionMinutes: 45 };
    const query = toQuery(changed);
    expect(query).toBe('members=400000000&session=45');
    expect(readInputs(fromQuery(`?${query}`)).inputs).toEqual(changed);
  });

  it('ignores unknown keys and reports bad values like typed ones', () => {
    expect(fromQuery('?utm=1&burst=7')).toEqual({ launchBurstFactor: '7' });
    expect(readInputs(fromQuery('?peak=abc')).errors.peakConcurrentPercent).toContain('not a number');
  });
});

describe('formatting', () => {
  it('rounds counts to what an estimate deserves', () => {
    expect(formatCount(1388.888)).toBe('1,389');
    expect(formatCount(12.345)).toBe('12.3');
    expect(formatCount(0.4)).toBe('0.4');
  });

  it('scales bits and bytes with decimal prefixes', () => {
    expect(formatBitRate(24_375_000_000_000)).toBe('24.4 Tbps');
    expect(formatBitRate(800e9)).toBe('800 Gbps');
    expect(formatBytes(375e6)).toBe('375 MB');
    expect(formatBytes(950e12)).toBe('950 TB');
  });
});
