/**
 * Debian's Chromium driven by playwright-core (no browser download). Every page is opened in a
 * fresh context that records any request leaving localhost, so each test can assert that the
 * site contacted no third party.
 */
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { inject } from 'vitest';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Budgets for the tests that visit every page, one test per page: a page takes about a second,
 * so these only stop a real hang. A Playwright step gives up first, so the error names the step.
 */
export const PAGE_TEST_TIMEOUT = 180_000;
export const PAGE_STEP_TIMEOUT = 90_000;

/** A phone (390 px, touch) and a desktop (1280 px): the two widths the site is checked at. */
export const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true } satisfies BrowserContextOptions;
export const DESKTOP = { viewport: { width: 1280, height: 900 } } satisfies BrowserContextOptions;

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/** The absolute URL of a site path ("/loop/") on the test server. */
export function siteUrl(sitePath = '/'): string {
  return new URL(sitePath.replace(/^\//, ''), inject('siteUrl')).href;
}

export interface TrackedContext {
  context: BrowserContext;
  /** Requests to any host other than the test server. */
  external: string[];
  /** Console errors and uncaught exceptions. */
  errors: string[];
  newPage(): Promise<Page>;
}

export async function trackedContext(browser: Browser, options: BrowserContextOptions = {}): Promise<TrackedContext> {
  const context = await browser.newContext(options);
  const origin = new URL(inject('siteUrl')).origin;
  const external: string[] = [];
  const errors: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(origin) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    external.push(url);
    return route.abort();
  });
  return {
    context,
    external,
    errors,
    async newPage() {
      const page = await context.newPage();
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(`${page.url()}: ${message.text()}`);
      });
      page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`));
      return page;
    },
  };
}
