/**
 * axe-core on every built page, in the light and the dark theme: zero violations of WCAG 2.0,
 * 2.1 and 2.2 A/AA, and of axe's best practices, except the rules listed in ALLOWED with the
 * reason each is allowed.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, PAGE_STEP_TIMEOUT, PAGE_TEST_TIMEOUT, siteUrl, trackedContext, type TrackedContext } from './browser.ts';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Rules switched off, each with the reason. Keep this list short. */
const ALLOWED: Record<string, string> = {};

interface AxeResult {
  violations: { id: string; impact: string; help: string; nodes: { target: string[]; failureSummary: string }[] }[];
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe.each(['light', 'dark'] as const)('accessibility in the %s theme', (theme) => {
  // One test per page with its own budget (see PAGE_TEST_TIMEOUT): a busy machine slows the run,
  // never fails it, and a failure names the page and the theme.
  let tracked: TrackedContext;
  let page: Page;
  beforeAll(async () => {
    // axe is injected as an inline script, which the site's CSP rightly refuses; the CSP itself is
    // checked by check-dist and by the console-error assertions of the other browser tests.
    tracked = await trackedContext(browser, { bypassCSP: true });
    await tracked.context.addInitScript((value) => localStorage.setItem('theme', value), theme);
    page = await tracked.newPage();
    page.setDefaultTimeout(PAGE_STEP_TIMEOUT);
  });
  afterAll(async () => {
    await tracked?.context.close();
  });

  it.each(inject('pages'))('%s has no axe violations', { timeout: PAGE_TEST_TIMEOUT }, async (sitePath) => {
    await page.goto(siteUrl(sitePath));
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
    await page.addScriptTag({ content: axeSource });
    const result = (await page.evaluate(
      (disabled) =>
        (window as unknown as { axe: { run: (context: Document, options: object) => Promise<unknown> } }).axe.run(document, {
          runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
          rules: Object.fromEntries(disabled.map((id) => [id, { enabled: false }])),
          resultTypes: ['violations'],
        }),
      Object.keys(ALLOWED),
    )) as AxeResult;
    const failures = result.violations.map((violation) => {
      const where = violation.nodes
        .slice(0, 3)
        .map((n) => n.target.join(' '))
        .join(' | ');
      return `${sitePath} [${violation.id}, ${violation.impact}] ${violation.help} — ${where}`;
    });
    expect(failures).toEqual([]);
  });
});
