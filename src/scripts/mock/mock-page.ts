/**
 * The mock interview island: setup, the running round, scoring and history. The round in progress
 * lives in studyStore().activeMock and every figure on screen is recomputed from it and the wall
 * clock (clock.ts), so a reload or a pause never loses time. The `speed` URL parameter runs the
 * clock faster for tests and rehearsal.
 */
import type { PracticePrompt } from '../../lib/practice-data.ts';
import type { ActiveMock } from '../study/schema.ts';
import { isPromptLevel, LEVEL_ASPECTS } from '../../lib/levels.ts';
import { studyStore } from '../study/store.ts';
import { clockReadout, isTimeUp, MINUTE_MS, parseSpeed, pauseClock, resumeClock, roundElapsedMs, roundEndedAt } from './clock.ts';
import { revealedCurveballs } from './curveballs.ts';
import { announcement, eventsBetween, phaseAnnouncement, roundEvents, type RoundEvent } from './events.ts';
import { renderHistory } from './history-view.ts';
import { loadPrompts, partnerUrl, themeLabel } from './prompts.ts';
import { renderAnswerReview, renderCurveballs, renderPhaseCue, renderPhaseList } from './round-view.ts';
import { levelName, readScore, renderLevelChecks, renderRubric } from './score-form.ts';
import { buildSession, newSessionId } from './session.ts';
import { fillSetupForm, readSetupForm } from './setup-form.ts';
import { announce, need, siteBase } from './dom.ts';

/** Often enough that the seconds never look stuck, even on the fast rehearsal clock. */
const TICK_MS = 200;

type Panel = 'setup' | 'round' | 'score';

interface Round {
  active: ActiveMock;
  prompt: PracticePrompt;
  events: RoundEvent[];
  /** Round time at the last tick: events after it are still to be announced. */
  lastMs: number;
  timer: number | undefined;
}

function startMockPage(root: HTMLElement): void {
  const store = studyStore();
  const speed = parseSpeed(new URLSearchParams(location.search).get('speed'));
  const live = need(root, '[data-mock-announce]');
  const status = need(root, '[data-mock-status]');
  const error = need(root, '[data-mock-error]');
  const setupForm = need<HTMLFormElement>(root, '[data-setup-form]');
  const scoreForm = need<HTMLFormElement>(root, '[data-score-form]');
  const scoreError = need(root, '[data-score-error]');
  const pauseButton = need<HTMLButtonElement>(root, '[data-pause]');
  const curveballList = need(root, '[data-curveball-list]');
  const shareInput = need<HTMLInputElement>(root, '[data-share-url]');
  const copyStatus = need(root, '[data-copy-status]');
  const discardDialog = need<HTMLDialogElement>(root, '[data-discard-dialog]');
  let prompts: PracticePrompt[] = [];
  let round: Round | undefined;

  const show = (panel: Panel, focus: boolean) => {
    for (const section of root.querySelectorAll<HTMLElement>('[data-panel]')) section.hidden = section.dataset.panel !== panel;
    if (focus) need(root, `[data-panel="${panel}"] h3`).focus();
  };

  /** Saves the round in progress (or its end); says so on the page when the browser keeps nothing. */
  const save = (active: ActiveMock | null) => {
    const saved = store.update((data) => {
      data.activeMock = active;
    });
    if (!saved.ok) {
      error.textContent = active
        ? `This round is running, but it is not being saved: ${saved.problem} A reload would lose it.`
        : `The round was closed here, but the browser did not save that: ${saved.problem} It may come back after a reload.`;
    }
    return saved;
  };

  const stopTicking = () => {
    if (round?.timer !== undefined) clearInterval(round.timer);
    if (round) round.timer = undefined;
  };

  const startTicking = () => {
    if (round && round.timer === undefined) round.timer = window.setInterval(tick, TICK_MS);
  };

  function tick(): void {
    if (!round) return;
    const { active, prompt } = round;
    const elapsedMs = roundElapsedMs(active, Date.now(), speed);
    const minute = elapsedMs / MINUTE_MS;
    const readout = clockReadout(active.format, elapsedMs);
    need(root, '[data-elapsed]').textContent = readout.elapsed;
    need(root, '[data-remaining]').textContent = readout.remaining;
    renderPhaseList(need(root, '[data-phase-list]'), active.format, minute);
    renderPhaseCue(need(root, '[data-phase-now]'), need(root, '[data-phase-next]'), active.format, minute);
    if (!active.partner) {
      const revealed = revealedCurveballs(prompt.curveballs, active.format, minute);
      renderCurveballs(curveballList, revealed);
      need(root, '[data-curveball-empty]').hidden = revealed.length > 0;
    }
    const passed = eventsBetween(round.events, round.lastMs, elapsedMs);
    if (passed.length > 0) announce(live, announcement(passed));
    round.lastMs = elapsedMs;
    if (isTimeUp(active.format, elapsedMs)) {
      stopTicking();
      showScore(true);
    }
  }

  function renderPaused(): void {
    // Stryker disable next-line OptionalChaining: renderPaused is called only with a round open.
    const paused = round?.active.pausedAt !== null;
    pauseButton.textContent = paused ? 'Resume' : 'Pause';
    need(root, '[data-paused-note]').hidden = !paused;
  }

  /** Shows a round, new or restored from storage. */
  function openRound(active: ActiveMock, prompt: PracticePrompt, restored: boolean): void {
    stopTicking();
    const events = roundEvents(active.format, prompt.curveballs, { audience: 'candidate', curveballs: !active.partner });
    // A restored round announces only what happens from now on.
    round = { active, prompt, events, lastMs: restored ? roundElapsedMs(active, Date.now(), speed) : 0, timer: undefined };
    need(root, '[data-round-title]').textContent = prompt.title;
    need(root, '[data-round-meta]').textContent = [
      `${active.format}-minute round`,
      ...(active.level ? [`at ${levelName(active.level)}`] : []),
      `difficulty ${prompt.difficulty}`,
      prompt.themes.map(themeLabel).join(', '),
      active.partner ? 'with a partner as the interviewer' : 'on your own',
    ].join(' · ');
    need(root, '[data-round-prompt]').textContent = prompt.prompt;
    curveballList.replaceChildren();
    need(root, '[data-curveballs]').hidden = active.partner;
    need(root, '[data-share]').hidden = !active.partner;
    const link = partnerUrl(location.origin, siteBase(), prompt.id, active.format, active.level);
    shareInput.value = link;
    need<HTMLAnchorElement>(root, '[data-share-open]').href = link;
    copyStatus.textContent = '';
    need(root, '[data-phase-list]').dataset.rendered = '';
    renderPaused();
    show('round', !restored);
    tick();
    if (!round || isTimeUp(active.format, round.lastMs)) return;
    if (active.pausedAt === null) startTicking();
    if (!restored) announce(live, phaseAnnouncement(active.format, 0));
  }

  function showScore(timeUp: boolean): void {
    if (!round) return;
    const { active, prompt } = round;
    const partnerNote = active.partner ? ' Ask your partner which items they saw: they scored from the same rubric.' : '';
    const withLevel = renderLevelChecks(need<HTMLFieldSetElement>(root, '[data-level-checks]'), prompt, active.level);
    const levelNote = withLevel && active.level ? ` and what ${active.level} needs to show` : '';
    need(root, '[data-score-intro]').textContent =
      `${timeUp ? 'Time is up. ' : ''}Tick what you covered in "${prompt.title}"${levelNote}, rate the round overall and note what to do differently.${partnerNote}`;
    renderRubric(need(root, '[data-rubric]'), prompt.rubric);
    renderAnswerReview(need(root, '[data-answer-review]'), prompt.answer, active.format);
    scoreForm.reset();
    scoreError.textContent = '';
    show('score', true);
  }

  function openSetup(focus: boolean): void {
    stopTicking();
    round = undefined;
    announce(live, '');
    show('setup', focus);
  }

  setupForm.addEventListener('submit', (event) => {
    event.preventDefault();
    error.textContent = '';
    status.textContent = '';
    const choice = readSetupForm(setupForm, prompts);
    if (typeof choice === 'string') {
      error.textContent = choice;
      return;
    }
    const active: ActiveMock = {
      promptId: choice.prompt.id,
      format: choice.format,
      startedAt: Date.now(),
      pausedAt: null,
      pausedTotal: 0,
      partner: choice.partner,
      level: choice.level,
    };
    save(active);
    openRound(active, choice.prompt, false);
  });

  pauseButton.addEventListener('click', () => {
    if (!round) return;
    const now = Date.now();
    const paused = round.active.pausedAt !== null;
    round.active = paused ? resumeClock(round.active, now) : pauseClock(round.active, now);
    save(round.active);
    renderPaused();
    if (paused) startTicking();
    else stopTicking();
    tick();
  });

  need(root, '[data-end]').addEventListener('click', () => {
    if (!round) return;
    // Ending freezes the clock, so the saved end time is the moment the button was pressed.
    round.active = pauseClock(round.active, Date.now());
    save(round.active);
    stopTicking();
    announce(live, '');
    showScore(false);
  });

  const copyLink = async () => {
    try {
      // Stryker disable next-line StringLiteral: the message of this error is never shown; the catch below says what happened.
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(shareInput.value);
      copyStatus.textContent = 'Link copied. Send it to your partner.';
    } catch {
      // Insecure pages and some browsers refuse the clipboard: leave the link ready to copy by hand.
      shareInput.focus();
      shareInput.select();
      copyStatus.textContent = 'This browser did not allow copying. The link is selected: copy it with Ctrl+C (Cmd+C on a Mac).';
    }
  };
  need(root, '[data-copy]').addEventListener('click', () => void copyLink());

  scoreForm.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!round) return;
    const score = readScore(scoreForm);
    if (score.rating === null) {
      scoreError.textContent = 'Choose an overall rating from 1 to 4 before saving.';
      need<HTMLInputElement>(scoreForm, 'input[name="rating"]').focus();
      return;
    }
    const { active, prompt } = round;
    scoreError.textContent = '';
    const session = buildSession({
      id: newSessionId(),
      active,
      endedAt: roundEndedAt(active, active.format, Date.now(), speed),
      covered: score.covered,
      rubricSize: prompt.rubric.length,
      rating: score.rating,
      notes: score.notes,
      levelCovered: score.levelCovered,
    });
    const saved = store.update((data) => {
      data.mocks.push(session);
      data.activeMock = null;
    });
    if (!saved.ok) {
      scoreError.textContent = `Not saved: ${saved.problem} Your ticks, rating and notes are still in the form; copy the notes somewhere safe before leaving the page.`;
      return;
    }
    error.textContent = '';
    openSetup(true);
    const levelPart =
      session.level && session.levelCovered
        ? `, ${session.levelCovered.length} of ${LEVEL_ASPECTS.length} ${session.level} expectations`
        : '';
    status.textContent = `Round saved: ${prompt.title}, ${session.covered.length} of ${session.rubricSize} rubric items${levelPart}. It is first in Past rounds.`;
  });

  need(root, '[data-discard]').addEventListener('click', () => discardDialog.showModal());
  discardDialog.addEventListener('close', () => {
    if (discardDialog.returnValue !== 'confirm') return;
    const saved = save(null);
    openSetup(true);
    status.textContent = saved.ok ? 'The round was discarded.' : '';
  });

  store.subscribe((data) => renderHistory(root, data.mocks, prompts));

  void (async () => {
    try {
      prompts = await loadPrompts(siteBase());
    } catch {
      error.textContent = 'The prompts could not be loaded, so a round cannot start. Check your connection and reload the page.';
      return;
    }
    fillSetupForm(setupForm, prompts);
    const data = store.read();
    renderHistory(root, data.mocks, prompts);
    const saved = data.activeMock;
    if (!saved) return;
    if (!isRestorable(saved)) {
      save(null);
      error.textContent = 'The round you had in progress could not be restored (its saved record is damaged), so it was closed.';
      return;
    }
    const prompt = prompts.find((p) => p.id === saved.promptId);
    if (!prompt) {
      save(null);
      error.textContent = 'The round you had in progress used a prompt that is no longer on the site, so it was closed.';
      return;
    }
    openRound(saved, prompt, true);
    status.textContent = round ? 'Your round in progress was restored.' : '';
  })();
}

/** A saved round in progress the clock can run: a known format and real times. */
function isRestorable(active: ActiveMock): boolean {
  const time = (value: unknown) => Number.isFinite(value) && (value as number) >= 0;
  return (
    typeof active.promptId === 'string' &&
    (active.format === 45 || active.format === 60) &&
    time(active.startedAt) &&
    (active.pausedAt === null || time(active.pausedAt)) &&
    time(active.pausedTotal) &&
    typeof active.partner === 'boolean' &&
    (active.level === null || isPromptLevel(active.level))
  );
}

const root = document.querySelector<HTMLElement>('[data-mock]');
if (root) startMockPage(root);
