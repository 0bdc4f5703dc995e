// @vitest-environment happy-dom
/**
 * Drawing a running round and its score on a real DOM (happy-dom): the phase list with each
 * phase done, current or to come, redrawn only when the phase changes; the cue for the last
 * phase; the answer review for 45 and 60 minutes and without an answer; curveballs appended as
 * they come; the self-score's checkboxes; and the small DOM helpers (classes, required elements,
 * announcements that repeat and cancel).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PracticeAnswer } from '../../lib/practice-data.ts';
import { renderAnswerReview, renderCurveballs, renderPhaseCue, renderPhaseList } from './round-view.ts';
import { readScore, renderLevelChecks, renderRubric } from './score-form.ts';
import { announce, el, fillSelect, need } from './dom.ts';
import { minuteMark } from './clock.ts';
import { phasesFor } from './phases.ts';
import { OptionElement } from './__fixtures__/markup.ts';
import { WATCH_HISTORY } from './__fixtures__/prompts.ts';

function page(html: string): HTMLElement {
  document.body.replaceChildren(...new DOMParser().parseFromString(`<div id="root">${html}</div>`, 'text/html').body.childNodes);
  return document.getElementById('root')!;
}

const ANSWER = WATCH_HISTORY.answer as PracticeAnswer;

describe('the phase list', () => {
  it('marks phases done, current and to come, with their minutes', () => {
    const root = page('<ol data-phase-list></ol>');
    const list = need(root, '[data-phase-list]');
    const phases = phasesFor(45);
    const minute = (phases[1]!.start + phases[1]!.end) / 2;
    renderPhaseList(list, 45, minute);
    const items = [...list.querySelectorAll('li')];
    expect(items.map((li) => li.className)).toEqual(phases.map(() => 'mock-phase'));
    expect(items.map((li) => li.querySelector('.mock-phase-state')!.textContent)).toEqual([
      '(done)',
      '(now)',
      ...phases.slice(2).map(() => '(to come)'),
    ]);
    expect(items.map((li) => li.getAttribute('aria-current'))).toEqual([null, 'step', ...phases.slice(2).map(() => null)]);
    expect([...items[0]!.querySelectorAll('span')].map((s) => s.textContent)).toEqual([
      `${minuteMark(phases[0]!.start)}–${minuteMark(phases[0]!.end)}`,
      phases[0]!.name,
      '(done)',
    ]);
  });

  it('is redrawn only when the phase changes', () => {
    const list = need(page('<ol></ol>'), 'ol');
    renderPhaseList(list, 45, 0);
    const first = list.firstElementChild;
    renderPhaseList(list, 45, 0.5);
    expect(list.firstElementChild).toBe(first);
    renderPhaseList(list, 60, 0.5);
    expect(list.firstElementChild).not.toBe(first);
  });

  it('says the last phase has no next one, and leaves unchanged text alone', () => {
    const root = page('<p id="now"></p><p id="next"></p>');
    const [now, next] = [need(root, '#now'), need(root, '#next')];
    renderPhaseCue(now, next, 45, 44);
    expect(next.textContent).toBe('Last phase: finish on time with the summary.');
    expect(now.textContent).toMatch(/^Now: Recap, until 45:00\. /);
    const changes: MutationRecord[] = [];
    const observer = new MutationObserver((records) => changes.push(...records));
    observer.observe(root, { childList: true, characterData: true, subtree: true });
    renderPhaseCue(now, next, 45, 44.5);
    observer.disconnect();
    expect(changes).toEqual([]);
    renderPhaseCue(now, next, 45, 0);
    expect(next.textContent).toMatch(/^Next, at \d+:\d\d: High-level design\. /);
  });
});

describe('the answer review', () => {
  const review = () => need(page('<section data-answer-review hidden><ol></ol><div data-answer-extra></div></section>'), 'section');

  it('lays out the answer by phase, with what to leave out, and the 60-minute extra only for 60 minutes', () => {
    const section = review();
    renderAnswerReview(section, ANSWER, 60);
    expect(section.hidden).toBe(false);
    const steps = [...section.querySelectorAll('ol li')];
    expect(steps[0]!.className).toBe('mock-answer-step');
    expect(steps[0]!.querySelector('strong')!.textContent).toMatch(/^0–\d+ · Scoping\. $/);
    expect(steps[0]!.textContent).toMatch(/Scoping\. Ask three questions\.$/);
    expect(
      [...section.querySelectorAll('[data-answer-extra] p')].map((p) => [p.querySelector('strong')!.textContent, p.textContent]),
    ).toEqual([
      ['Leave out: ', 'Leave out: Auth · Billing'],
      ['In a 60-minute round: ', 'In a 60-minute round: The cache as a second deep dive.'],
    ]);
    renderAnswerReview(section, ANSWER, 45);
    expect(section.querySelectorAll('[data-answer-extra] p')).toHaveLength(1);
    renderAnswerReview(section, undefined, 45);
    expect(section.hidden).toBe(true);
    expect(section.querySelectorAll('ol li, [data-answer-extra] p')).toHaveLength(0);
  });

  it('names what it needs when the page lacks it', () => {
    const section = need(page('<section><ol></ol></section>'), 'section');
    expect(() => renderAnswerReview(section, ANSWER, 45)).toThrow(
      'Mock interview: the answer review needs an <ol> and a [data-answer-extra].',
    );
    const other = need(page('<section><div data-answer-extra></div></section>'), 'section');
    expect(() => renderAnswerReview(other, ANSWER, 45)).toThrow(/needs an <ol>/);
  });
});

describe('curveballs on the candidate’s screen', () => {
  it('appends each new curveball with the strong answer behind a disclosure', () => {
    const list = need(page('<ol></ol>'), 'ol');
    const [first, second] = [
      { at: 12, minute: 12, ask: 'A region goes down.', strongAnswer: 'Fail over.' },
      { at: 30, minute: 30, ask: 'Writes triple.', strongAnswer: 'Batch.' },
    ];
    renderCurveballs(list, [first]);
    const item = list.firstElementChild!;
    item.querySelector('details')!.open = true;
    renderCurveballs(list, [first, second]);
    expect(list.firstElementChild).toBe(item);
    expect(item.querySelector('details')!.open).toBe(true);
    expect(item.className).toBe('mock-curveball');
    expect(item.querySelector('summary')!.textContent).toBe('Show a strong answer');
    expect(item.querySelector('details p')!.textContent).toBe('Fail over.');
    expect([...list.querySelectorAll('.mock-curveball-when')].map((p) => p.textContent)).toEqual([
      'Curveball 1, at 12:00. The interviewer says:',
      'Curveball 2, at 30:00. The interviewer says:',
    ]);
  });
});

describe('the self-score', () => {
  const form = () =>
    need<HTMLFormElement>(
      page(`<form><ul data-rubric></ul>
        <fieldset data-level-checks hidden><legend>x</legend><ul></ul></fieldset>
        <input type="radio" name="rating" value="2" checked /></form>`),
      'form',
    );

  it('offers the rubric and the level’s expectations as labeled checkboxes, enabled only when shown', () => {
    const score = form();
    renderRubric(need(score, '[data-rubric]'), ['Sizes the write rate']);
    expect(score.querySelector('[data-rubric] label')!.className).toBe('mock-choice');
    const fieldset = need<HTMLFieldSetElement>(score, '[data-level-checks]');
    expect(renderLevelChecks(fieldset, WATCH_HISTORY, 'L6')).toBe(true);
    expect([fieldset.hidden, fieldset.disabled]).toEqual([false, false]);
    const label = fieldset.querySelector('label')!;
    expect(label.className).toBe('mock-choice');
    expect(label.querySelector('strong')!.textContent).toBe('Scoping: ');
    expect(label.querySelector('span')!.textContent).toBe('Scoping: L6: asks about the heartbeat interval');
    expect(renderLevelChecks(fieldset, WATCH_HISTORY, null)).toBe(false);
    expect([fieldset.hidden, fieldset.disabled]).toEqual([true, true]);
  });

  it('reads only real expectations, and no notes when the form has no notes field', () => {
    const score = form();
    const fieldset = need<HTMLFieldSetElement>(score, '[data-level-checks]');
    renderLevelChecks(fieldset, WATCH_HISTORY, 'L5');
    for (const box of fieldset.querySelectorAll<HTMLInputElement>('input')) box.checked = true;
    const forged = Object.assign(document.createElement('input'), {
      type: 'checkbox',
      name: 'level-covered',
      value: 'charisma',
      checked: true,
    });
    fieldset.querySelector('ul')!.append(forged);
    expect(readScore(score)).toEqual({
      covered: [],
      levelCovered: ['scoping', 'design', 'deepDive', 'operations', 'separates'],
      rating: 2,
      notes: '',
    });
  });

  it('names what the level fieldset needs when the page lacks it', () => {
    const fieldset = need<HTMLFieldSetElement>(page('<fieldset><ul></ul></fieldset>'), 'fieldset');
    expect(() => renderLevelChecks(fieldset, WATCH_HISTORY, 'L5')).toThrow(
      'Mock interview: the level fieldset needs a <legend> and a <ul>.',
    );
    const noList = need<HTMLFieldSetElement>(page('<fieldset><legend>x</legend></fieldset>'), 'fieldset');
    expect(() => renderLevelChecks(noList, WATCH_HISTORY, 'L5')).toThrow(/needs a <legend> and a <ul>/);
  });
});

describe('the DOM helpers', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('builds elements with a class only when given one', () => {
    expect(el('p').hasAttribute('class')).toBe(false);
    expect(el('p', '').hasAttribute('class')).toBe(false);
    const p = el('p', 'x', 'text');
    expect([p.className, p.textContent]).toEqual(['x', 'text']);
  });

  it('names a missing element', () => {
    expect(() => need(page(''), '[data-nothing]')).toThrow('Mock interview: the page has no [data-nothing].');
  });

  it('announces a message a moment later, again when it repeats, and only the latest of several', () => {
    const region = need(page('<p role="status"></p>'), 'p');
    announce(region, 'First.');
    announce(region, 'Second.');
    vi.advanceTimersByTime(50);
    expect(region.textContent).toBe('Second.');
    announce(region, 'Second.');
    expect(region.textContent).toBe('');
    vi.advanceTimersByTime(50);
    expect(region.textContent).toBe('Second.');
    announce(region, 'Third.');
    announce(region, '');
    vi.advanceTimersByTime(100);
    expect(region.textContent).toBe('');
  });

  it('fills a select after its first option, or from scratch when it has none', () => {
    vi.stubGlobal('Option', OptionElement);
    const root = page('<select id="a"><option value="">Any</option></select><select id="b"></select>');
    fillSelect(need<HTMLSelectElement>(root, '#a'), [{ value: 'x', label: 'X' }]);
    fillSelect(need<HTMLSelectElement>(root, '#b'), [{ value: 'y', label: 'Y' }]);
    expect([...need<HTMLSelectElement>(root, '#a').options].map((o) => o.value)).toEqual(['', 'x']);
    expect([...need<HTMLSelectElement>(root, '#b').options].map((o) => [o.value, o.text])).toEqual([['y', 'Y']]);
  });
});
