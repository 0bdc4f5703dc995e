/**
 * Round time as a pure function of the saved round and the wall clock, so a reload, a pause or a
 * fast rehearsal clock never needs a running counter: everything is recomputed from timestamps.
 * "Real" milliseconds are wall-clock time; "round" milliseconds are what the round's timer shows
 * (real time multiplied by the speed).
 */
import type { MockFormat } from './phases.ts';

export interface ClockState {
  /** Epoch ms when the round started. */
  startedAt: number;
  /** Epoch ms when the current pause began, or null while running. */
  pausedAt: number | null;
  /** Real ms spent in earlier pauses. */
  pausedTotal: number;
}

export const MINUTE_MS = 60_000;
/** Fast clocks are for tests and rehearsal; the cap keeps a typo from ending a round instantly. */
export const MAX_SPEED = 600;

/** Round milliseconds elapsed at `now`, not capped at the round's length. */
export function roundElapsedMs(state: ClockState, now: number, speed = 1): number {
  const end = state.pausedAt ?? now;
  return Math.max(0, (end - state.startedAt - state.pausedTotal) * speed);
}

export function pauseClock<T extends ClockState>(state: T, now: number): T {
  return state.pausedAt === null ? { ...state, pausedAt: now } : state;
}

export function resumeClock<T extends ClockState>(state: T, now: number): T {
  if (state.pausedAt === null) return state;
  return { ...state, pausedAt: null, pausedTotal: state.pausedTotal + Math.max(0, now - state.pausedAt) };
}

export function roundLengthMs(format: MockFormat): number {
  return format * MINUTE_MS;
}

export function isTimeUp(format: MockFormat, elapsedMs: number): boolean {
  return elapsedMs >= roundLengthMs(format);
}

/**
 * The wall-clock moment the round ended: when it was paused (ending a round pauses it), or when
 * its time ran out if that came first, or now.
 */
export function roundEndedAt(state: ClockState, format: MockFormat, now: number, speed = 1): number {
  const timeUpAt = state.startedAt + state.pausedTotal + roundLengthMs(format) / speed;
  return Math.min(state.pausedAt ?? now, timeUpAt);
}

/** The `speed` URL parameter: a positive number up to MAX_SPEED; anything else means real time. */
export function parseSpeed(raw: string | null | undefined): number {
  const speed = Number(raw);
  if (!raw || !Number.isFinite(speed) || speed <= 0) return 1;
  return Math.min(speed, MAX_SPEED);
}

/** "m:ss", whole seconds rounded down (so the display never runs ahead of the round). */
export function formatClock(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/** Elapsed and remaining, as the timer shows them; both stop at the round's length. */
export function clockReadout(format: MockFormat, elapsedMs: number): { elapsed: string; remaining: string } {
  const length = roundLengthMs(format);
  const shown = Math.min(Math.floor(Math.max(0, elapsedMs) / 1000) * 1000, length);
  return { elapsed: formatClock(shown), remaining: formatClock(length - shown) };
}

/** A minute mark ("10") as the clock would show it ("10:00"). */
export function minuteMark(minute: number): string {
  return formatClock(minute * MINUTE_MS);
}
