/**
 * When the interviewer raises each curveball. Prompts give the minute for a 45-minute round; a
 * 60-minute round stretches the same plan proportionally so each arrives in the same phase.
 */
import type { MockFormat } from './phases.ts';

export interface Curveball {
  at: number;
  ask: string;
  strongAnswer: string;
}

export interface TimedCurveball extends Curveball {
  /** The minute to raise it in the chosen format. */
  minute: number;
}

export function curveballMinute(at: number, format: MockFormat): number {
  return format === 45 ? at : Math.round((at * 60) / 45);
}

export function timedCurveballs(curveballs: readonly Curveball[], format: MockFormat): TimedCurveball[] {
  return curveballs
    .map((curveball) => ({ ...curveball, minute: curveballMinute(curveball.at, format) }))
    .sort((a, b) => a.minute - b.minute);
}

/** The curveballs raised by `minute` (fractional minutes elapsed). */
export function revealedCurveballs(curveballs: readonly Curveball[], format: MockFormat, minute: number): TimedCurveball[] {
  return timedCurveballs(curveballs, format).filter((curveball) => curveball.minute <= minute);
}
