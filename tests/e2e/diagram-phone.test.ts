/**
 * Diagrams on a phone (390 px): on every page with a diagram, no figure scrolls sideways, each
 * shows either its drawing (when it fits) or its phone layout, never both, and the smallest text
 * in what is shown is no smaller than the body's small text (0.8rem). "Open full screen" still
 * opens the drawing where the phone layout stands in for it. On a desktop (1280 px), a diagram
 * that fits its column is shown as drawn.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DESKTOP, launchBrowser, PAGE_STEP_TIMEOUT, PAGE_TEST_TIMEOUT, PHONE, siteUrl, trackedContext } from './browser.ts';
import { TEST_OUT_DIR } from './global-setup.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Site paths of the built pages that have a build-time diagram. */
function pagesWithDiagrams(dir = TEST_OUT_DIR, relative = ''): string[] {
  return readdirSync(path.join(dir, relative)).flatMap((name) => {
    const rel = relative ? `${relative}/${name}` : name;
    if (statSync(path.join(dir, rel)).isDirectory()) return name === 'pagefind' || name === '_astro' ? [] : pagesWithDiagrams(dir, rel);
    if (name !== 'index.html' || !readFileSync(path.join(dir, rel), 'utf8').includes('<figure class="diagram diagram--phone')) return [];
    return [`/${relative ? `${relative}/` : ''}`];
  });
}

interface FigureReport {
  caption: string;
  drawingShown: boolean;
  layoutShown: boolean;
  /** How far the figure, or the part of it shown, is wider than its box. */
  overflow: number;
  smallestText: number;
}

/** What a reader sees of each diagram figure on the page. */
function reportFigures(page: Page): Promise<{ small: number; pageWidth: number; figures: FigureReport[] }> {
  return page.evaluate(() => {
    const shown = (element: Element | null): element is HTMLElement => !!element && getComputedStyle(element).display !== 'none';
    const small = parseFloat(getComputedStyle(document.documentElement).fontSize) * 0.8;
    const figures = [...document.querySelectorAll<HTMLElement>('figure.diagram')].map((figure) => {
      const canvas = figure.querySelector<HTMLElement>(':scope > .diagram-canvas');
      const layout = figure.querySelector<HTMLElement>(':scope > .diagram-steps');
      const sizes: number[] = [];
      let overflow = figure.scrollWidth - figure.clientWidth;
      if (shown(canvas)) {
        overflow = Math.max(overflow, canvas.scrollWidth - canvas.clientWidth);
        const svg = canvas.querySelector('svg')!;
        const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
        for (const text of svg.querySelectorAll('text')) sizes.push(Number(text.getAttribute('font-size')) * scale);
      }
      if (shown(layout)) {
        overflow = Math.max(overflow, layout.scrollWidth - layout.clientWidth);
        const walker = document.createTreeWalker(layout, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const parent = node.parentElement!;
          // Text only screen readers hear is not on screen.
          if (!node.textContent!.trim() || parent.closest('.sr-only')) continue;
          sizes.push(parseFloat(getComputedStyle(parent).fontSize));
        }
      }
      return {
        caption: figure.querySelector('.diagram-caption')?.textContent ?? '',
        drawingShown: shown(canvas),
        layoutShown: shown(layout),
        overflow,
        smallestText: Math.min(...sizes),
      };
    });
    return { small, pageWidth: document.documentElement.scrollWidth, figures };
  });
}

const pages = pagesWithDiagrams();

describe('diagrams on a phone', () => {
  it('are on enough pages to be worth checking', () => {
    expect(pages.length).toBeGreaterThan(20);
    expect(pages).toContain('/prompts/playback-service/');
  });

  it.each(pages)(
    '%s: every figure fits 390 px, shows the drawing or the phone layout, with text no smaller than 0.8rem',
    async (sitePath) => {
      const tracked = await trackedContext(browser, PHONE);
      try {
        const page = await tracked.newPage();
        page.setDefaultTimeout(PAGE_STEP_TIMEOUT);
        await page.goto(siteUrl(sitePath));
        const { small, pageWidth, figures } = await reportFigures(page);
        expect(pageWidth).toBeLessThanOrEqual(390);
        expect(figures.length).toBeGreaterThan(0);
        for (const figure of figures) {
          const where = `${sitePath} "${figure.caption}"`;
          expect(figure.drawingShown !== figure.layoutShown, `${where}: exactly one of drawing and layout shown`).toBe(true);
          expect(figure.overflow, `${where} scrolls sideways`).toBeLessThanOrEqual(0);
          expect(figure.smallestText, `${where} has text smaller than 0.8rem`).toBeGreaterThanOrEqual(small - 0.05);
        }
        // At 390 px most drawings are too wide: their phone layouts are what a reader sees.
        expect(figures.some((figure) => figure.layoutShown)).toBe(true);
      } finally {
        await tracked.context.close();
      }
    },
    PAGE_TEST_TIMEOUT,
  );

  it('"Open full screen" opens the hidden drawing, and closing returns focus to the button', async () => {
    const tracked = await trackedContext(browser, PHONE);
    const page = await tracked.newPage();
    await page.goto(siteUrl('/prompts/playback-service/'));
    const figure = page.locator('figure.diagram[data-diagram-type="sequenceDiagram"]').first();
    expect(await figure.locator('.diagram-canvas').isVisible()).toBe(false);
    expect(await figure.locator('.diagram-steps').isVisible()).toBe(true);
    const opener = figure.locator('[data-diagram-open]');
    await opener.tap();
    const dialog = page.locator('dialog.diagram-viewer[open]');
    await dialog.waitFor();
    const box = await dialog.locator('.diagram-viewer-stage > svg').boundingBox();
    expect(box!.width).toBeGreaterThan(100);
    expect(box!.height).toBeGreaterThan(100);
    await dialog.getByRole('button', { name: 'Close full screen' }).tap();
    await expect.poll(() => dialog.count()).toBe(0);
    // The drawing is back in its (hidden) canvas, and focus is where the reader left it.
    expect(await figure.locator('.diagram-canvas > svg').count()).toBe(1);
    expect(await opener.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(tracked.errors).toEqual([]);
    await tracked.context.close();
  });

  it('link a participant that names a stack entry to its page', async () => {
    const tracked = await trackedContext(browser, PHONE);
    const page = await tracked.newPage();
    await page.goto(siteUrl('/prompts/playback-service/'));
    const layout = page.locator('figure.diagram[data-diagram-type="sequenceDiagram"] .diagram-steps').first();
    const link = layout.getByRole('link', { name: 'Zuul edge' });
    expect(await link.getAttribute('href')).toBe('/netflix-sd/stack/zuul/');
    // Steps are numbered, with who talks to whom and the message.
    const first = layout.locator('.diagram-step').first();
    expect(await first.locator('.diagram-step-n').textContent()).toBe('1.');
    expect(await first.locator('.diagram-chip').count()).toBe(2);
    await link.tap();
    await page.waitForURL(/\/netflix-sd\/stack\/zuul\/$/);
    await tracked.context.close();
  });
});

describe('diagrams on a desktop', () => {
  it('show the drawing of a diagram that fits its column, as drawn', async () => {
    const tracked = await trackedContext(browser, DESKTOP);
    const page = await tracked.newPage();
    await page.goto(siteUrl('/prompts/carousel-refresh/'));
    const { figures } = await reportFigures(page);
    const read = figures.find((figure) => figure.caption.endsWith('the read path'))!;
    expect(read.drawingShown).toBe(true);
    expect(read.layoutShown).toBe(false);
    expect(read.smallestText).toBeGreaterThanOrEqual(12.9);
    for (const figure of figures) expect(figure.overflow, figure.caption).toBeLessThanOrEqual(0);
    await tracked.context.close();
  });
});
