/**
 * Study data is never lost, in a real browser. Init scripts make localStorage full (filled to
 * its real quota), read-only (writes silently ignored), throwing (every write refused) or
 * turned off (even reading refused); each tool must still show what was saved and say, in
 * words, that a change was not saved. Imports are refused when their dates, numbers or size are
 * wrong, and lose fields the site does not know; damaged saved entries never hide the others; a
 * merge or replace the storage cannot hold leaves the data as it was; and a page framed by
 * another site refuses to delete or replace data.
 *
 * Every test opens its own browser context with its own data, so each runs alone, and each has
 * its own generous timeout: nothing here depends on finishing within a tight wall time.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import type { Flashcard, PracticePrompt } from '../../src/lib/practice-data.ts';
import type { MockSession, Story, StudyData } from '../../src/scripts/study/schema.ts';
import { SAVE_PROBLEMS } from '../../src/scripts/study/store.ts';
import { FRAMED_MESSAGE } from '../../src/scripts/study/framing.ts';
import { launchBrowser, siteUrl, trackedContext, type TrackedContext } from './browser.ts';

const KEY = 'netflix-loop-guide:study';
const TIMEOUT = 180_000;
const T1 = '2026-01-10T09:00:00.000Z';
const T2 = '2026-01-10T09:45:00.000Z';

let browser: Browser;
let prompts: PracticePrompt[];
let cultureCard: Flashcard;
beforeAll(async () => {
  browser = await launchBrowser();
  prompts = (await (await fetch(siteUrl('/practice/prompts.json'))).json()) as PracticePrompt[];
  const cards = (await (await fetch(siteUrl('/practice/cards.json'))).json()) as Flashcard[];
  cultureCard = cards.find((card) => card.deck === 'culture')!;
});
afterAll(async () => {
  await browser?.close();
});

const STORY: Story = {
  id: 'seed-story',
  title: 'Seeded story about a launch',
  situation: 'Two weeks before a launch, the error budget was gone.',
  decision: 'I asked to move the date.',
  friction: 'Marketing had booked the campaign.',
  outcome: 'We slipped one week.',
  learned: 'Raise the risk early.',
  values: ['candor'],
  updatedAt: T1,
};

function round(overrides: Partial<MockSession> = {}): MockSession {
  const prompt = prompts[0]!;
  return {
    id: 'seed-round',
    promptId: prompt.id,
    format: 45,
    startedAt: T1,
    endedAt: T2,
    covered: [0, 1],
    rubricSize: prompt.rubric.length,
    rating: 3,
    notes: 'Seeded.',
    level: null,
    levelCovered: null,
    ...overrides,
  };
}

/** Saved data with something for every tool: a studied page, a reviewed card, a mock round and a story. */
function seedData(): StudyData {
  return {
    schema: 'netflix-loop-guide.study-data',
    version: 2,
    studied: { 'guides/loop': T1 },
    tasks: {},
    cards: {
      [cultureCard.id]: {
        due: '2099-01-01T00:00:00.000Z',
        stability: 40,
        difficulty: 5,
        elapsed_days: 3,
        scheduled_days: 30,
        learning_steps: 0,
        reps: 3,
        lapses: 0,
        state: 2,
        last_review: T1,
      },
    },
    mocks: [round()],
    activeMock: null,
    stories: [STORY],
  };
}

type Mode = 'full' | 'read-only' | 'throwing' | 'off';

/**
 * One init script, so the order is certain: save `data` (once per context and origin) while
 * storage still works, then break localStorage as a browser can, before the site's scripts run.
 */
async function prepareStorage(context: BrowserContext, data: unknown, mode: Mode | 'working'): Promise<void> {
  await context.addInitScript(
    ([key, text, how]) => {
      try {
        if (text && !localStorage.getItem('e2e-seeded')) {
          localStorage.setItem(key, text);
          localStorage.setItem('e2e-seeded', '1');
        }
        if (how === 'full' && !localStorage.getItem('e2e-filled')) {
          // Fill the origin's real quota, from large chunks down to single characters, so any write that adds anything fails.
          localStorage.setItem('e2e-filled', '1');
          let index = 0;
          for (const size of [1 << 20, 1 << 16, 1 << 12, 1 << 8, 1 << 4, 1]) {
            const chunk = 'x'.repeat(size);
            for (;;) {
              try {
                localStorage.setItem(`e2e-fill-${index++}`, chunk);
              } catch {
                break;
              }
            }
          }
        }
      } catch {
        // about:blank and other opaque origins have no storage.
      }
      if (how === 'read-only') {
        Storage.prototype.setItem = function setItem() {};
        Storage.prototype.removeItem = function removeItem() {};
      } else if (how === 'throwing') {
        const refuse = () => {
          throw new DOMException('The operation is insecure.', 'SecurityError');
        };
        Storage.prototype.setItem = refuse;
        Storage.prototype.removeItem = refuse;
      } else if (how === 'off') {
        Object.defineProperty(window, 'localStorage', {
          get() {
            throw new DOMException('Access is denied for this document.', 'SecurityError');
          },
        });
      }
    },
    [KEY, data === undefined ? '' : JSON.stringify(data), mode] as const,
  );
}

/** A fresh context holding `data`, with its storage in the given state. */
async function contextWith(mode: Mode | 'working', data: unknown = seedData()): Promise<TrackedContext> {
  const tracked = await trackedContext(browser, { acceptDownloads: true });
  await prepareStorage(tracked.context, mode === 'off' ? undefined : data, mode);
  return tracked;
}

const PROBLEM: Record<Exclude<Mode, 'off'>, string> = {
  full: SAVE_PROBLEMS.full,
  'read-only': SAVE_PROBLEMS.notKept,
  throwing: SAVE_PROBLEMS.refused,
};

/** The raw saved record, read without the site's code. */
const savedText = (page: Page | Frame) => page.evaluate((key) => localStorage.getItem(key), KEY);

function importFile(name: string, content: string): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'storage-import-')), name);
  writeFileSync(file, content);
  return file;
}

/** No third-party request and no error; `expected` lists console messages the browser itself writes in a test's setting. */
async function finish(tracked: TrackedContext, expected: RegExp[] = []): Promise<void> {
  expect(tracked.external).toEqual([]);
  expect(tracked.errors.filter((error) => !expected.some((pattern) => pattern.test(error)))).toEqual([]);
  await tracked.context.close();
}

describe.each(['full', 'read-only', 'throwing'] as const)('with storage %s', (mode) => {
  const problem = PROBLEM[mode];

  it(
    'progress marks: shows what was saved, and says a new mark or tick was not saved',
    async () => {
      const tracked = await contextWith(mode);
      const page = await tracked.newPage();
      await page.goto(siteUrl('/loop/'));
      const toggle = page.locator('[data-study-toggle] button').first();
      await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('true');
      expect(await page.locator('[data-study-status]').first().innerText()).toMatch(/^Marked on [^.]*2026\./);

      await page.goto(siteUrl('/loop/coding/'));
      await toggle.waitFor();
      await toggle.click();
      await expect.poll(() => page.locator('[data-study-status]').first().innerText()).toBe(`Not saved: ${problem}`);
      expect(await toggle.getAttribute('aria-pressed')).toBe('false');
      expect(await toggle.innerText()).toBe('Mark as studied');

      await page.goto(siteUrl('/prepare/study-plan/'));
      const list = page.locator('[data-checklist]').first();
      const box = list.locator('input[type="checkbox"]').first();
      await box.click();
      await expect.poll(() => list.locator('[data-checklist-count]').innerText()).toContain(`Your change was not saved: ${problem}`);
      expect(await box.isChecked()).toBe(false);

      await page.goto(siteUrl('/practice/progress/'));
      await expect.poll(() => page.locator('[data-overall]').innerText()).toMatch(/^1 of \d+ pages studied/);
      expect(JSON.parse((await savedText(page))!)).toEqual(seedData());
      await finish(tracked);
    },
    TIMEOUT,
  );

  it(
    'story bank: lists the saved story, and keeps a story it could not save in the form',
    async () => {
      const tracked = await contextWith(mode);
      const page = await tracked.newPage();
      await page.goto(siteUrl('/practice/stories/'));
      await page.locator('.story-item', { hasText: STORY.title }).waitFor();
      expect(await page.locator('[data-story-count]').innerText()).toBe('1 story on this device.');

      const title = 'A story the browser cannot keep';
      await page.getByLabel('Title', { exact: true }).fill(title);
      await page.getByLabel('Situation').fill('Storage was full.');
      await page.getByRole('button', { name: 'Save story' }).click();
      await expect
        .poll(() => page.locator('[data-form-status]').innerText())
        .toBe(`Not saved: ${problem} Your story is still in the form; copy it somewhere safe before leaving the page.`);
      expect(await page.getByLabel('Title', { exact: true }).inputValue()).toBe(title);
      expect(await page.getByLabel('Situation').inputValue()).toBe('Storage was full.');
      expect(await page.locator('.story-item').count()).toBe(1);
      expect(JSON.parse((await savedText(page))!)).toEqual(seedData());
      await finish(tracked);
    },
    TIMEOUT,
  );

  it(
    'mock interview: shows past rounds, warns that a round is not being saved, and keeps an unsaved score on screen',
    async () => {
      const tracked = await contextWith(mode);
      const page = await tracked.newPage();
      await page.goto(siteUrl('/practice/mock/?speed=120'));
      const rows = page.locator('[data-history-rows] tr');
      await expect.poll(() => rows.count()).toBe(1);
      const prompt = prompts[0]!;
      expect((await rows.first().locator('td').allInnerTexts()).slice(1)).toEqual([
        prompt.title,
        '45 min',
        'Not recorded (saved before levels)',
        `2 of ${prompt.rubric.length} (${Math.round(200 / prompt.rubric.length)}%)`,
        '3 of 4, Solid',
      ]);

      const select = page.locator('#mock-prompt');
      await expect.poll(() => select.locator('option').count()).toBe(prompts.length + 1);
      await select.selectOption(prompt.id);
      await page.locator('[data-start]').click();
      await page.locator('[data-panel="round"]').waitFor();
      await expect
        .poll(() => page.locator('[data-mock-error]').innerText())
        .toBe(`This round is running, but it is not being saved: ${problem} A reload would lose it.`);

      await page.locator('[data-end]').click();
      const score = page.locator('[data-panel="score"]');
      await score.waitFor();
      await score.getByLabel('3: Solid (leaning yes)').check();
      await page.getByLabel('Notes for next time').fill('Keep these notes.');
      await score.getByRole('button', { name: 'Save the round' }).click();
      await expect
        .poll(() => page.locator('[data-score-error]').innerText())
        .toBe(
          `Not saved: ${problem} Your ticks, rating and notes are still in the form; copy the notes somewhere safe before leaving the page.`,
        );
      expect(await score.isVisible()).toBe(true);
      expect(await page.getByLabel('Notes for next time').inputValue()).toBe('Keep these notes.');
      expect(await rows.count()).toBe(1);
      expect(JSON.parse((await savedText(page))!)).toEqual(seedData());
      await finish(tracked);
    },
    TIMEOUT,
  );

  it(
    'flashcards: counts the saved schedule, and says reviews are not being saved',
    async () => {
      const tracked = await contextWith(mode);
      const page = await tracked.newPage();
      await page.goto(siteUrl('/practice/flashcards/'));
      const culture = page.locator('[data-deck="culture"]');
      await culture.locator('[data-count="total"]').waitFor();
      const counts = async () => ({
        total: Number(await culture.locator('[data-count="total"]').innerText()),
        new: Number(await culture.locator('[data-count="new"]').innerText()),
      });
      const before = await counts();
      expect(before.new).toBe(before.total - 1);

      await page.locator('[data-study-deck="culture"]').click();
      await page.locator('[data-show]').click();
      await page.locator('[data-grade="3"]').click();
      await expect
        .poll(() => page.locator('[data-cards-error]').innerText())
        .toBe(`Your reviews are not being saved: ${problem} They count only until you leave this page.`);
      // The review counts for this visit: the deck has one new card fewer, though nothing was saved.
      await page.locator('[data-stop]').click();
      await expect.poll(async () => (await counts()).new).toBe(before.new - 1);
      expect(JSON.parse((await savedText(page))!)).toEqual(seedData());
      await finish(tracked);
    },
    TIMEOUT,
  );
});

describe('with storage turned off', () => {
  it(
    'every tool loads, the progress page says why, and saving says it cannot',
    async () => {
      const tracked = await contextWith('off');
      const page = await tracked.newPage();
      const problem = SAVE_PROBLEMS.unavailable;

      await page.goto(siteUrl('/practice/progress/'));
      await expect.poll(() => page.locator('[data-import-error]').innerText()).toBe(problem);
      expect(await page.locator('[data-overall]').innerText()).toMatch(/^0 of \d+ pages studied/);

      await page.goto(siteUrl('/loop/'));
      await page.locator('[data-study-toggle] button').first().click();
      await expect.poll(() => page.locator('[data-study-status]').first().innerText()).toBe(`Not saved: ${problem}`);

      await page.goto(siteUrl('/practice/stories/'));
      await page.getByLabel('Title', { exact: true }).fill('Nowhere to keep it');
      await page.getByRole('button', { name: 'Save story' }).click();
      await expect.poll(() => page.locator('[data-form-status]').innerText()).toMatch(/^Not saved: This browser does not let the site/);

      await page.goto(siteUrl('/practice/flashcards/'));
      await page.locator('[data-study-deck="culture"]').click();
      await page.locator('[data-show]').click();
      await page.locator('[data-grade="3"]').click();
      await expect
        .poll(() => page.locator('[data-cards-error]').innerText())
        .toBe(`Your reviews are not being saved: ${problem} They count only until you leave this page.`);
      await finish(tracked);
    },
    TIMEOUT,
  );
});

describe('import validation', () => {
  /** Imports a file on the progress page of a context holding the seed; returns the page. */
  async function importInto(tracked: TrackedContext, file: string): Promise<Page> {
    const page = await tracked.newPage();
    await page.goto(siteUrl('/practice/progress/'));
    await expect.poll(() => page.locator('[data-overall]').innerText()).toMatch(/^1 of/);
    await page.locator('[data-import]').setInputFiles(file);
    return page;
  }

  const exported = (patch: Partial<Record<keyof StudyData, unknown>>) =>
    JSON.stringify({ ...seedData(), ...patch, exportedAt: '2026-01-11T00:00:00.000Z' });

  // Patches are functions: the seed needs the site's cards and prompts, fetched in beforeAll.
  it.each([
    [
      'a date that does not exist',
      () => ({ studied: { 'guides/loop': '2026-99-99T00:00:00Z' } }),
      'The data is damaged: "studied.guides/loop" is not valid (expected a real date and time such as 2026-01-20T10:00:00.000Z).',
    ],
    [
      'more rubric items covered than the rubric has',
      () => ({ mocks: [round({ covered: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], rubricSize: 1 })] }),
      'The data is damaged: "mocks.0.covered" is not valid (a covered rubric item is not in the rubric (each must be below rubricSize)).',
    ],
    [
      'a negative count',
      () => ({ cards: { [cultureCard.id]: { ...seedData().cards[cultureCard.id]!, reps: -3 } } }),
      '.reps" is not valid (expected a whole number from 0 to 1,000,000).',
    ],
    ['a rating out of range', () => ({ mocks: [round({ rating: 7 })] }), 'The data is damaged: "mocks.0.rating" is not valid'],
  ] as const)(
    'refuses %s and leaves saved data unchanged',
    async (_what, patch, message) => {
      const tracked = await contextWith('working');
      const page = await importInto(tracked, importFile('bad.json', exported(patch())));
      const error = page.locator('[data-import-error]');
      await expect.poll(() => error.innerText()).toContain(message);
      expect(await error.innerText()).toMatch(/^Nothing was imported and your data is unchanged\. The data is damaged: "/);
      expect(await page.locator('[data-import-preview]').isHidden()).toBe(true);
      expect(JSON.parse((await savedText(page))!)).toEqual(seedData());
      await finish(tracked);
    },
    TIMEOUT,
  );

  it(
    'refuses a file over the size limit, naming its size, before reading it',
    async () => {
      const tracked = await contextWith('working');
      const huge = exported({ stories: [{ ...STORY, situation: 'x'.repeat(3 * 1024 * 1024) }] });
      const page = await importInto(tracked, importFile('huge.json', huge));
      await expect
        .poll(() => page.locator('[data-import-error]').innerText())
        .toBe(
          'Nothing was imported and your data is unchanged. The file is 3.0 MB; a study export is at most 2.0 MB (a real one is usually under 200 KB), so it is not one, or it is damaged.',
        );
      expect(JSON.parse((await savedText(page))!)).toEqual(seedData());
      await finish(tracked);
    },
    TIMEOUT,
  );

  it(
    'drops fields the site does not know when it merges a file',
    async () => {
      const tracked = await contextWith('working');
      const file = JSON.stringify({
        ...seedData(),
        studied: { 'guides/loop/coding': T2 },
        tracking: { id: 'x' },
        stories: [{ ...STORY, id: 'imported', html: '<img src=x onerror=alert(1)>' }],
      });
      const page = await importInto(tracked, importFile('extra.json', file));
      await page.locator('[data-import-merge]').click();
      await expect.poll(() => page.locator('[data-import-done]').innerText()).toBe('Merged. Your progress now includes the file.');
      const saved = JSON.parse((await savedText(page))!) as StudyData & Record<string, unknown>;
      expect(saved.tracking).toBeUndefined();
      expect(saved.stories.map((s) => s.id)).toEqual(['seed-story', 'imported']);
      expect(saved.stories[1]).not.toHaveProperty('html');
      expect(Object.keys(saved.studied).sort()).toEqual(['guides/loop', 'guides/loop/coding']);
      await finish(tracked);
    },
    TIMEOUT,
  );
});

describe('damaged saved data', () => {
  it(
    'shows every good entry, and the damaged ones as unknown, on every tool',
    async () => {
      const damaged = {
        ...seedData(),
        studied: { 'guides/loop': '2026-99-99T00:00:00Z' },
        cards: { [cultureCard.id]: null, 'culture:unknown': { due: 'never' } },
        mocks: [
          round(),
          round({ id: 'ten-of-one', covered: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], rubricSize: 1, startedAt: '2026-01-11T09:00:00.000Z' }),
          { ...round({ id: 'bad-date', rating: -3 }), startedAt: '2026-99-99T00:00:00Z' },
          null,
        ],
        stories: [
          STORY,
          { ...STORY, id: 'bad-date', title: 'Story with a damaged date', updatedAt: '2026-99-99T00:00:00Z' },
          null,
          { title: 42 },
        ],
      };
      const tracked = await contextWith('working', damaged);
      const page = await tracked.newPage();

      await page.goto(siteUrl('/loop/'));
      await expect.poll(() => page.locator('[data-study-status]').first().innerText()).toBe('Marked on an unknown date.');

      await page.goto(siteUrl('/practice/stories/'));
      await page.locator('.story-item', { hasText: STORY.title }).waitFor();
      expect(await page.locator('.story-item').count()).toBe(4);
      expect(await page.locator('.story-item', { hasText: 'Story with a damaged date' }).innerText()).toContain(
        'Last edited an unknown date.',
      );
      expect(await page.locator('.story-item', { hasText: 'Untitled story' }).count()).toBe(2);

      await page.goto(siteUrl('/practice/mock/'));
      const rows = page.locator('[data-history-rows] tr');
      await expect.poll(() => rows.count()).toBe(4);
      const table = await page.locator('[data-history-rows]').innerText();
      expect(table).toContain('1 of 1 (100%)');
      expect(table).toContain('an unknown date');
      expect(table).toContain('not rated');
      expect(table).toContain('A saved round whose record is damaged and cannot be shown.');
      expect(table).not.toMatch(/\d{4,}%/);
      expect(await page.locator('[data-trend] svg').getAttribute('aria-label')).toMatch(/^Rubric covered in your 4 rounds, oldest first: /);

      await page.goto(siteUrl('/practice/flashcards/'));
      const culture = page.locator('[data-deck="culture"]');
      await culture.locator('[data-count="total"]').waitFor();
      expect(await culture.locator('[data-count="new"]').innerText()).toBe(await culture.locator('[data-count="total"]').innerText());

      await page.goto(siteUrl('/practice/progress/'));
      await expect.poll(() => page.locator('[data-overall]').innerText()).toMatch(/^1 of \d+ pages studied/);
      await finish(tracked);
    },
    TIMEOUT,
  );
});

describe('a merge or replace the storage cannot hold', () => {
  it.each(['merge', 'replace'] as const)(
    'leaves the previous data intact on %s and says so',
    async (action) => {
      const tracked = await contextWith('full');
      const page = await tracked.newPage();
      await page.goto(siteUrl('/practice/progress/'));
      await expect.poll(() => page.locator('[data-overall]').innerText()).toMatch(/^1 of/);
      const before = await savedText(page);
      const bigger = {
        ...seedData(),
        studied: Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`guides/page-${i}`, T1])),
        stories: [STORY, { ...STORY, id: 'second', title: 'A second story' }],
      };
      await page.locator('[data-import]').setInputFiles(importFile('bigger.json', JSON.stringify(bigger)));
      await expect.poll(() => page.locator('[data-import-summary]').innerText()).toMatch(/holds 200 studied pages/);
      await page.locator(`[data-import-${action}]`).click();
      await expect
        .poll(() => page.locator('[data-import-error]').innerText())
        .toBe(`Nothing was imported and your previous data is unchanged. ${SAVE_PROBLEMS.full}`);
      expect(await page.locator('[data-import-done]').innerText()).toBe('');
      expect(await savedText(page)).toBe(before);
      expect(await page.locator('[data-overall]').innerText()).toMatch(/^1 of/);
      await finish(tracked);
    },
    TIMEOUT,
  );
});

describe('a page framed by another site', () => {
  /**
   * The framing site: a real server on another port of the loopback address, because Chromium
   * refuses to load a local page into a frame of a page it considers public.
   */
  let framer: Server;
  let framerUrl: string;
  beforeAll(async () => {
    framer = createServer((request, response) => {
      const target = new URL(request.url ?? '/', 'http://framer').searchParams.get('frame') ?? '/';
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(`<!DOCTYPE html><title>Win a prize</title><iframe src="${siteUrl(target)}" width="1000" height="3000"></iframe>`);
    });
    await new Promise<void>((resolve) => framer.listen(0, '127.0.0.1', resolve));
    framerUrl = `http://127.0.0.1:${(framer.address() as AddressInfo).port}/`;
  });
  afterAll(async () => {
    await new Promise((resolve) => framer?.close(resolve));
  });

  /** Chromium's own note that a dialog's autofocus does not apply inside a cross-origin frame. */
  const FRAMED_AUTOFOCUS = /: Blocked autofocusing on a <button> element in a cross-origin subframe\.$/;

  async function framed(sitePath: string): Promise<{ tracked: TrackedContext; frame: Frame }> {
    const tracked = await contextWith('working');
    // The framing page is the attacker's own, not a third party the site contacts.
    await tracked.context.route(`${framerUrl}**`, (route) => route.continue());
    const page = await tracked.newPage();
    await page.goto(`${framerUrl}?frame=${encodeURIComponent(sitePath)}`);
    const frame = (await (await page.waitForSelector('iframe')).contentFrame())!;
    await frame.waitForLoadState('load');
    return { tracked, frame };
  }

  it(
    'refuses to delete all data or replace it with a file, and says why',
    async () => {
      const { tracked, frame } = await framed('/practice/progress/');
      await expect.poll(() => frame.locator('[data-overall]').innerText()).toMatch(/^1 of/);
      const before = await savedText(frame);
      expect(before).not.toBeNull();

      await frame.locator('[data-reset]').click();
      await expect.poll(() => frame.locator('[data-import-error]').innerText()).toBe(FRAMED_MESSAGE);
      expect(await frame.locator('[data-reset-dialog]').evaluate((d) => (d as HTMLDialogElement).open)).toBe(false);

      await frame
        .locator('[data-import]')
        .setInputFiles(importFile('replace.json', JSON.stringify({ ...seedData(), studied: {}, stories: [] })));
      await frame.locator('[data-import-preview]').waitFor();
      await frame.locator('[data-import-replace]').click();
      await expect.poll(() => frame.locator('[data-import-error]').innerText()).toBe(FRAMED_MESSAGE);
      expect(await savedText(frame)).toBe(before);
      await finish(tracked, [FRAMED_AUTOFOCUS]);
    },
    TIMEOUT,
  );

  it(
    'refuses to delete a story, and says why',
    async () => {
      const { tracked, frame } = await framed('/practice/stories/');
      const item = frame.locator('.story-item', { hasText: STORY.title });
      await item.waitFor();
      await item.getByRole('button', { name: /^Delete/ }).click();
      await expect.poll(() => frame.locator('[data-list-status]').innerText()).toBe(FRAMED_MESSAGE);
      expect(await frame.locator('[data-delete-dialog]').evaluate((d) => (d as HTMLDialogElement).open)).toBe(false);
      expect(await frame.locator('.story-item').count()).toBe(1);
      await finish(tracked, [FRAMED_AUTOFOCUS]);
    },
    TIMEOUT,
  );
});
