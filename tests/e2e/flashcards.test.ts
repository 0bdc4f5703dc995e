/**
 * The flashcards page as a reader uses it: deck counts, a review by keyboard, the schedule that
 * changes and survives a reload (saved as a CardState in the study store), schedules of removed
 * cards left alone, the phone layout, and no request leaving localhost.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, siteUrl, trackedContext } from './browser.ts';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const STORAGE_KEY = 'netflix-loop-guide:study';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function count(page: Page, deck: string, key: 'new' | 'due' | 'total'): Promise<number> {
  return Number(await page.locator(`[data-deck="${deck}"] [data-count="${key}"]`).textContent());
}

async function openPage(page: Page): Promise<void> {
  await page.goto(siteUrl('/practice/flashcards/'));
  await page.locator('[data-deck] [data-count="total"]').first().waitFor();
}

const savedCards = (page: Page) =>
  page.evaluate(
    (key) => (JSON.parse(localStorage.getItem(key) ?? '{"cards":{}}') as { cards: Record<string, Record<string, unknown>> }).cards,
    STORAGE_KEY,
  );

describe('flashcards', () => {
  it('reviews a new card by keyboard, shows its new schedule and keeps it after a reload', async () => {
    const tracked = await trackedContext(browser);
    const page = await tracked.newPage();
    await openPage(page);

    // Every deck starts all new; pick the first one.
    const decks = await page.locator('[data-deck]').evaluateAll((items) => items.map((item) => (item as HTMLElement).dataset.deck!));
    expect(decks).toEqual(['stack', 'culture', 'mistakes', 'estimation']);
    const deck = decks[0]!;
    const newBefore = await count(page, deck, 'new');
    expect(newBefore).toBeGreaterThan(0);
    expect(await count(page, deck, 'total')).toBe(newBefore);
    expect(await count(page, deck, 'due')).toBe(0);
    expect(await page.locator('[data-upcoming]').textContent()).toMatch(/No reviews scheduled yet/);

    // Start the deck with the keyboard: focus lands on the question.
    await page.locator(`[data-study-deck="${deck}"]`).focus();
    await page.keyboard.press('Enter');
    const session = page.locator('[data-review-session]');
    await expect.poll(() => session.isVisible()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-front'))).toBe(true);
    expect((await page.locator('[data-front-text]').textContent())?.length).toBeGreaterThan(10);
    expect(await page.locator('[data-answer]').isVisible()).toBe(false);
    const cardId = await session.getAttribute('data-card-id');
    expect(cardId).toMatch(new RegExp(`^${deck}:`));

    // Reveal with Space: the answer shows, takes focus and is announced politely.
    await page.keyboard.press('Space');
    await expect.poll(() => page.locator('[data-answer]').isVisible()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-answer'))).toBe(true);
    expect(await page.locator('[data-announce]').getAttribute('role')).toBe('status');
    expect(await page.locator('[data-announce]').textContent()).toMatch(/Answer shown/);
    expect(await page.locator('[data-read-more]').getAttribute('href')).toMatch(/^\/netflix-sd\/stack\/.+\/$/);
    // Each rating is a labeled button that says when the card would come back.
    const good = page.locator('[data-grade="3"]');
    expect(await good.innerText()).toMatch(/Good\s+in 10 minutes/);
    expect(await page.locator('[data-grade="1"]').innerText()).toMatch(/Again\s+in 1 minute/);

    // Rate Good with the 3 key: the next due time is shown and announced, the counts move.
    await page.keyboard.press('3');
    const result = page.locator('[data-result]');
    await expect.poll(() => result.textContent()).toMatch(/^Rated Good\. This card comes back in 10 minutes \(.+\)\.$/);
    expect(await result.getAttribute('role')).toBe('status');
    expect(await result.getAttribute('data-card-id')).toBe(cardId);
    await expect.poll(() => count(page, deck, 'new')).toBe(newBefore - 1);
    expect(await count(page, deck, 'due')).toBe(0);
    expect(await page.locator('[data-upcoming]').textContent()).toMatch(/In the next 7 days: 1\. Next review in 10 minutes/);
    // The session moved on to another card.
    expect(await session.getAttribute('data-card-id')).not.toBe(cardId);

    // The schedule is saved as a CardState (ISO dates) in the study store.
    const saved = (await savedCards(page))[cardId!]!;
    expect(saved).toMatchObject({ state: 1, reps: 1, lapses: 0, scheduled_days: 0 });
    expect(saved.due).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(saved.last_review).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    const minutesAhead = (Date.parse(saved.due as string) - Date.parse(saved.last_review as string)) / 60_000;
    expect(minutesAhead).toBe(10);

    // After a reload the reviewed card is neither new nor due, and a new session skips it.
    await page.reload();
    await page.locator('[data-deck] [data-count="total"]').first().waitFor();
    await expect.poll(() => count(page, deck, 'new')).toBe(newBefore - 1);
    expect(await count(page, deck, 'due')).toBe(0);
    expect((await savedCards(page))[cardId!]).toEqual(saved);
    await page.locator(`[data-study-deck="${deck}"]`).click();
    await expect.poll(() => session.getAttribute('data-card-id')).not.toBeNull();
    expect(await session.getAttribute('data-card-id')).not.toBe(cardId);

    // Stopping returns focus to the deck's button.
    await page.locator('[data-stop]').click();
    expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.studyDeck)).toBe(deck);

    expect(tracked.external).toEqual([]);
    expect(tracked.errors).toEqual([]);
    await tracked.context.close();
  });

  it('keeps the schedule of a card that no longer exists, without showing it', async () => {
    const tracked = await trackedContext(browser, { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    const page = await tracked.newPage();
    await openPage(page);
    const orphan = {
      due: '2020-01-01T00:00:00.000Z',
      stability: 3,
      difficulty: 5,
      elapsed_days: 0,
      scheduled_days: 3,
      learning_steps: 0,
      reps: 2,
      lapses: 0,
      state: 2,
      last_review: '2019-12-29T00:00:00.000Z',
    };
    await page.evaluate(
      ({ key, card }) => {
        const empty = {
          schema: 'netflix-loop-guide.study-data',
          version: 1,
          studied: {},
          tasks: {},
          cards: {},
          mocks: [],
          activeMock: null,
          stories: [],
        };
        const data = (JSON.parse(localStorage.getItem(key) ?? 'null') ?? empty) as { cards: Record<string, unknown> };
        data.cards['stack:removed-long-ago'] = card;
        localStorage.setItem(key, JSON.stringify(data));
      },
      { key: STORAGE_KEY, card: orphan },
    );
    await openPage(page);
    // Long overdue, yet not counted or offered: nothing is due at all.
    expect(await page.locator('[data-study-due]').isDisabled()).toBe(true);
    expect(await count(page, 'stack', 'due')).toBe(0);

    // Review a card with the mouse; the orphan stays in storage untouched.
    await page.locator('[data-study-deck="culture"]').click();
    await page.locator('[data-show]').click();
    await page.locator('[data-grade="4"]').click();
    await expect.poll(() => page.locator('[data-result]').textContent()).toMatch(/^Rated Easy\. This card comes back in \d+ days/);
    const cards = await savedCards(page);
    expect(cards['stack:removed-long-ago']).toEqual(orphan);
    expect(Object.keys(cards).filter((id) => id.startsWith('culture:'))).toHaveLength(1);

    // The review screen fits a 360 px phone.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);

    expect(tracked.external).toEqual([]);
    expect(tracked.errors).toEqual([]);
    await tracked.context.close();
  });

  it('still moves through a session when the browser refuses to save, and says so', async () => {
    const tracked = await trackedContext(browser);
    await tracked.context.addInitScript(() => {
      Storage.prototype.setItem = () => {
        throw new DOMException('Storage is off', 'SecurityError');
      };
    });
    const page = await tracked.newPage();
    await openPage(page);
    const newBefore = await count(page, 'culture', 'new');
    await page.locator('[data-study-deck="culture"]').click();
    const first = await page.locator('[data-review-session]').getAttribute('data-card-id');
    await page.keyboard.press('Enter');
    await page.keyboard.press('3');
    await expect
      .poll(() => page.locator('[data-cards-error]').textContent())
      .toMatch(/Your reviews are not being saved: This browser refused to save the change/);
    expect(await page.locator('[data-review-session]').getAttribute('data-card-id')).not.toBe(first);
    expect(await count(page, 'culture', 'new')).toBe(newBefore - 1);
    expect(tracked.errors).toEqual([]);
    await tracked.context.close();
  });

  // The site-wide axe test sees the page as loaded; this checks the review screen with an answer shown.
  it.each(['light', 'dark'] as const)('has no axe violations mid-review in the %s theme', async (theme) => {
    // The site's Content-Security-Policy forbids inline scripts; bypass it to inject axe.
    const tracked = await trackedContext(browser, { bypassCSP: true });
    await tracked.context.addInitScript((value) => localStorage.setItem('theme', value), theme);
    const page = await tracked.newPage();
    await openPage(page);
    await page.locator('[data-study-deck="mistakes"]').click();
    await page.locator('[data-show]').click();
    await page.locator('[data-grade="3"]').waitFor();
    await page.locator('[data-grade="1"]').click();
    await page.locator('[data-show]').click();
    await page.addScriptTag({ content: axeSource });
    const violations = await page.evaluate(async () => {
      const axe = (
        window as unknown as {
          axe: { run: (context: Document, options: object) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> };
        }
      ).axe;
      const result = await axe.run(document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
        resultTypes: ['violations'],
      });
      return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
    });
    expect(violations).toEqual([]);
    expect(tracked.errors).toEqual([]);
    await tracked.context.close();
  });
});
