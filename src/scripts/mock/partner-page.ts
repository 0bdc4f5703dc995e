/**
 * The partner view island: reads ?prompt and ?format, shows the interviewer's notes for that
 * prompt with curveball minutes scaled to the format, and runs an optional clock that says when
 * each curveball is due. Nothing here is saved: the partner's clock lives only in this tab.
 */
import type { PracticePrompt } from '../../lib/practice-data.ts';
import {
  clockReadout,
  isTimeUp,
  MINUTE_MS,
  minuteMark,
  parseSpeed,
  pauseClock,
  resumeClock,
  roundElapsedMs,
  type ClockState,
} from './clock.ts';
import { timedCurveballs, type TimedCurveball } from './curveballs.ts';
import { announcement, eventsBetween, roundEvents } from './events.ts';
import type { MockFormat } from './phases.ts';
import { loadPrompts, parseFormat, themeLabel } from './prompts.ts';
import { answerSteps, renderPhaseCue } from './round-view.ts';
import { levelChecks, levelName } from './score-form.ts';
import { parseLevel } from './setup-form.ts';
import type { PromptLevel } from '../../lib/levels.ts';
import { announce, el, fillSelect, need, siteBase } from './dom.ts';

const TICK_MS = 200;

function curveballItem(curveball: TimedCurveball, index: number): HTMLLIElement {
  const state = el('span', 'partner-curveball-state', '');
  const item = el(
    'li',
    'partner-curveball',
    el('p', 'partner-curveball-when', `Minute ${curveball.minute} (at ${minuteMark(curveball.minute)}): curveball ${index + 1} `, state),
    el('p', 'partner-curveball-ask', `Say: “${curveball.ask}”`),
    el('details', '', el('summary', '', 'What a strong answer covers'), el('p', '', curveball.strongAnswer)),
  );
  item.dataset.minute = String(curveball.minute);
  return item;
}

/**
 * The prompt's 45-minute answer as phase notes for the interviewer: what a strong candidate says
 * in each phase, to compare with what they hear. The partner sees it during the round (unlike the
 * candidate, who sees it only after). Hidden when the prompt has no answer written yet.
 */
function renderAnswerNotes(root: HTMLElement, prompt: PracticePrompt, format: MockFormat): void {
  const steps = answerSteps(prompt.answer, format);
  need(root, '[data-partner-answer]').hidden = steps.length === 0;
  need(root, '[data-partner-answer-steps]').replaceChildren(
    ...steps.flatMap((step) => [
      el('dt', '', `${step.minutes} · ${step.name}`),
      el('dd', '', el('span', 'partner-answer-label', 'What a strong candidate says here: '), step.text),
    ]),
  );
}

/** The candidate's level's expectations, beside the rubric; hidden when the prompt has none yet. */
function renderLevelNotes(root: HTMLElement, prompt: PracticePrompt, level: PromptLevel): void {
  const checks = levelChecks(prompt, level);
  need(root, '[data-partner-level]').hidden = !checks;
  need(root, '[data-partner-level-title]').textContent = `What the interviewer needs to see at ${levelName(level)}`;
  need(root, '[data-partner-level-items]').replaceChildren(
    ...(checks ?? []).flatMap((check) => [el('dt', '', check.label), el('dd', '', check.text)]),
  );
}

function renderNotes(root: HTMLElement, prompt: PracticePrompt, format: MockFormat, level: PromptLevel): TimedCurveball[] {
  need(root, '[data-partner-meta]').textContent =
    `${format}-minute round · candidate at ${levelName(level)} · difficulty ${prompt.difficulty} · ${prompt.themes.map(themeLabel).join(', ')}`;
  need(root, '[data-partner-title]').textContent = prompt.title;
  need(root, '[data-partner-prompt]').textContent = prompt.prompt;
  need<HTMLAnchorElement>(root, '[data-partner-link]').href = prompt.path;
  need(root, '[data-partner-scoping]').replaceChildren(
    ...prompt.scoping.flatMap((s) => [el('dt', '', `If asked: ${s.question}`), el('dd', '', `Answer: ${s.assume}`)]),
  );
  const curveballs = timedCurveballs(prompt.curveballs, format);
  need(root, '[data-curveball-intro]').textContent =
    format === 45
      ? 'Raise each one at its minute, in your own words, whatever the candidate is doing. The strong answer is for you; keep it hidden.'
      : 'Raise each one at its minute, scaled to this 60-minute round. The strong answer is for you; keep it hidden.';
  need(root, '[data-partner-curveballs]').replaceChildren(...curveballs.map(curveballItem));
  need(root, '[data-partner-probes]').replaceChildren(...prompt.probes.map((probe) => el('li', '', probe)));
  need(root, '[data-partner-rubric]').replaceChildren(...prompt.rubric.map((item) => el('li', '', item)));
  renderLevelNotes(root, prompt, level);
  renderAnswerNotes(root, prompt, format);
  return curveballs;
}

/** The partner's own clock: start, pause, resume and reset, announcing phases and curveballs due. */
function partnerClock(root: HTMLElement, prompt: PracticePrompt, format: MockFormat, speed: number): void {
  const toggle = need<HTMLButtonElement>(root, '[data-clock-toggle]');
  const live = need(root, '[data-partner-announce]');
  const events = roundEvents(format, prompt.curveballs, { audience: 'interviewer', curveballs: true });
  let clock: ClockState | undefined;
  let lastMs = 0;
  let timer: number | undefined;

  const draw = () => {
    const elapsedMs = clock ? roundElapsedMs(clock, Date.now(), speed) : 0;
    const minute = elapsedMs / MINUTE_MS;
    const readout = clockReadout(format, elapsedMs);
    need(root, '[data-elapsed]').textContent = readout.elapsed;
    need(root, '[data-remaining]').textContent = readout.remaining;
    renderPhaseCue(need(root, '[data-phase-now]'), need(root, '[data-phase-next]'), format, minute);
    for (const item of root.querySelectorAll<HTMLElement>('.partner-curveball')) {
      const due = clock !== undefined && Number(item.dataset.minute) <= minute;
      const text = due ? '(due now or already raised)' : '';
      const state = item.querySelector('.partner-curveball-state')!;
      if (state.textContent !== text) state.textContent = text;
    }
    const passed = eventsBetween(events, lastMs, elapsedMs);
    if (passed.length > 0) announce(live, announcement(passed));
    lastMs = elapsedMs;
    if (isTimeUp(format, elapsedMs)) stop();
  };
  const stop = () => {
    clearInterval(timer);
    timer = undefined;
  };
  const label = () => {
    toggle.textContent = !clock ? 'Start the clock' : clock.pausedAt === null ? 'Pause' : 'Resume';
  };

  toggle.addEventListener('click', () => {
    const now = Date.now();
    if (!clock) {
      clock = { startedAt: now, pausedAt: null, pausedTotal: 0 };
      announce(live, 'Clock started. Phase 1: Scoping.');
    } else {
      clock = clock.pausedAt === null ? pauseClock(clock, now) : resumeClock(clock, now);
    }
    if (clock.pausedAt === null && timer === undefined) timer = window.setInterval(draw, TICK_MS);
    if (clock.pausedAt !== null) stop();
    label();
    draw();
  });
  need(root, '[data-clock-reset]').addEventListener('click', () => {
    stop();
    clock = undefined;
    lastMs = 0;
    label();
    draw();
    announce(live, 'Clock reset.');
  });
  draw();
}

async function startPartnerPage(root: HTMLElement): Promise<void> {
  const params = new URLSearchParams(location.search);
  const error = need(root, '[data-partner-error]');
  let prompts: PracticePrompt[];
  try {
    prompts = await loadPrompts(siteBase());
  } catch {
    error.textContent = 'The prompts could not be loaded. Check your connection and reload the page.';
    return;
  }
  const requested = params.get('prompt');
  const prompt = prompts.find((p) => p.id === requested);
  if (!prompt) {
    if (requested) error.textContent = `There is no prompt "${requested}" on this site. Choose one below.`;
    const form = need<HTMLFormElement>(root, '[data-partner-choose]');
    fillSelect(
      need<HTMLSelectElement>(form, '[data-partner-select]'),
      prompts.map((p) => ({ value: p.id, label: p.title })),
    );
    form.hidden = false;
    return;
  }
  const format = parseFormat(params.get('format'));
  renderNotes(root, prompt, format, parseLevel(params.get('level')));
  need(root, '[data-partner-notes]').hidden = false;
  partnerClock(root, prompt, format, parseSpeed(params.get('speed')));
}

const root = document.querySelector<HTMLElement>('[data-partner]');
if (root) void startPartnerPage(root);
