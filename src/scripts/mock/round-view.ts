/**
 * Drawing a running round: the phase list, the current and next phase, and the curveballs raised
 * so far. Shared by the candidate's page and the partner view; redrawing is cheap and only
 * touches the DOM when something changed, so a tick every fraction of a second is fine.
 */
import { minuteMark } from './clock.ts';
import { nextPhaseAt, phaseIndexAt, phasesFor, type MockFormat } from './phases.ts';
import type { TimedCurveball } from './curveballs.ts';
import { el } from './dom.ts';

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
