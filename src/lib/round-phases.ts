/**
 * The phases of the system design round with their minute marks, for the 45- and 60-minute
 * formats: the one table behind the anatomy page's timeline, every prompt's 45-minute answer and
 * the mock round's clock. The 60-minute marks give the extra quarter hour mostly to the high-level
 * design and the deep dive, where interviewers form their opinion.
 */

export type RoundFormat = 45 | 60;
export const ROUND_FORMATS: readonly RoundFormat[] = [45, 60];

/** The phases a prompt's 45-minute answer is written for, in order (keys of its `answer`). */
export type AnswerPhaseId = 'scoping' | 'estimation' | 'highLevel' | 'stressor' | 'deepDive' | 'operations' | 'recap';

export interface RoundPhase {
  id: AnswerPhaseId;
  name: string;
  /** Who usually starts the phase. */
  startedBy: 'You' | 'Interviewer' | 'Either';
  /** [start, end] minute in each format; the stressor is a moment, so its start equals its end. */
  minutes: Record<RoundFormat, readonly [number, number]>;
}

export const ROUND_PHASES: readonly RoundPhase[] = [
  { id: 'scoping', name: 'Scoping', startedBy: 'You', minutes: { 45: [0, 10], 60: [0, 12] } },
  { id: 'estimation', name: 'Estimation', startedBy: 'You', minutes: { 45: [10, 13], 60: [12, 16] } },
  { id: 'highLevel', name: 'High-level design', startedBy: 'You', minutes: { 45: [13, 20], 60: [16, 25] } },
  { id: 'stressor', name: 'Scaling stressor', startedBy: 'Interviewer', minutes: { 45: [20, 20], 60: [25, 25] } },
  { id: 'deepDive', name: 'Deep dive', startedBy: 'Either', minutes: { 45: [20, 30], 60: [25, 43] } },
  { id: 'operations', name: 'Operations', startedBy: 'Interviewer', minutes: { 45: [30, 40], 60: [43, 53] } },
  { id: 'recap', name: 'Recap', startedBy: 'You', minutes: { 45: [40, 45], 60: [53, 60] } },
];

/** A phase's minute marks as people write them: "0–10", or "about minute 20" for a moment. */
export function minuteLabel(phase: RoundPhase, format: RoundFormat): string {
  const [start, end] = phase.minutes[format];
  return start === end ? `about minute ${start}` : `${start}–${end}`;
}

/** The minute each phase ends, keyed by phase id, for one format. */
export function phaseEnd(id: AnswerPhaseId, format: RoundFormat): number {
  const phase = ROUND_PHASES.find((p) => p.id === id);
  if (!phase) throw new Error(`Unknown round phase "${id}".`);
  return phase.minutes[format][1];
}
