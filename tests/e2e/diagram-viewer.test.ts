/**
 * The full-screen viewer: drawings at a readable size (labels no smaller than the body's small
 * text), opening full-screen by keyboard and by click on a desktop and by tap on a phone (where
 * the phone layout stands in for the drawing, diagram-phone.test.ts), zooming with + and -,
 * panning with the arrows, closing with Escape with focus back where it was, and boxes that link
 * into the site. The viewer script loads only on the reader's intent (pointing at, focusing or
 * pressing a diagram or its button), never with the page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DESKTOP, launchBrowser, PHONE, siteUrl, trackedContext } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

function transform(page: Page): Promise<string> {
  return page.locator('dialog.diagram-viewer[open] .diagram-viewer-stage > svg').evaluate((svg) => (svg as SVGElement).style.transform);
}

function scaleOf(value: string): number {
  return Number(/scale\(([\d.]+)\)/.exec(value)?.[1] ?? NaN);
}

describe('the diagram viewer', () => {
  it('draw labels no smaller than the body text at 0.8rem (13 px) and never widen the page', async () => {
    const tracked = await trackedContext(browser, DESKTOP);
    const page = await tracked.newPage();
    await page.goto(siteUrl('/prompts/global-video-streaming/'));
    // Drawings that fit the column are shown; the others are hidden behind their phone layout.
    const sizes = await page.locator('figure.diagram .diagram-canvas:visible svg text').evaluateAll((texts) =>
      texts.map((text) => {
        const box = (text as SVGTextElement).getBoundingClientRect();
        const svg = text.closest('svg')!;
        const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
        return Number(text.getAttribute('font-size')) * scale || box.height;
      }),
    );
    expect(sizes.length).toBeGreaterThan(10);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(12.9);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
    await tracked.context.close();
  });

  it('open full-screen from the keyboard, zoom, pan, and close with Escape back to the diagram', async () => {
    const tracked = await trackedContext(browser, DESKTOP);
    const page = await tracked.newPage();
    await page.goto(siteUrl('/loop/'));
    const canvas = page.locator('figure.diagram .diagram-canvas:visible').first();
    await expect.poll(() => canvas.getAttribute('data-viewer')).toBe('ready');
    await canvas.focus();
    await page.keyboard.press('Enter');
    const dialog = page.locator('dialog.diagram-viewer[open]');
    await dialog.waitFor();
    expect(await dialog.locator('.diagram-viewer-title').textContent()).toBe(
      await canvas.locator('..').locator('.diagram-caption').textContent(),
    );
    expect(await canvas.locator('svg').count()).toBe(0);
    const fitted = scaleOf(await transform(page));
    await page.keyboard.press('+');
    expect(scaleOf(await transform(page))).toBeCloseTo(fitted * 1.25, 3);
    await page.keyboard.press('-');
    await page.keyboard.press('-');
    expect(scaleOf(await transform(page))).toBeLessThan(fitted);
    const before = await transform(page);
    await page.keyboard.press('ArrowDown');
    expect(await transform(page)).not.toBe(before);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await canvas.locator(':scope > svg').count()).toBe(1);
    expect(await canvas.evaluate((element) => element === document.activeElement)).toBe(true);
    // A click on the drawing (not on a link) opens the viewer too.
    await canvas.click({ position: { x: 5, y: 5 } });
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    expect(tracked.errors).toEqual([]);
    await tracked.context.close();
  });

  it('open full-screen on a phone with a tap on the button, zoom with the buttons, and follow a linked box', async () => {
    const tracked = await trackedContext(browser, PHONE);
    const page = await tracked.newPage();
    await page.goto(siteUrl('/loop/'));
    const figure = page.locator('figure.diagram').first();
    const opener = figure.locator('[data-diagram-open]');
    await opener.waitFor();
    await opener.tap();
    const dialog = page.locator('dialog.diagram-viewer[open]');
    await dialog.waitFor();
    const fitted = scaleOf(await transform(page));
    await dialog.getByRole('button', { name: 'Zoom in' }).tap();
    expect(scaleOf(await transform(page))).toBeGreaterThan(fitted);
    await dialog.getByRole('button', { name: 'Close full screen' }).tap();
    await expect.poll(() => dialog.count()).toBe(0);
    // A linked box is a real link into the site: in the phone layout, the drawing being hidden.
    const link = figure.getByRole('link', { name: 'Recruiter screen' });
    expect(await link.getAttribute('href')).toBe('/netflix-sd/loop/recruiter/');
    await link.click();
    await page.waitForURL(/\/netflix-sd\/loop\/recruiter\/$/);
    await tracked.context.close();
  });

  it("load the viewer only on the reader's intent, and open it with the click that loaded it", async () => {
    const tracked = await trackedContext(browser, DESKTOP);
    const page = await tracked.newPage();
    const viewerLoaded = () => page.evaluate(() => performance.getEntriesByType('resource').some((r) => /diagram-viewer/.test(r.name)));
    await page.goto(siteUrl('/loop/'));
    const opener = page.locator('[data-diagram-open]').first();
    await opener.waitFor();
    await page.waitForLoadState('networkidle');
    expect(await viewerLoaded()).toBe(false);
    // Pointing at the button fetches the viewer; the first click opens it.
    await opener.hover();
    await expect.poll(viewerLoaded).toBe(true);
    // A click that comes with no pointing first (a screen reader's, say) loads it and opens it.
    await page.mouse.move(0, 0);
    await page.reload();
    await page.waitForLoadState('networkidle');
    expect(await viewerLoaded()).toBe(false);
    await opener.dispatchEvent('click');
    const dialog = page.locator('dialog.diagram-viewer[open]');
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    expect(tracked.errors).toEqual([]);
    await tracked.context.close();
  });
});
