/**
 * The one mathjs instance estimates are evaluated with, and the units it knows beyond physics.
 *
 * Counts get units of their own (stream, event, request, title...), so the arithmetic keeps them
 * apart: 5 million concurrent streams cannot be written as 5 million requests a second, because
 * "stream" and "request/s" do not convert. Bits per second are "bps" with SI prefixes (Mbps,
 * Tbps); money is "USD". Everything else is mathjs's own unit system (s, minute, hour, day, B,
 * kB, MB, TB...). To add a count unit, add it to COUNT_UNITS with its spoken names.
 */
import { createRequire } from 'node:module';
import type { ConfigOptions, MathJsInstance, Unit } from 'mathjs';
import type { UnitSpeech } from './speech.ts';

/**
 * mathjs's single-file build: the same version and functions as its ES module entry, which is
 * about a thousand modules and took 0.4-1 s to load in every process that evaluates an estimate
 * (the content check, Astro's build, the tests); this file loads in about a tenth of that. It
 * exports a ready instance whose `create` takes only the configuration (every function included).
 * Only the build reads it: the browser runs compiled plans (plan-eval.ts) without mathjs.
 */
const bundled = createRequire(import.meta.url)('mathjs/lib/browser/math.js') as {
  create(config: ConfigOptions): MathJsInstance;
};
export const math = bundled.create({ number: 'number' });

/**
 * Count units: [singular, plural] as spoken. Each is its own dimension, except the aliases in
 * UNIT_ALIASES, which convert to the unit they name.
 */
export const COUNT_UNITS: Readonly<Record<string, readonly [string, string]>> = {
  stream: ['stream', 'streams'],
  event: ['event', 'events'],
  request: ['request', 'requests'],
  member: ['membership', 'memberships'],
  user: ['user', 'users'],
  profile: ['profile', 'profiles'],
  render: ['render', 'renders'],
  row: ['row', 'rows'],
  title: ['title', 'titles'],
  item: ['item', 'items'],
  entity: ['entity', 'entities'],
  lookup: ['lookup', 'lookups'],
  query: ['query', 'queries'],
  document: ['document', 'documents'],
  person: ['person', 'people'],
  language: ['language', 'languages'],
  core: ['core', 'cores'],
  accelerator: ['accelerator', 'accelerators'],
  instance: ['instance', 'instances'],
  node: ['node', 'nodes'],
  appliance: ['appliance', 'appliances'],
  region: ['region', 'regions'],
  replica: ['replica', 'replicas'],
  device: ['device', 'devices'],
  connection: ['connection', 'connections'],
  address: ['address', 'addresses'],
  message: ['message', 'messages'],
  notification: ['notification', 'notifications'],
  change: ['change', 'changes'],
  write: ['write', 'writes'],
  record: ['record', 'records'],
  key: ['key', 'keys'],
  candidate: ['candidate', 'candidates'],
  score: ['score', 'scores'],
  feature: ['feature', 'features'],
  experiment: ['experiment', 'experiments'],
  image: ['image', 'images'],
  impression: ['impression', 'impressions'],
  pod: ['ad pod', 'ad pods'],
  viewer: ['viewer', 'viewers'],
  rendition: ['rendition', 'renditions'],
  segment: ['segment', 'segments'],
  download: ['download', 'downloads'],
  job: ['job', 'jobs'],
  export: ['export', 'exports'],
  call: ['call', 'calls'],
  chunk: ['chunk', 'chunks'],
  partition: ['partition', 'partitions'],
};

/** Units that are another unit under a name that reads better in a step: a start is a stream beginning. */
export const UNIT_ALIASES: Readonly<Record<string, { definition: string; names: readonly [string, string] }>> = {
  start: { definition: '1 stream', names: ['start', 'starts'] },
  heartbeat: { definition: '1 event', names: ['heartbeat', 'heartbeats'] },
};

for (const name of Object.keys(COUNT_UNITS)) math.createUnit(name);
for (const [name, alias] of Object.entries(UNIT_ALIASES)) math.createUnit(name, alias.definition);
math.createUnit('bps', { definition: '1 b/s', prefixes: 'short' });
math.createUnit('USD');

/**
 * The count units as values, put in every evaluation's scope: mathjs resolves a name to a
 * function before a unit, so "40 row" would otherwise call the row() function.
 */
export const UNIT_SCOPE: ReadonlyMap<string, Unit> = new Map(
  [...Object.keys(COUNT_UNITS), ...Object.keys(UNIT_ALIASES)].map((name) => [name, math.unit(1, name)]),
);

/** Spoken names of the physical units a display unit may use. */
const PHYSICAL_NAMES: Readonly<Record<string, readonly [string, string]>> = {
  s: ['second', 'seconds'],
  second: ['second', 'seconds'],
  ms: ['ms', 'ms'],
  minute: ['minute', 'minutes'],
  hour: ['hour', 'hours'],
  h: ['hour', 'hours'],
  day: ['day', 'days'],
  week: ['week', 'weeks'],
  month: ['month', 'months'],
  year: ['year', 'years'],
  B: ['B', 'B'],
  byte: ['byte', 'bytes'],
  bps: ['bps', 'bps'],
};

/** "a second", "an hour": how a per-time denominator is said. */
const PER_TIME: Readonly<Record<string, string>> = {
  s: 'a second',
  second: 'a second',
  minute: 'a minute',
  hour: 'an hour',
  h: 'an hour',
  day: 'a day',
  week: 'a week',
  month: 'a month',
  year: 'a year',
};

interface UnitPart {
  name: string;
  prefix: string;
  power: number;
}

/** A unit's components as mathjs builds them at run time (its typings say prefix is a string; it is an object). */
interface UnitComponent {
  unit: { name: string };
  prefix: { name: string };
  power: number;
}

function partsOf(unit: Unit): UnitPart[] {
  return (unit.units as unknown as UnitComponent[]).map((u) => ({ name: u.unit.name, prefix: u.prefix.name, power: u.power }));
}

function names(name: string): readonly [string, string] | undefined {
  return COUNT_UNITS[name] ?? UNIT_ALIASES[name]?.names ?? PHYSICAL_NAMES[name];
}

/**
 * Answers of isReservedName and unitSpeech, by their argument. The units are all created above,
 * when this module loads, so an answer never changes afterwards; asking mathjs each time took a
 * third of the time spent evaluating the site's chains.
 */
const reserved = new Map<string, boolean>();
const speeches = new Map<string, Readonly<UnitSpeech>>();

/** Whether a word is taken by mathjs (a unit or a function), so a chain may not use it as a name. */
export function isReservedName(name: string): boolean {
  let answer = reserved.get(name);
  // Stryker disable next-line ConditionalExpression: asking mathjs again gives the same answer; keeping it only saves the work.
  if (answer === undefined) {
    answer = name in math && typeof (math as unknown as Record<string, unknown>)[name] === 'function';
    if (!answer) {
      try {
        answer = math.Unit.isValuelessUnit(name);
      } catch {
        answer = false;
      }
    }
    // Stryker disable next-line CallExpression: as above, the kept answer only saves asking again.
    reserved.set(name, answer);
  }
  return answer;
}

/**
 * How a display unit is said: "TB/day" -> "<n> TB a day" (prefix chosen by the build if the
 * unit is written as plain "B/day"), "start/s" -> "starts a second", "USD/year" -> "$… a year".
 * Throws when the unit does not parse.
 */
export function unitSpeech(display: string): UnitSpeech {
  let speech = speeches.get(display);
  if (speech === undefined) {
    // Frozen: every row in that unit shares this one object.
    speech = Object.freeze(speechOf(display));
    speeches.set(display, speech);
  }
  return speech;
}

function speechOf(display: string): UnitSpeech {
  const trimmed = display.trim();
  if (trimmed === '') return { unit: '', singular: '', plural: '' };
  if (trimmed === '%') return { unit: '%', singular: '', plural: '', percent: true };
  const unit = math.unit(trimmed);
  const parts = partsOf(unit);
  const top = parts.filter((p) => p.power > 0);
  const bottom = parts.filter((p) => p.power < 0);
  const spokenPart = (p: UnitPart, plural: boolean) => {
    const known = names(p.name);
    const word = known ? known[plural ? 1 : 0] : p.name;
    // A prefixed unit keeps its symbol: ms, MB, Tbps.
    const prefixed = p.prefix ? `${p.prefix === 'u' ? 'µ' : p.prefix}${p.name}` : word;
    return Math.abs(p.power) === 1 ? prefixed : `${prefixed}^${Math.abs(p.power)}`;
  };
  // "a second" for one time unit below the line, "per stream-minute" for several.
  const only = bottom.length === 1 && bottom[0]!.power === -1 ? PER_TIME[bottom[0]!.name] : undefined;
  const tail = bottom.length ? ` ${only ?? `per ${bottom.map((p) => spokenPart(p, false)).join('-')}`}` : '';
  if (top.length === 1 && top[0]!.power === 1) {
    const only = top[0]!;
    if (only.name === 'USD') return { unit: trimmed, singular: '', plural: '', money: { tail } };
    if ((only.name === 'B' || only.name === 'bps') && only.prefix === '') {
      return { unit: trimmed, singular: '', plural: '', scale: { base: only.name, tail } };
    }
  }
  const head = (plural: boolean) => top.map((p, i) => spokenPart(p, plural && i === top.length - 1)).join('-');
  const singular = `${head(false)}${tail}`.trim();
  const plural = `${head(true)}${tail}`.trim();
  return { unit: trimmed, singular, plural };
}

/** The unit a value is in, written the way mathjs writes it ("stream / s"), or "" for a number. */
export function unitOf(value: unknown): string {
  return math.isUnit(value) ? value.formatUnits() : '';
}
