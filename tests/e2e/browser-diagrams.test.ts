/**
 * A diagram the build cannot draw (a mindmap) drawn in a real browser by mermaid's own browser
 * build, served as it ships from <base>vendor/mermaid/ (src/plugins/browser-mermaid.ts): a tiny
 * fixture site (__fixtures__/browser-diagrams/content/) is built under /fx/ with the project's
 * real config, served like GitHub Pages, and opened in Chromium. The mindmap's SVG appears with
 * its node texts, with no console error, no CSP violation and nothing fetched from another host;
 * the build copied mermaid's files (never bundling them into _astro/), and a page without such
 * a diagram loads none of them. "Save for offline" downloads them with the page, so the mindmap
 * is drawn offline too. The test build (dist-test/), which has no browser-drawn diagram, has no
 * vendor/ folder at all.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFixtureSite, type FixtureBuild } from '../../scripts/lib/build-fixture.ts';
import { buildServiceWorker } from '../../scripts/build-sw.ts';
import { checkDist } from '../../scripts/check-dist/index.ts';
import { serveStatic, type RunningServer } from '../../scripts/lib/static-server.ts';
import { mermaidBrowserFiles } from '../../src/plugins/browser-mermaid.ts';
import { DESKTOP, launchBrowser } from './browser.ts';
import { TEST_OUT_DIR } from './global-setup.ts';

const FIXTURE = path.join('tests', 'e2e', '__fixtures__', 'browser-diagrams');
const BASE = '/fx/';
/** The mindmap's node texts, as written in the fixture's diagram. */
const NODES = ['Loop', 'Recruiter call', 'Coding round', 'Design round'];

let workDir: string;
let build: FixtureBuild;
let server: RunningServer;
let browser: Browser;

// Building the fixture site takes 30-60 s, several times that on a busy machine: the budget only stops a hang.
beforeAll(async () => {
  workDir = mkdtempSync(path.join(tmpdir(), 'browser-diagrams-'));
  cpSync(path.join(FIXTURE, 'content'), path.join(workDir, 'content'), { recursive: true });
  build = await buildFixtureSite(workDir, BASE);
  if (!build.ok) throw new Error(`The fixture site ${FIXTURE} did not build:\n${build.log}`);
  // The service worker and the save list, as `npm run build` writes them after Astro (no search index here).
  await buildServiceWorker(build.outDir, BASE);
  server = await serveStatic({ root: build.outDir, base: BASE });
  browser = await launchBrowser();
}, 1_800_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

interface Visit {
  page: Page;
  /** Console errors and uncaught exceptions. */
  errors: string[];
  /** Requests to any other host (aborted). */
  external: string[];
  close: () => Promise<void>;
}

const urlOf = (sitePath: string) => new URL(sitePath.replace(/^\//, ''), server.url).href;

/** Opens a page of the fixture site, recording errors, CSP violations and requests elsewhere. */
async function visit(sitePath: string, existing?: BrowserContext): Promise<Visit> {
  const context = existing ?? (await browser.newContext(DESKTOP));
  const origin = new URL(server.url).origin;
  const external: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(origin) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    external.push(url);
    return route.abort();
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
  await page.goto(urlOf(sitePath));
  return {
    page,
    errors,
    external,
    close: () => context.close(),
  };
}

/** Content-Security-Policy violations the page reported (recorded from before its first script). */
const violationsOf = (page: Page) => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
/** The site paths the page fetched, relative to the base path. */
const fetched = (page: Page) =>
  page.evaluate((base) => performance.getEntriesByType('resource').map((r) => new URL(r.name).pathname.replace(base, '')), BASE);

/** Waits for the page's one browser-drawn diagram to be drawn; checks its SVG shows every node. */
async function expectMindmapDrawn(page: Page): Promise<void> {
  const canvas = page.locator('[data-mermaid-client]');
  expect(await canvas.count()).toBe(1);
  await canvas.scrollIntoViewIfNeeded();
  await expect.poll(() => canvas.getAttribute('data-drawn')).toBe('true');
  const svg = canvas.locator('svg');
  const text = await svg.textContent();
  for (const node of NODES) expect(text).toContain(node);
}

describe('a diagram drawn in the browser', () => {
  it('is drawn by mermaid from vendor/mermaid/: an SVG with every node text, no error, no CSP violation, nothing from another host', async () => {
    const { page, errors, external, close } = await visit('/loop/');
    await expectMindmapDrawn(page);
    const canvas = page.locator('[data-mermaid-client]');
    const svg = canvas.locator('svg');
    expect(await svg.count()).toBe(1);
    expect(await svg.getAttribute('role')).toBe('img');
    expect(await svg.getAttribute('aria-label')).toBe('The loop at a glance');
    // Drawn, not just inserted: the nodes have a size on screen.
    const box = await svg.boundingBox();
    expect(box?.width).toBeGreaterThan(100);
    expect(box?.height).toBeGreaterThan(50);
    expect(await canvas.locator('.diagram-pending').count()).toBe(0);

    const paths = await fetched(page);
    expect(paths).toContain('vendor/mermaid/mermaid.esm.min.mjs');
    expect(paths.some((p) => /^vendor\/mermaid\/chunks\/mermaid\.esm\.min\/mindmap-definition-[\w]+\.mjs$/.test(p))).toBe(true);
    // mermaid's files only from vendor/: nothing of it bundled into _astro/.
    expect(paths.filter((p) => p.startsWith('_astro/') && /mermaid|cytoscape|katex|elk|dagre/i.test(p))).toEqual([]);
    // ELK is never loaded (the diagrams use dagre), which is why "Save for offline" leaves it out.
    expect(paths.filter((p) => /\/elk-/.test(p))).toEqual([]);
    expect(await violationsOf(page)).toEqual([]);
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
    await close();
  });

  it('is not loaded on a page without one', async () => {
    const { page, errors, close } = await visit('/loop/recruiter/');
    await page.waitForLoadState('load');
    expect(await page.locator('[data-mermaid-client]').count()).toBe(0);
    expect((await fetched(page)).filter((p) => p.startsWith('vendor/'))).toEqual([]);
    expect(errors).toEqual([]);
    await close();
  });
});

describe('offline', () => {
  it('is drawn offline on a page saved with "Save for offline" and never opened online', async () => {
    const context = await browser.newContext(DESKTOP);
    const { page, errors } = await visit('/practice/', context);
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller) {
        await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
      }
    });
    // Nothing of mermaid is on the device before saving: it is never precached.
    const stored = () =>
      page.evaluate(async () => {
        const found: string[] = [];
        for (const name of await caches.keys())
          for (const request of await (await caches.open(name)).keys()) found.push(new URL(request.url).pathname);
        return found;
      });
    expect((await stored()).filter((p) => p.includes('/vendor/'))).toEqual([]);
    const island = page.locator('[data-save-offline]');
    await island.locator('[data-save-open]').click();
    const whole = island.locator('tbody tr', { hasText: 'The whole site' });
    await whole.getByRole('button').click();
    await expect.poll(() => island.locator('[data-save-status]').innerText()).toMatch(/^Saved .+: it opens offline/);
    const vendor = (await stored()).filter((p) => p.startsWith(`${BASE}vendor/mermaid/`));
    expect(vendor).toContain(`${BASE}vendor/mermaid/mermaid.esm.min.mjs`);
    expect(vendor.filter((p) => /\/elk-/.test(p))).toEqual([]);

    await context.setOffline(true);
    await page.goto(urlOf('/loop/'));
    expect(await page.locator('h1').innerText()).toBe('The loop');
    await expectMindmapDrawn(page);
    expect(await violationsOf(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('the build', () => {
  it("copies mermaid's browser build, every file of it and no source map, for a site with a browser-drawn diagram", () => {
    const vendor = path.join(build.outDir, 'vendor', 'mermaid');
    const copied = [
      ...readdirSync(vendor).filter((name) => name !== 'chunks'),
      ...readdirSync(path.join(vendor, 'chunks', 'mermaid.esm.min')).map((name) => `chunks/mermaid.esm.min/${name}`),
    ].sort();
    expect(copied).toEqual(mermaidBrowserFiles().sort());
  });

  it('passes the built-site check (links, third parties, CSP, ids) with them', () => {
    expect(checkDist(build.outDir, BASE)).toEqual([]);
  });

  it('bundles no mermaid into _astro/', () => {
    const bundled = readdirSync(path.join(build.outDir, '_astro'));
    expect(bundled.some((name) => name.startsWith('ClientDiagrams'))).toBe(true);
    expect(bundled.filter((name) => /mermaid|cytoscape|katex|elk|dagre|mindmap/i.test(name))).toEqual([]);
  });

  it(`copies nothing for a site without one: the test build (${TEST_OUT_DIR}/) has no vendor/ folder`, () => {
    expect(existsSync(path.join(TEST_OUT_DIR, 'index.html'))).toBe(true);
    expect(existsSync(path.join(TEST_OUT_DIR, 'vendor'))).toBe(false);
  });
});
