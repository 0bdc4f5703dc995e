/**
 * Offline use: after one online visit the service worker has precached the whole site, so any
 * page, search and browser-drawn diagrams work with the network cut; the offline notice shows;
 * an address that misses offline gets the site's 404 page; and a new deployment is offered as a
 * reload, never forced.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, siteUrl } from './browser.ts';
import { serveStatic } from '../../scripts/lib/static-server.ts';
import { TEST_BASE, TEST_OUT_DIR } from './global-setup.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Opens a page and waits until the service worker has installed (precache done) and controls it. */
async function visitOnline(context: BrowserContext, url: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(url);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    }
  });
  return page;
}

describe('offline', () => {
  it('serves every page, search and diagrams with the network cut after one online visit', async () => {
    const context = await browser.newContext();
    const external: string[] = [];
    const origin = new URL(siteUrl('/')).origin;
    context.on('request', (request) => {
      if (!request.url().startsWith(origin)) external.push(request.url());
    });
    const page = await visitOnline(context, siteUrl('/'));
    await context.setOffline(true);
    // The notice appears when the connection drops. (Chromium's offline emulation does not carry
    // navigator.onLine into pages opened afterwards, so it is checked here, on the open page.)
    await expect.poll(() => page.locator('[data-app-status]').innerText()).toMatch(/You are offline/);

    // A page never opened before, from the precache.
    await page.goto(siteUrl('/prompts/homepage-feed/'));
    expect(await page.locator('h1').innerText()).toMatch(/homepage/i);

    // Search: its UI, worker and index all come from the precache.
    await page.keyboard.press('/');
    await page.locator('pagefind-modal input').fill('zuul');
    await page.locator('pagefind-results a', { hasText: 'Zuul' }).first().waitFor({ timeout: 15_000 });

    // A diagram the browser draws (mermaid is precached too).
    await page.goto(siteUrl('/prepare/study-plan/'));
    const canvas = page.locator('[data-mermaid-client]').first();
    await canvas.scrollIntoViewIfNeeded();
    await canvas.locator('svg').first().waitFor({ timeout: 20_000 });

    // A study tool, offline.
    await page.goto(siteUrl('/practice/progress/'));
    expect(await page.locator('[data-overall]').innerText()).toMatch(/pages studied/);
    expect(external).toEqual([]);
    await context.close();
  });

  it("shows the site's 404 page for an address that misses while offline", async () => {
    const context = await browser.newContext();
    const page = await visitOnline(context, siteUrl('/'));
    await context.setOffline(true);
    await page.goto(siteUrl('/no-such-page/'));
    expect(await page.locator('h1').innerText()).toBe('Page not found');
    expect(page.url()).toBe(siteUrl('/no-such-page/'));
    await context.close();
  });

  it('offers a new version as a reload instead of swapping it in', async () => {
    const copy = mkdtempSync(path.join(tmpdir(), 'site-update-'));
    cpSync(TEST_OUT_DIR, copy, { recursive: true });
    const server = await serveStatic({ root: copy, base: TEST_BASE });
    try {
      const context = await browser.newContext();
      const page = await visitOnline(context, `${server.url}loop/`);
      expect(await page.locator('[data-app-status]').isHidden()).toBe(true);
      // Deploy a new version: the service worker file changes.
      const sw = path.join(copy, 'sw.js');
      writeFileSync(sw, `${readFileSync(sw, 'utf8')}\n// next deployment\n`);
      await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update());
      const status = page.locator('[data-app-status]');
      await expect.poll(() => status.innerText(), { timeout: 20_000 }).toContain('A new version of the guide is ready.');
      await Promise.all([page.waitForEvent('load'), status.getByRole('button', { name: 'Reload' }).click()]);
      expect(await page.evaluate(() => navigator.serviceWorker.controller?.state)).toBe('activated');
      await expect.poll(() => page.evaluate(async () => Boolean((await navigator.serviceWorker.getRegistration())?.waiting))).toBe(false);
      await context.close();
    } finally {
      await server.close();
      rmSync(copy, { recursive: true, force: true });
    }
  });
});
