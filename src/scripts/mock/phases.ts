/**
 * The mock round's clock: five cues over the round's phases. Their minute marks come from the one
 * phase table (src/lib/round-phases.ts) that the anatomy page and every prompt's 45-minute answer
 * use; estimation is folded into the high-level design cue, and the stressor is a curveball event.
 */
import { phaseEnd, ROUND_FORMATS, type RoundFormat } from '../../lib/round-phases.ts';

export type MockFormat = RoundFormat;
export const FORMATS: readonly MockFormat[] = ROUND_FORMATS;

export interface Phase {
  id: string;
  name: string;
  /** What to do in this phase, shown as the cue when it is next. */
  cue: string;
  /** Minutes from the start of the round. */
  start: number;
  end: number;
}

const STEPS = [
  {
    id: 'scoping',
    name: 'Scoping',
    cue: 'Ask who uses it, at what scale and how fresh it must be; write down the assumptions and the targets.',
  },
  {
    id: 'high-level',
    name: 'High-level design',
    cue: 'Draw the main components and the data flow for the core use case; name the data model and the API.',
  },
  {
    id: 'deep-dive',
    name: 'Deep dive',
    cue: 'Pick the hardest part (storage, consistency, the hot path) and go deep: numbers, trade-offs, alternatives.',
  },
  {
    id: 'operations',
    name: 'Operations: failure, observability, rollout',
    cue: 'Walk through what fails and what the member sees, the alerts you would set, and how you would roll it out and back.',
  },
  {
    id: 'recap',
    name: 'Recap',
    cue: 'Summarize the design against the targets, name the biggest risk and what you would do next.',
  },
] as const;

/** Phase boundaries in minutes: phase i runs from boundaries[i] to boundaries[i + 1]. */
function boundaries(format: MockFormat): number[] {
  return [
    0,
    phaseEnd('scoping', format),
    phaseEnd('highLevel', format),
    phaseEnd('deepDive', format),
    phaseEnd('operations', format),
    format,
  ];
}

export function phasesFor(format: MockFormat): Phase[] {
  const bounds = boundaries(format);
  return STEPS.map((step, index) => ({ ...step, start: bounds[index]!, end: bounds[index + 1]! }));
}

/** The index of the phase running at `minute` (fractional); past the end it stays on the last. */
export function phaseIndexAt(format: MockFormat, minute: number): number {
  const phases = phasesFor(format);
  const index = phases.findIndex((phase) => minute < phase.end);
  return index === -1 ? phases.length - 1 : Math.max(0, index);
}

/** The phase after the one running at `minute`, or undefined during the last phase. */
export function nextPhaseAt(format: MockFormat, minute: number): Phase | undefined {
  return phasesFor(format)[phaseIndexAt(format, minute) + 1];
}
