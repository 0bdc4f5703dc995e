import { describe, expect, it } from 'vitest';
import { curveballMinute, revealedCurveballs, timedCurveballs } from './curveballs.ts';
import { announcement, eventsBetween, roundEvents } from './events.ts';

const curveballs = [
  { at: 30, ask: 'A region fails.', strongAnswer: 'Fail over.' },
  { at: 8, ask: 'Scale triples.', strongAnswer: 'Pre-scale.' },
  { at: 40, ask: 'Add live events.', strongAnswer: 'Offsets.' },
];
const min = (m: number) => m * 60_000;

describe('curveball timing', () => {
  it('keeps the minute in a 45-minute round and scales it by 60/45 for 60, rounded', () => {
    expect(curveballMinute(8, 45)).toBe(8);
    expect(curveballMinute(8, 60)).toBe(11); // 10.67
    expect(curveballMinute(30, 60)).toBe(40);
    expect(curveballMinute(41, 60)).toBe(55); // 54.67
    expect(curveballMinute(10, 60)).toBe(13); // 13.33
  });

  it('orders curveballs by minute and reveals those whose minute has come', () => {
    expect(timedCurveballs(curveballs, 60).map((c) => c.minute)).toEqual([11, 40, 53]);
    expect(revealedCurveballs(curveballs, 45, 7.99)).toEqual([]);
    expect(revealedCurveballs(curveballs, 45, 8).map((c) => c.ask)).toEqual(['Scale triples.']);
    expect(revealedCurveballs(curveballs, 60, 45).map((c) => c.minute)).toEqual([11, 40]);
  });
});

describe('round events', () => {
  it('announce every phase, each curveball, five minutes left and time up, in order', () => {
    const events = roundEvents(45, curveballs, { audience: 'candidate', curveballs: true });
    expect(events.map((e) => [e.kind, e.atMs / 60_000])).toEqual([
      ['phase', 0],
      ['curveball', 8],
      ['phase', 10],
      ['phase', 20],
      ['phase', 30],
      ['curveball', 30],
      ['phase', 40],
      ['curveball', 40],
      ['warning', 40],
      ['time-up', 45],
    ]);
    expect(events[2]!.text).toBe('Phase 2 of 5: High-level design, until 20:00.');
    expect(events[1]!.text).toContain('Scale triples.');
  });

  it('leave curveballs out of the candidate view when a partner raises them', () => {
    const events = roundEvents(60, curveballs, { audience: 'candidate', curveballs: false });
    expect(events.some((e) => e.kind === 'curveball')).toBe(false);
    expect(events.find((e) => e.kind === 'warning')!.atMs).toBe(min(55));
  });

  it('tell the interviewer when to raise each curveball', () => {
    const events = roundEvents(60, curveballs, { audience: 'interviewer', curveballs: true });
    expect(events.find((e) => e.kind === 'curveball')!.text).toBe('Time to raise curveball 1: Scale triples.');
  });

  it('are announced once, for the ticks that passed them', () => {
    const events = roundEvents(45, curveballs, { audience: 'candidate', curveballs: true });
    expect(eventsBetween(events, 0, min(5))).toEqual([]);
    expect(eventsBetween(events, min(7.9), min(8)).map((e) => e.kind)).toEqual(['curveball']);
    expect(eventsBetween(events, min(8), min(9))).toEqual([]);
    // A long gap (a background tab) still announces everything it skipped, once.
    const skipped = eventsBetween(events, min(35), min(46));
    expect(skipped.map((e) => e.kind)).toEqual(['phase', 'curveball', 'warning', 'time-up']);
    expect(announcement(skipped)).toMatch(/^Phase 5 of 5: Recap, until 45:00\. Curveball 3 .* 5 minutes left\. Time is up\./);
  });
});
