/**
 * What a reader sees around the content, measured in Chromium: the phone header keeps its icons
 * and the whole site name; card grids line up; text reads as sentences (no glued words, no
 * "1 … rounds", no "All prompts and 20 more"); previous/next stays inside a section; a prompt's
 * table of contents keeps the rubric and sources in view; the mock round's clock stays on screen
 * while the reader scrolls; and every kind of content page can be marked studied at its top and
 * its end, shows in the sidebar without moving anything, and says when it changed since.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, PAGE_STEP_TIMEOUT, siteUrl, trackedContext } from './browser.ts';

const STORAGE_KEY = 'netflix-loop-guide:study';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function open(sitePath: string, width: number, height = 900, colorScheme: 'light' | 'dark' = 'light'): Promise<Page> {
  const tracked = await trackedContext(browser, { viewport: { width, height }, colorScheme });
  const page = await tracked.newPage();
  page.setDefaultTimeout(PAGE_STEP_TIMEOUT);
  await page.goto(siteUrl(sitePath));
  return page;
}

describe('phone header', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    it(`shows full-size Menu and Search icons and the whole site name at 390 px (${colorScheme})`, async () => {
      const page = await open('/loop/', 390, 844, colorScheme);
      const sizes = await page.evaluate(() =>
        ['.menu-button svg', '[data-search-open] svg', '[data-theme-toggle] svg:not([hidden])'].map((selector) => {
          const icon =
            [...document.querySelectorAll(selector)].find((e) => e.getBoundingClientRect().width > 0) ?? document.querySelector(selector)!;
          return { selector, width: icon.getBoundingClientRect().width };
        }),
      );
      for (const { selector, width } of sizes) expect(width, selector).toBeGreaterThanOrEqual(16);
      const name = await page
        .locator('.site-name')
        .evaluate((e) => ({ scroll: e.scrollWidth, client: e.clientWidth, text: e.textContent }));
      expect(name.scroll, `site name "${name.text}" is cut off`).toBeLessThanOrEqual(name.client);
      expect(await page.locator('.site-header').evaluate((e) => e.scrollWidth <= e.clientWidth)).toBe(true);
      await page.context().close();
    });
  }
});

describe('card grids', () => {
  for (const sitePath of ['/', '/practice/']) {
    it(`start every card of a row at the same height on ${sitePath}`, async () => {
      const page = await open(sitePath, 1280);
      const tops = await page
        .locator('.card-grid')
        .first()
        .locator(':scope > li')
        .evaluateAll((items) => items.slice(0, 2).map((li) => li.getBoundingClientRect().top));
      expect(tops).toHaveLength(2);
      expect(Math.abs(tops[0]! - tops[1]!)).toBeLessThan(0.5);
      await page.context().close();
    });
  }
});

describe('text', () => {
  it('keeps a space before a link that follows text on the next source line', async () => {
    const page = await open('/practice/stories/', 1280);
    expect(await page.locator('main p:has(a[href$="/culture/story-bank/"])').innerText()).toMatch(/is in Build a story bank\./);
    await page.goto(siteUrl('/prompts/playback-resume/'));
    expect(await page.locator('.cheatsheet-link').innerText()).toBe(
      'Jump to the 45-minute answer · One-page cheat sheet to print · Practice it against the clock',
    );
    // The jump link lands on the condensed answer, the first section after the prompt.
    await page.getByRole('link', { name: 'Jump to the 45-minute answer' }).click();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#the-45-minute-answer');
    expect(await page.locator('#answer-45 .round-answer-phases > li').count()).toBeGreaterThan(0);
    await page.context().close();
  });

  it('counts the pages of a collapsed sidebar group instead of "… and N more"', async () => {
    const page = await open('/loop/', 1280);
    // textContent: the groups other than the current one are collapsed.
    const sidebar = (await page.locator('#sidebar').textContent()) ?? '';
    expect(sidebar).not.toMatch(/ and \d+ more/);
    const prompts = (await page.locator('#sidebar a[href$="/prompts/"]').textContent())?.replace(/\s+/g, ' ').trim();
    expect(prompts).toMatch(/^All prompts, \d+ pages$/);
    await page.context().close();
  });
});

describe('navigation', () => {
  it('lists the partner view with the study tools', async () => {
    const page = await open('/practice/partner/', 1280);
    expect(await page.locator('#sidebar a[aria-current="page"]').innerText()).toMatch(/Partner view/);
    await page.context().close();
  });

  it('keeps previous and next inside the section', async () => {
    const page = await open('/stack/', 1280);
    const stackLinks = await page
      .locator('#sidebar a[href*="/stack/"]')
      .evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).pathname));
    const last = stackLinks.at(-1)!;
    await page.goto(new URL(last, page.url()).href);
    expect(await page.locator('.prev-next a[rel="next"]').count()).toBe(0);
    expect(await page.locator('.prev-next a[rel="prev"]').getAttribute('href')).toMatch(/\/stack\//);
    await page.goto(siteUrl('/coding/'));
    const previous = page.locator('.prev-next a[rel="prev"]');
    if ((await previous.count()) > 0) expect(await previous.getAttribute('href')).not.toMatch(/\/prompts\//);
    await page.context().close();
  });

  it("keeps a prompt's rubric and sources in view in the table of contents", async () => {
    const page = await open('/prompts/playback-resume/', 1280, 720);
    for (const name of ['Self-check rubric', 'Sources']) {
      const link = page.locator('.toc-pinned a', { hasText: name });
      const box = (await link.boundingBox())!;
      expect(box, name).not.toBeNull();
      expect(box.y + box.height, `${name} is below the fold`).toBeLessThanOrEqual(720);
    }
    await page.context().close();
  });
});

describe('mock round clock', () => {
  for (const width of [390, 1280]) {
    it(`stays on screen while the reader scrolls through a round at ${width} px`, async () => {
      const page = await open('/practice/mock/', width, 800);
      await page.locator('[data-setup-form] button[type="submit"]').click();
      const clock = page.locator('[data-panel="round"] .round-clock');
      await clock.waitFor({ state: 'visible' });
      await page.evaluate(() => scrollTo(0, document.documentElement.scrollHeight));
      const box = (await clock.boundingBox())!;
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.y + box.height).toBeLessThanOrEqual(800);
      // Compact: it never takes more than a sixth of a phone screen.
      if (width === 390) expect(box.height).toBeLessThanOrEqual(800 / 6);
      await page.context().close();
    });
  }
});

describe('progress on every content page', () => {
  for (const sitePath of ['/culture/candor/', '/stack/atlas/', '/mistakes/cache-stampede-ignored/', '/system-design/anatomy/']) {
    it(`marks ${sitePath} studied from the end of the page, and the sidebar shows it without moving`, async () => {
      const page = await open(sitePath, 1280);
      const toggles = page.locator('[data-study-toggle] button');
      expect(await toggles.count()).toBe(2);
      const key = await page.locator('[data-page-key]').getAttribute('data-page-key');
      const sidebarLink = page.locator(`#sidebar a[data-study-key="${key}"]`);
      const inSidebar = (await sidebarLink.count()) > 0;
      // Where the link sits in the sidebar's own layout (scrolling the page moves the sidebar).
      const layout = () => sidebarLink.evaluate((a: HTMLElement) => [a.offsetTop, a.offsetLeft, a.offsetWidth, a.offsetHeight]);
      const before = inSidebar ? await layout() : null;
      await toggles.last().click();
      await expect.poll(() => toggles.first().getAttribute('aria-pressed')).toBe('true');
      expect(await toggles.last().innerText()).toBe('Studied ✓');
      if (inSidebar) {
        await expect.poll(() => sidebarLink.getAttribute('data-studied')).toBe('');
        expect(await layout()).toEqual(before);
      }
      await page.context().close();
    });
  }

  it('says when a page was updated since the reader studied it', async () => {
    const page = await open('/stack/atlas/', 1280);
    const updated = await page.locator('[data-page-key]').getAttribute('data-updated');
    expect(updated).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    await page.evaluate(
      ([key, storageKey]) => {
        const fresh = {
          schema: 'netflix-loop-guide.study-data',
          version: 1,
          studied: {},
          tasks: {},
          cards: {},
          mocks: [],
          activeMock: null,
          stories: [],
        };
        const saved = JSON.parse(localStorage.getItem(storageKey) ?? 'null') as { studied: Record<string, string> } | null;
        const data: { studied: Record<string, string> } = saved ?? fresh;
        data.studied[key] = '2001-01-01T00:00:00.000Z';
        localStorage.setItem(storageKey, JSON.stringify(data));
      },
      ['stack/atlas', STORAGE_KEY] as const,
    );
    await page.reload();
    await expect.poll(() => page.locator('[data-study-status]').first().innerText()).toMatch(/updated since you studied it/);
    await page.context().close();
  });

  it('counts every content page on the progress dashboard', async () => {
    const page = await open('/practice/progress/', 1280);
    const sections = await page.locator('tr[data-section]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-section')));
    for (const section of ['Culture memo', 'Mistakes', 'Netflix stack', 'Design prompts']) expect(sections).toContain(section);
    await page.context().close();
  });
});
