import { describe, expect, it } from 'vitest';
import { fitScale, printableBox } from './print-fit.ts';

describe('printableBox', () => {
  it('is the width of A4 and the height of US Letter, inside the margins', () => {
    // 210 mm - 2 × 10 mm = 190 mm = 718 px; 279.4 mm - 2 × 9 mm = 261.4 mm = 987 px.
    expect(printableBox({ vertical: 9, horizontal: 10 })).toEqual({ width: 718, height: 987 });
  });
});

describe('fitScale', () => {
  it('leaves content that fits alone', () => {
    expect(fitScale(900, 987)).toBe(1);
    expect(fitScale(987, 987)).toBe(1);
  });
  it('scales longer content down with a percent to spare', () => {
    expect(fitScale(1033, 987)).toBe(0.94);
    expect(1033 * fitScale(1033, 987)).toBeLessThan(987);
  });
  it('never goes below the readable minimum', () => {
    expect(fitScale(3000, 987)).toBe(0.75);
    expect(fitScale(3000, 987, 0.8)).toBe(0.8);
  });
  it('ignores a height it could not measure', () => {
    expect(fitScale(0, 987)).toBe(1);
    expect(fitScale(Number.NaN, 987)).toBe(1);
  });
});
