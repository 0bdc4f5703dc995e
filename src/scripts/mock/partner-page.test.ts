// @vitest-environment happy-dom
/**
 * The partner view island on a real DOM (happy-dom), driven as the partner playing the interviewer
 * does: open the link the candidate shared, read the notes for the prompt, run the optional clock
 * and hear when each curveball is due. Nothing is saved. The clock is faked. The browser side is in
 * tests/e2e/mock.test.ts.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { OptionElement, PARTNER_PAGE, showPage } from './__fixtures__/markup.ts';
import { PROMPTS, promptsFetch } from './__fixtures__/prompts.ts';
import { $, text } from '../__fixtures__/dom.ts';

const T0 = Date.parse('2026-03-01T10:00:00.000Z');
const MINUTE = 60_000;

const texts = (selector: string) => [...document.querySelectorAll(selector)].map((node) => node.textContent?.trim());

async function load(search: string): Promise<void> {
  history.replaceState(null, '', `/netflix-sd/practice/partner/${search}`);
  vi.resetModules();
  await import('./partner-page.ts');
  for (let i = 0; i < 5; i += 1) await new Promise((resolve) => setImmediate(resolve));
}

/** Lets `n` minutes pass: the clock jumps, then the next tick redraws and a moment later the announcement is read. */
async function minutes(n: number): Promise<void> {
  vi.setSystemTime(Date.now() + n * MINUTE - 200);
  await vi.advanceTimersByTimeAsync(200);
}

beforeEach(() => {
  vi.useFakeTimers({ now: T0, toFake: ['Date', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
  vi.stubGlobal('fetch', promptsFetch(PROMPTS));
  vi.stubGlobal('Option', OptionElement);
  showPage(PARTNER_PAGE);
});

afterEach(() => {
  vi.clearAllTimers();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('the interviewer’s notes', () => {
  it('shows the prompt, scoping answers, curveballs, probes, rubric, level and answer for the linked round', async () => {
    await load('?prompt=watch-history&format=45&level=L6');
    expect($('[data-partner-notes]').hidden).toBe(false);
    expect($('[data-partner-choose]').hidden).toBe(true);
    expect(text('[data-partner-error]')).toBe('');
    expect(text('[data-partner-meta]')).toBe(
      '45-minute round · candidate at L6 (Staff Software Engineer) · difficulty hard · device sync, storage',
    );
    expect(text('[data-partner-title]')).toBe('Design watch history');
    expect(text('[data-partner-prompt]')).toBe('Record what every member watches and resume it on any device.');
    expect($<HTMLAnchorElement>('[data-partner-link]').getAttribute('href')).toBe('/netflix-sd/prompts/watch-history/');
    expect(texts('[data-partner-scoping] > *')).toEqual([
      'If asked: How many members?',
      'Answer: About 300 million.',
      'If asked: How fresh must resume be?',
      'Answer: A few seconds.',
    ]);
    expect(text('[data-curveball-intro]')).toBe(
      'Raise each one at its minute, in your own words, whatever the candidate is doing. The strong answer is for you; keep it hidden.',
    );
    expect(texts('.partner-curveball-when')).toEqual(['Minute 12 (at 12:00): curveball 1', 'Minute 30 (at 30:00): curveball 2']);
    expect(texts('.partner-curveball-ask')).toEqual(['Say: “A region goes down.”', 'Say: “Writes triple.”']);
    expect(texts('.partner-curveball details p')).toEqual(['Fail over reads to another region.', 'Batch the heartbeats.']);
    expect(texts('[data-partner-probes] li')).toEqual(['Why Cassandra?']);
    expect(texts('[data-partner-rubric] li')).toEqual(['Sizes the write rate', 'Chooses a store', 'Plans for a region failure']);
    expect($('[data-partner-level]').hidden).toBe(false);
    expect(text('[data-partner-level-title]')).toBe('What the interviewer needs to see at L6 (Staff Software Engineer)');
    expect(texts('[data-partner-level-items] dt')).toEqual([
      'Scoping',
      'High-level design',
      'Deep dive',
      'Operations',
      'What separates it from the level below',
    ]);
    expect(texts('[data-partner-level-items] dd')[0]).toBe('L6: asks about the heartbeat interval');
    expect($('[data-partner-answer]').hidden).toBe(false);
    const steps = texts('[data-partner-answer-steps] dt');
    expect(steps.length).toBeGreaterThan(0);
    expect(steps[0]).toMatch(/^0–\d+ · /);
    expect(texts('[data-partner-answer-steps] dd')[0]).toBe('What a strong candidate says here: Ask three questions.');
    // The clock waits for the partner.
    expect(text('[data-elapsed]')).toBe('0:00');
    expect(text('[data-remaining]')).toBe('45:00');
    expect(text('[data-clock-toggle]')).toBe('Start the clock');
    expect(text('[data-phase-now]')).toMatch(/^Now: Scoping, until /);
  });

  it('scales the curveballs to a 60-minute round and defaults the level to L5', async () => {
    await load('?prompt=watch-history&format=60');
    expect(text('[data-partner-meta]')).toMatch(/^60-minute round · candidate at L5 \(Senior Software Engineer\) · /);
    expect(text('[data-curveball-intro]')).toBe(
      'Raise each one at its minute, scaled to this 60-minute round. The strong answer is for you; keep it hidden.',
    );
    expect(texts('.partner-curveball-when')).toEqual(['Minute 16 (at 16:00): curveball 1', 'Minute 40 (at 40:00): curveball 2']);
    expect(text('[data-remaining]')).toBe('60:00');
  });

  it('hides the level and answer sections for a prompt that has neither yet', async () => {
    await load('?prompt=bare');
    expect($('[data-partner-level]').hidden).toBe(true);
    expect(texts('[data-partner-level-items] > *')).toEqual([]);
    expect($('[data-partner-answer]').hidden).toBe(true);
    expect(texts('[data-partner-answer-steps] > *')).toEqual([]);
    expect(texts('.partner-curveball')).toEqual([]);
  });

  it('offers the prompts to choose from when the link names none', async () => {
    await load('');
    expect($('[data-partner-choose]').hidden).toBe(false);
    expect($('[data-partner-notes]').hidden).toBe(true);
    expect(text('[data-partner-error]')).toBe('');
    expect([...$<HTMLSelectElement>('[data-partner-select]').options].map((o) => [o.value, o.text])).toEqual([
      ['watch-history', 'Design watch history'],
      ['bare', 'Design a rate limiter'],
    ]);
  });

  it('says so when the linked prompt is not on the site, and offers the others', async () => {
    await load('?prompt=retired');
    expect(text('[data-partner-error]')).toBe('There is no prompt "retired" on this site. Choose one below.');
    expect($('[data-partner-choose]').hidden).toBe(false);
  });

  it('says so when the prompts cannot be loaded', async () => {
    vi.stubGlobal('fetch', promptsFetch('offline'));
    await load('?prompt=watch-history');
    expect(text('[data-partner-error]')).toBe('The prompts could not be loaded. Check your connection and reload the page.');
    expect($('[data-partner-notes]').hidden).toBe(true);
    expect($('[data-partner-choose]').hidden).toBe(true);
  });
});

describe('the partner’s clock', () => {
  it('starts, marks curveballs due and announces them, pauses, resumes and resets', async () => {
    await load('?prompt=watch-history');
    $('[data-clock-toggle]').click();
    expect(text('[data-clock-toggle]')).toBe('Pause');
    await vi.advanceTimersByTimeAsync(50);
    expect(text('[data-partner-announce]')).toBe('Clock started. Phase 1: Scoping.');
    expect(texts('.partner-curveball-state')).toEqual(['', '']);

    await minutes(12);
    expect(text('[data-elapsed]')).toBe('12:00');
    expect(texts('.partner-curveball-state')).toEqual(['(due now or already raised)', '']);
    await vi.advanceTimersByTimeAsync(50);
    expect(text('[data-partner-announce]')).toContain('A region goes down.');

    $('[data-clock-toggle]').click();
    expect(text('[data-clock-toggle]')).toBe('Resume');
    await minutes(10);
    expect(text('[data-elapsed]')).toBe('12:00');
    $('[data-clock-toggle]').click();
    expect(text('[data-clock-toggle]')).toBe('Pause');
    await minutes(1);
    expect(text('[data-elapsed]')).toBe('13:00');

    $('[data-clock-reset]').click();
    expect(text('[data-clock-toggle]')).toBe('Start the clock');
    expect(text('[data-elapsed]')).toBe('0:00');
    expect(texts('.partner-curveball-state')).toEqual(['', '']);
    await vi.advanceTimersByTimeAsync(50);
    expect(text('[data-partner-announce]')).toBe('Clock reset.');
    // Reset stops the clock.
    await minutes(5);
    expect(text('[data-elapsed]')).toBe('0:00');
  });

  it('ticks only while the clock runs, and redraws at once when paused', async () => {
    await load('?prompt=watch-history');
    expect(vi.getTimerCount()).toBe(0);
    $('[data-clock-toggle]').click();
    await vi.advanceTimersByTimeAsync(50);
    expect(vi.getTimerCount()).toBe(1);
    await minutes(12);
    // Three minutes pass without a tick (a background tab), then the partner pauses.
    vi.setSystemTime(Date.now() + 3 * MINUTE);
    $('[data-clock-toggle]').click();
    expect(text('[data-elapsed]')).toBe('15:00');
    expect(vi.getTimerCount()).toBe(0);
    $('[data-clock-toggle]').click();
    expect(vi.getTimerCount()).toBe(1);
    $('[data-clock-reset]').click();
    await vi.advanceTimersByTimeAsync(50);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('does nothing on a page without the partner view', async () => {
    document.body.replaceChildren();
    await expect(load('?prompt=watch-history')).resolves.toBeUndefined();
  });

  it('stops when time is up', async () => {
    await load('?prompt=bare&speed=60');
    $('[data-clock-toggle]').click();
    await vi.advanceTimersByTimeAsync(45_000);
    expect(text('[data-remaining]')).toBe('0:00');
    await vi.advanceTimersByTimeAsync(50);
    // The partner hears that time is up; scoring is the candidate's.
    expect(text('[data-partner-announce]')).toBe('Time is up.');
    const elapsed = text('[data-elapsed]');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(text('[data-elapsed]')).toBe(elapsed);
    expect(vi.getTimerCount()).toBe(0);
  });
});
