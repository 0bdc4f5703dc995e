/**
 * The estimation calculator's model, with no DOM: the inputs (units, defaults, limits), reading
 * what a reader typed, the arithmetic, and the worked steps shown on the page. The page renders
 * the default steps at build time from here, and the island re-renders them as the reader types,
 * so what the page shows without JavaScript and with it cannot drift apart.
 *
 * The model (the one on /system-design/estimation/):
 * - daily actives = paid members × daily-active share;
 * - concurrent streams at the evening peak = daily actives × peak concurrent share;
 * - the daily-average concurrency is the peak divided by the evening peak factor;
 * - playback starts per second = concurrency ÷ session length (Little's law, λ = L ÷ W), at the
 *   average, at the peak, and at the peak times the launch burst factor;
 * - home-screen reads = daily actives × loads a day ÷ 86,400 s, times the evening peak factor;
 * - events = concurrency × events per stream per minute ÷ 60 s;
 * - edge bandwidth = concurrency × bitrate;
 * - event storage = average events per second × 86,400 s × event size, then × retention days.
 */
import { formatBitRate, formatBytes, formatCount, formatInput } from './format.ts';

export const SECONDS_PER_DAY = 86_400;

export interface EstimateInputs {
  members: number;
  dailyActivePercent: number;
  peakConcurrentPercent: number;
  sessionMinutes: number;
  eveningPeakFactor: number;
  launchBurstFactor: number;
  bitrateMbps: number;
  homeLoadsPerDay: number;
  eventsPerStreamMinute: number;
  eventBytes: number;
  retentionDays: number;
}

export type InputName = keyof EstimateInputs;

export interface InputSpec {
  name: InputName;
  /** Key in the page's query string, kept short so shared links stay readable. */
  param: string;
  label: string;
  /** The unit, shown beside the field. */
  unit: string;
  default: number;
  min: number;
  /** Whether the minimum itself is allowed (a share of 0% is not). */
  minInclusive: boolean;
  max: number;
  integer: boolean;
  /** Where the default comes from: a public figure with its source, or an assumption. */
  note: string;
}

export interface InputGroup {
  id: string;
  legend: string;
  inputs: InputSpec[];
}

export const INPUT_GROUPS: InputGroup[] = [
  {
    id: 'audience',
    legend: 'Audience',
    inputs: [
      {
        name: 'members',
        param: 'members',
        label: 'Paid memberships',
        unit: 'accounts',
        default: 325_000_000,
        min: 1,
        minInclusive: true,
        max: 10_000_000_000,
        integer: true,
        note: 'Public figure: over 325 million paid memberships, Netflix’s Q4 2025 letter to shareholders (January 2026).',
      },
      {
        name: 'dailyActivePercent',
        param: 'daily',
        label: 'Daily-active share',
        unit: '% of members',
        default: 30,
        min: 0,
        minInclusive: false,
        max: 100,
        integer: false,
        note: 'Assumption: Netflix publishes no daily-active figure.',
      },
      {
        name: 'peakConcurrentPercent',
        param: 'peak',
        label: 'Streaming at the evening peak',
        unit: '% of daily actives',
        default: 5,
        min: 0,
        minInclusive: false,
        max: 100,
        integer: false,
        note: 'Assumption: the share of daily actives watching at the same moment in the busiest hour.',
      },
    ],
  },
  {
    id: 'sessions',
    legend: 'Sessions and peaks',
    inputs: [
      {
        name: 'sessionMinutes',
        param: 'session',
        label: 'Average session length',
        unit: 'minutes',
        default: 60,
        min: 1,
        minInclusive: true,
        max: 1440,
        integer: false,
        note: 'Assumption: how long a stream runs from start to stop (W in Little’s law).',
      },
      {
        name: 'eveningPeakFactor',
        param: 'evening',
        label: 'Evening peak factor',
        unit: '× the daily average',
        default: 3,
        min: 1,
        minInclusive: true,
        max: 100,
        integer: false,
        note: 'Assumption: how much busier the peak hour is than the average over the day.',
      },
      {
        name: 'launchBurstFactor',
        param: 'burst',
        label: 'Launch burst factor',
        unit: '× the evening peak',
        default: 5,
        min: 1,
        minInclusive: true,
        max: 100,
        integer: false,
        note: 'Assumption: the first minutes of a big release, on top of the peak (the guide uses 5 to 10).',
      },
    ],
  },
  {
    id: 'traffic',
    legend: 'Traffic per member and per stream',
    inputs: [
      {
        name: 'bitrateMbps',
        param: 'bitrate',
        label: 'Average stream bitrate',
        unit: 'Mbps',
        default: 5,
        min: 0,
        minInclusive: false,
        max: 1000,
        integer: false,
        note: 'Assumption: an average across devices and qualities, in megabits per second.',
      },
      {
        name: 'homeLoadsPerDay',
        param: 'home',
        label: 'Home-screen loads',
        unit: 'per daily active per day',
        default: 4,
        min: 0,
        minInclusive: true,
        max: 1000,
        integer: false,
        note: 'Assumption: how often an active account opens the home screen in a day.',
      },
      {
        name: 'eventsPerStreamMinute',
        param: 'events',
        label: 'Events per stream',
        unit: 'per minute',
        default: 3,
        min: 0,
        minInclusive: true,
        max: 6000,
        integer: false,
        note: 'Assumption: a heartbeat every 30 seconds plus one other event a minute.',
      },
      {
        name: 'eventBytes',
        param: 'size',
        label: 'Event size',
        unit: 'bytes',
        default: 500,
        min: 1,
        minInclusive: true,
        max: 10_000_000,
        integer: true,
        note: 'Assumption: one serialized event, before compression.',
      },
      {
        name: 'retentionDays',
        param: 'retention',
        label: 'Event retention',
        unit: 'days',
        default: 90,
        min: 1,
        minInclusive: true,
        max: 36_500,
        integer: true,
        note: 'Assumption: how long raw events are kept.',
      },
    ],
  },
];

export const INPUT_SPECS: InputSpec[] = INPUT_GROUPS.flatMap((group) => group.inputs);

export const DEFAULT_INPUTS = Object.fromEntries(INPUT_SPECS.map((spec) => [spec.name, spec.default])) as unknown as EstimateInputs;

export type ParseResult = { ok: true; value: number } | { ok: false; message: string };

/**
 * Reads one field. Accepts thousands separators and spaces ("325,000,000", "325 000 000"), so
 * a reader can type a big number the way it is written in the guide.
 */
export function parseField(spec: InputSpec, text: string): ParseResult {
  const cleaned = text.trim().replace(/[\s,_]/g, '');
  if (cleaned === '') return { ok: false, message: `Enter a number of ${spec.unit}, such as ${formatInput(spec.default)}.` };
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(cleaned)) {
    return { ok: false, message: `“${text.trim()}” is not a number. Use digits, such as ${formatInput(spec.default)}.` };
  }
  const value = Number(cleaned);
  if (!Number.isFinite(value)) return { ok: false, message: `That number is too large. Enter at most ${formatInput(spec.max)}.` };
  if (spec.integer && !Number.isInteger(value))
    return { ok: false, message: `Enter a whole number, such as ${formatInput(spec.default)}.` };
  if (spec.minInclusive ? value < spec.min : value <= spec.min) {
    return {
      ok: false,
      message: spec.minInclusive ? `Enter ${formatInput(spec.min)} or more.` : `Enter more than ${formatInput(spec.min)}.`,
    };
  }
  if (value > spec.max) return { ok: false, message: `Enter at most ${formatInput(spec.max)}.` };
  return { ok: true, value };
}

export interface ReadResult {
  /** Present when every field is valid. */
  inputs: EstimateInputs | null;
  /** A message per invalid field. */
  errors: Partial<Record<InputName, string>>;
}

/** Reads every field; a field left out of `raw` takes its default. */
export function readInputs(raw: Partial<Record<InputName, string>>): ReadResult {
  const values: Partial<EstimateInputs> = {};
  const errors: Partial<Record<InputName, string>> = {};
  for (const spec of INPUT_SPECS) {
    const text = raw[spec.name];
    if (text === undefined) {
      values[spec.name] = spec.default;
      continue;
    }
    const result = parseField(spec, text);
    if (result.ok) values[spec.name] = result.value;
    else errors[spec.name] = result.message;
  }
  return { inputs: Object.keys(errors).length === 0 ? (values as EstimateInputs) : null, errors };
}

export interface Estimate {
  dailyActives: number;
  peakConcurrent: number;
  averageConcurrent: number;
  /** Stream-hours a day per daily active implied by the assumptions: a sanity check. */
  viewingHoursPerActive: number;
  sessionSeconds: number;
  startsAverage: number;
  startsPeak: number;
  startsBurst: number;
  homeLoadsPerDay: number;
  homeReadsAverage: number;
  homeReadsPeak: number;
  eventsAverage: number;
  eventsPeak: number;
  bandwidthAverage: number;
  bandwidthPeak: number;
  eventBytesPerDay: number;
  eventBytesRetained: number;
}

export function estimate(inputs: EstimateInputs): Estimate {
  const dailyActives = inputs.members * (inputs.dailyActivePercent / 100);
  const peakConcurrent = dailyActives * (inputs.peakConcurrentPercent / 100);
  const averageConcurrent = peakConcurrent / inputs.eveningPeakFactor;
  const sessionSeconds = inputs.sessionMinutes * 60;
  // Little's law, λ = L ÷ W: streams in progress divided by how long each lasts.
  const startsPeak = peakConcurrent / sessionSeconds;
  const homeLoadsPerDay = dailyActives * inputs.homeLoadsPerDay;
  const homeReadsAverage = homeLoadsPerDay / SECONDS_PER_DAY;
  const eventsPerStreamSecond = inputs.eventsPerStreamMinute / 60;
  const eventsAverage = averageConcurrent * eventsPerStreamSecond;
  const bitsPerStream = inputs.bitrateMbps * 1_000_000;
  // Storage follows the average rate, not the peak: a day holds every hour, busy or quiet.
  const eventBytesPerDay = eventsAverage * SECONDS_PER_DAY * inputs.eventBytes;
  return {
    dailyActives,
    peakConcurrent,
    averageConcurrent,
    viewingHoursPerActive: (averageConcurrent * 24) / dailyActives,
    sessionSeconds,
    startsAverage: averageConcurrent / sessionSeconds,
    startsPeak,
    startsBurst: startsPeak * inputs.launchBurstFactor,
    homeLoadsPerDay,
    homeReadsAverage,
    homeReadsPeak: homeReadsAverage * inputs.eveningPeakFactor,
    eventsAverage,
    eventsPeak: peakConcurrent * eventsPerStreamSecond,
    bandwidthAverage: averageConcurrent * bitsPerStream,
    bandwidthPeak: peakConcurrent * bitsPerStream,
    eventBytesPerDay,
    eventBytesRetained: eventBytesPerDay * inputs.retentionDays,
  };
}

export interface Step {
  id: string;
  label: string;
  /** The arithmetic with the numbers in it. */
  math: string;
  /** The result with its unit. */
  result: string;
}

export interface StepGroup {
  id: string;
  title: string;
  steps: Step[];
  /** A sentence under the steps, when the group needs one. */
  note?: string;
}

const n = formatCount;
const minutes = (value: number) => `${formatInput(value)} ${value === 1 ? 'minute' : 'minutes'}`;

/** The worked steps, with the arithmetic and a unit at each one. */
export function estimateSteps(inputs: EstimateInputs, result: Estimate = estimate(inputs)): StepGroup[] {
  const r = result;
  const hours = r.viewingHoursPerActive;
  return [
    {
      id: 'streams',
      title: 'Streams',
      steps: [
        {
          id: 'daily-actives',
          label: 'Daily actives',
          math: `${formatInput(inputs.members)} members × ${formatInput(inputs.dailyActivePercent)}%`,
          result: `${n(r.dailyActives)} accounts a day`,
        },
        {
          id: 'peak-concurrent',
          label: 'Concurrent streams at the evening peak (L)',
          math: `${n(r.dailyActives)} × ${formatInput(inputs.peakConcurrentPercent)}%`,
          result: `${n(r.peakConcurrent)} streams`,
        },
        {
          id: 'average-concurrent',
          label: 'Concurrent streams, daily average',
          math: `${n(r.peakConcurrent)} ÷ ${formatInput(inputs.eveningPeakFactor)} (evening peak factor)`,
          result: `${n(r.averageConcurrent)} streams`,
        },
        {
          id: 'viewing-hours',
          label: 'Sanity check: viewing implied per daily active',
          math: `${n(r.averageConcurrent)} streams × 24 h ÷ ${n(r.dailyActives)} accounts`,
          result: `${formatCount(hours)} hours a day (${n(hours * 60)} minutes)`,
        },
      ],
      note: 'If the implied viewing time looks too low or too high for an account, change the shares before going on.',
    },
    {
      id: 'starts',
      title: 'Playback starts per second (Little’s law: λ = L ÷ W)',
      steps: [
        {
          id: 'session-seconds',
          label: 'Session length (W)',
          math: `${minutes(inputs.sessionMinutes)} × 60 s`,
          result: `${n(r.sessionSeconds)} s`,
        },
        {
          id: 'starts-average',
          label: 'Starts, daily average',
          math: `${n(r.averageConcurrent)} streams ÷ ${n(r.sessionSeconds)} s`,
          result: `${n(r.startsAverage)} starts/s`,
        },
        {
          id: 'starts-peak',
          label: 'Starts at the evening peak',
          math: `${n(r.peakConcurrent)} streams ÷ ${n(r.sessionSeconds)} s`,
          result: `${n(r.startsPeak)} starts/s`,
        },
        {
          id: 'starts-burst',
          label: 'Starts in a launch burst',
          math: `${n(r.startsPeak)} starts/s × ${formatInput(inputs.launchBurstFactor)}`,
          result: `${n(r.startsBurst)} starts/s`,
        },
      ],
    },
    {
      id: 'home',
      title: 'Home-screen reads per second',
      steps: [
        {
          id: 'home-per-day',
          label: 'Home-screen loads a day',
          math: `${n(r.dailyActives)} accounts × ${formatInput(inputs.homeLoadsPerDay)} loads`,
          result: `${n(r.homeLoadsPerDay)} loads a day`,
        },
        {
          id: 'home-average',
          label: 'Reads, daily average',
          math: `${n(r.homeLoadsPerDay)} ÷ 86,400 s`,
          result: `${n(r.homeReadsAverage)} reads/s`,
        },
        {
          id: 'home-peak',
          label: 'Reads at the evening peak',
          math: `${n(r.homeReadsAverage)} reads/s × ${formatInput(inputs.eveningPeakFactor)}`,
          result: `${n(r.homeReadsPeak)} reads/s`,
        },
      ],
      note: 'Each load is several API calls, and artwork comes from a CDN, not from this path.',
    },
    {
      id: 'events',
      title: 'Events per second',
      steps: [
        {
          id: 'events-peak',
          label: 'Events at the evening peak',
          math: `${n(r.peakConcurrent)} streams × ${formatInput(inputs.eventsPerStreamMinute)} a minute ÷ 60 s`,
          result: `${n(r.eventsPeak)} events/s`,
        },
        {
          id: 'events-average',
          label: 'Events, daily average',
          math: `${n(r.averageConcurrent)} streams × ${formatInput(inputs.eventsPerStreamMinute)} a minute ÷ 60 s`,
          result: `${n(r.eventsAverage)} events/s`,
        },
      ],
      note: 'This path does scale with concurrency: size the ingest tier for the peak.',
    },
    {
      id: 'bandwidth',
      title: 'Edge bandwidth',
      steps: [
        {
          id: 'bandwidth-peak',
          label: 'At the evening peak',
          math: `${n(r.peakConcurrent)} streams × ${formatInput(inputs.bitrateMbps)} Mbps`,
          result: formatBitRate(r.bandwidthPeak),
        },
        {
          id: 'bandwidth-average',
          label: 'Daily average',
          math: `${n(r.averageConcurrent)} streams × ${formatInput(inputs.bitrateMbps)} Mbps`,
          result: formatBitRate(r.bandwidthAverage),
        },
      ],
      note: 'Video bytes come from the CDN at the edge, not from the services behind the playback API.',
    },
    {
      id: 'storage',
      title: 'Event storage',
      steps: [
        {
          id: 'storage-day',
          label: 'Raw events a day',
          math: `${n(r.eventsAverage)} events/s × 86,400 s × ${formatInput(inputs.eventBytes)} B`,
          result: `${formatBytes(r.eventBytesPerDay)} a day`,
        },
        {
          id: 'storage-retained',
          label: `Raw events kept for ${formatInput(inputs.retentionDays)} ${inputs.retentionDays === 1 ? 'day' : 'days'}`,
          math: `${formatBytes(r.eventBytesPerDay)} × ${formatInput(inputs.retentionDays)}`,
          result: formatBytes(r.eventBytesRetained),
        },
      ],
      note: 'Storage uses the average rate, not the peak. Before compression (often about 5× smaller in a columnar store) and before replicas (often 3×).',
    },
  ];
}

/** The sentence that keeps concurrency and request rate apart, with the reader's numbers. */
export function concurrencySentence(inputs: EstimateInputs, result: Estimate = estimate(inputs)): string {
  const streams = formatCount(result.peakConcurrent);
  return (
    `${streams} concurrent streams is not ${streams} requests per second: ` +
    `with sessions of ${minutes(inputs.sessionMinutes)} it is about ${formatCount(result.startsPeak)} starts per second.`
  );
}

/** The query string for a calculation: only the fields that differ from the defaults. */
export function toQuery(inputs: EstimateInputs): string {
  const params = new URLSearchParams();
  for (const spec of INPUT_SPECS) {
    if (inputs[spec.name] !== spec.default) params.set(spec.param, String(inputs[spec.name]));
  }
  return params.toString();
}

/** The raw field texts a shared link carries; unknown keys are ignored. */
export function fromQuery(search: string): Partial<Record<InputName, string>> {
  const params = new URLSearchParams(search);
  const raw: Partial<Record<InputName, string>> = {};
  for (const spec of INPUT_SPECS) {
    const value = params.get(spec.param);
    if (value !== null) raw[spec.name] = value;
  }
  return raw;
}
