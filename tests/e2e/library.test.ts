/**
 * The reference sections: the prompt library and the mistakes catalog filter as a reader
 * expects (and keep the filter in the address), and search finds every prompt by its name.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, siteUrl, trackedContext } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('prompt library', () => {
  it('filters by difficulty and theme, counts, and keeps the filter in the URL', async () => {
    const tracked = await trackedContext(browser);
    const page = await tracked.newPage();
    await page.goto(siteUrl('/prompts/'));
    const cards = page.locator('#prompt-list > li');
    const total = await cards.count();
    expect(total).toBeGreaterThanOrEqual(20);
    await expect.poll(() => page.locator('.filter-count').innerText()).toBe(`Showing all ${total} prompts.`);
    await page.selectOption('select[name="difficulty"]', 'hard');
    const visible = page.locator('#prompt-list > li:not([hidden])');
    const hard = await visible.count();
    expect(hard).toBeGreaterThan(0);
    expect(hard).toBeLessThan(total);
    for (const difficulty of await visible.evaluateAll((items) => items.map((i) => i.getAttribute('data-difficulty')))) {
      expect(difficulty).toBe('hard');
    }
    expect(await page.locator('.filter-count').innerText()).toBe(`Showing ${hard} of ${total} prompts.`);
    expect(new URL(page.url()).searchParams.get('difficulty')).toBe('hard');
    await page.reload();
    expect(await page.locator('select[name="difficulty"]').inputValue()).toBe('hard');
    expect(await visible.count()).toBe(hard);
    await page.locator('[data-filter-clear]').click();
    await expect.poll(() => visible.count()).toBe(total);
    await tracked.context.close();
  });
});

describe('mistakes catalog', () => {
  it('filters by round and hides groups left empty', async () => {
    const tracked = await trackedContext(browser);
    const page = await tracked.newPage();
    await page.goto(siteUrl('/mistakes/'));
    const pairs = page.locator('#mistake-list [data-round]');
    const total = await pairs.count();
    expect(total).toBeGreaterThanOrEqual(40);
    await page.selectOption('select[name="round"]', 'coding');
    const shown = page.locator('#mistake-list [data-round]:not([hidden])');
    const rounds = await shown.evaluateAll((items) => items.map((i) => i.getAttribute('data-round')!.split(' ')));
    expect(rounds.length).toBeGreaterThan(0);
    expect(rounds.every((r) => r.includes('coding'))).toBe(true);
    const visibleGroups = await page.locator('#mistake-list [data-filter-group]:not([hidden]) h2').allInnerTexts();
    expect(visibleGroups.length).toBeGreaterThan(0);
    expect(visibleGroups).not.toContain('Behavioral and culture rounds');
    await tracked.context.close();
  });
});

describe('filter bar without JavaScript', () => {
  it('is not shown (it could not work) and the full list is', async () => {
    const tracked = await trackedContext(browser, { javaScriptEnabled: false });
    const page = await tracked.newPage();
    await page.goto(siteUrl('/prompts/'));
    expect(await page.locator('[data-filter-bar]').isVisible()).toBe(false);
    expect(await page.locator('#prompt-list > li').count()).toBeGreaterThanOrEqual(20);
    expect(await page.locator('#prompt-list > li:visible').count()).toBe(await page.locator('#prompt-list > li').count());
    await tracked.context.close();
  });
});

describe('search finds every prompt by its name', () => {
  it('ranks each prompt page in the first five results for its title', async () => {
    const tracked = await trackedContext(browser);
    const page = await tracked.newPage();
    await page.goto(siteUrl('/prompts/'));
    const prompts = await page
      .locator('#prompt-list > li a.card')
      .evaluateAll((links) =>
        links.map((a) => ({ href: a.getAttribute('href') ?? '', title: a.querySelector('.card-title')?.textContent?.trim() ?? '' })),
      );
    await page.keyboard.press('/');
    const input = page.locator('.search-input');
    await input.waitFor({ state: 'visible' });
    const missing: string[] = [];
    for (const prompt of prompts) {
      const query = prompt.title.replace(/\(.*?\)/g, '').trim();
      await input.fill(query);
      try {
        await expect
          .poll(
            async () =>
              (await page.locator('.search-page').evaluateAll((links) => links.map((a) => a.getAttribute('href')!.split('#')[0])))
                .filter((href, index, all) => all.indexOf(href) === index)
                .slice(0, 5),
            { timeout: 10_000 },
          )
          .toContain(prompt.href);
      } catch {
        missing.push(`${query} -> ${prompt.href}`);
      }
    }
    expect(missing).toEqual([]);
    await tracked.context.close();
  });
});

describe('from a prompt to practice', () => {
  it('links to the prompt’s cheat sheet and opens the mock round with the prompt chosen', async () => {
    const tracked = await trackedContext(browser);
    const page = await tracked.newPage();
    await page.goto(siteUrl('/prompts/homepage-feed/'));
    await page.getByRole('link', { name: 'One-page cheat sheet to print' }).click();
    await page.waitForURL(/\/prompts\/homepage-feed\/cheatsheet\/$/);
    await page.goto(siteUrl('/prompts/homepage-feed/'));
    await page.getByRole('link', { name: 'Practice it against the clock' }).click();
    await page.waitForURL(/\/practice\/mock\/\?prompt=homepage-feed$/);
    await expect.poll(() => page.locator('[data-prompt-select]').inputValue()).toBe('homepage-feed');
    expect(tracked.errors).toEqual([]);
    await tracked.context.close();
  });
});
