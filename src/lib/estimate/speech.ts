/**
 * Numbers as a candidate says them: "about 22 million streams", "about 1.2 Tbps", "$2.6 million a
 * year". No mathjs here: the build works out how a unit is spoken (units.ts) and this module only
 * formats numbers, so the estimation calculator can use it in the browser without the library.
 */

/** How one display unit is spoken, worked out at build time from the mathjs unit. */
export interface UnitSpeech {
  /** The unit as the chain wrote it, such as "TB/day" or "start/s"; "" for a plain number. */
  unit: string;
  /** Spoken after a number of exactly one: "stream", "start a second". */
  singular: string;
  /** Spoken after any other number: "streams", "starts a second". */
  plural: string;
  /**
   * Set when the unit is bytes or bits per second written without a prefix: the speech picks
   * the prefix that reads best ("9.4 TB a day"), and `tail` is what follows it (" a day").
   */
  scale?: { base: 'B' | 'bps'; tail: string };
  /** A money amount in US dollars: "$2.6 million", then `tail` (" a year"). */
  money?: { tail: string };
  /** A share written as a percentage ("%"): the number is multiplied by 100. */
  percent?: boolean;
  /** A factor, said as "2×". */
  times?: boolean;
}

const SCALE_WORDS: readonly [number, string][] = [
  [1e12, 'trillion'],
  [1e9, 'billion'],
  [1e6, 'million'],
];

const SI_PREFIXES = ['', 'k', 'M', 'G', 'T', 'P', 'E'] as const;

/** Rounds to `digits` significant digits (0 stays 0). */
export function roundSignificant(value: number, digits: number): number {
  if (value === 0 || !Number.isFinite(value)) return value;
  return Number(value.toPrecision(digits));
}

const formatters = new Map<number, Intl.NumberFormat>();
function grouped(value: number, digits: number): string {
  let formatter = formatters.get(digits);
  if (!formatter) {
    formatter = new Intl.NumberFormat('en-US', { maximumSignificantDigits: digits });
    // Stryker disable next-line CallExpression: a cache; without it each call builds an equal formatter.
    formatters.set(digits, formatter);
  }
  return formatter.format(value);
}

/**
 * A number in words a person says: "22 million", "16,000", "1,400", "0.6". Counts of a million
 * or more use a scale word; smaller ones use digits with thousands separators.
 */
export function speakNumber(value: number, digits: number): string {
  const size = Math.abs(value);
  for (const [scale, word] of SCALE_WORDS) {
    // 999,999,999 rounded to 2 digits is a billion, not "1,000 million".
    if (roundSignificant(size, digits) >= scale) return `${grouped(value / scale, digits)} ${word}`;
  }
  return grouped(value, digits);
}

/** Whether a value survives rounding to `digits` significant digits unchanged. */
export function isRound(value: number, digits: number): boolean {
  if (value === 0) return true;
  return Math.abs(roundSignificant(value, digits) - value) <= Math.abs(value) * 1e-9;
}

/** Picks the SI prefix that puts the value between 1 and 1000. */
function withPrefix(value: number, digits: number): { number: string; prefix: string } {
  let scaled = value;
  let index = 0;
  while (Math.abs(roundSignificant(scaled, digits)) >= 1000 && index < SI_PREFIXES.length - 1) {
    scaled /= 1000;
    index += 1;
  }
  return { number: grouped(scaled, digits), prefix: SI_PREFIXES[index]! };
}

export interface SpeakOptions {
  /** Significant digits: 2 for a spoken estimate, more for an input quoted as written. */
  digits: number;
  /** Say "about" first (an estimate that rounding changed). Default: only when rounding changed the value. */
  about?: boolean;
}

/**
 * A value in its display unit, as said aloud: "about 22 million streams", "9.4 TB a day",
 * "$2.6 million a year", "45 minutes", "5%".
 */
export function speak(value: number, speech: UnitSpeech, options: SpeakOptions): string {
  const about = options.about ?? !isRound(value, options.digits);
  const lead = about ? 'about ' : '';
  if (speech.times) return `${lead}${grouped(value, options.digits)}×`;
  if (speech.percent) return `${lead}${grouped(value * 100, options.digits)}%`;
  if (speech.money) return `${lead}${value < 0 ? '-' : ''}$${speakNumber(Math.abs(value), options.digits)}${speech.money.tail}`;
  if (speech.scale) {
    const { number, prefix } = withPrefix(value, options.digits);
    return `${lead}${number} ${prefix}${speech.scale.base}${speech.scale.tail}`;
  }
  const number = speakNumber(value, options.digits);
  const unit = Math.abs(value) === 1 && !about ? speech.singular : speech.plural;
  return `${lead}${number}${unit ? ` ${unit}` : ''}`;
}
