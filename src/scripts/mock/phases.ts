/**
 * The phases of a system design round and when each starts, for both formats. The 45-minute
 * table is the round as most loops run it; the 60-minute one gives the extra quarter hour mostly
 * to the high-level design and deep dive, where interviewers form their opinion.
 */

export type MockFormat = 45 | 60;
export const FORMATS: readonly MockFormat[] = [45, 60];

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
    cue: 'Summarise the design against the targets, name the biggest risk and what you would do next.',
  },
] as const;

/** Phase boundaries in minutes: phase i runs from BOUNDARIES[i] to BOUNDARIES[i + 1]. */
const BOUNDARIES: Record<MockFormat, readonly number[]> = {
  45: [0, 10, 20, 30, 40, 45],
  60: [0, 12, 27, 42, 55, 60],
};

export function phasesFor(format: MockFormat): Phase[] {
  const bounds = BOUNDARIES[format];
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
