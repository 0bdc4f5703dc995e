/**
 * The workshop tools, used as a reader would: the story bank (write, reload, coverage matrix,
 * Markdown download, edit, delete with confirmation), the estimation calculator driven from the
 * keyboard, a prompt's printable cheat sheet, and a guide in print media. No request leaves
 * localhost and nothing is logged as an error.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, siteUrl, trackedContext } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The matrix cell for a value (row) in a column, by the column's header text. */
async function matrixCell(page: Page, rowTitle: string, columnTitle: string): Promise<string> {
  return page.evaluate(
    ([row, column]) => {
      const table = document.querySelector('[data-coverage-table]') as HTMLTableElement;
      const headers = [...table.tHead!.rows[0]!.cells].map((cell) => cell.textContent?.trim());
      const index = headers.indexOf(column);
      const tr = [...table.querySelectorAll('tbody tr')].find((r) => r.querySelector('th[scope="row"]')?.textContent?.trim() === row);
      return (tr as HTMLTableRowElement | undefined)?.cells[index]?.textContent?.trim() ?? `(no cell ${row} × ${column})`;
    },
    [rowTitle, columnTitle] as const,
  );
}

describe('story bank', () => {
  it('saves a story, survives a reload, shows coverage, downloads Markdown, edits and deletes with confirmation', async () => {
    const tracked = await trackedContext(browser);
    const page = await tracked.newPage();
    await page.goto(siteUrl('/practice/stories/'));
    await page.locator('[data-story-bank]').waitFor({ state: 'visible' });
    expect(await page.locator('.privacy-note').innerText()).toContain('never leaves this device');
    expect(await page.locator('a[href="/netflix-sd/culture/story-bank/"]').count()).toBeGreaterThan(0);

    // Saving without a title shows a message next to the field.
    await page.getByRole('button', { name: 'Save story' }).click();
    expect(await page.locator('[data-error-for="title"]').innerText()).toContain('Give the story a title');
    expect(await page.locator('#story-title').getAttribute('aria-invalid')).toBe('true');

    const title = 'Pushed back on a launch date';
    await page.getByLabel('Title', { exact: true }).fill(title);
    await page.getByLabel('Situation').fill('Two weeks before a launch, the error budget was gone.');
    await page.getByLabel('Decision').fill('I asked the director to move the date, with the data.');
    await page.getByLabel('Friction').fill('Marketing had already booked the campaign.');
    await page.getByLabel('Outcome').fill('We slipped one week; the launch had no incident.');
    await page.getByLabel('What I learned').fill('Raise the risk when it appears, not at the deadline.');
    await page.getByLabel('Candor').check();
    await page.getByLabel('Courage').check();
    await page.getByRole('button', { name: 'Save story' }).click();
    await expect.poll(() => page.locator('[data-form-status]').innerText()).toContain(`Saved “${title}”`);
    expect(await page.locator('#story-title').inputValue()).toBe('');

    await page.reload();
    await page.locator('[data-story-bank]').waitFor({ state: 'visible' });
    const item = page.locator('.story-item', { hasText: title });
    await item.waitFor();
    expect(await item.innerText()).toContain('Shows: Candor, Courage.');

    // The matrix marks the two values for this story and lists the others as having no story.
    expect(await matrixCell(page, 'Candor', title)).toContain('Shows it');
    expect(await matrixCell(page, 'Courage', title)).toContain('Shows it');
    expect(await matrixCell(page, 'Candor', 'Stories')).toBe('1 story');
    expect(await matrixCell(page, 'Judgment', title)).toBe('–No');
    expect(await matrixCell(page, 'Judgment', 'Stories')).toBe('No story yet');
    expect(await matrixCell(page, 'The keeper test', 'Stories')).toBe('No story yet');
    const summary = await page.locator('[data-coverage-summary]').innerText();
    expect(summary).toMatch(/^2 of \d+ values have a story\. No story yet for: /);
    expect(summary).toContain('Judgment');
    expect(summary).not.toContain('Candor');
    expect(await page.locator('[data-prompts-for="candor"] [data-covered-count]').innerText()).toBe('(1 story)');

    // Download as Markdown.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download Markdown' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^story-bank-\d{4}-\d{2}-\d{2}\.md$/);
    const markdown = await readFile(await download.path(), 'utf8');
    expect(markdown).toContain(`## ${title}\n\n**Values and concepts:** Candor, Courage`);
    expect(markdown).toContain('### Friction\n\nMarketing had already booked the campaign.');
    expect(markdown).toContain('### What I learned\n\nRaise the risk when it appears, not at the deadline.');
    expect(markdown).toContain('## Coverage');
    expect(markdown).toContain(`- Candor: ${title}`);
    expect(markdown).toContain('- Judgment: **No story yet**');
    expect(markdown).toMatch(/2 of \d+ values have at least one story\./);

    // Edit: the same story, changed.
    await item.getByRole('button', { name: /^Edit/ }).click();
    expect(await page.locator('[data-form-heading]').innerText()).toBe(`Edit “${title}”`);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('story-title');
    const edited = 'Moved a launch date';
    await page.getByLabel('Title', { exact: true }).fill(edited);
    await page.getByLabel('Judgment').check();
    await page.getByRole('button', { name: 'Save story' }).click();
    await expect.poll(() => page.locator('.story-item').count()).toBe(1);
    const editedItem = page.locator('.story-item', { hasText: edited });
    expect(await editedItem.innerText()).toContain('Shows: Judgment, Candor, Courage.');
    expect(await matrixCell(page, 'Judgment', edited)).toContain('Shows it');

    // Delete asks first; keeping the story changes nothing.
    await editedItem.getByRole('button', { name: /^Delete/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete this story?' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Keep the story' }).click();
    expect(await page.locator('.story-item').count()).toBe(1);
    await editedItem.getByRole('button', { name: /^Delete/ }).click();
    await dialog.getByRole('button', { name: 'Delete the story' }).click();
    await expect.poll(() => page.locator('.story-item').count()).toBe(0);
    expect(await page.locator('[data-list-status]').innerText()).toBe(`Deleted “${edited}”.`);
    expect(await matrixCell(page, 'Candor', 'Stories')).toBe('No story yet');
    await page.reload();
    await page.locator('[data-story-bank]').waitFor({ state: 'visible' });
    expect(await page.locator('.story-item').count()).toBe(0);
    expect(await page.locator('[data-story-count]').innerText()).toContain('No stories yet');

    expect(tracked.external).toEqual([]);
    expect(tracked.errors).toEqual([]);
    await tracked.context.close();
  });
});

describe('estimation calculator', () => {
  it("re-runs the estimation guide's chain as you type, keeps the inputs in the URL, and flags bad input", async () => {
    const tracked = await trackedContext(browser);
    const page = await tracked.newPage();
    await page.goto(siteUrl('/practice/calculator/'));
    const sentence = page.locator('[data-concurrency-sentence]');
    const result = (name: string) => page.locator(`[data-name="${name}"] .est-result`);
    // Defaults: 96 billion hours over 184 days, twice at the evening peak, 45-minute sessions.
    expect(await sentence.innerText()).toBe(
      'About 43 million streams at once is not 43 million requests a second: with sessions of 45 minutes it is about 16,000 starts a second.',
    );
    expect(await page.locator('#calc-viewing-note').innerText()).toContain('Published figure');
    expect(await page.locator('a[href="/netflix-sd/system-design/estimation/"]').count()).toBeGreaterThan(0);

    // By keyboard: 30-minute sessions.
    await page.locator('#calc-session').focus();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('30');
    // 43.5 million streams ÷ 1,800 s ≈ 24,000 starts a second; three times that in a launch burst.
    await expect.poll(() => result('startsPeak').innerText()).toBe('about 24,000 starts a second');
    expect(await page.locator('[data-name="startsPeak"] .est-math').innerText()).toBe('43.5 million streams ÷ 30 minutes');
    expect(await result('startsBurst').innerText()).toBe('about 72,000 starts a second');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('calc-launch');
    expect(await sentence.innerText()).toContain('with sessions of 30 minutes it is about 24,000 starts a second');
    expect(new URL(page.url()).searchParams.get('session')).toBe('30');

    // A shared link restores the calculation.
    await page.reload();
    expect(await page.locator('#calc-session').inputValue()).toBe('30');
    await expect.poll(() => sentence.innerText()).toContain('about 24,000 starts a second');

    // Invalid input: a message next to the field, and the results are not replaced by nonsense.
    await page.locator('#calc-bitrate').focus();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('fast');
    await expect.poll(() => page.locator('#calc-bitrate-error').innerText()).toContain('is not a number');
    expect(await page.locator('#calc-bitrate').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('[data-calc-stale]').isVisible()).toBe(true);
    expect(await result('egressPeak').innerText()).toBe('about 220 Tbps');
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('8');
    await expect.poll(() => result('egressPeak').innerText()).toBe('about 350 Tbps');
    expect(await page.locator('#calc-bitrate').getAttribute('aria-invalid')).toBeNull();

    await page.getByRole('button', { name: 'Reset to the defaults' }).click();
    await expect.poll(() => sentence.innerText()).toContain('with sessions of 45 minutes');
    expect(new URL(page.url()).search).toBe('');

    expect(tracked.external).toEqual([]);
    expect(tracked.errors).toEqual([]);
    await tracked.context.close();
  });
});

interface PracticePrompt {
  id: string;
  scoping: { question: string; assume: string }[];
  curveballs: { at: number; ask: string }[];
  rubric: string[];
}

describe('prompt cheat sheet', () => {
  it('has the scoping answers, the curveballs with their minutes, and the rubric as checkboxes', async () => {
    const tracked = await trackedContext(browser);
    const page = await tracked.newPage();
    const prompts = (await (await tracked.context.request.get(siteUrl('/practice/prompts.json'))).json()) as PracticePrompt[];
    const prompt = prompts.find((p) => p.id === 'playback-resume')!;
    await page.goto(siteUrl('/prompts/playback-resume/cheatsheet/'));
    const content = page.locator('.cheat');
    const text = await content.innerText();
    for (const item of prompt.scoping) {
      expect(text).toContain(item.question);
      expect(text).toContain(item.assume);
    }
    const curveballs = await page.locator('.cheat-curveballs li').allInnerTexts();
    expect(curveballs).toHaveLength(prompt.curveballs.length);
    prompt.curveballs.forEach((ball, index) => {
      expect(curveballs[index]).toContain(`Minute ${ball.at} of 45 (minute ${Math.round((ball.at * 60) / 45)} of 60)`);
      expect(curveballs[index]).toContain(ball.ask);
    });
    const boxes = page.locator('.cheat-rubric input[type="checkbox"]');
    expect(await boxes.count()).toBe(prompt.rubric.length);
    for (const item of prompt.rubric) expect(await page.getByLabel(item, { exact: true }).count()).toBe(1);
    expect(await page.locator('.breadcrumbs a[href="/netflix-sd/prompts/playback-resume/"]').count()).toBe(1);
    expect(await content.locator('a[href="/netflix-sd/prompts/playback-resume/"]').count()).toBeGreaterThan(0);
    expect(await page.getByRole('button', { name: 'Print this cheat sheet' }).isVisible()).toBe(true);
    expect(tracked.external).toEqual([]);
    expect(tracked.errors).toEqual([]);
    await tracked.context.close();
  });
});

describe('print', () => {
  it('prints a guide without the site chrome, at full width, with content links showing their address', async () => {
    const tracked = await trackedContext(browser);
    const page = await tracked.newPage();
    await page.goto(siteUrl('/system-design/estimation/'));
    await page.emulateMedia({ media: 'print' });
    for (const chrome of ['.site-header', '.sidebar', '.toc-aside', '.toc-inline', '.prev-next', '.page-actions']) {
      expect(await page.locator(chrome).first().isVisible(), chrome).toBe(false);
    }
    const link = page.locator('.prose a[href="/netflix-sd/system-design/anatomy/#the-timeline"]').first();
    expect(await link.evaluate((a) => getComputedStyle(a, '::after').content)).toBe('" (/netflix-sd/system-design/anatomy/#the-timeline)"');
    // Citations and in-page links do not print an address.
    expect(
      await page
        .locator('.prose .cite a')
        .first()
        .evaluate((a) => getComputedStyle(a, '::after').content),
    ).toBe('none');
    // The content uses the page's width, and closed disclosures print open.
    const widths = await page.evaluate(() => ({
      article: document.querySelector('article')!.getBoundingClientRect().width,
      body: document.body.clientWidth,
    }));
    expect(widths.article).toBeGreaterThan(widths.body * 0.95);
    expect(await page.locator('.diagram-details > p').first().isVisible()).toBe(true);
    expect(await page.locator('figure.diagram svg').first().isVisible()).toBe(true);
    expect(tracked.external).toEqual([]);
    expect(tracked.errors).toEqual([]);
    await tracked.context.close();
  });
});
