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

describe('the published timeline', () => {
  it('offers the 45- and 60-minute formats, in that order', () => {
    expect(ROUND_FORMATS).toEqual([45, 60]);
  });

  it('names each phase, who starts it and its minutes, as the anatomy page and the mock clock show them', () => {
    const rows = (format: 45 | 60) => ROUND_PHASES.map((p) => `${p.id} | ${p.name} | ${p.startedBy} | ${minuteLabel(p, format)}`);
    expect(rows(45)).toEqual([
      'scoping | Scoping | You | 0–10',
      'estimation | Estimation | You | 10–13',
      'highLevel | High-level design | You | 13–20',
      'stressor | Scaling stressor | Interviewer | about minute 20',
      'deepDive | Deep dive | Either | 20–30',
      'operations | Operations | Interviewer | 30–40',
      'recap | Recap | You | 40–45',
    ]);
    expect(rows(60).map((row) => row.split(' | ')[3])).toEqual(['0–12', '12–16', '16–25', 'about minute 25', '25–43', '43–53', '53–60']);
  });
});
