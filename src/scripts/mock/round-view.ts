/**
 * Drawing a running round: the phase list, the current and next phase, and the curveballs raised
 * so far. Shared by the candidate's page and the partner view; redrawing is cheap and only
 * touches the DOM when something changed, so a tick every fraction of a second is fine.
 */
import type { PracticeAnswer } from '../../lib/practice-data.ts';
import { minuteLabel, ROUND_PHASES } from '../../lib/round-phases.ts';
import { minuteMark } from './clock.ts';
import { nextPhaseAt, phaseIndexAt, phasesFor, type MockFormat } from './phases.ts';
import type { TimedCurveball } from './curveballs.ts';
import { el } from './dom.ts';

/** One phase of a prompt's 45-minute answer, with its minute marks in the round's format. */
export interface AnswerStep {
  name: string;
  /** "0–10", or "about minute 20" for the stressor. */
  minutes: string;
  text: string;
}

/**
 * The prompt's 45-minute answer as phase notes, with minute marks for the round's format (the
 * phase table in src/lib/round-phases.ts); empty when the prompt has no answer written yet.
 */
export function answerSteps(answer: PracticeAnswer | undefined, format: MockFormat): AnswerStep[] {
  if (!answer) return [];
  return ROUND_PHASES.map((phase) => ({ name: phase.name, minutes: minuteLabel(phase, format), text: answer[phase.id] }));
}

/**
 * The 45-minute answer, phase by phase, for the candidate to compare with their own round. It is
 * drawn only on the score panel, after the round: shown during the round it would be read instead
 * of worked out, and the round would measure reading, not designing. The partner, who plays the
 * interviewer, sees it during the round (partner-page.ts). Hidden when the prompt has no answer.
 */
export function renderAnswerReview(section: HTMLElement, answer: PracticeAnswer | undefined, format: MockFormat): void {
  const steps = answerSteps(answer, format);
  section.hidden = steps.length === 0;
  const list = section.querySelector('ol');
  const extra = section.querySelector<HTMLElement>('[data-answer-extra]');
  if (!list || !extra) throw new Error('Mock interview: the answer review needs an <ol> and a [data-answer-extra].');
  list.replaceChildren(
    ...steps.map((step) => el('li', 'mock-answer-step', el('strong', '', `${step.minutes} · ${step.name}. `), step.text)),
  );
  extra.replaceChildren();
  if (!answer) return;
  extra.append(el('p', '', el('strong', '', 'Leave out: '), answer.leaveOut.join(' · ')));
  if (format === 60) extra.append(el('p', '', el('strong', '', 'In a 60-minute round: '), answer.sixtyMinutes));
}

export function renderPhaseList(list: HTMLElement, format: MockFormat, minute: number): void {
  const current = phaseIndexAt(format, minute);
  const key = `${format}:${current}`;
  if (list.dataset.rendered === key) return;
  list.dataset.rendered = key;
  list.replaceChildren(
    ...phasesFor(format).map((phase, index) => {
      const state = index < current ? 'done' : index === current ? 'now' : 'to come';
      const item = el(
        'li',
        'mock-phase',
        el('span', '', `${minuteMark(phase.start)}–${minuteMark(phase.end)}`),
        el('span', '', phase.name),
        el('span', 'mock-phase-state', `(${state})`),
      );
      if (index === current) item.setAttribute('aria-current', 'step');
      return item;
    }),
  );
}

/** "Now: …" and "Next at 10:00: … (cue)". */
export function renderPhaseCue(now: HTMLElement, next: HTMLElement, format: MockFormat, minute: number): void {
  const phase = phasesFor(format)[phaseIndexAt(format, minute)]!;
  const upcoming = nextPhaseAt(format, minute);
  setText(now, `Now: ${phase.name}, until ${minuteMark(phase.end)}. ${phase.cue}`);
  setText(
    next,
    upcoming ? `Next, at ${minuteMark(upcoming.start)}: ${upcoming.name}. ${upcoming.cue}` : 'Last phase: finish on time with the summary.',
  );
}

/**
 * Curveballs as the candidate sees them: what the interviewer says, with the strong answer behind
 * a disclosure so it can be read after trying. Only new curveballs are appended, so an open
 * disclosure stays open on the next tick.
 */
export function renderCurveballs(list: HTMLElement, curveballs: readonly TimedCurveball[]): void {
  for (let index = list.children.length; index < curveballs.length; index += 1) {
    const curveball = curveballs[index]!;
    const answer = el('details', '', el('summary', '', 'Show a strong answer'), el('p', '', curveball.strongAnswer));
    list.append(
      el(
        'li',
        'mock-curveball',
        el('p', 'mock-curveball-when', `Curveball ${index + 1}, at ${minuteMark(curveball.minute)}. The interviewer says:`),
        el('p', 'mock-curveball-ask', curveball.ask),
        answer,
      ),
    );
  }
}

function setText(element: HTMLElement, text: string): void {
  if (element.textContent !== text) element.textContent = text;
}
