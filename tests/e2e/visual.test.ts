/**
 * Visual regression: the first screen of a fixed set of pages, at 390 px and 1280 px wide, in
 * the light and the dark theme, compared pixel by pixel (pixelmatch) with the committed
 * baselines in tests/visual/baselines/. A page differs when more than 0.2% of its pixels
 * change; the diff image (changed pixels in red) and the new screenshot are then saved in
 * tests/visual/output/ (ignored by git) and the failure names them.
 *
 * Deterministic by construction: a fixed viewport and device scale, reduced motion and CSS
 * animations stopped, a fixed clock, UTC and en-US, the system's fonts (the site loads no web
 * fonts), the caret hidden, dates that come from git masked, and only the first screen, so an
 * edit further down a page does not move a baseline.
 *
 * Update the baselines after an intended visual change with `npm run test:visual:update`
 * (CONTRIBUTING.md, "Visual tests"). Each run also proves the comparison can fail: a stylesheet
 * that drops one theme token (--color-note-bg) must make the callout's screenshot differ.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { launchBrowser, PAGE_STEP_TIMEOUT, siteUrl, trackedContext, type TrackedContext } from './browser.ts';

const BASELINES = path.join('tests', 'visual', 'baselines');
const OUTPUT = path.join('tests', 'visual', 'output');
const UPDATE = process.env.VISUAL_UPDATE === '1';
/**
 * pixelmatch's per-pixel color threshold (0 to 1), and the share of pixels allowed to differ.
 * The threshold is low because a theme's tints are subtle: a callout's #eef4fd on white is below
 * pixelmatch's default of 0.1, and losing that tint is exactly what this test must catch.
 * Antialiased pixels are told apart by pixelmatch itself.
 */
const PIXEL_THRESHOLD = 0.03;
const MAX_DIFF_RATIO = 0.002;
/** A fixed "now" for pages that show relative dates or a day's reviews. */
const FIXED_NOW = new Date('2026-03-02T10:00:00Z');

const WIDTHS = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'desktop', width: 1280, height: 900 },
] as const;
const THEMES = ['light', 'dark'] as const;

interface Shot {
  name: string;
  path: string;
  /** Runs after the page has loaded, before the screenshot (opens search, for example). */
  prepare?: (page: Page) => Promise<void>;
}

const SHOTS: Shot[] = [
  { name: 'home', path: '/' },
  { name: 'guide', path: '/loop/' },
  { name: 'prompt-with-diagrams', path: '/prompts/global-video-streaming/', prepare: scrollToFirstDiagram },
  { name: 'mistakes', path: '/mistakes/' },
  { name: 'culture', path: '/culture/candor/' },
  { name: 'stack', path: '/stack/zuul/' },
  { name: 'practice', path: '/practice/' },
  { name: 'flashcards', path: '/practice/flashcards/' },
  { name: 'mock', path: '/practice/mock/' },
  { name: 'calculator', path: '/practice/calculator/' },
  { name: 'stories', path: '/practice/stories/' },
  { name: 'progress', path: '/practice/progress/' },
  { name: 'partner', path: '/practice/partner/' },
  { name: 'search-open', path: '/', prepare: openSearch },
];

async function scrollToFirstDiagram(page: Page): Promise<void> {
  await page
    .locator('figure.diagram')
    .first()
    .evaluate((figure) => figure.scrollIntoView({ block: 'start' }));
}

async function openSearch(page: Page): Promise<void> {
  await page.keyboard.press('/');
  const input = page.locator('.search-dialog[open] .search-input');
  await input.waitFor();
  await input.fill('playback resume');
  await page.locator('.search-results .search-page').first().waitFor();
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
  mkdirSync(OUTPUT, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
});

async function openPage(
  width: (typeof WIDTHS)[number],
  theme: (typeof THEMES)[number],
  sitePath: string,
): Promise<{ tracked: TrackedContext; page: Page }> {
  const tracked = await trackedContext(browser, {
    viewport: { width: width.width, height: width.height },
    deviceScaleFactor: 1,
    reducedMotion: 'reduce',
    colorScheme: theme,
    timezoneId: 'UTC',
    locale: 'en-US',
    // Lets the token-dropping test add its stylesheet under the site's CSP.
    bypassCSP: true,
  });
  await tracked.context.clock.setFixedTime(FIXED_NOW);
  await tracked.context.addInitScript((chosen) => {
    try {
      localStorage.setItem('theme', chosen);
    } catch {
      // Storage is always available in a fresh Chromium context.
    }
  }, theme);
  const page = await tracked.newPage();
  page.setDefaultTimeout(PAGE_STEP_TIMEOUT);
  await page.goto(siteUrl(sitePath), { waitUntil: 'networkidle' });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  // Tools that fill themselves in after load (the flashcard decks) are shot once they have.
  await page.waitForFunction(() =>
    [...document.querySelectorAll('[data-cards-loading], [aria-busy="true"]')].every((element) => !element.checkVisibility()),
  );
  expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
  return { tracked, page };
}

/** Dates that come from git (last updated) change with every commit: they are painted over. */
function masks(page: Page): Locator[] {
  return [page.locator('time'), page.locator('[data-last-modified]')];
}

interface Comparison {
  ok: boolean;
  ratio: number;
  message: string;
}

/** Compares a PNG with its baseline; writes the baseline instead when updating. */
function compare(name: string, png: Buffer, outputName = name): Comparison {
  const baselineFile = path.join(BASELINES, `${name}.png`);
  if (UPDATE) {
    mkdirSync(BASELINES, { recursive: true });
    writeFileSync(baselineFile, png);
    return { ok: true, ratio: 0, message: `updated ${baselineFile}` };
  }
  if (!existsSync(baselineFile)) {
    return { ok: false, ratio: 1, message: `No baseline ${baselineFile}. Run "npm run test:visual:update" and commit the new file.` };
  }
  const expected = PNG.sync.read(readFileSync(baselineFile));
  const actual = PNG.sync.read(png);
  const actualFile = path.join(OUTPUT, `${outputName}.actual.png`);
  if (expected.width !== actual.width || expected.height !== actual.height) {
    writeFileSync(actualFile, png);
    return {
      ok: false,
      ratio: 1,
      message: `${name}: the screenshot is ${actual.width}×${actual.height}, the baseline ${expected.width}×${expected.height}. New screenshot: ${actualFile}`,
    };
  }
  const diff = new PNG({ width: actual.width, height: actual.height });
  const changed = pixelmatch(expected.data, actual.data, diff.data, actual.width, actual.height, { threshold: PIXEL_THRESHOLD });
  const ratio = changed / (actual.width * actual.height);
  if (ratio <= MAX_DIFF_RATIO) return { ok: true, ratio, message: '' };
  const diffFile = path.join(OUTPUT, `${outputName}.diff.png`);
  writeFileSync(diffFile, PNG.sync.write(diff));
  writeFileSync(actualFile, png);
  return {
    ok: false,
    ratio,
    message:
      `${name}: ${(ratio * 100).toFixed(2)}% of the pixels differ from ${baselineFile} (at most ${MAX_DIFF_RATIO * 100}% may). ` +
      `Diff: ${diffFile}; new screenshot: ${actualFile}. If the change is intended, run "npm run test:visual:update".`,
  };
}

describe('the first screen of each page matches its baseline', () => {
  for (const width of WIDTHS) {
    for (const theme of THEMES) {
      for (const shot of SHOTS) {
        it(`${shot.name} at ${width.width} px, ${theme}`, async () => {
          const { tracked, page } = await openPage(width, theme, shot.path);
          try {
            await shot.prepare?.(page);
            const png = await page.screenshot({ animations: 'disabled', caret: 'hide', mask: masks(page) });
            const result = compare(`${shot.name}-${width.width}-${theme}`, png);
            expect(result.ok, result.message).toBe(true);
            expect(tracked.errors).toEqual([]);
          } finally {
            await tracked.context.close();
          }
        });
      }
    }
  }
});

describe('a dropped theme token fails the comparison', () => {
  /** A note callout, shot on its own so it need not be on the first screen. */
  const CALLOUT_PAGE = '/prepare/study-plan/';
  for (const width of WIDTHS) {
    for (const theme of THEMES) {
      it(`the note callout at ${width.width} px, ${theme}: matches, and differs without --color-note-bg`, async () => {
        const { tracked, page } = await openPage(width, theme, CALLOUT_PAGE);
        try {
          const callout = page.locator('.callout-note').first();
          // Always the same place in the viewport, so the text sits on the same subpixels.
          await callout.evaluate((element) => element.scrollIntoView({ block: 'center' }));
          await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
          const name = `callout-note-${width.width}-${theme}`;
          const shot = () => callout.screenshot({ animations: 'disabled', caret: 'hide', mask: [callout.locator('time')] });
          const result = compare(name, await shot());
          expect(result.ok, result.message).toBe(true);
          if (UPDATE) return;
          // The fixture: the token removed from both themes, as Tailwind once dropped it.
          await page.addStyleTag({ content: ':root, :root[data-theme] { --color-note-bg: initial !important; }' });
          const broken = compare(name, await shot(), `${name}-token-dropped`);
          expect(broken.ok, 'The callout looked the same without --color-note-bg: the visual test would miss a dropped token.').toBe(false);
        } finally {
          await tracked.context.close();
        }
      });
    }
  }
});
