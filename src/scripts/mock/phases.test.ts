import { describe, expect, it } from 'vitest';
import { nextPhaseAt, phaseIndexAt, phasesFor } from './phases.ts';

describe('phase tables', () => {
  it('split 45 minutes at 10, 20, 30 and 40', () => {
    expect(phasesFor(45).map((p) => [p.id, p.start, p.end])).toEqual([
      ['scoping', 0, 10],
      ['high-level', 10, 20],
      ['deep-dive', 20, 30],
      ['operations', 30, 40],
      ['recap', 40, 45],
    ]);
  });

  it('split 60 minutes at 12, 25, 43 and 53, as the anatomy page does', () => {
    expect(phasesFor(60).map((p) => [p.start, p.end])).toEqual([
      [0, 12],
      [12, 25],
      [25, 43],
      [43, 53],
      [53, 60],
    ]);
  });

  it('cover each round without gaps, and every phase has a cue', () => {
    for (const format of [45, 60] as const) {
      const phases = phasesFor(format);
      expect(phases[0]!.start).toBe(0);
      expect(phases.at(-1)!.end).toBe(format);
      phases.slice(1).forEach((phase, i) => expect(phase.start).toBe(phases[i]!.end));
      for (const phase of phases) expect(phase.cue.length).toBeGreaterThan(20);
    }
  });
});

describe('the phase at a minute', () => {
  it('changes exactly on the boundary', () => {
    expect(phaseIndexAt(45, 0)).toBe(0);
    expect(phaseIndexAt(45, 9.99)).toBe(0);
    expect(phaseIndexAt(45, 10)).toBe(1);
    expect(phaseIndexAt(60, 24.9)).toBe(1);
    expect(phaseIndexAt(60, 25)).toBe(2);
  });

  it('stays on the recap at and after the end, and on scoping before the start', () => {
    expect(phaseIndexAt(45, 45)).toBe(4);
    expect(phaseIndexAt(45, 99)).toBe(4);
    expect(phaseIndexAt(45, -1)).toBe(0);
  });

  it('names the next phase, and none during the recap', () => {
    expect(nextPhaseAt(45, 5)?.id).toBe('high-level');
    expect(nextPhaseAt(60, 50)?.id).toBe('recap');
    expect(nextPhaseAt(45, 41)).toBeUndefined();
  });
});
