import { describe, expect, it } from 'vitest';
import { minuteLabel, phaseEnd, ROUND_FORMATS, ROUND_PHASES } from './round-phases.ts';

describe('round phases', () => {
  it('cover each format from minute 0 to its end without gaps (the stressor is a moment)', () => {
    for (const format of ROUND_FORMATS) {
      const spans = ROUND_PHASES.filter((p) => p.id !== 'stressor').map((p) => p.minutes[format]);
      expect(spans[0]![0]).toBe(0);
      expect(spans.at(-1)![1]).toBe(format);
      spans.slice(1).forEach((span, i) => expect(span[0]).toBe(spans[i]![1]));
    }
  });

  it('put the stressor where the deep dive starts', () => {
    const stressor = ROUND_PHASES.find((p) => p.id === 'stressor')!;
    for (const format of ROUND_FORMATS) expect(stressor.minutes[format][0]).toBe(phaseEnd('highLevel', format));
  });

  it('label spans and moments as people write them', () => {
    expect(minuteLabel(ROUND_PHASES[0]!, 45)).toBe('0–10');
    expect(minuteLabel(ROUND_PHASES[3]!, 60)).toBe('about minute 25');
  });

  it('refuse an unknown phase id', () => {
    expect(() => phaseEnd('lunch' as never, 45)).toThrow(/Unknown round phase "lunch"/);
  });
});
