/**
 * The "one-page cheat sheet to print" of every design prompt prints on exactly one page, on US
 * Letter and on A4, in Chromium's own print-to-PDF (the same engine as the browser's Print
 * dialog). Pages are counted in the PDF itself: Chromium writes one `/Type /Page` object per
 * printed page (the page tree node is `/Type /Pages`).
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, PAGE_STEP_TIMEOUT, PAGE_TEST_TIMEOUT, siteUrl, trackedContext, type TrackedContext } from './browser.ts';

/** The number of pages in a PDF Chromium printed. */
export function pdfPageCount(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
}

const FORMATS = ['Letter', 'A4'] as const;
const cheatSheets = inject('pages').filter((p) => /^\/prompts\/[^/]+\/cheatsheet\/$/.test(p));

let browser: Browser;
let tracked: TrackedContext;
let page: Page;
beforeAll(async () => {
  browser = await launchBrowser();
  tracked = await trackedContext(browser);
  page = await tracked.newPage();
  page.setDefaultTimeout(PAGE_STEP_TIMEOUT);
});
afterAll(async () => {
  await browser?.close();
});

async function printedPages(sitePath: string, format: (typeof FORMATS)[number]): Promise<number> {
  await page.goto(siteUrl(sitePath));
  // Print from a screen the size of a desktop window, as a reader would.
  await page.setViewportSize({ width: 1280, height: 900 });
  return pdfPageCount(await page.pdf({ format, printBackground: true }));
}

describe('the page counter', () => {
  it('counts more than one page for a long page (so a one-page result means something)', async () => {
    const prompt = cheatSheets[0]!.replace(/cheatsheet\/$/, '');
    expect(await printedPages(prompt, 'A4')).toBeGreaterThan(1);
  });
});

describe('cheat sheets print on one page', () => {
  it('there is a cheat sheet for every prompt', () => {
    expect(cheatSheets.length).toBeGreaterThanOrEqual(20);
  });

  for (const sitePath of cheatSheets) {
    it(
      sitePath,
      async () => {
        for (const format of FORMATS) {
          expect(await printedPages(sitePath, format), `${sitePath} printed on ${format} paper`).toBe(1);
          // Fitted by at most a quarter (print-fit.ts): the type stays readable on paper.
          const zoom = Number((await page.locator('.cheat').getAttribute('data-print-zoom')) ?? '1');
          expect(zoom, `${sitePath} is scaled to ${zoom} to fit`).toBeGreaterThanOrEqual(0.75);
        }
        expect(tracked.errors).toEqual([]);
      },
      PAGE_TEST_TIMEOUT,
    );
  }
});
