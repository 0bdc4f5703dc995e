// @vitest-environment happy-dom
/**
 * The mock interview island on a real DOM (happy-dom), driven as a candidate does: choose a prompt,
 * start, watch the clock and the phases move, pause, end, score and save; discard; come back to a
 * round in progress. The clock is faked, so minutes pass at once. The browser side is in
 * tests/e2e/mock.test.ts.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { STORAGE_KEY } from '../study/store.ts';
import { emptyStudyData, type ActiveMock, type StudyData } from '../study/schema.ts';
import { partnerUrl } from './prompts.ts';
import { MOCK_PAGE, OptionElement, showPage } from './__fixtures__/markup.ts';
import { PROMPTS, promptsFetch } from './__fixtures__/prompts.ts';
import { fakeStorage, savedStudyData } from '../study/__fixtures__/fake-storage.ts';
import { $, text } from '../__fixtures__/dom.ts';

const T0 = Date.parse('2026-03-01T10:00:00.000Z');
const MINUTE = 60_000;

const storage = fakeStorage();
const saved = () => savedStudyData(storage)!;

const visiblePanel = () => [...document.querySelectorAll<HTMLElement>('[data-panel]')].filter((p) => !p.hidden).map((p) => p.dataset.panel);
const options = (selector: string) => [...$<HTMLSelectElement>(selector).options].map((o) => [o.value, o.text]);

let fetchPrompts: ReturnType<typeof promptsFetch>;

/** Loads the island fresh, as the page's script does, and lets the prompts arrive. */
async function load(search = ''): Promise<void> {
  history.replaceState(null, '', `/netflix-sd/practice/mock/${search}`);
  vi.resetModules();
  await import('./mock-page.ts');
  await settle();
}

/** Lets pending promises settle (the prompts arriving, a clipboard answer); the faked clock stays put. */
async function settle(): Promise<void> {
  for (let i = 0; i < 5; i += 1) await new Promise((resolve) => setImmediate(resolve));
}

function seed(data: Partial<StudyData>): void {
  storage.items.set(STORAGE_KEY, JSON.stringify({ ...emptyStudyData(), ...data }));
}

function choose(values: { prompt?: string; difficulty?: string; theme?: string; format?: '45' | '60'; level?: string; partner?: boolean }) {
  if (values.prompt !== undefined) $<HTMLSelectElement>('[data-prompt-select]').value = values.prompt;
  if (values.difficulty !== undefined) $<HTMLSelectElement>('[data-difficulty-select]').value = values.difficulty;
  if (values.theme !== undefined) $<HTMLSelectElement>('[data-theme-select]').value = values.theme;
  if (values.format) $<HTMLInputElement>(`input[name="format"][value="${values.format}"]`).checked = true;
  if (values.level) $<HTMLInputElement>(`input[name="level"][value="${values.level}"]`).checked = true;
  if (values.partner !== undefined) $<HTMLInputElement>('[data-partner-choice]').checked = values.partner;
}

const submit = (selector: string) => $(selector).dispatchEvent(new Event('submit', { cancelable: true }));

/** Starts a round at the current time. */
function start(values: Parameters<typeof choose>[0]): void {
  choose(values);
  submit('[data-setup-form]');
}

/** Lets `n` minutes pass: the clock jumps (as in a background tab), then the next tick redraws. */
async function minutes(n: number): Promise<void> {
  vi.setSystemTime(Date.now() + n * MINUTE - 200);
  await vi.advanceTimersByTimeAsync(200);
}

function active(overrides: Partial<ActiveMock> = {}): ActiveMock {
  return {
    promptId: 'watch-history',
    format: 45,
    startedAt: T0 - 10 * MINUTE,
    pausedAt: null,
    pausedTotal: 0,
    partner: false,
    level: 'L5',
    ...overrides,
  };
}

beforeEach(() => {
  vi.useFakeTimers({ now: T0, toFake: ['Date', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
  storage.items.clear();
  storage.refuse = null;
  vi.spyOn(window, 'localStorage', 'get').mockReturnValue(storage as unknown as Storage);
  fetchPrompts = promptsFetch(PROMPTS);
  vi.stubGlobal('fetch', fetchPrompts);
  vi.stubGlobal('Option', OptionElement);
  showPage(MOCK_PAGE);
});

afterEach(() => {
  vi.clearAllTimers();
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('setting up a round', () => {
  it('loads the prompts from the site and offers them, their difficulties and themes', async () => {
    await load();
    expect(fetchPrompts.urls).toEqual(['/netflix-sd/practice/prompts.json']);
    expect(options('[data-prompt-select]')).toEqual([
      ['', 'Random prompt'],
      ['watch-history', 'Design watch history (hard)'],
      ['bare', 'Design a rate limiter (medium)'],
    ]);
    expect(options('[data-difficulty-select]')).toEqual([
      ['', 'Any difficulty'],
      ['medium', 'medium'],
      ['hard', 'hard'],
    ]);
    expect(options('[data-theme-select]')).toEqual([
      ['', 'Any theme'],
      ['device-sync', 'device sync'],
      ['edge', 'edge'],
      ['storage', 'storage'],
    ]);
    expect($<HTMLButtonElement>('[data-start]').disabled).toBe(false);
    expect(visiblePanel()).toEqual(['setup']);
    expect($('[data-history-empty]').hidden).toBe(false);
    expect($('[data-history]').hidden).toBe(true);
  });

  it('starts with the prompt a prompt page linked to', async () => {
    await load('?prompt=bare');
    expect($<HTMLSelectElement>('[data-prompt-select]').value).toBe('bare');
  });

  it('ignores a linked prompt the site does not have', async () => {
    await load('?prompt=nope');
    expect($<HTMLSelectElement>('[data-prompt-select]').value).toBe('');
  });

  it('says so and keeps Start disabled when the prompts cannot be loaded', async () => {
    vi.stubGlobal('fetch', promptsFetch('fail'));
    await load();
    expect(text('[data-mock-error]')).toBe(
      'The prompts could not be loaded, so a round cannot start. Check your connection and reload the page.',
    );
    expect($<HTMLButtonElement>('[data-start]').disabled).toBe(true);
  });

  it('picks a random prompt within the filters, and says when none matches', async () => {
    await load();
    start({ difficulty: 'medium' });
    expect(text('[data-round-title]')).toBe('Design a rate limiter');
    $('[data-end]').click();
    $('[data-discard]').click();
    $<HTMLDialogElement>('[data-discard-dialog]').close('confirm');
    expect(visiblePanel()).toEqual(['setup']);
    choose({ difficulty: 'hard', theme: 'edge' });
    submit('[data-setup-form]');
    expect(text('[data-mock-error]')).toBe('No prompt matches those filters. Choose "Any" for one of them.');
    expect(visiblePanel()).toEqual(['setup']);
  });
});

describe('a round on your own', () => {
  it('shows the prompt, saves the round and announces the first phase', async () => {
    await load();
    start({ prompt: 'watch-history', level: 'L6' });
    expect(visiblePanel()).toEqual(['round']);
    expect(document.activeElement).toBe($('[data-panel="round"] h3'));
    expect(text('[data-round-title]')).toBe('Design watch history');
    expect(text('[data-round-meta]')).toBe(
      '45-minute round · at L6 (Staff Software Engineer) · difficulty hard · device sync, storage · on your own',
    );
    expect(text('[data-round-prompt]')).toBe('Record what every member watches and resume it on any device.');
    expect($('[data-share]').hidden).toBe(true);
    expect($('[data-curveballs]').hidden).toBe(false);
    expect(saved().activeMock).toEqual({
      promptId: 'watch-history',
      format: 45,
      startedAt: T0,
      pausedAt: null,
      pausedTotal: 0,
      partner: false,
      level: 'L6',
    });
    // Announced a moment later, so a screen reader hears it even when the text repeats.
    expect(text('[data-mock-announce]')).toBe('');
    await vi.advanceTimersByTimeAsync(50);
    expect(text('[data-mock-announce]')).toMatch(/^Phase 1 of \d+: Scoping, until /);
    expect(text('[data-mock-error]')).toBe('');
    expect(text('[data-elapsed]')).toBe('0:00');
    expect(text('[data-remaining]')).toBe('45:00');
    const phases = [...document.querySelectorAll('[data-phase-list] li')];
    expect(phases[0]!.getAttribute('aria-current')).toBe('step');
    expect(text('[data-phase-now]')).toMatch(/^Now: Scoping, until /);
    expect($('[data-curveball-empty]').hidden).toBe(false);
  });

  it('moves the clock, raises curveballs and announces them as minutes pass', async () => {
    await load();
    start({ prompt: 'watch-history' });
    await minutes(12);
    expect(text('[data-elapsed]')).toBe('12:00');
    expect(text('[data-remaining]')).toBe('33:00');
    expect([...document.querySelectorAll('.mock-curveball-ask')].map((p) => p.textContent)).toEqual(['A region goes down.']);
    expect(text('.mock-curveball-when')).toBe('Curveball 1, at 12:00. The interviewer says:');
    expect($('[data-curveball-empty]').hidden).toBe(true);
    await vi.advanceTimersByTimeAsync(50);
    expect(text('[data-mock-announce]')).toContain('A region goes down.');
    expect(document.querySelectorAll('[data-phase-list] li[aria-current="step"]')).toHaveLength(1);
    expect(document.querySelector('[data-phase-list] li')!.textContent).toContain('(done)');
  });

  it('runs faster with the speed parameter', async () => {
    await load('?speed=60');
    start({ prompt: 'bare' });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(text('[data-elapsed]')).toBe('10:00');
  });

  it('pauses and resumes, keeping the paused time out of the round', async () => {
    await load();
    start({ prompt: 'watch-history' });
    await minutes(5);
    $('[data-pause]').click();
    expect(text('[data-pause]')).toBe('Resume');
    expect($('[data-paused-note]').hidden).toBe(false);
    expect(saved().activeMock?.pausedAt).toBe(T0 + 5 * MINUTE);
    await minutes(20);
    expect(text('[data-elapsed]')).toBe('5:00');
    $('[data-pause]').click();
    expect(text('[data-pause]')).toBe('Pause');
    expect($('[data-paused-note]').hidden).toBe(true);
    expect(saved().activeMock).toMatchObject({ pausedAt: null, pausedTotal: 20 * MINUTE });
    await minutes(1);
    expect(text('[data-elapsed]')).toBe('6:00');
  });

  it('goes to the score when time is up', async () => {
    await load();
    start({ prompt: 'bare', format: '60' });
    await minutes(60);
    expect(visiblePanel()).toEqual(['score']);
    await vi.advanceTimersByTimeAsync(50);
    expect(text('[data-mock-announce]')).toMatch(/ Time is up\. Score your round\.$/);
    // The prompt has no level expectations yet, so the intro asks for none.
    expect(text('[data-score-intro]')).toBe(
      'Time is up. Tick what you covered in "Design a rate limiter", rate the round overall and note what to do differently.',
    );
    expect($('[data-level-checks]').hidden).toBe(true);
    expect($('[data-answer-review]').hidden).toBe(true);
  });

  it('ends early, scores and saves the round, then shows it in the history', async () => {
    vi.spyOn(crypto, 'randomUUID').mockReturnValue('a-b-c-d-e');
    await load();
    start({ prompt: 'watch-history', level: 'L6' });
    await minutes(30);
    $('[data-end]').click();
    expect(visiblePanel()).toEqual(['score']);
    expect(document.activeElement).toBe($('[data-panel="score"] h3'));
    expect(text('[data-score-intro]')).toBe(
      'Tick what you covered in "Design watch history" and what L6 needs to show, rate the round overall and note what to do differently.',
    );
    expect(saved().activeMock?.pausedAt).toBe(T0 + 30 * MINUTE);
    expect([...document.querySelectorAll('[data-rubric] label')].map((l) => l.textContent)).toEqual([
      'Sizes the write rate',
      'Chooses a store',
      'Plans for a region failure',
    ]);
    expect(document.querySelectorAll('[data-level-checks] input')).toHaveLength(5);
    expect($('[data-answer-review]').hidden).toBe(false);
    // The clock stopped: no more ticks or announcements.
    await minutes(20);
    expect(text('[data-elapsed]')).toBe('30:00');

    // A rating is required.
    submit('[data-score-form]');
    expect(text('[data-score-error]')).toBe('Choose an overall rating from 1 to 4 before saving.');
    expect(document.activeElement).toBe($('input[name="rating"]'));
    expect(saved().mocks).toEqual([]);

    $<HTMLInputElement>('input[name="covered"][value="0"]').checked = true;
    $<HTMLInputElement>('input[name="covered"][value="2"]').checked = true;
    $<HTMLInputElement>('input[name="level-covered"][value="design"]').checked = true;
    $<HTMLInputElement>('input[name="rating"][value="3"]').checked = true;
    $<HTMLTextAreaElement>('textarea[name="notes"]').value = 'Estimate earlier.';
    submit('[data-score-form]');

    expect(text('[data-score-error]')).toBe('');
    expect(saved().activeMock).toBeNull();
    expect(saved().mocks).toEqual([
      expect.objectContaining({
        id: 'a-b-c-d-e',
        promptId: 'watch-history',
        format: 45,
        covered: [0, 2],
        rubricSize: 3,
        rating: 3,
        notes: 'Estimate earlier.',
        level: 'L6',
        levelCovered: ['design'],
        startedAt: new Date(T0).toISOString(),
        endedAt: new Date(T0 + 30 * MINUTE).toISOString(),
      }),
    ]);
    expect(visiblePanel()).toEqual(['setup']);
    expect(document.activeElement).toBe($('[data-panel="setup"] h3'));
    expect(text('[data-mock-status]')).toBe(
      'Round saved: Design watch history, 2 of 3 rubric items, 1 of 5 L6 expectations. It is first in Past rounds.',
    );
    expect($('[data-history]').hidden).toBe(false);
    expect($('[data-history-empty]').hidden).toBe(true);
    expect(document.querySelectorAll('[data-history-rows] tr')).toHaveLength(1);
    expect(text('[data-history-rows] a')).toBe('Design watch history');
  });

  it('leaves the level out of the saved message when the prompt has no level expectations', async () => {
    await load();
    start({ prompt: 'bare' });
    $('[data-end]').click();
    $<HTMLInputElement>('input[name="rating"][value="2"]').checked = true;
    submit('[data-score-form]');
    expect(text('[data-mock-status]')).toBe('Round saved: Design a rate limiter, 0 of 1 rubric items. It is first in Past rounds.');
    expect(saved().mocks[0]).toMatchObject({ level: 'L5', levelCovered: null });
  });

  it('keeps the score in the form and says why when the browser does not save it', async () => {
    await load();
    start({ prompt: 'bare' });
    $('[data-end]').click();
    $<HTMLInputElement>('input[name="rating"][value="2"]').checked = true;
    $<HTMLTextAreaElement>('textarea[name="notes"]').value = 'Keep me.';
    storage.refuse = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    submit('[data-score-form]');
    expect(text('[data-score-error]')).toMatch(/^Not saved: This browser's storage for the site is full/);
    expect(text('[data-score-error]')).toMatch(/copy the notes somewhere safe before leaving the page\.$/);
    expect(visiblePanel()).toEqual(['score']);
    expect($<HTMLTextAreaElement>('textarea[name="notes"]').value).toBe('Keep me.');
  });

  it('warns that a round is not being saved when the browser refuses it', async () => {
    await load();
    storage.refuse = new DOMException('The operation is insecure.', 'SecurityError');
    start({ prompt: 'bare' });
    expect(text('[data-mock-error]')).toMatch(/^This round is running, but it is not being saved: This browser refused/);
    expect(text('[data-mock-error]')).toMatch(/A reload would lose it\.$/);
    expect(visiblePanel()).toEqual(['round']);
  });

  it('discards a round only when the reader confirms', async () => {
    await load();
    start({ prompt: 'bare' });
    $('[data-end]').click();
    $('[data-discard]').click();
    const dialog = $<HTMLDialogElement>('[data-discard-dialog]');
    expect(dialog.open).toBe(true);
    dialog.close('cancel');
    expect(visiblePanel()).toEqual(['score']);
    expect(saved().activeMock).not.toBeNull();
    $('[data-discard]').click();
    dialog.close('confirm');
    expect(visiblePanel()).toEqual(['setup']);
    expect(text('[data-mock-status]')).toBe('The round was discarded.');
    expect(saved().activeMock).toBeNull();
    expect(saved().mocks).toEqual([]);
  });

  it('says the close was not saved when the browser refuses to discard', async () => {
    await load();
    start({ prompt: 'bare' });
    $('[data-end]').click();
    storage.refuse = new DOMException('The operation is insecure.', 'SecurityError');
    $('[data-discard]').click();
    $<HTMLDialogElement>('[data-discard-dialog]').close('confirm');
    expect(text('[data-mock-status]')).toBe('');
    expect(text('[data-mock-error]')).toMatch(
      /^The round was closed here, but the browser did not save that: .* It may come back after a reload\.$/,
    );
  });
});

describe('details a reader relies on', () => {
  /** Intervals and timeouts still pending once announcements have been read. */
  const pending = async () => {
    await vi.advanceTimersByTimeAsync(60);
    return vi.getTimerCount();
  };

  it('does nothing on a page without the mock interview', async () => {
    document.body.replaceChildren();
    await expect(load()).resolves.toBeUndefined();
  });

  it('ticks only while a round runs: not while paused, after the end, after time is up or after discarding', async () => {
    await load();
    expect(await pending()).toBe(0);
    start({ prompt: 'bare' });
    expect(await pending()).toBe(1);
    $('[data-pause]').click();
    expect(await pending()).toBe(0);
    $('[data-pause]').click();
    expect(await pending()).toBe(1);
    $('[data-end]').click();
    expect(await pending()).toBe(0);
    $('[data-discard]').click();
    $<HTMLDialogElement>('[data-discard-dialog]').close('confirm');
    start({ prompt: 'bare' });
    expect(await pending()).toBe(1);
    $('[data-discard]').click();
    $<HTMLDialogElement>('[data-discard-dialog]').close('confirm');
    expect(await pending()).toBe(0);
    start({ prompt: 'bare' });
    await minutes(45);
    expect(visiblePanel()).toEqual(['score']);
    expect(await pending()).toBe(0);
  });

  it('does not tick for a restored round that is paused or whose time ran out', async () => {
    seed({ activeMock: active({ pausedAt: T0 - MINUTE }) });
    await load();
    expect(await pending()).toBe(0);
    seed({ activeMock: active({ startedAt: T0 - 50 * MINUTE }) });
    showPage(MOCK_PAGE);
    await load();
    expect(visiblePanel()).toEqual(['score']);
    expect(await pending()).toBe(0);
  });

  it('restores a 60-minute round without taking the reader’s focus', async () => {
    seed({ activeMock: active({ format: 60 }) });
    await load();
    expect(visiblePanel()).toEqual(['round']);
    expect(text('[data-remaining]')).toBe('50:00');
    expect(document.activeElement).toBe(document.body);
  });

  it('keeps an announcement up between ticks, and clears it when the round ends', async () => {
    await load();
    start({ prompt: 'bare' });
    await vi.advanceTimersByTimeAsync(50);
    expect(text('[data-mock-announce]')).toMatch(/^Phase 1 /);
    await vi.advanceTimersByTimeAsync(1000);
    expect(text('[data-mock-announce]')).toMatch(/^Phase 1 /);
    $('[data-end]').click();
    await vi.advanceTimersByTimeAsync(60);
    expect(text('[data-mock-announce]')).toBe('');
  });

  it('starts each round clean: no earlier curveballs, copy message, score or error', async () => {
    await load();
    start({ prompt: 'watch-history', partner: false });
    await minutes(13);
    expect(document.querySelectorAll('[data-curveball-list] li')).toHaveLength(1);
    $('[data-end]').click();
    submit('[data-score-form]');
    expect(text('[data-score-error]')).not.toBe('');
    $<HTMLInputElement>('input[name="rating"][value="2"]').checked = true;
    $<HTMLTextAreaElement>('textarea[name="notes"]').value = 'Old notes.';
    $('[data-discard]').click();
    $<HTMLDialogElement>('[data-discard-dialog]').close('confirm');
    expect(document.activeElement).toBe($('[data-panel="setup"] h3'));
    $('[data-copy-status]').textContent = 'Link copied. Send it to your partner.';
    start({ prompt: 'watch-history', partner: true });
    expect(document.querySelectorAll('[data-curveball-list] li')).toHaveLength(0);
    expect(text('[data-copy-status]')).toBe('');
    expect(text('[data-mock-status]')).toBe('');
    $('[data-end]').click();
    expect(text('[data-score-error]')).toBe('');
    expect($<HTMLInputElement>('input[name="rating"][value="2"]').checked).toBe(false);
    expect($<HTMLTextAreaElement>('textarea[name="notes"]').value).toBe('');
  });

  it('clears an earlier error or status when the reader starts again or saves', async () => {
    await load();
    choose({ difficulty: 'hard', theme: 'edge' });
    const first = new Event('submit', { cancelable: true });
    $('[data-setup-form]').dispatchEvent(first);
    expect(first.defaultPrevented).toBe(true);
    expect(text('[data-mock-error]')).not.toBe('');
    $('[data-mock-status]').textContent = 'Round saved earlier.';
    start({ prompt: 'bare', difficulty: '', theme: '' });
    expect(text('[data-mock-error]')).toBe('');
    expect(text('[data-mock-status]')).toBe('');
    $('[data-mock-error]').textContent = 'An earlier problem.';
    $('[data-end]').click();
    $<HTMLInputElement>('input[name="rating"][value="3"]').checked = true;
    const save = new Event('submit', { cancelable: true });
    $('[data-score-form]').dispatchEvent(save);
    expect(save.defaultPrevented).toBe(true);
    expect(text('[data-mock-error]')).toBe('');
  });

  it('ignores the round’s buttons when no round is open', async () => {
    await load();
    $('[data-pause]').click();
    $('[data-end]').click();
    submit('[data-score-form]');
    expect(visiblePanel()).toEqual(['setup']);
    expect(storage.getItem(STORAGE_KEY)).toBeNull();
    expect(text('[data-pause]')).toBe('Pause');
  });

  it('selects the link for copying by hand when the clipboard is refused', async () => {
    await load();
    start({ prompt: 'bare', partner: true });
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText: () => Promise.reject(new Error('denied')) } });
    $('[data-copy]').click();
    await settle();
    const input = $<HTMLInputElement>('[data-share-url]');
    expect([input.selectionStart, input.selectionEnd]).toEqual([0, input.value.length]);
  });
});

describe('a round with a partner', () => {
  it('shares the partner view and leaves the curveballs to the partner', async () => {
    await load();
    start({ prompt: 'watch-history', partner: true, format: '60', level: 'L4' });
    const link = partnerUrl(location.origin, '/netflix-sd/', 'watch-history', 60, 'L4');
    expect(link).toMatch(/\/netflix-sd\/practice\/partner\/\?prompt=watch-history&format=60&level=L4$/);
    expect($<HTMLInputElement>('[data-share-url]').value).toBe(link);
    expect($<HTMLAnchorElement>('[data-share-open]').href).toBe(link);
    expect($('[data-share]').hidden).toBe(false);
    expect($('[data-curveballs]').hidden).toBe(true);
    expect(text('[data-round-meta]')).toMatch(/ · with a partner as the interviewer$/);
    await minutes(20);
    expect(document.querySelectorAll('[data-curveball-list] li')).toHaveLength(0);
    $('[data-end]').click();
    expect(text('[data-score-intro]')).toMatch(/ Ask your partner which items they saw: they scored from the same rubric\.$/);
  });

  it('copies the link, or selects it when the browser refuses the clipboard', async () => {
    await load();
    start({ prompt: 'bare', partner: true });
    const writeText = vi.fn(async () => undefined);
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    $('[data-copy]').click();
    await settle();
    expect(writeText).toHaveBeenCalledWith($<HTMLInputElement>('[data-share-url]').value);
    expect(text('[data-copy-status]')).toBe('Link copied. Send it to your partner.');

    writeText.mockRejectedValueOnce(new DOMException('Denied', 'NotAllowedError'));
    $('[data-copy]').click();
    await settle();
    expect(text('[data-copy-status]')).toBe(
      'This browser did not allow copying. The link is selected: copy it with Ctrl+C (Cmd+C on a Mac).',
    );
    expect(document.activeElement).toBe($('[data-share-url]'));

    vi.stubGlobal('navigator', { ...navigator, clipboard: undefined });
    $('[data-copy-status]').textContent = '';
    $('[data-copy]').click();
    await settle();
    expect(text('[data-copy-status]')).toMatch(/^This browser did not allow copying\./);
  });
});

describe('coming back to a round in progress', () => {
  it('restores the round where the clock is now, without announcing the past', async () => {
    seed({ activeMock: active() });
    await load();
    await vi.advanceTimersByTimeAsync(100);
    expect(visiblePanel()).toEqual(['round']);
    expect(text('[data-mock-status]')).toBe('Your round in progress was restored.');
    expect(text('[data-elapsed]')).toBe('10:00');
    expect(text('[data-mock-announce]')).toBe('');
    // The curveball raised before the reload is on screen again.
    await minutes(2);
    expect(document.querySelectorAll('[data-curveball-list] li')).toHaveLength(1);
  });

  it('restores a paused round paused', async () => {
    seed({ activeMock: active({ pausedAt: T0 - 4 * MINUTE }) });
    await load();
    expect(text('[data-pause]')).toBe('Resume');
    await minutes(5);
    expect(text('[data-elapsed]')).toBe('6:00');
  });

  it('goes to the score for a round whose time ran out while away', async () => {
    seed({ activeMock: active({ startedAt: T0 - 50 * MINUTE }) });
    await load();
    expect(visiblePanel()).toEqual(['score']);
    expect(text('[data-score-intro]')).toMatch(/^Time is up\./);
  });

  it.each([
    ['an unknown format', { format: 50 as 45 }],
    ['a start that is not a time', { startedAt: -1 }],
    ['a pause that is not a time', { pausedAt: 'yesterday' as unknown as number }],
    ['paused time that is not a time', { pausedTotal: -5 }],
    ['a partner flag that is not a flag', { partner: 'yes' as unknown as boolean }],
    ['an unknown level', { level: 'L9' as 'L5' }],
    ['no prompt id', { promptId: 7 as unknown as string }],
  ])('closes a damaged saved round (%s) and says so', async (_, damage) => {
    seed({ activeMock: active(damage) });
    await load();
    expect(visiblePanel()).toEqual(['setup']);
    expect(text('[data-mock-error]')).toBe(
      'The round you had in progress could not be restored (its saved record is damaged), so it was closed.',
    );
    expect(saved().activeMock).toBeNull();
  });

  it('restores a round saved before levels were chosen', async () => {
    seed({ activeMock: active({ level: null }) });
    await load();
    expect(visiblePanel()).toEqual(['round']);
    expect(text('[data-round-meta]')).toBe('45-minute round · difficulty hard · device sync, storage · on your own');
  });

  it('closes a round whose prompt left the site', async () => {
    seed({ activeMock: active({ promptId: 'retired' }) });
    await load();
    expect(text('[data-mock-error]')).toBe('The round you had in progress used a prompt that is no longer on the site, so it was closed.');
    expect(saved().activeMock).toBeNull();
  });

  it('shows saved rounds in the history on load', async () => {
    seed({
      mocks: [
        {
          id: 'm1',
          promptId: 'bare',
          format: 45,
          startedAt: '2026-02-01T10:00:00.000Z',
          endedAt: '2026-02-01T10:45:00.000Z',
          covered: [0],
          rubricSize: 1,
          rating: 4,
          notes: '',
          level: null,
          levelCovered: null,
        },
      ],
    });
    await load();
    expect($('[data-history]').hidden).toBe(false);
    expect(text('[data-history-rows] a')).toBe('Design a rate limiter');
  });
});
