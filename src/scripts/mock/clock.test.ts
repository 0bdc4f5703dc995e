import { describe, expect, it } from 'vitest';
import {
  clockReadout,
  formatClock,
  isTimeUp,
  parseSpeed,
  pauseClock,
  resumeClock,
  roundElapsedMs,
  roundEndedAt,
  type ClockState,
} from './clock.ts';

const START = 1_700_000_000_000;
const running: ClockState = { startedAt: START, pausedAt: null, pausedTotal: 0 };

describe('round time', () => {
  it('is wall time since the start, less time paused', () => {
    expect(roundElapsedMs(running, START + 90_000)).toBe(90_000);
    expect(roundElapsedMs({ ...running, pausedTotal: 30_000 }, START + 90_000)).toBe(60_000);
  });

  it('stands still while paused, whatever the wall clock says', () => {
    const paused = { ...running, pausedAt: START + 20_000 };
    expect(roundElapsedMs(paused, START + 20_000)).toBe(20_000);
    expect(roundElapsedMs(paused, START + 500_000)).toBe(20_000);
  });

  it('runs faster with a speed: at 60, a real second is a round minute', () => {
    expect(roundElapsedMs(running, START + 1_000, 60)).toBe(60_000);
    expect(roundElapsedMs({ ...running, pausedTotal: 500 }, START + 2_000, 60)).toBe(90_000);
  });

  it('is never negative (a clock set back)', () => {
    expect(roundElapsedMs(running, START - 5_000)).toBe(0);
  });
});

describe('pause and resume', () => {
  it('add the paused stretch to the total', () => {
    const paused = pauseClock(running, START + 10_000);
    expect(paused.pausedAt).toBe(START + 10_000);
    const resumed = resumeClock(paused, START + 25_000);
    expect(resumed).toEqual({ startedAt: START, pausedAt: null, pausedTotal: 15_000 });
    expect(roundElapsedMs(resumed, START + 30_000)).toBe(15_000);
  });

  it('are idempotent, and keep the other fields of the saved round', () => {
    const active = { ...running, promptId: 'p', format: 45 as const, partner: false };
    const paused = pauseClock(active, START + 1);
    expect(pauseClock(paused, START + 99)).toBe(paused);
    expect(resumeClock(active, START + 99)).toBe(active);
    expect(resumeClock(paused, START + 2).promptId).toBe('p');
  });
});

describe('the end of a round', () => {
  it('is up at the round length', () => {
    expect(isTimeUp(45, 45 * 60_000 - 1)).toBe(false);
    expect(isTimeUp(45, 45 * 60_000)).toBe(true);
  });

  it('happened when the round was paused, when time ran out, or now', () => {
    expect(roundEndedAt({ ...running, pausedAt: START + 600_000 }, 45, START + 9e9)).toBe(START + 600_000);
    expect(roundEndedAt({ ...running, pausedTotal: 1_000 }, 45, START + 9e9)).toBe(START + 45 * 60_000 + 1_000);
    expect(roundEndedAt(running, 60, START + 5_000)).toBe(START + 5_000);
    // At speed 60 a 45-minute round takes 45 real seconds.
    expect(roundEndedAt(running, 45, START + 9e9, 60)).toBe(START + 45_000);
  });
});

describe('speed parameter', () => {
  it('accepts positive numbers up to the cap and ignores the rest', () => {
    expect(parseSpeed('60')).toBe(60);
    expect(parseSpeed('2.5')).toBe(2.5);
    expect(parseSpeed('100000')).toBe(600);
    for (const bad of [null, undefined, '', '0', '-3', 'fast', 'Infinity']) expect(parseSpeed(bad)).toBe(1);
  });
});

describe('clock text', () => {
  it('shows minutes and seconds, rounding down', () => {
    expect(formatClock(0)).toBe('0:00');
    expect(formatClock(59_999)).toBe('0:59');
    expect(formatClock(600_000)).toBe('10:00');
    expect(formatClock(-5)).toBe('0:00');
  });

  it('shows elapsed and remaining that add up, and stop at the end', () => {
    expect(clockReadout(45, 61_500)).toEqual({ elapsed: '1:01', remaining: '43:59' });
    expect(clockReadout(60, 0)).toEqual({ elapsed: '0:00', remaining: '60:00' });
    expect(clockReadout(45, 99 * 60_000)).toEqual({ elapsed: '45:00', remaining: '0:00' });
  });
});
