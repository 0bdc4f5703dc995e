/**
 * `npm run bench`: builds the site and prints what it costs.
 *
 * - Build: time of each build step (content check, Astro, Pagefind, link check), cold (empty
 *   diagram cache) and warm, and pages built per second.
 * - First load, per page type, in Chromium with an empty cache: requests, and HTML, CSS and JS
 *   bytes raw and gzipped (HTML also without the inline diagram SVG, which the budget excludes).
 * - Search: bytes fetched by opening search and running one query.
 *
 * Prints a table and writes bench-results/bench.json. Figures, not pass/fail: time varies by
 * machine, so no test asserts on it.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { serveStatic } from './lib/static-server.ts';
import { CHROMIUM_ARGS } from '../tests/e2e/browser.ts';

const OUT_DIR = 'dist-bench';
const BASE = '/';
/** A guide page's first load must stay under this (HTML+CSS+JS, gzip, diagram SVG excluded). */
export const GUIDE_BUDGET_BYTES = 20 * 1024;

export const PAGE_TYPES: { type: string; path: string }[] = [
  { type: 'Home', path: '/' },
  { type: 'Guide', path: '/system-design/estimation/' },
  { type: 'Round', path: '/loop/system-design/' },
  { type: 'Prompt (diagrams)', path: '/prompts/playback-resume/' },
  { type: 'Mistake', path: '/mistakes/ignoring-cost/' },
  { type: 'Mistakes catalogue', path: '/mistakes/' },
  { type: 'Culture', path: '/culture/candor/' },
  { type: 'Stack component', path: '/stack/zuul/' },
  { type: 'Stack glossary', path: '/stack/' },
];

function step(name: string, command: string, args: string[], env: NodeJS.ProcessEnv): number {
  const started = performance.now();
  const result = spawnSync(command, args, { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, ...env } });
  if (result.status !== 0) throw new Error(`${name} failed (exit ${result.status}).`);
  return (performance.now() - started) / 1000;
}

function build(label: string): { label: string; steps: Record<string, number>; total: number } {
  const env = { OUT_DIR, BASE_PATH: BASE, ASTRO_TELEMETRY_DISABLED: '1' };
  const node = process.execPath;
  const steps = {
    'content check': step('content check', node, ['scripts/check-content/index.ts'], env),
    'astro build': step('astro build', node, ['node_modules/astro/bin/astro.mjs', 'build', '--silent'], env),
    'search index': step('pagefind', node, ['node_modules/pagefind/lib/runner/bin.cjs', '--site', OUT_DIR, '--silent'], env),
    'link check': step('link check', node, ['scripts/check-dist/index.ts', OUT_DIR], env),
  };
  return { label, steps, total: Object.values(steps).reduce((a, b) => a + b, 0) };
}

function countPages(dir: string): number {
  const out = spawnSync('find', [dir, '-name', 'index.html', '-not', '-path', '*/pagefind/*'], { encoding: 'utf8' });
  return out.stdout.split('\n').filter(Boolean).length;
}

interface Sizes {
  raw: number;
  gzip: number;
}
const gz = (buffer: Buffer | string): number => gzipSync(buffer, { level: 9 }).length;

function fileFor(url: string, origin: string): string | undefined {
  if (!url.startsWith(origin)) return undefined;
  let pathname = decodeURIComponent(new URL(url).pathname);
  if (pathname.endsWith('/')) pathname += 'index.html';
  const file = path.join(OUT_DIR, pathname);
  try {
    return statSync(file).isFile() ? file : undefined;
  } catch {
    return undefined;
  }
}

/** HTML with the build-time diagram SVG removed (the budget excludes it). */
export function withoutDiagramSvg(html: string): string {
  return html.replace(/(<div class="diagram-canvas"[^>]*>)<svg[\s\S]*?<\/svg>/g, '$1');
}

async function measurePages(origin: string, siteUrl: string) {
  const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const rows = [];
  for (const { type, path: sitePath } of PAGE_TYPES) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const urls: string[] = [];
    page.on('request', (request) => urls.push(request.url()));
    const response = await page.goto(new URL(sitePath.slice(1), siteUrl).href, { waitUntil: 'networkidle' });
    if (!response || response.status() !== 200) {
      rows.push({ type, path: sitePath, missing: true });
      await context.close();
      continue;
    }
    const totals: Record<'html' | 'css' | 'js' | 'other', Sizes> = {
      html: { raw: 0, gzip: 0 },
      css: { raw: 0, gzip: 0 },
      js: { raw: 0, gzip: 0 },
      other: { raw: 0, gzip: 0 },
    };
    let htmlWithoutDiagrams = 0;
    for (const url of urls) {
      const file = fileFor(url, origin);
      if (!file) continue;
      const content = readFileSync(file);
      const kind = file.endsWith('.html') ? 'html' : file.endsWith('.css') ? 'css' : /\.m?js$/.test(file) ? 'js' : 'other';
      totals[kind].raw += content.length;
      totals[kind].gzip += gz(content);
      if (kind === 'html') htmlWithoutDiagrams += gz(withoutDiagramSvg(content.toString('utf8')));
    }
    const firstLoad = htmlWithoutDiagrams + totals.css.gzip + totals.js.gzip;
    rows.push({ type, path: sitePath, requests: urls.length, ...totals, htmlWithoutDiagramsGzip: htmlWithoutDiagrams, firstLoadGzip: firstLoad });
    await context.close();
  }
  // One search: open the dialog, type a query, wait for results.
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(new URL('system-design/estimation/', siteUrl).href, { waitUntil: 'networkidle' });
  const searchUrls: string[] = [];
  page.on('request', (request) => searchUrls.push(request.url()));
  await page.keyboard.press('/');
  await page.locator('pagefind-modal input').fill('playback');
  await page.locator('pagefind-results a').first().waitFor({ timeout: 30_000 });
  await page.waitForLoadState('networkidle');
  const searchBytes = { ui: 0, index: 0 };
  for (const url of searchUrls) {
    const file = fileFor(url, origin);
    if (!file) continue;
    const size = /\.(js|css)$/.test(file) ? gz(readFileSync(file)) : statSync(file).size; // index files are already compressed
    if (/pagefind-component-ui\.(js|css)$/.test(file)) searchBytes.ui += size;
    else searchBytes.index += size;
  }
  await context.close();
  await browser.close();
  return { rows, search: { requests: searchUrls.length, ...searchBytes, total: searchBytes.ui + searchBytes.index } };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

if (import.meta.url === `file://${process.argv[1]}`) {
  rmSync(path.join('node_modules', '.cache', 'netflix-loop-guide'), { recursive: true, force: true });
  console.log('▶ Cold build (empty diagram cache)…');
  const cold = build('cold');
  console.log('▶ Warm build (diagram cache filled)…');
  const warm = build('warm');
  const pages = countPages(OUT_DIR);
  const server = await serveStatic({ root: OUT_DIR, base: BASE });
  const origin = new URL(server.url).origin;
  console.log('▶ Measuring first loads and one search in Chromium…');
  const measured = await measurePages(origin, server.url);
  await server.close();

  console.log('\nBuild');
  for (const run of [cold, warm]) {
    const parts = Object.entries(run.steps).map(([name, seconds]) => `${name} ${seconds.toFixed(1)} s`).join(', ');
    console.log(`  ${run.label}: ${run.total.toFixed(1)} s for ${pages} pages = ${(pages / run.total).toFixed(1)} pages/s (${parts})`);
  }
  console.log('\nFirst load (empty cache), gzip unless marked raw');
  console.log('  page type            requests   HTML*     CSS      JS       first load*   raw HTML+CSS+JS');
  for (const row of measured.rows) {
    if ('missing' in row) {
      console.log(`  ${row.type.padEnd(20)} (page ${row.path} not built)`);
      continue;
    }
    const raw = row.html.raw + row.css.raw + row.js.raw;
    const flag = row.type === 'Guide' && row.firstLoadGzip > GUIDE_BUDGET_BYTES ? '  OVER BUDGET' : '';
    console.log(
      `  ${row.type.padEnd(20)} ${String(row.requests).padStart(8)}   ${kb(row.htmlWithoutDiagramsGzip).padEnd(9)} ${kb(row.css.gzip).padEnd(8)} ${kb(row.js.gzip).padEnd(8)} ${kb(row.firstLoadGzip).padEnd(13)} ${kb(raw)}${flag}`,
    );
  }
  console.log(`  * HTML without inline diagram SVG. Guide budget: ${kb(GUIDE_BUDGET_BYTES)} first load.`);
  console.log(`\nOne search ("playback"): ${measured.search.requests} requests, ${kb(measured.search.total)} (search UI ${kb(measured.search.ui)}, index ${kb(measured.search.index)})`);
  mkdirSync('bench-results', { recursive: true });
  const report = { date: new Date().toISOString(), pages, builds: [cold, warm], firstLoad: measured.rows, search: measured.search };
  writeFileSync(path.join('bench-results', 'bench.json'), `${JSON.stringify(report, null, 2)}\n`);
  console.log('\nWrote bench-results/bench.json');
}
