/**
 * The page features a reader relies on: diagrams drawn as inline SVG with text alternatives,
 * GOOD/BAD labels in text, the theme that persists, the phone layout, the keyboard path, the
 * edit/report links, and no request leaving localhost on any page.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, PAGE_STEP_TIMEOUT, PAGE_TEST_TIMEOUT, siteUrl, trackedContext, type TrackedContext } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('diagrams', () => {
  it('are inline SVG with a caption, a text alternative and the Mermaid source', async () => {
    const tracked = await trackedContext(browser);
    const page = await tracked.newPage();
    await page.goto(siteUrl('/prompts/playback-resume/'));
    const figures = page.locator('figure.diagram');
    expect(await figures.count()).toBeGreaterThanOrEqual(2);
    const first = figures.first();
    const svg = first.locator('.diagram-canvas > svg');
    // A diagram with linked boxes is a group (an image cannot contain links).
    expect(await svg.getAttribute('role')).toMatch(/^(img|group)$/);
    const titleId = await svg.getAttribute('aria-labelledby');
    const descId = await svg.getAttribute('aria-describedby');
    expect((await page.locator(`[id="${titleId}"]`).textContent())?.trim().length).toBeGreaterThan(3);
    expect((await page.locator(`[id="${descId}"]`).textContent())?.trim().length).toBeGreaterThan(10);
    expect((await first.locator('figcaption').textContent())?.trim().length).toBeGreaterThan(3);
    await first.locator('summary').click();
    expect(await first.locator('.diagram-source').textContent()).toMatch(/^(flowchart|graph|sequenceDiagram|stateDiagram)/);
    // No page loads mermaid unless it has a diagram the build could not draw.
    expect(await page.evaluate(() => performance.getEntriesByType('resource').some((r) => /mermaid/i.test(r.name)))).toBe(false);
    await tracked.context.close();
  });

  it('include the study plan, drawn at build time with its boxes linking to the guides, and no page loads mermaid', async () => {
    // The plan was a gantt chart drawn in the browser, the only one; it is now a build-time
    // flowchart. The browser path (ClientDiagrams.astro) stays for types the build cannot draw.
    const tracked = await trackedContext(browser);
    const page = await tracked.newPage();
    await page.goto(siteUrl('/prepare/study-plan/'));
    expect(await page.locator('[data-mermaid-client]').count()).toBe(0);
    const links = page.locator('figure.diagram .diagram-canvas svg a.diagram-link');
    expect(await links.count()).toBeGreaterThanOrEqual(3);
    expect(await links.first().getAttribute('href')).toBe('/netflix-sd/coding/');
    expect(await page.evaluate(() => performance.getEntriesByType('resource').some((r) => /mermaid/i.test(r.name)))).toBe(false);
    await links.first().click();
    await page.waitForURL(/\/netflix-sd\/coding\/$/);
    expect(tracked.external).toEqual([]);
    await tracked.context.close();
  });
});

describe('GOOD/BAD pairs', () => {
  it('label both answers in text', async () => {
    const tracked = await trackedContext(browser);
    const page = await tracked.newPage();
    await page.goto(siteUrl('/loop/system-design/'));
    const pair = page.locator('.goodbad').first();
    await expect.poll(() => pair.locator('.answer-bad .answer-label').innerText()).toMatch(/weak answer/i);
    expect(await pair.locator('.answer-good .answer-label').innerText()).toMatch(/strong answer/i);
    expect(await pair.locator('.goodbad-why').innerText()).toMatch(/^Why it matters:/);
    await tracked.context.close();
  });
});

describe('theme', () => {
  it('follows the system preference before first paint, and a choice survives a reload', async () => {
    const tracked = await trackedContext(browser, { colorScheme: 'dark' });
    const page = await tracked.newPage();
    // Runs before the page's own scripts: records the theme at the moment the parser creates
    // <body>, in the same task (a mutation observer's callback runs before anything can paint).
    // Set any later (a deferred or module script), it would read undefined here.
    await page.addInitScript(() => {
      const record = () => {
        if (!document.body) return false;
        (window as unknown as { themeAtBody?: string }).themeAtBody = document.documentElement.dataset.theme ?? 'unset';
        return true;
      };
      const observer = new MutationObserver(() => void (record() && observer.disconnect()));
      observer.observe(document, { childList: true, subtree: true });
    });
    await page.goto(siteUrl('/loop/'));
    // The inline head script ran before the body was parsed: no flash of the light theme.
    expect(await page.evaluate(() => (window as unknown as { themeAtBody?: string }).themeAtBody)).toBe('dark');
    const toggle = page.locator('[data-theme-toggle]');
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    await toggle.click();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
    await page.reload();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
    expect(await page.locator('[data-theme-toggle]').getAttribute('aria-pressed')).toBe('false');
    await tracked.context.close();
  });
});

describe('on a 360 px phone', () => {
  it('has no horizontal scroll on any kind of page', async () => {
    const tracked = await trackedContext(browser, { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    const page = await tracked.newPage();
    for (const sitePath of [
      '/',
      '/loop/',
      '/loop/system-design/',
      '/prompts/',
      '/prompts/playback-resume/',
      '/mistakes/',
      '/stack/',
      '/stack/hystrix/',
      '/sources/',
    ]) {
      await page.goto(siteUrl(sitePath));
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `${sitePath} scrolls sideways by ${overflow}px`).toBeLessThanOrEqual(0);
    }
    await tracked.context.close();
  });

  it('opens the menu, navigates from it, and closes it with Escape', async () => {
    const tracked = await trackedContext(browser, { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    const page = await tracked.newPage();
    await page.goto(siteUrl('/loop/'));
    const sidebar = page.locator('#sidebar');
    expect(await sidebar.isVisible()).toBe(false);
    await page.locator('.menu-button').click();
    await expect.poll(() => sidebar.isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => sidebar.isVisible()).toBe(false);
    await page.locator('.menu-button').click();
    // Sections other than the current one are collapsed: open "Design prompts" first.
    expect(await sidebar.locator('a', { hasText: 'All prompts' }).isVisible()).toBe(false);
    await sidebar.locator('summary', { hasText: 'Design prompts' }).click();
    await sidebar.locator('a', { hasText: 'All prompts' }).click();
    await page.waitForURL(/\/netflix-sd\/prompts\/$/);
    await tracked.context.close();
  });
});

describe('keyboard', () => {
  it('starts with a skip link that moves focus to the content', async () => {
    const tracked = await trackedContext(browser);
    const page = await tracked.newPage();
    await page.goto(siteUrl('/loop/'));
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Skip to content');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    await tracked.context.close();
  });
});

describe('every page', () => {
  // One test per page, each with its own time budget, so a slow machine slows the suite down but
  // never fails it, and a failure names the page. Playwright's own step timeout is shorter than
  // the test's, so a hang reports the step (goto, a locator) rather than a bare test timeout.
  // The 404 and offline pages stand in for another page (a missing one, or one not saved for
  // offline use), so they carry no edit or report link of their own.
  const STAND_INS = new Set(['/404/', '/offline/']);
  const pages = inject('pages').filter((p) => !STAND_INS.has(p));
  let tracked: TrackedContext;
  let page: Page;
  beforeAll(async () => {
    tracked = await trackedContext(browser);
    page = await tracked.newPage();
    page.setDefaultTimeout(PAGE_STEP_TIMEOUT);
  });
  afterAll(async () => {
    await tracked?.context.close();
  });

  it('lists the built pages', () => {
    expect(pages.length).toBeGreaterThan(20);
  });

  it.each(pages)(
    '%s has edit and report links, the independence statement, and contacts only localhost',
    { timeout: PAGE_TEST_TIMEOUT },
    async (sitePath) => {
      const seen = { external: tracked.external.length, errors: tracked.errors.length };
      await page.goto(siteUrl(sitePath), { waitUntil: 'networkidle' });
      const edit = await page.locator('a[data-edit-link]').getAttribute('href');
      expect(edit, sitePath).toMatch(/\/edit\/main\/(content|src)\//);
      const report = new URL((await page.locator('a[data-report-link]').getAttribute('href'))!);
      expect(report.searchParams.get('template'), sitePath).toBe('content-problem.yml');
      expect(report.searchParams.get('page'), sitePath).toContain(sitePath);
      expect(await page.locator('footer').innerText(), sitePath).toContain('Not affiliated with');
      expect(tracked.external.slice(seen.external)).toEqual([]);
      expect(tracked.errors.slice(seen.errors)).toEqual([]);
    },
  );
});
