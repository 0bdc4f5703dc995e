// @vitest-environment happy-dom
/**
 * Scoring by level: the self-score offers the chosen level's five expectations for the prompt (or
 * no level part at all when the prompt has none yet), reads back what was ticked, and the setup
 * form's level defaults to L5. The 45-minute answer is laid out by phase with the round's minutes.
 */
import { describe, expect, it } from 'vitest';
import type { PracticeAnswer, PracticeLevels } from '../../lib/practice-data.ts';
import { levelChecks, levelName, readScore, renderLevelChecks, renderRubric } from './score-form.ts';
import { DEFAULT_LEVEL, parseLevel } from './setup-form.ts';
import { answerSteps, renderAnswerReview } from './round-view.ts';

const level = (name: string) => ({
  scoping: `${name}: asks about the heartbeat interval`,
  design: `${name}: draws the KV store`,
  deepDive: `${name}: orders writes by session`,
  operations: `${name}: alerts on lag`,
  separates: `${name}: names the trade-off`,
});
const levels: PracticeLevels = { L4: level('L4'), L5: level('L5'), L6: level('L6'), L7: 'Principal: the org.' };
const answer: PracticeAnswer = {
  scoping: 'Ask three questions.',
  estimation: '870K writes a second.',
  highLevel: 'Four boxes.',
  stressor: 'Streams triple.',
  deepDive: 'Write ordering.',
  operations: 'A region fails.',
  recap: 'Summary.',
  leaveOut: ['Auth', 'Billing'],
  sixtyMinutes: 'The cache as a second deep dive.',
};

/** Puts markup from this test (never imported data) on the page. */
function page(html: string): void {
  document.body.replaceChildren(...new DOMParser().parseFromString(html, 'text/html').body.childNodes);
}

function scoreForm(): HTMLFormElement {
  page(`<form>
    <ul data-rubric></ul>
    <fieldset data-level-checks hidden><legend>x</legend><ul></ul></fieldset>
    <input type="radio" name="rating" value="3" checked />
    <textarea name="notes">n</textarea>
  </form>`);
  return document.querySelector('form')!;
}

describe('the level part of the self-score', () => {
  it('lists the chosen level’s five expectations for the prompt, in the round’s order', () => {
    expect(levelChecks({ levels }, 'L6')).toEqual([
      { key: 'scoping', label: 'Scoping', text: 'L6: asks about the heartbeat interval' },
      { key: 'design', label: 'High-level design', text: 'L6: draws the KV store' },
      { key: 'deepDive', label: 'Deep dive', text: 'L6: orders writes by session' },
      { key: 'operations', label: 'Operations', text: 'L6: alerts on lag' },
      { key: 'separates', label: 'What separates it from the level below', text: 'L6: names the trade-off' },
    ]);
    expect(levelChecks({ levels }, 'L4')![0]!.text).toBe('L4: asks about the heartbeat interval');
  });

  it('has nothing to score against without level expectations or without a level', () => {
    expect(levelChecks({}, 'L5')).toBeUndefined();
    expect(levelChecks({ levels }, null)).toBeUndefined();
  });

  it('names a level with its title', () => {
    expect(levelName('L6')).toBe('L6 (Staff Software Engineer)');
    expect(levelName('L4')).toBe('L4 (Software Engineer II)');
  });

  it('shows the L6 checkboxes and reads back the ticked aspects with the rubric', () => {
    const form = scoreForm();
    renderRubric(form.querySelector('[data-rubric]')!, ['One', 'Two']);
    const fieldset = form.querySelector<HTMLFieldSetElement>('[data-level-checks]')!;
    expect(renderLevelChecks(fieldset, { levels }, 'L6')).toBe(true);
    expect(fieldset.hidden).toBe(false);
    expect(fieldset.querySelector('legend')!.textContent).toBe(
      'What the interviewer needs to see at L6 (Staff Software Engineer): which did you show?',
    );
    const boxes = [...fieldset.querySelectorAll<HTMLInputElement>('input[name="level-covered"]')];
    expect(boxes.map((b) => b.closest('label')!.textContent)).toEqual([
      'Scoping: L6: asks about the heartbeat interval',
      'High-level design: L6: draws the KV store',
      'Deep dive: L6: orders writes by session',
      'Operations: L6: alerts on lag',
      'What separates it from the level below: L6: names the trade-off',
    ]);
    boxes[2]!.checked = true;
    boxes[0]!.checked = true;
    form.querySelector<HTMLInputElement>('input[name="covered"][value="1"]')!.checked = true;
    expect(readScore(form)).toEqual({ covered: [1], levelCovered: ['scoping', 'deepDive'], rating: 3, notes: 'n' });
  });

  it('hides the level part for a prompt without expectations, and reads no level score', () => {
    const form = scoreForm();
    const fieldset = form.querySelector<HTMLFieldSetElement>('[data-level-checks]')!;
    renderLevelChecks(fieldset, { levels }, 'L5');
    expect(renderLevelChecks(fieldset, {}, 'L5')).toBe(false);
    expect(fieldset.hidden).toBe(true);
    expect(fieldset.querySelectorAll('input').length).toBe(0);
    expect(readScore(form).levelCovered).toBeNull();
  });
});

describe('choosing a level', () => {
  it('defaults to L5 and accepts only L4, L5 and L6', () => {
    expect(DEFAULT_LEVEL).toBe('L5');
    expect(parseLevel('L4')).toBe('L4');
    expect(parseLevel('L6')).toBe('L6');
    for (const raw of [null, undefined, '', 'L7', 'l6', 'senior']) expect(parseLevel(raw), String(raw)).toBe('L5');
  });
});

describe('the 45-minute answer after the round', () => {
  it('gives each phase with the minute marks of the round’s format', () => {
    expect(answerSteps(answer, 45).map((s) => `${s.minutes} ${s.name}: ${s.text}`)).toEqual([
      '0–10 Scoping: Ask three questions.',
      '10–13 Estimation: 870K writes a second.',
      '13–20 High-level design: Four boxes.',
      'about minute 20 Scaling stressor: Streams triple.',
      '20–30 Deep dive: Write ordering.',
      '30–40 Operations: A region fails.',
      '40–45 Recap: Summary.',
    ]);
    expect(answerSteps(answer, 60).map((s) => s.minutes)).toEqual(['0–12', '12–16', '16–25', 'about minute 25', '25–43', '43–53', '53–60']);
    expect(answerSteps(undefined, 45)).toEqual([]);
  });

  it('shows what to leave out, and what a 60-minute round adds only in one', () => {
    page('<section hidden><ol></ol><div data-answer-extra></div></section>');
    const section = document.querySelector('section')!;
    renderAnswerReview(section, answer, 45);
    expect(section.hidden).toBe(false);
    expect(section.querySelectorAll('li').length).toBe(7);
    expect(section.querySelector('[data-answer-extra]')!.textContent).toBe('Leave out: Auth · Billing');
    renderAnswerReview(section, answer, 60);
    expect(section.querySelector('li')!.textContent).toBe('0–12 · Scoping. Ask three questions.');
    expect(section.querySelector('[data-answer-extra]')!.textContent).toContain('In a 60-minute round: The cache as a second deep dive.');
    renderAnswerReview(section, undefined, 45);
    expect(section.hidden).toBe(true);
    expect(section.querySelectorAll('li').length).toBe(0);
  });
});
