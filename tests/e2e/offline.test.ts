/**
 * Offline by intent: one online visit precaches only the app shell (no search fragments: a search
 * map lists results by title), after which search works with the network cut; a page read online
 * keeps its excerpt, a page never opened is listed by title with a note; a result the reader
 * opens comes from the cache or is the offline page with its offer to save the section (never
 * the browser's error page); a saved section opens offline with its excerpts; the study tools
 * work offline; and a new deployment is offered as a reload, never forced.
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

/** Types a query into the site's search dialog (opened with "/") and waits for its results. */
async function searchFor(page: Page, query: string): Promise<void> {
  if (!(await page.locator('.search-dialog[open]').count())) {
    await page.keyboard.press('/');
    await page.locator('.search-dialog[open] .search-input').waitFor({ timeout: 15_000 });
  }
  await page.locator('.search-input').fill(query);
  await page.waitForFunction(
    (q) => {
      const dialog = document.querySelector('.search-dialog');
      return dialog?.getAttribute('data-state') === 'done' && (dialog.querySelector('.search-summary')?.textContent ?? '').includes(q);
    },
    query,
    { timeout: 20_000 },
  );
}

/** The addresses the browser has stored, by cache: the precache (workbox) and the site's own caches. */
async function cachedPaths(page: Page): Promise<{ precache: string[]; pages: string[] }> {
  return page.evaluate(async () => {
    const out = { precache: [] as string[], pages: [] as string[] };
    for (const name of await caches.keys()) {
      const keys = (await (await caches.open(name)).keys()).map((r) => new URL(r.url).pathname);
      if (name.includes('precache')) out.precache.push(...keys);
      else if (name.startsWith('loop-guide-pages')) out.pages.push(...keys);
    }
    return out;
  });
}

describe('offline', () => {
  it('precaches only the app shell: no pages but the offline page and the tools, no mermaid', async () => {
    const context = await browser.newContext();
    const page = await visitOnline(context, siteUrl('/'));
    const { precache } = await cachedPaths(page);
    expect(precache).toContain(`${TEST_BASE}offline/index.html`);
    expect(precache).toContain(`${TEST_BASE}pagefind/pagefind.js`);
    expect(precache.filter((p) => p.endsWith('.html') && !/\/(?:offline|practice)\//.test(p))).toEqual([]);
    expect(
      precache.filter((p) => /mermaid|elk|pagefind-(?:ui|component-ui|modular-ui|highlight|worker)|wasm\.unknown|\.pf_fragment$/.test(p)),
    ).toEqual([]);
    expect(precache).toContain(`${TEST_BASE}pagefind/search-map.json`);
    // The page that installed the worker is stored too, so it opens offline.
    await expect.poll(async () => (await cachedPaths(page)).pages).toContain(TEST_BASE);
    await context.close();
  });

  it('searches offline after one visit; results open from the cache or as the offline page, never an error page', async () => {
    const context = await browser.newContext();
    const external: string[] = [];
    const origin = new URL(siteUrl('/')).origin;
    context.on('request', (request) => {
      if (!request.url().startsWith(origin)) external.push(request.url());
    });
    const page = await visitOnline(context, siteUrl('/'));
    // A second page, visited online: stored as it is visited.
    await page.goto(siteUrl('/stack/zuul/'));
    await expect.poll(async () => (await cachedPaths(page)).pages).toContain(`${TEST_BASE}stack/zuul/`);
    await page.goto(siteUrl('/'));
    await context.setOffline(true);
    // The notice appears when the connection drops. (Chromium's offline emulation does not carry
    // navigator.onLine into pages opened afterwards, so it is checked here, on the open page.)
    await expect.poll(() => page.locator('[data-app-status]').innerText()).toMatch(/You are offline/);

    // Search: its dialog, engine and index all come from the precache. The page read online kept
    // its fragment, so its result has its excerpt.
    await searchFor(page, 'zuul');
    const zuulGroup = page.locator('.search-group', { has: page.locator('.search-page', { hasText: 'Zuul' }) }).first();
    expect(await zuulGroup.locator('.search-excerpt').count()).toBeGreaterThan(0);
    expect(await zuulGroup.locator('.search-no-excerpt').count()).toBe(0);
    const zuul = page.locator('.search-page', { hasText: 'Zuul' }).first();
    await Promise.all([page.waitForURL(/\/stack\/zuul\/$/), zuul.click()]);
    expect(await page.locator('h1').innerText()).toMatch(/zuul/i);

    // A result never opened: listed by title from the search map, without an excerpt, and the
    // summary says why; opening it gives the offline page under the address asked for, offering
    // to save it.
    await searchFor(page, 'open connect');
    const openConnect = page.locator('.search-page', { hasText: 'Open Connect' }).first();
    expect(await openConnect.getAttribute('class')).toContain('search-no-excerpt');
    expect(await openConnect.locator('.search-title').innerText()).toMatch(/Open Connect/);
    expect(await openConnect.locator('.search-excerpt').count()).toBe(0);
    expect(await page.locator('.search-summary').innerText()).toContain('their excerpts appear once you are online');
    await Promise.all([page.waitForURL(/\/stack\/open-connect\/$/), openConnect.click()]);
    expect(await page.locator('h1').innerText()).toBe('This page is not saved on this device');
    expect(page.url()).toBe(siteUrl('/stack/open-connect/'));
    await page.locator('[data-save-offline] [data-save-open]').waitFor();
    expect(await page.locator('[data-save-offline] [data-save-open]').isDisabled()).toBe(true);
    expect(await page.locator('[data-save-offline] [data-save-status]').innerText()).toMatch(/Back online, save this section/);

    // A study tool, offline, from the first visit.
    await page.goto(siteUrl('/practice/progress/'));
    expect(await page.locator('[data-overall]').innerText()).toMatch(/pages studied/);
    // Its list of pages is precached with it: the page-by-page list fills in offline.
    await expect.poll(() => page.locator('[data-page-list] li[data-page]').count()).toBeGreaterThan(100);
    expect(await page.locator('[data-manifest-error]').isHidden()).toBe(true);
    expect(external).toEqual([]);
    await context.close();
  });

  it('saves a section with the size shown first, and the saved pages open offline', async () => {
    const context = await browser.newContext();
    const page = await visitOnline(context, siteUrl('/stack/'));
    const island = page.locator('[data-save-offline]');
    await island.locator('[data-save-open]').click();
    const row = island.locator('tbody tr').first();
    await row.waitFor();
    // The size before it starts, and the storage used and free.
    expect(await row.innerText()).toMatch(/The Netflix stack|Netflix stack/);
    expect(await row.locator('td').nth(2).innerText()).toMatch(/\d+(\.\d)? (KB|MB)/);
    expect(await island.locator('[data-save-panel] p').innerText()).toMatch(/Storage used by this site on this device: .+; free: .+\./);
    await row.getByRole('button').click();
    await expect.poll(() => island.locator('[data-save-status]').innerText(), { timeout: 60_000 }).toMatch(/^Saved .+: it opens offline/);
    expect(await row.locator('td').nth(2).innerText()).toBe('nothing: all saved');

    await context.setOffline(true);
    for (const entry of ['/stack/hystrix/', '/stack/open-connect/']) {
      await page.goto(siteUrl(entry));
      expect(await page.locator('h1').innerText()).not.toBe('This page is not saved on this device');
    }
    // Saved pages bring their search fragments: their results keep their excerpts offline.
    await searchFor(page, 'open connect');
    const openConnect = page.locator('.search-group', { has: page.locator('.search-page', { hasText: 'Open Connect' }) }).first();
    expect(await openConnect.locator('.search-excerpt').count()).toBeGreaterThan(0);
    expect(await openConnect.locator('.search-no-excerpt').count()).toBe(0);
    // Outside the saved section: the offline page.
    await page.goto(siteUrl('/culture/candor/'));
    expect(await page.locator('h1').innerText()).toBe('This page is not saved on this device');
    await context.close();
  });

  it('offers the whole site and every section, with sizes, in the study tools', async () => {
    const context = await browser.newContext();
    const page = await visitOnline(context, siteUrl('/practice/'));
    const island = page.locator('[data-save-offline]');
    await island.locator('[data-save-open]').click();
    const rows = island.locator('tbody tr');
    await rows.first().waitFor();
    const labels = await rows.evaluateAll((trs) => trs.map((tr) => tr.querySelector('td')?.textContent ?? ''));
    expect(labels).toEqual(expect.arrayContaining(['Home and site pages', 'Design prompts', 'Netflix stack', 'The whole site']));
    expect(labels.at(-1)).toBe('The whole site');
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
