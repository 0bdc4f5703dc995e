/**
 * Every content component looks like itself in both themes: a callout, a GOOD/BAD answer, a
 * claim's status, a sources-disagree box, the 45-minute answer and a level card each has a
 * background or border the reader can tell from the page, measured from computed styles in
 * Chromium. The light theme once lost six color tokens (Tailwind dropped theme variables only
 * plain CSS read), and every callout rendered as unboxed text while axe still passed: this test
 * catches that, and shows it does by dropping a token on purpose.
 *
 * It also reads the built stylesheets: every `var(--color-…)` they use is defined for both themes.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, PAGE_STEP_TIMEOUT, siteUrl, trackedContext, type TrackedContext } from './browser.ts';
import { TEST_OUT_DIR } from './global-setup.ts';
import { missingThemeTokens, usedColorTokens } from '../../src/lib/theme-tokens.ts';

type Need = 'background' | 'border';

interface Component {
  name: string;
  /** The element whose box is measured. */
  selector: string;
  /** A tinted box needs its own background; an outlined one needs a border (or a background). */
  need: Need;
  /** Marker text in the built HTML of a page that shows the component. */
  marker: string;
  /**
   * When no page uses this variant, the test clones `from` on a page that has it and gives the
   * clone this class instead, so the variant is measured with the site's real stylesheet.
   */
  cloneFrom?: { selector: string; marker: string; removeClass: string; addClass: string };
}

const CALLOUT_KINDS = ['note', 'tip', 'warning', 'pitfall'] as const;

const COMPONENTS: Component[] = [
  ...CALLOUT_KINDS.map((kind): Component => ({
    name: `Callout (${kind})`,
    selector: `.callout-${kind}`,
    need: 'background',
    marker: `callout callout-${kind}`,
    cloneFrom: { selector: '.callout', marker: 'class="callout callout-', removeClass: 'callout-note', addClass: `callout-${kind}` },
  })),
  { name: 'GOOD answer', selector: '.answer-good', need: 'background', marker: 'answer-good' },
  { name: 'BAD answer', selector: '.answer-bad', need: 'background', marker: 'answer-bad' },
  { name: 'GOOD/BAD pair', selector: '.goodbad', need: 'border', marker: 'class="goodbad' },
  { name: 'Claim status', selector: '.claim .badge', need: 'border', marker: 'class="claim ' },
  { name: 'Sources disagree', selector: '.disagree', need: 'border', marker: 'class="disagree' },
  { name: 'The 45-minute answer', selector: '.round-answer-phases', need: 'border', marker: 'round-answer-phases' },
  { name: 'Level card', selector: '.level-card', need: 'background', marker: 'class="level-card' },
  { name: 'Privacy note', selector: '.privacy-note', need: 'background', marker: 'class="privacy-note' },
];

const pages = inject('pages');
const htmlCache = new Map<string, string>();
function html(sitePath: string): string {
  if (!htmlCache.has(sitePath)) htmlCache.set(sitePath, readFileSync(path.join(TEST_OUT_DIR, sitePath, 'index.html'), 'utf8'));
  return htmlCache.get(sitePath)!;
}
/** The first built page whose HTML contains the marker. */
function pageWith(marker: string): string | undefined {
  return pages.find((p) => html(p).includes(marker));
}

interface BoxStyle {
  page: string;
  background: string;
  borders: { width: number; style: string; color: string }[];
}

/** The page's background and the element's background and four borders, as computed. */
async function boxStyle(page: Page, selector: string): Promise<BoxStyle> {
  return page.evaluate((sel) => {
    const element = document.querySelector(sel);
    if (!element) throw new Error(`No element matches ${sel} on ${location.pathname}`);
    const style = getComputedStyle(element);
    return {
      page: getComputedStyle(document.documentElement).backgroundColor,
      background: style.backgroundColor,
      borders: (['Top', 'Right', 'Bottom', 'Left'] as const).map((side) => ({
        width: Number.parseFloat(style.getPropertyValue(`border-${side.toLowerCase()}-width`)),
        style: style.getPropertyValue(`border-${side.toLowerCase()}-style`),
        color: style.getPropertyValue(`border-${side.toLowerCase()}-color`),
      })),
    };
  }, selector);
}

const transparent = (color: string) => color === 'transparent' || /^rgba\(.*,\s*0\)$/.test(color);

/** Why a box cannot be told from the page, or undefined when it can. */
export function invisibleBox(box: BoxStyle, need: Need): string | undefined {
  const hasBackground = !transparent(box.background) && box.background !== box.page;
  const hasBorder = box.borders.some(
    (b) => b.width >= 1 && b.style !== 'none' && b.style !== 'hidden' && !transparent(b.color) && b.color !== box.page,
  );
  if (need === 'background' && !hasBackground) return `its background (${box.background}) is the page's (${box.page}) or transparent`;
  if (need === 'border' && !hasBorder && !hasBackground)
    return `it has neither a border nor a background distinct from the page (${box.page})`;
  return undefined;
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function openComponent(tracked: TrackedContext, component: Component): Promise<Page> {
  const page = await tracked.newPage();
  page.setDefaultTimeout(PAGE_STEP_TIMEOUT);
  const direct = pageWith(component.marker);
  if (direct) {
    await page.goto(siteUrl(direct));
    return page;
  }
  const clone = component.cloneFrom;
  const host = clone && pageWith(clone.marker);
  if (!clone || !host) throw new Error(`No built page shows ${component.name} (looked for "${component.marker}" in ${TEST_OUT_DIR}/).`);
  await page.goto(siteUrl(host));
  await page.evaluate((c) => {
    const source = document.querySelector(c.selector)!;
    const copy = source.cloneNode(true) as HTMLElement;
    copy.classList.remove(...[...copy.classList].filter((name) => name.startsWith('callout-')), c.removeClass);
    copy.classList.add(c.addClass);
    source.after(copy);
  }, clone);
  return page;
}

for (const theme of ['light', 'dark'] as const) {
  describe(`content components in the ${theme} theme`, () => {
    for (const component of COMPONENTS) {
      it(`${component.name} has a visible ${component.need}`, async () => {
        const tracked = await trackedContext(browser, { colorScheme: theme, viewport: { width: 1280, height: 900 } });
        const page = await openComponent(tracked, component);
        expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
        const box = await boxStyle(page, component.selector);
        expect(invisibleBox(box, component.need), `${component.name} on ${new URL(page.url()).pathname}`).toBeUndefined();
        await tracked.context.close();
      });
    }
  });
}

describe('the check fails when a theme token is dropped', () => {
  it('reports a callout whose background token is missing', async () => {
    const tracked = await trackedContext(browser, { colorScheme: 'light', bypassCSP: true });
    const page = await openComponent(tracked, COMPONENTS[0]!);
    expect(invisibleBox(await boxStyle(page, '.callout-note'), 'background')).toBeUndefined();
    // What Tailwind did to the light theme: the variable is simply not there.
    await page.addStyleTag({ content: ':root, [data-theme] { --color-note-bg: initial !important; }' });
    expect(invisibleBox(await boxStyle(page, '.callout-note'), 'background')).toMatch(/background/);
    await tracked.context.close();
  });
});

describe('the built stylesheets', () => {
  it('define every color token they use for both themes', () => {
    const dir = path.join(TEST_OUT_DIR, '_astro');
    const css = readdirSync(dir)
      .filter((name) => name.endsWith('.css'))
      .map((name) => readFileSync(path.join(dir, name), 'utf8'))
      .join('\n');
    const used = usedColorTokens(css);
    expect(used.size).toBeGreaterThan(10);
    expect(missingThemeTokens(css, used)).toEqual([]);
  });
});
