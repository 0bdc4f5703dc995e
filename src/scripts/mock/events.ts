/**
 * What the live region says during a round: phase changes, curveballs and time warnings, each at
 * a fixed round time. Each tick announces the events it passed, so the timer itself is never
 * announced and a slow tick (a background tab) still says everything once.
 */
import { MINUTE_MS, minuteMark, roundLengthMs } from './clock.ts';
import { timedCurveballs, type Curveball } from './curveballs.ts';
import { phasesFor, type MockFormat } from './phases.ts';

export type RoundEventKind = 'phase' | 'curveball' | 'warning' | 'time-up';

export interface RoundEvent {
  kind: RoundEventKind;
  /** Round milliseconds at which it happens. */
  atMs: number;
  text: string;
}

export const WARNING_MINUTES = 5;

export interface EventOptions {
  /** Whose view: the candidate's (curveballs appear on screen), or a partner playing the interviewer. */
  audience: 'candidate' | 'interviewer';
  /** With a partner, the candidate's view leaves curveballs to them. */
  curveballs: boolean;
}

export function phaseAnnouncement(format: MockFormat, index: number): string {
  const phases = phasesFor(format);
  const phase = phases[index]!;
  return `Phase ${index + 1} of ${phases.length}: ${phase.name}, until ${minuteMark(phase.end)}.`;
}

export function roundEvents(format: MockFormat, curveballs: readonly Curveball[], options: EventOptions): RoundEvent[] {
  const events: RoundEvent[] = phasesFor(format).map((phase, index) => ({
    kind: 'phase',
    atMs: phase.start * MINUTE_MS,
    text: phaseAnnouncement(format, index),
  }));
  if (options.curveballs) {
    timedCurveballs(curveballs, format).forEach((curveball, index) => {
      events.push({
        kind: 'curveball',
        atMs: curveball.minute * MINUTE_MS,
        text:
          options.audience === 'candidate'
            ? `Curveball ${index + 1} from the interviewer: ${curveball.ask}`
            : `Time to raise curveball ${index + 1}: ${curveball.ask}`,
      });
    });
  }
  events.push({ kind: 'warning', atMs: (format - WARNING_MINUTES) * MINUTE_MS, text: `${WARNING_MINUTES} minutes left.` });
  events.push({
    kind: 'time-up',
    atMs: roundLengthMs(format),
    text: options.audience === 'candidate' ? 'Time is up. Score your round.' : 'Time is up.',
  });
  // Stable sort keeps the phase first when a curveball or warning falls on the same minute.
  return events.sort((a, b) => a.atMs - b.atMs);
}

/** Events after `fromMs` up to and including `toMs`. */
export function eventsBetween(events: readonly RoundEvent[], fromMs: number, toMs: number): RoundEvent[] {
  return events.filter((event) => event.atMs > fromMs && event.atMs <= toMs);
}

/** One message for everything a tick passed, so the live region is updated once. */
export function announcement(events: readonly RoundEvent[]): string {
  return events.map((event) => event.text).join(' ');
}
