/** Search: opened by keyboard anywhere, ranked results with highlighted excerpts, type filter. */
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

describe('search', () => {
  it('loads nothing for search until it is used', async () => {
    const tracked = await trackedContext(browser);
    const page = await tracked.newPage();
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(siteUrl('/loop/'), { waitUntil: 'networkidle' });
    expect(requests.filter((url) => url.includes('/pagefind/'))).toEqual([]);
    await tracked.context.close();
  });

  it('finds a known page from a query typed after pressing "/", with highlighted excerpts', async () => {
    const tracked = await trackedContext(browser);
    const page = await tracked.newPage();
    await page.goto(siteUrl('/loop/'));
    await page.keyboard.press('/');
    const input = page.locator('pagefind-modal input');
    await input.waitFor({ state: 'visible' });
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('INPUT');
    await page.keyboard.type('playback resume');
    const hit = page.locator('pagefind-results a', { hasText: 'Playback resume' }).first();
    await hit.waitFor({ timeout: 15_000 });
    expect(await hit.getAttribute('href')).toBe('/netflix-sd/prompts/playback-resume/');
    expect(await page.locator('pagefind-results mark').count()).toBeGreaterThan(0);
    await page.keyboard.press('Escape');
    await expect.poll(() => input.isVisible()).toBe(false);
    expect(tracked.external).toEqual([]);
    expect(tracked.errors).toEqual([]);
    await tracked.context.close();
  });

  it('opens with Ctrl+K and filters results by content type', async () => {
    const tracked = await trackedContext(browser);
    const page = await tracked.newPage();
    await page.goto(siteUrl('/'));
    await page.keyboard.press('Control+k');
    const input = page.locator('pagefind-modal input');
    await input.waitFor({ state: 'visible' });
    await input.fill('cache');
    await page.locator('pagefind-results a').first().waitFor({ timeout: 15_000 });
    const before = await page.locator('pagefind-results a[href]').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(before.some((href) => !href?.includes('/prompts/'))).toBe(true);
    await page.locator('pagefind-filter-dropdown button').first().click();
    await page.locator('pagefind-filter-dropdown [role="option"]', { hasText: /^Prompt/ }).click();
    await expect
      .poll(
        async () => {
          const hrefs = await page
            .locator('pagefind-results a.pf-result-link, pagefind-results a[href]')
            .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
          return hrefs.length > 0 && hrefs.every((href) => href.startsWith('/netflix-sd/prompts/'));
        },
        { timeout: 15_000 },
      )
      .toBe(true);
    expect(tracked.external).toEqual([]);
    await tracked.context.close();
  });

  it('keeps working with every host but the site unreachable', async () => {
    const tracked = await trackedContext(browser);
    const page = await tracked.newPage();
    await page.goto(siteUrl('/stack/'));
    await page.locator('[data-search-open]').click();
    await page.locator('pagefind-modal input').fill('zuul');
    await page.locator('pagefind-results a', { hasText: 'Zuul' }).first().waitFor({ timeout: 15_000 });
    expect(tracked.external).toEqual([]);
    await tracked.context.close();
  });
});
