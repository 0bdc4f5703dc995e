/**
 * Progress tracking as a reader uses it: mark pages and checklist items, see them after a reload
 * and on the dashboard, export to a file and import it in a fresh browser, reject a corrupt or
 * foreign file without touching saved data, and reset.
 */
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, siteUrl, trackedContext } from './browser.ts';

const KEY = 'netflix-loop-guide:study';
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('progress', () => {
  it('marks pages and checklist items, keeps them, and moves them to another browser', async () => {
    const tracked = await trackedContext(browser, { acceptDownloads: true });
    const page = await tracked.newPage();

    await page.goto(siteUrl('/loop/'));
    const toggle = page.locator('[data-study-toggle] button').first();
    await toggle.waitFor({ state: 'visible' });
    await toggle.click();
    await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('true');
    await page.reload();
    await expect.poll(() => page.locator('[data-study-toggle] button').first().getAttribute('aria-pressed')).toBe('true');

    await page.goto(siteUrl('/prepare/study-plan/'));
    const firstList = page.locator('[data-checklist]').first();
    const firstBox = firstList.locator('input[type="checkbox"]').first();
    await firstBox.check();
    await page.reload();
    expect(await page.locator('[data-checklist]').first().locator('input[type="checkbox"]').first().isChecked()).toBe(true);
    expect(await page.locator('[data-checklist]').first().locator('[data-checklist-count]').innerText()).toMatch(/^1 of \d+ done$/);

    await page.goto(siteUrl('/practice/progress/'));
    await expect.poll(() => page.locator('[data-overall]').innerText()).toMatch(/^1 of \d+ pages studied/);
    expect(await page.locator('tr[data-section="The interview loop"] [data-studied]').innerText()).toBe('1');
    // The page-by-page list is built from the list of pages the dashboard fetches.
    await page.locator('details.page-checklist summary').click();
    expect(await page.locator('[data-page-list] li[data-page="guides/loop"] [data-page-state]').innerText()).toMatch(/^studied/);
    expect(await page.locator('[data-page-list] li[data-page="stack/zuul"] a').getAttribute('href')).toBe(
      new URL(siteUrl('/stack/zuul/')).pathname,
    );
    expect(await page.locator('[data-next] a').count()).toBe(1);

    await page.goto(siteUrl('/'));
    await expect.poll(() => page.locator('[data-progress-summary]').isVisible()).toBe(true);
    expect(await page.locator('[data-summary-text]').innerText()).toMatch(/You have studied 1 of/);

    await page.goto(siteUrl('/practice/progress/'));
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-export]').click()]);
    const exported = path.join(mkdtempSync(path.join(tmpdir(), 'export-')), download.suggestedFilename());
    await download.saveAs(exported);
    const file = JSON.parse(readFileSync(exported, 'utf8')) as {
      schema: string;
      studied: Record<string, string>;
      tasks: Record<string, string>;
    };
    expect(file.schema).toBe('netflix-loop-guide.study-data');
    expect(Object.keys(file.studied)).toEqual(['guides/loop']);
    expect(Object.keys(file.tasks)).toHaveLength(1);
    expect(tracked.external).toEqual([]);
    expect(tracked.errors).toEqual([]);
    await tracked.context.close();

    // Another device: a fresh browser profile imports the file.
    const fresh = await trackedContext(browser);
    const other = await fresh.newPage();
    await other.goto(siteUrl('/practice/progress/'));
    await expect.poll(() => other.locator('[data-overall]').innerText()).toMatch(/^0 of/);
    await other.locator('[data-import]').setInputFiles(exported);
    await expect
      .poll(() => other.locator('[data-import-summary]').innerText())
      .toMatch(/holds 1 studied page, 1 ticked item, 0 flashcards reviewed, 0 mock rounds and 0 stories/);
    await other.locator('[data-import-merge]').click();
    await expect.poll(() => other.locator('[data-overall]').innerText()).toMatch(/^1 of \d+ pages studied/);
    await other.goto(siteUrl('/loop/'));
    await expect.poll(() => other.locator('[data-study-toggle] button').first().getAttribute('aria-pressed')).toBe('true');
    await fresh.context.close();
  });

  it('loads the progress code only once saved data or the reader calls for it, with nothing moving', async () => {
    const tracked = await trackedContext(browser);
    const progressCode: string[] = [];
    tracked.context.on('request', (request) => {
      // The page's own requests: the service worker precaches these files in the background.
      if (request.serviceWorker()) return;
      if (/\/(?:page-progress|sidebar-progress|store)\.[\w-]+\.js$/.test(request.url())) progressCode.push(new URL(request.url()).pathname);
    });
    const page = await tracked.newPage();
    await page.goto(siteUrl('/system-design/estimation/'));
    const toggle = page.locator('[data-study-toggle] button').first();
    const box = await toggle.boundingBox();
    // A first-time reader: the switch is there, as the server rendered it, and no progress code came.
    expect(await toggle.innerText()).toBe('Mark as studied');
    await page.waitForLoadState('networkidle');
    expect(progressCode).toEqual([]);

    // The first press loads it and counts: the page is marked, here and in the sidebar.
    await toggle.click();
    await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('true');
    expect(await toggle.innerText()).toMatch(/Studied/);
    expect(progressCode.some((file) => file.includes('page-progress'))).toBe(true);
    await expect.poll(() => page.locator('.sidebar a[aria-current="page"][data-studied]').count()).toBe(1);

    // Saved data: the next page loads the code at once and shows its state without a press.
    progressCode.length = 0;
    await page.goto(siteUrl('/system-design/estimation/'));
    await expect.poll(() => page.locator('[data-study-toggle] button').first().getAttribute('aria-pressed')).toBe('true');
    expect(progressCode.some((file) => file.includes('page-progress'))).toBe(true);
    // Same place as before: the code changes the label, not the layout around it.
    const after = await page.locator('[data-study-toggle] button').first().boundingBox();
    expect(after?.y).toBe(box?.y);
    expect(tracked.errors).toEqual([]);
    await tracked.context.close();
  });

  it('rejects a corrupt or foreign file and leaves saved data untouched, and resets on confirmation', async () => {
    const tracked = await trackedContext(browser);
    const page = await tracked.newPage();
    await page.goto(siteUrl('/loop/coding/'));
    const toggle = page.locator('[data-study-toggle] button').first();
    await toggle.click();
    // Saved once the switch shows it (the first press loads the progress code).
    await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('true');
    await page.goto(siteUrl('/practice/progress/'));
    const before = await page.evaluate((key) => localStorage.getItem(key), KEY);
    expect(before).toContain('guides/loop/coding');

    const dir = mkdtempSync(path.join(tmpdir(), 'bad-import-'));
    const corrupt = path.join(dir, 'corrupt.json');
    writeFileSync(corrupt, '{"schema": "netflix-loop-guide.study-data", "version": 1, "studied": ');
    await page.locator('[data-import]').setInputFiles(corrupt);
    await expect
      .poll(() => page.locator('[data-import-error]').innerText())
      .toMatch(/Nothing was imported and your data is unchanged\. The file is not valid JSON/);

    const foreign = path.join(dir, 'foreign.json');
    writeFileSync(foreign, JSON.stringify({ bookmarks: ['x'] }));
    await page.locator('[data-import]').setInputFiles(foreign);
    await expect.poll(() => page.locator('[data-import-error]').innerText()).toMatch(/not a Netflix Loop Guide study file/);

    const damaged = path.join(dir, 'damaged.json');
    writeFileSync(damaged, JSON.stringify({ ...(JSON.parse(before!) as object), studied: { 'guides/loop': 'yesterday' } }));
    await page.locator('[data-import]').setInputFiles(damaged);
    await expect.poll(() => page.locator('[data-import-error]').innerText()).toMatch(/"studied\.guides\/loop" is not valid/);
    expect(await page.locator('[data-import-preview]').isHidden()).toBe(true);
    expect(await page.evaluate((key) => localStorage.getItem(key), KEY)).toBe(before);

    await page.locator('[data-reset]').click();
    await page.getByRole('button', { name: 'Delete everything' }).click();
    await expect.poll(() => page.locator('[data-overall]').innerText()).toMatch(/^0 of/);
    expect(await page.evaluate((key) => localStorage.getItem(key), KEY)).toBeNull();
    expect(tracked.errors).toEqual([]);
    await tracked.context.close();
  });
});
