/**
 * Number formatting for the estimation calculator. Always en-US grouping ("1,389"), so the
 * arithmetic reads the same as the estimation guide whatever the browser's locale.
 */

const grouped = (digits: number) => new Intl.NumberFormat('en-US', { maximumFractionDigits: digits });
const whole = grouped(0);
const oneDecimal = grouped(1);
const twoDecimals = grouped(2);
const threeSignificant = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 3 });

/**
 * A count or a rate: whole numbers from 100 up ("1,389"), one decimal from 10 ("12.5"), two
 * below ("0.05"). Estimates do not deserve more precision than that.
 */
export function formatCount(value: number): string {
  const size = Math.abs(value);
  if (size >= 100) return whole.format(value);
  if (size >= 10) return oneDecimal.format(value);
  return twoDecimals.format(value);
}

/** A number the reader typed, echoed back in the arithmetic ("325,000,000", "0.5"). */
export function formatInput(value: number): string {
  return new Intl.NumberFormat('en-US', { maximumFractionDigits: 6 }).format(value);
}

/** Scales a value to the largest decimal (SI) prefix that keeps it at 1 or more. */
function withPrefix(value: number, units: readonly string[]): string {
  let scaled = value;
  let index = 0;
  while (Math.abs(scaled) >= 1000 && index < units.length - 1) {
    scaled /= 1000;
    index += 1;
  }
  return `${threeSignificant.format(scaled)} ${units[index]}`;
}

/** Bits per second, in decimal units: 2.5e13 -> "25 Tbps". */
export function formatBitRate(bitsPerSecond: number): string {
  return withPrefix(bitsPerSecond, ['bps', 'kbps', 'Mbps', 'Gbps', 'Tbps', 'Pbps']);
}

/** Bytes, in decimal units (1 TB = 10¹² bytes): 3.51e12 -> "3.51 TB". */
export function formatBytes(bytes: number): string {
  return withPrefix(bytes, ['B', 'kB', 'MB', 'GB', 'TB', 'PB', 'EB']);
}
