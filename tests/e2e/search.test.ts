/**
 * Search: the site's own dialog over Pagefind's JS API. Nothing loads until the reader shows
 * intent; "/" and Ctrl+K open it; arrows move, Enter opens, Escape clears and then closes, and
 * focus goes back to the opener; the type filter narrows results; the count is announced; recent
 * searches are offered; a first query stays within its byte budget; it works with every other
 * host unreachable, and says so plainly when Pagefind cannot load.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, siteUrl, trackedContext } from './browser.ts';
import { searchFor } from '../search-relevance/run.ts';
import { PAGE_SIZE } from '../../src/scripts/search/config.ts';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const hrefs = (page: Page, selector: string) =>
  page.locator(selector).evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
const activeClass = (page: Page) => page.evaluate(() => document.activeElement?.className ?? document.activeElement?.tagName);

describe('search', () => {
  it('loads nothing for search until the reader shows intent; hovering the button starts the engine', async () => {
    const tracked = await trackedContext(browser);
    const page = await tracked.newPage();
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(siteUrl('/loop/'), { waitUntil: 'networkidle' });
    expect(requests.filter((url) => /\/pagefind\/|search\.css|\/search-dialog\.[\w-]+\.js/.test(url))).toEqual([]);
    await page.locator('[data-search-open]').hover();
    await expect.poll(() => requests.some((url) => url.endsWith('/pagefind/pagefind.js')), { timeout: 15_000 }).toBe(true);
    await expect.poll(() => requests.some((url) => url.includes('/pagefind/wasm.')), { timeout: 15_000 }).toBe(true);
    expect(await page.locator('.search-dialog[open]').count()).toBe(0);
    expect(tracked.errors).toEqual([]);
    await tracked.context.close();
  });

  it('opens with "/", finds a page, moves with the arrows and opens a result with Enter', async () => {
    const tracked = await trackedContext(browser);
    const page = await tracked.newPage();
    await page.goto(siteUrl('/loop/'));
    const fragments: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/pagefind/fragment/')) fragments.push(request.url());
    });
    await searchFor(page, 'playback resume');
    expect(await activeClass(page)).toBe('search-input');
    const pages = await hrefs(page, '.search-page');
    expect(pages[0]).toBe('/netflix-sd/prompts/playback-resume/');
    // Fragments load only for the results shown: PAGE_SIZE first, more only when they fit on screen.
    expect(pages.length).toBeGreaterThanOrEqual(PAGE_SIZE);
    await page.waitForLoadState('networkidle');
    expect(fragments).toHaveLength(await page.locator('.search-page').count());
    expect(await page.locator('.search-results mark').count()).toBeGreaterThan(0);
    // Sections under a heading, with the heading shown above the excerpt.
    const section = page.locator('.search-section').first();
    expect(await section.locator('.search-heading').textContent()).toBeTruthy();
    expect(await section.getAttribute('href')).toMatch(/#[\w-]+$/);
    // Arrow keys move the active option; the input keeps focus and points at it.
    await page.keyboard.press('ArrowDown');
    const first = await page.locator('[role="option"][aria-selected="true"]').getAttribute('id');
    expect(await page.locator('.search-input').getAttribute('aria-activedescendant')).toBe(first);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    expect(await page.locator('[role="option"][aria-selected="true"]').getAttribute('id')).toBe(first);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/prompts\/playback-resume\/$/);
    expect(tracked.external).toEqual([]);
    expect(tracked.errors).toEqual([]);
    await tracked.context.close();
  });

  it('Escape clears the query first, then closes, and focus returns to the button that opened it', async () => {
    const tracked = await trackedContext(browser);
    const page = await tracked.newPage();
    await page.goto(siteUrl('/stack/'));
    const button = page.locator('[data-search-open]');
    await button.click();
    await page.locator('.search-dialog[open] .search-input').waitFor();
    await searchFor(page, 'zuul');
    await page.keyboard.press('Escape');
    expect(await page.locator('.search-input').inputValue()).toBe('');
    expect(await page.locator('.search-dialog[open]').count()).toBe(1);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.search-dialog[open]').count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-search-open'))).toBe(true);
    await tracked.context.close();
  });

  it('announces the result count and filters by content type with controls drawn at full strength', async () => {
    const tracked = await trackedContext(browser);
    const page = await tracked.newPage();
    await page.goto(siteUrl('/'));
    await page.keyboard.press('Control+k');
    await page.locator('.search-dialog[open] .search-input').waitFor();
    await searchFor(page, 'cache');
    const summary = page.locator('.search-summary');
    expect(await summary.getAttribute('role')).toBe('status');
    expect(await summary.textContent()).toMatch(/^\d+ results for “cache”/);
    const before = await hrefs(page, '.search-page');
    expect(before.some((href) => !href.startsWith('/netflix-sd/prompts/'))).toBe(true);
    const buttons = page.locator('.search-dialog button:visible');
    for (const opacity of await buttons.evaluateAll((all) => all.map((b) => getComputedStyle(b).opacity))) expect(opacity).toBe('1');
    await page.locator('.search-type', { hasText: /^Prompt/ }).click();
    await expect.poll(() => summary.textContent(), { timeout: 15_000 }).toMatch(/ in Prompt/);
    await page.waitForFunction(() => document.querySelector('.search-dialog')?.getAttribute('data-state') === 'done');
    const after = await hrefs(page, '.search-page');
    expect(after.length).toBeGreaterThan(0);
    expect(after.every((href) => href.startsWith('/netflix-sd/prompts/'))).toBe(true);
    expect(await page.locator('.search-type[aria-pressed="true"]').textContent()).toMatch(/^Prompt/);
    // "More results" loads the next page of fragments.
    const more = page.locator('.search-more');
    if (await more.isVisible()) {
      await more.click();
      await expect.poll(async () => (await hrefs(page, '.search-page')).length).toBeGreaterThan(after.length);
    }
    expect(tracked.external).toEqual([]);
    await tracked.context.close();
  });

  it('offers recent searches on open, kept on this device, and forgets them on request', async () => {
    const tracked = await trackedContext(browser);
    const page = await tracked.newPage();
    await page.goto(siteUrl('/loop/'));
    await searchFor(page, 'open connect');
    await page.locator('.search-page').first().click();
    await page.waitForURL(/\/stack\/open-connect\/$/);
    await page.keyboard.press('/');
    const recent = page.locator('.search-recent');
    await recent.first().waitFor({ timeout: 15_000 });
    expect(await recent.allTextContents()).toEqual(['open connect']);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.search-input').inputValue()).toBe('open connect');
    await page.waitForFunction(() => document.querySelector('.search-dialog')?.getAttribute('data-state') === 'done');
    await page.locator('.search-input').fill('');
    await page.locator('.search-clear-recent').click();
    expect(await recent.count()).toBe(0);
    expect(await page.evaluate(() => localStorage.getItem('search-recent'))).toBeNull();
    await tracked.context.close();
  });

  it('keeps working with every host but the site unreachable', async () => {
    const tracked = await trackedContext(browser);
    const page = await tracked.newPage();
    await page.goto(siteUrl('/stack/'));
    await searchFor(page, 'zuul');
    expect((await hrefs(page, '.search-page'))[0]).toBe('/netflix-sd/stack/zuul/');
    expect(tracked.external).toEqual([]);
    await tracked.context.close();
  });

  it('works offline once the site has been visited', async () => {
    const tracked = await trackedContext(browser);
    const page = await tracked.newPage();
    await page.goto(siteUrl('/'));
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.reload();
    await expect.poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller)), { timeout: 30_000 }).toBe(true);
    // Wait until the precache holds the search engine and its index.
    const engine = siteUrl('/pagefind/pagefind.js');
    await expect
      .poll(() => page.evaluate(async (url) => Boolean(await caches.match(url, { ignoreSearch: true })), engine), { timeout: 60_000 })
      .toBe(true);
    await tracked.context.setOffline(true);
    await page.goto(siteUrl('/loop/'));
    await searchFor(page, 'open connect');
    expect((await hrefs(page, '.search-page'))[0]).toBe('/netflix-sd/stack/open-connect/');
    await tracked.context.setOffline(false);
    await tracked.context.close();
  });

  for (const theme of ['light', 'dark'] as const) {
    it(`has no axe violations with results and with recent searches open (${theme} theme)`, async () => {
      // axe is injected as an inline script, which the CSP refuses (see accessibility.test.ts).
      const tracked = await trackedContext(browser, { bypassCSP: true });
      await tracked.context.addInitScript((value) => {
        localStorage.setItem('theme', value);
        localStorage.setItem('search-recent', JSON.stringify(['open connect', 'zuul']));
      }, theme);
      const page = await tracked.newPage();
      await page.goto(siteUrl('/loop/'));
      await page.keyboard.press('/');
      await page.locator('.search-recent').first().waitFor({ timeout: 15_000 });
      await page.addScriptTag({ content: axeSource });
      const audit = () =>
        page.evaluate(async () => {
          const axe = (
            window as unknown as {
              axe: { run: (context: Element, options: object) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> };
            }
          ).axe;
          const result = await axe.run(document.querySelector('.search-dialog')!, {
            runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
            resultTypes: ['violations'],
          });
          return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
        });
      expect(await audit()).toEqual([]);
      await searchFor(page, 'cache stampede');
      await page.keyboard.press('ArrowDown');
      expect(await audit()).toEqual([]);
      await tracked.context.close();
    });
  }

  it('says plainly when Pagefind cannot load', async () => {
    const tracked = await trackedContext(browser);
    await tracked.context.route('**/pagefind/**', (route) => route.abort());
    const page = await tracked.newPage();
    await page.goto(siteUrl('/loop/'));
    await page.keyboard.press('/');
    await page.locator('.search-dialog[open]').waitFor();
    await expect.poll(() => page.locator('.search-summary').textContent(), { timeout: 15_000 }).toMatch(/Search could not load/);
    expect(await page.locator('.search-dialog').getAttribute('data-state')).toBe('error');
    await tracked.context.close();
  });
});
