/**
 * The mock interview driven as a candidate would: choose a prompt with the keyboard, run a round
 * on the fast clock (?speed=120: a 45-minute round takes 22.5 real seconds), hear the phase
 * change and a curveball announced, pause, reload mid-round, score and save, and find the round
 * in the history after a reload; the score offers the chosen level's expectations (L5 by default)
 * and, only after the round, the prompt's 45-minute answer. Then the partner mode at L6: the
 * candidate sees no curveballs, the shared link opens the interviewer's notes with the L6
 * expectations and the answer's phase notes, and the round is saved with its level. axe runs on each state the page-wide accessibility
 * test cannot reach (a running round, the score form, the history, the partner's notes), in the
 * light theme in the first test and the dark theme in the second.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { PracticePrompt } from '../../src/lib/practice-data.ts';
import type { StudyData } from '../../src/scripts/study/schema.ts';
import { launchBrowser, siteUrl, trackedContext } from './browser.ts';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let browser: Browser;
let prompts: PracticePrompt[];
beforeAll(async () => {
  browser = await launchBrowser();
  prompts = (await (await fetch(siteUrl('/practice/prompts.json'))).json()) as PracticePrompt[];
});
afterAll(async () => {
  await browser?.close();
});

async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axeSource });
  const result = (await page.evaluate(() =>
    (window as unknown as { axe: { run: (context: Document, options: object) => Promise<unknown> } }).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
      resultTypes: ['violations'],
    }),
  )) as { violations: { id: string; nodes: { target: string[] }[] }[] };
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
}

/** Collects every message the live region says, so a message replaced a second later is not missed. */
async function recordAnnouncements(page: Page): Promise<void> {
  await page.evaluate(() => {
    const region = document.querySelector('[data-mock-announce]')!;
    const said: string[] = [];
    (window as unknown as { said: string[] }).said = said;
    new MutationObserver(() => {
      if (region.textContent) said.push(region.textContent);
    }).observe(region, { childList: true, characterData: true, subtree: true });
  });
}

const announcements = (page: Page) => page.evaluate(() => (window as unknown as { said: string[] }).said.join('\n'));
const saved = (page: Page) =>
  page.evaluate(() => JSON.parse(localStorage.getItem('netflix-loop-guide:study') ?? 'null') as StudyData | null);
const seconds = (clock: string) => {
  const [m, s] = clock.split(':').map(Number);
  return m! * 60 + s!;
};

describe('mock interview', () => {
  it('runs a round on the fast clock, survives a reload, and saves the score to the history', async () => {
    // bypassCSP lets the test inject axe; the site's own scripts run under its policy either way.
    const tracked = await trackedContext(browser, { bypassCSP: true });
    const page = await tracked.newPage();
    await page.goto(siteUrl('/practice/mock/?speed=120'));
    const select = page.locator('#mock-prompt');
    await expect.poll(() => select.locator('option').count()).toBe(prompts.length + 1);
    expect(await axeViolations(page)).toEqual([]);

    // Choose the first prompt and start, by keyboard only.
    await select.focus();
    await page.keyboard.press('ArrowDown');
    const prompt = prompts[0]!;
    expect(await select.inputValue()).toBe(prompt.id);
    expect(await page.locator('input[name="format"][value="45"]').isChecked()).toBe(true);
    // The level defaults to L5.
    expect(await page.getByLabel('L5: Senior Software Engineer').isChecked()).toBe(true);
    await page.locator('[data-start]').focus();
    await page.keyboard.press('Enter');

    const round = page.locator('[data-panel="round"]');
    await round.waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(prompt.title);
    await recordAnnouncements(page);
    // The clock is not announced: it sits in no live region.
    expect(
      await page
        .locator('[data-elapsed]')
        .evaluate((e) => e.closest('[aria-live], [role="status"], [role="alert"], [role="log"], [role="timer"]')),
    ).toBeNull();
    expect(await page.locator('[data-phase-list] [aria-current="step"]').innerText()).toContain('Scoping');
    expect(await page.locator('[data-round-meta]').innerText()).toContain('at L5 (Senior Software Engineer)');
    // The 45-minute answer is not on screen during the round: it would give the answer away.
    expect(await page.locator('[data-answer-review]').isVisible()).toBe(false);
    expect(await page.locator('main').innerText()).not.toContain(prompt.answer!.deepDive.slice(0, 60));

    // Minute 10 (5 s): high-level design, with the deep dive next.
    await expect.poll(() => announcements(page), { timeout: 10_000, interval: 100 }).toContain('Phase 2 of 5: High-level design');
    expect(await page.locator('[data-phase-list] [aria-current="step"]').innerText()).toContain('High-level design');
    expect(await page.locator('[data-phase-next]').innerText()).toMatch(/^Next, at 20:00: Deep dive\./);
    // The first curveball at its minute (whichever prompt comes first: minute 8 to 20 is 4 to 10 s).
    const firstAsk = `Curveball 1 from the interviewer: ${prompt.curveballs[0]!.ask}`;
    await expect.poll(() => announcements(page), { timeout: 15_000, interval: 100 }).toContain(firstAsk);
    const first = page.locator('.mock-curveball').first();
    expect(await first.locator('.mock-curveball-ask').innerText()).toBe(prompt.curveballs[0]!.ask);
    expect(await first.locator('details p').isVisible()).toBe(false);
    await first.locator('summary', { hasText: 'Show a strong answer' }).click();
    expect(await first.locator('details p').innerText()).toBe(prompt.curveballs[0]!.strongAnswer);
    expect(await axeViolations(page)).toEqual([]);

    // Pause: the clock stands still and the pause is saved; resume: it runs again.
    const pause = page.locator('[data-pause]');
    await pause.click();
    expect(await pause.innerText()).toBe('Resume');
    expect(await page.locator('[data-paused-note]').isVisible()).toBe(true);
    const pausedAt = await page.locator('[data-elapsed]').innerText();
    await page.waitForTimeout(1200);
    expect(await page.locator('[data-elapsed]').innerText()).toBe(pausedAt);
    expect((await saved(page))?.activeMock?.pausedAt).toEqual(expect.any(Number));
    await pause.click();
    expect(await pause.innerText()).toBe('Pause');
    await expect.poll(() => page.locator('[data-elapsed]').innerText()).not.toBe(pausedAt);

    // An accidental reload: the round carries on from where it was.
    const before = seconds(await page.locator('[data-elapsed]').innerText());
    await page.reload();
    await round.waitFor();
    expect(await page.locator('[data-round-title]').innerText()).toBe(prompt.title);
    expect(seconds(await page.locator('[data-elapsed]').innerText())).toBeGreaterThanOrEqual(before);
    expect(await page.locator('[data-mock-status]').innerText()).toContain('restored');
    expect(await page.locator('.mock-curveball').count()).toBeGreaterThanOrEqual(1);
    await expect.poll(async () => seconds(await page.locator('[data-elapsed]').innerText())).toBeGreaterThan(before + 60);

    // End the round and score it.
    await page.locator('[data-end]').click();
    const score = page.locator('[data-panel="score"]');
    await score.waitFor();
    expect(await round.isVisible()).toBe(false);
    const boxes = score.locator('input[name="covered"]');
    expect(await boxes.count()).toBe(prompt.rubric.length);
    // The L5 expectations for this prompt, as five checkboxes; left unticked here.
    const levelBoxes = score.locator('[data-level-checks] input[name="level-covered"]');
    expect(await levelBoxes.count()).toBe(5);
    expect(await score.locator('[data-level-checks] legend').innerText()).toContain('L5 (Senior Software Engineer)');
    expect(await score.locator('[data-level-checks] label').first().innerText()).toBe(`Scoping: ${prompt.levels!.L5.scoping}`);
    // After the round, the 45-minute answer to compare with, phase by phase at the 45-minute marks.
    const review = score.locator('[data-answer-review]');
    expect(await review.isVisible()).toBe(true);
    expect(await review.locator('li').first().innerText()).toBe(`0–10 · Scoping. ${prompt.answer!.scoping}`);
    expect(await review.locator('li').count()).toBe(7);
    expect(await review.innerText()).not.toContain('In a 60-minute round');
    await boxes.nth(0).focus();
    await page.keyboard.press('Space');
    await boxes.nth(2).check();
    // Saving without a rating says why, and saves nothing.
    await score.getByRole('button', { name: 'Save the round' }).click();
    expect(await page.locator('[data-score-error]').innerText()).toContain('Choose an overall rating');
    expect((await saved(page))?.mocks).toEqual([]);
    await score.getByLabel('3: Solid (leaning yes)').check();
    await page.getByLabel('Notes for next time').fill('Numbers earlier.');
    expect(await axeViolations(page)).toEqual([]);
    await score.getByRole('button', { name: 'Save the round' }).click();

    // The history shows it, and so does a reload; no round is left in progress.
    await page.locator('[data-panel="setup"]').waitFor();
    expect(await page.locator('[data-mock-status]').innerText()).toContain('Round saved');
    for (const pass of ['saved', 'reloaded']) {
      if (pass === 'reloaded') await page.reload();
      const rows = page.locator('[data-history-rows] tr');
      await expect.poll(() => rows.count()).toBe(1);
      const cells = await rows.first().locator('td').allInnerTexts();
      expect(cells.slice(1), pass).toEqual([
        prompt.title,
        '45 min',
        'L5, 0 of 5 expectations',
        `2 of ${prompt.rubric.length} (${Math.round(200 / prompt.rubric.length)}%)`,
        '3 of 4, Solid',
      ]);
      expect(await page.locator('[data-trend] svg').getAttribute('aria-label')).toMatch(
        /^Rubric covered in your one round, oldest first: \d+%\.$/,
      );
      expect(await page.locator('[data-panel="round"]').isVisible()).toBe(false);
    }
    const data = await saved(page);
    expect(data?.activeMock).toBeNull();
    expect(data?.mocks).toHaveLength(1);
    expect(data?.mocks[0]).toMatchObject({
      promptId: prompt.id,
      format: 45,
      covered: [0, 2],
      rubricSize: prompt.rubric.length,
      rating: 3,
      notes: 'Numbers earlier.',
      level: 'L5',
      levelCovered: [],
    });
    expect(await axeViolations(page)).toEqual([]);

    expect(tracked.external).toEqual([]);
    expect(tracked.errors).toEqual([]);
    await tracked.context.close();
  });

  it('with a partner, keeps curveballs off the candidate view and shares a link to the interviewer notes', async () => {
    const tracked = await trackedContext(browser, {
      bypassCSP: true,
      colorScheme: 'dark',
      permissions: ['clipboard-read', 'clipboard-write'],
    });
    const page = await tracked.newPage();
    // speed=300: the first curveball of this prompt (minute 18 of 45, so 24 of 60) is due at 4.8 s,
    // and the round ends at 12 s.
    await page.goto(siteUrl('/practice/mock/?speed=300'));
    const prompt = prompts.find((p) => p.id === 'playback-resume')!;
    await expect.poll(() => page.locator('#mock-prompt option').count()).toBeGreaterThan(1);
    // This test runs in the dark theme, so axe checks each state in both themes across the two tests.
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await page.locator('#mock-prompt').selectOption(prompt.id);
    await page.getByLabel('60 minutes').check();
    await page.getByLabel('L6: Staff Software Engineer').check();
    await page.getByLabel('Practice with a partner').check();
    await page.locator('[data-start]').click();
    await page.locator('[data-panel="round"]').waitFor();
    await recordAnnouncements(page);

    // The shareable link: absolute, same prompt and format, copied to the clipboard.
    const link = await page.getByLabel('Link to the partner view').inputValue();
    expect(link).toBe(siteUrl(`/practice/partner/?prompt=${prompt.id}&format=60&level=L6`));
    await page.getByRole('button', { name: 'Copy link' }).click();
    await expect.poll(() => page.locator('[data-copy-status]').innerText()).toContain('Link copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
    expect(await axeViolations(page)).toEqual([]);

    // The candidate sees the prompt, the phases and the clock, and never a curveball.
    expect(await page.locator('[data-round-prompt]').innerText()).toBe(prompt.prompt);
    expect(await page.locator('[data-phase-list] li').count()).toBe(5);
    await expect.poll(async () => seconds(await page.locator('[data-elapsed]').innerText()), { timeout: 15_000 }).toBeGreaterThan(30 * 60);
    expect(await page.locator('[data-curveballs]').isVisible()).toBe(false);
    expect(await page.locator('.mock-curveball').count()).toBe(0);
    expect(await page.locator('main').innerText()).not.toContain(prompt.curveballs[0]!.ask);
    expect(await page.getByText('Show a strong answer').count()).toBe(0);
    expect(await announcements(page)).toContain('Phase 3 of 5');
    expect(await announcements(page)).not.toMatch(/curveball/i);

    // The partner view: the prompt, the scoping answers, curveballs at their 60-minute minutes, probes, rubric.
    const partner = await tracked.newPage();
    await partner.goto(link);
    await partner.locator('[data-partner-notes]').waitFor();
    expect(await partner.locator('[data-partner-title]').innerText()).toBe(prompt.title);
    expect(await partner.locator('[data-partner-prompt]').innerText()).toBe(prompt.prompt);
    const answers = partner.locator('[data-partner-scoping] dd');
    expect(await answers.count()).toBe(prompt.scoping.length);
    expect(await partner.locator('[data-partner-scoping] dt').first().innerText()).toBe(`If asked: ${prompt.scoping[0]!.question}`);
    expect(await answers.first().innerText()).toBe(`Answer: ${prompt.scoping[0]!.assume}`);
    const curveballs = partner.locator('.partner-curveball');
    expect(await curveballs.count()).toBe(prompt.curveballs.length);
    expect(await curveballs.first().locator('.partner-curveball-when').innerText()).toMatch(/^Minute 24 \(at 24:00\): curveball 1/);
    expect(await curveballs.first().innerText()).toContain(prompt.curveballs[0]!.ask);
    expect(await curveballs.last().locator('.partner-curveball-when').innerText()).toMatch(/^Minute 55 /);
    expect(await partner.locator('[data-partner-probes] li').count()).toBe(prompt.probes.length);
    expect(await partner.locator('[data-partner-rubric] li').allInnerTexts()).toEqual(prompt.rubric);
    // The candidate's level, and its expectations next to the rubric.
    expect(await partner.locator('[data-partner-meta]').innerText()).toContain('candidate at L6 (Staff Software Engineer)');
    expect(await partner.locator('[data-partner-level-title]').innerText()).toBe(
      'What the interviewer needs to see at L6 (Staff Software Engineer)',
    );
    expect(await partner.locator('[data-partner-level-items] dd').allInnerTexts()).toEqual([
      prompt.levels!.L6.scoping,
      prompt.levels!.L6.design,
      prompt.levels!.L6.deepDive,
      prompt.levels!.L6.operations,
      prompt.levels!.L6.separates,
    ]);
    // The 45-minute answer as phase notes, at this round's 60-minute marks.
    const notes = partner.locator('[data-partner-answer-steps]');
    expect(await notes.locator('dt').first().innerText()).toBe('0–12 · Scoping');
    expect(await notes.locator('dd').first().innerText()).toBe(`What a strong candidate says here: ${prompt.answer!.scoping}`);
    expect(await notes.locator('dd').count()).toBe(7);
    expect(await axeViolations(partner)).toEqual([]);

    // Without a known prompt it offers a choice instead.
    await partner.goto(siteUrl('/practice/partner/?prompt=nope'));
    await partner.locator('[data-partner-choose]').waitFor();
    expect(await partner.locator('[data-partner-error]').innerText()).toContain('There is no prompt "nope"');
    expect(await partner.locator('[data-partner-notes]').isVisible()).toBe(false);
    expect(await axeViolations(partner)).toEqual([]);

    // Back on the candidate's page, the round ends: score it at L6, save, and find L6 in the history.
    const score = page.locator('[data-panel="score"]');
    await score.waitFor({ timeout: 15_000 });
    const levelChecks = score.locator('[data-level-checks]');
    expect(await levelChecks.locator('legend').innerText()).toContain('L6 (Staff Software Engineer)');
    expect(await levelChecks.locator('label').allInnerTexts()).toEqual([
      `Scoping: ${prompt.levels!.L6.scoping}`,
      `High-level design: ${prompt.levels!.L6.design}`,
      `Deep dive: ${prompt.levels!.L6.deepDive}`,
      `Operations: ${prompt.levels!.L6.operations}`,
      `What separates it from the level below: ${prompt.levels!.L6.separates}`,
    ]);
    expect(await score.locator('[data-answer-review]').innerText()).toContain(`In a 60-minute round: ${prompt.answer!.sixtyMinutes}`);
    await levelChecks.locator('input[value="deepDive"]').check();
    await levelChecks.locator('input[value="scoping"]').check();
    await score.locator('input[name="covered"]').first().check();
    await score.getByLabel('4: Strong (a clear yes)').check();
    expect(await axeViolations(page)).toEqual([]);
    await score.getByRole('button', { name: 'Save the round' }).click();
    await page.locator('[data-panel="setup"]').waitFor();
    expect(await page.locator('[data-mock-status]').innerText()).toContain('2 of 5 L6 expectations');
    const row = page.locator('[data-history-rows] tr').first();
    expect((await row.locator('td').allInnerTexts()).slice(1, 4)).toEqual([prompt.title, '60 min', 'L6, 2 of 5 expectations']);
    expect((await saved(page))?.mocks[0]).toMatchObject({
      promptId: prompt.id,
      format: 60,
      level: 'L6',
      levelCovered: ['scoping', 'deepDive'],
    });

    expect(tracked.external).toEqual([]);
    expect(tracked.errors).toEqual([]);
    await tracked.context.close();
  });
});
