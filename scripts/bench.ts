/**
 * `npm run bench`: builds the site and prints what it costs, as a table and as JSON
 * (bench-results/bench.json). `npm run bench -- --update-readme` also rewrites the figures in
 * README.md.
 *
 * - Build: `npm run build` (scripts/build.ts) end to end, cold (empty diagram and content caches)
 *   and warm, pages built per second, and each step's time (the content check overlaps Astro).
 * - Bytes: per page type, first load gzip (HTML without diagram SVG, CSS, JS) against its budget
 *   (scripts/quality/budgets.ts), and the requests Chromium makes on load.
 * - Search: bytes of a first query of one, two and three words through the site's dialog, with
 *   Pagefind's own floor (engine and index chunks) beside them; relevance (top-1, top-3, MRR) over
 *   the query set in tests/search-relevance/queries.ts.
 * - Offline: what the service worker precaches (files, raw and gzip).
 * - Lighthouse (mobile and desktop presets): the four category scores, LCP, TBT and CLS.
 *
 * Timings vary by machine, so they are reported here and never asserted in tests.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import * as chromeLauncher from 'chrome-launcher';
import { serveStatic } from './lib/static-server.ts';
import { BUDGETS, gzipSize, pageWeight } from './quality/budgets.ts';
import { checkTargets } from './quality/targets.ts';
import { CHROMIUM_ARGS } from '../tests/e2e/browser.ts';
import { measureEstimates } from '../src/lib/estimate/bench.ts';
import { firstSearchBytes } from '../tests/search-relevance/bytes.ts';
import { RELEVANCE_CASES } from '../tests/search-relevance/queries.ts';
import { resultPaths } from '../tests/search-relevance/run.ts';
import { relevanceReport } from '../src/scripts/search/relevance.ts';

const OUT_DIR = 'dist-bench';
const BASE = '/';
const CHROME = process.env.CHROME_PATH ?? '/usr/bin/chromium';

/** The pages Lighthouse audits: one of each type. */
export const LIGHTHOUSE_PAGES = ['Home', 'Guide', 'Round', 'Prompt (diagrams)', 'Mistakes catalog', 'Stack glossary', 'Study tool'];

function build(label: 'cold' | 'warm') {
  if (label === 'cold') {
    rmSync(path.join('node_modules', '.cache', 'netflix-loop-guide'), { recursive: true, force: true });
    rmSync(path.join('node_modules', '.astro'), { recursive: true, force: true });
  }
  // The same build as `npm run build`, timed as a whole; the script reports its own steps.
  mkdirSync('bench-results', { recursive: true });
  const timingsFile = path.join('bench-results', `build-${label}.json`);
  const env = { ...process.env, OUT_DIR, BASE_PATH: BASE, ASTRO_TELEMETRY_DISABLED: '1' };
  const started = performance.now();
  const result = spawnSync(process.execPath, ['scripts/build.ts', '--timings', timingsFile], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env,
  });
  const total = (performance.now() - started) / 1000;
  if (result.status !== 0) throw new Error(`The ${label} build failed (exit ${result.status}); run "npm run build" to see why.`);
  const steps = JSON.parse(readFileSync(timingsFile, 'utf8')) as Record<string, number>;
  delete steps.total;
  return { label, steps, total };
}

function countPages(dir: string): number {
  const out = spawnSync('find', [dir, '-name', 'index.html', '-not', '-path', '*/pagefind/*'], { encoding: 'utf8' });
  return out.stdout.split('\n').filter(Boolean).length;
}

function precacheSize(dir: string) {
  const sw = readFileSync(path.join(dir, 'sw.js'), 'utf8');
  const urls = [...sw.matchAll(/url:"([^"]+)"/g)].map((m) => m[1]!);
  let raw = 0;
  let gzip = 0;
  for (const url of urls) {
    let file = path.join(dir, url.slice(BASE.length));
    if (!existsSync(file)) continue;
    if (statSync(file).isDirectory()) file = path.join(file, 'index.html');
    const content = readFileSync(file);
    raw += content.length;
    // The search index is stored compressed already.
    gzip += /\/pagefind\/(fragment|index|filter)\/|\.pf_meta$|\.pagefind$/.test(url) ? content.length : gzipSize(content);
  }
  return { files: urls.length, raw, gzip };
}

async function requestsOnLoad(siteUrl: string): Promise<Record<string, number>> {
  const browser = await chromium.launch({ executablePath: CHROME, args: CHROMIUM_ARGS });
  const counts: Record<string, number> = {};
  for (const budget of BUDGETS) {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    let count = 0;
    page.on('request', () => (count += 1));
    await page.goto(new URL(budget.path.slice(1), siteUrl).href, { waitUntil: 'networkidle' });
    counts[budget.type] = count;
    await context.close();
  }
  await browser.close();
  return counts;
}

/** Queries of one, two and three words: Pagefind fetches about one index chunk per word. */
export const SEARCH_BYTE_QUERIES = ['zuul', 'open connect', 'thundering herd cache'];

/**
 * Search through the site's own dialog: bytes of a first query of each length in a fresh browser
 * (tests/search-relevance/bytes.ts, split into dialog, Pagefind's engine and index, fragments),
 * and the relevance set (tests/search-relevance/queries.ts): top-1, top-3 and MRR.
 */
export async function searchFigures(siteUrl: string, base = BASE) {
  const browser = await chromium.launch({ executablePath: CHROME, args: CHROMIUM_ARGS });
  try {
    const perQuery = [];
    for (const query of SEARCH_BYTE_QUERIES) {
      const { files, ...figures } = await firstSearchBytes(browser, new URL('system-design/estimation/', siteUrl).href, query);
      if (figures.other > 0) throw new Error(`Search "${query}" fetched files outside search: ${files.map((f) => f.path).join(', ')}`);
      perQuery.push(figures);
    }
    const context = await browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.goto(new URL('loop/', siteUrl).href);
    const results = [];
    for (const relevanceCase of RELEVANCE_CASES)
      results.push({ case: relevanceCase, results: await resultPaths(page, relevanceCase.query, base) });
    await context.close();
    const headline = perQuery.find((q) => q.query === 'open connect')!;
    return { total: headline.total, ui: headline.ui, index: headline.total - headline.ui, perQuery, relevance: relevanceReport(results) };
  } finally {
    await browser.close();
  }
}

interface LighthouseRow {
  type: string;
  preset: 'mobile' | 'desktop';
  performance: number;
  accessibility: number;
  bestPractices: number;
  seo: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
}

async function runLighthouse(siteUrl: string): Promise<LighthouseRow[]> {
  const chrome = await chromeLauncher.launch({ chromePath: CHROME, chromeFlags: CHROMIUM_ARGS });
  const rows: LighthouseRow[] = [];
  try {
    for (const type of LIGHTHOUSE_PAGES) {
      const budget = BUDGETS.find((b) => b.type === type)!;
      for (const preset of ['mobile', 'desktop'] as const) {
        const result = await lighthouse(
          new URL(budget.path.slice(1), siteUrl).href,
          {
            port: chrome.port,
            output: 'json',
            logLevel: 'error',
            onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
          },
          preset === 'desktop' ? desktopConfig : undefined,
        );
        const lhr = result!.lhr;
        const score = (id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
        const audit = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
        rows.push({
          type,
          preset,
          performance: score('performance'),
          accessibility: score('accessibility'),
          bestPractices: score('best-practices'),
          seo: score('seo'),
          lcpMs: Math.round(audit('largest-contentful-paint')),
          tbtMs: Math.round(audit('total-blocking-time')),
          cls: Number(audit('cumulative-layout-shift').toFixed(3)),
        });
      }
    }
  } finally {
    chrome.kill();
  }
  return rows;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const pct = (share: number) => `${Math.round(share * 100)}%`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;

function markdownReport(report: ReturnType<typeof assemble>): string {
  const lines = [
    `Measured on ${report.date.slice(0, 10)} (${report.pages} pages, ${process.platform}, Node ${process.version}).`,
    '',
    `- Build: ${report.builds.map((b) => `${b.label} ${b.total.toFixed(1)} s (${(report.pages / b.total).toFixed(1)} pages/s)`).join(', ')}.`,
    `- First search ("open connect"): ${kb(report.search.total)} fetched (search UI ${kb(report.search.ui)}, Pagefind engine, index and fragments ${kb(report.search.index)}).`,
    `- First search by query length (Pagefind's floor = engine + index chunks): ${report.search.perQuery.map((q) => `${q.query.split(' ').length} word${q.query.includes(' ') ? 's' : ''} "${q.query}" ${kb(q.total)}, floor ${kb(q.floor)}`).join('; ')}.`,
    `- Search relevance (${report.search.relevance.cases} queries): top-1 ${pct(report.search.relevance.top1)}, top-3 ${pct(report.search.relevance.top3)}, MRR ${report.search.relevance.mrr.toFixed(2)}.`,
    `- Offline precache: ${report.precache.files} files, ${mb(report.precache.gzip)} transferred (${mb(report.precache.raw)} uncompressed).`,
    '',
    '| Target | Measured | Met |',
    '|---|---|---|',
    ...checkTargets(report).map((t) => `| ${t.target} | ${t.figure} | ${t.met ? 'yes' : 'no'} |`),
    '',
    '| Page type | First load (gzip) | Budget | Requests | Lighthouse mobile (perf/a11y/BP/SEO) | LCP | TBT | CLS |',
    '|---|---|---|---|---|---|---|---|',
  ];
  for (const row of report.bytes) {
    const lh = report.lighthouse.find((l) => l.type === row.type && l.preset === 'mobile');
    lines.push(
      `| ${row.type} | ${kb(row.total)} | ${kb(row.budget)} | ${row.requests} | ${lh ? `${lh.performance}/${lh.accessibility}/${lh.bestPractices}/${lh.seo}` : '–'} | ${lh ? `${lh.lcpMs} ms` : '–'} | ${lh ? `${lh.tbtMs} ms` : '–'} | ${lh ? lh.cls : '–'} |`,
    );
  }
  return lines.join('\n');
}

function assemble(parts: {
  pages: number;
  builds: ReturnType<typeof build>[];
  bytes: { type: string; path: string; html: number; css: number; js: number; total: number; budget: number; requests: number }[];
  search: Awaited<ReturnType<typeof searchFigures>>;
  precache: ReturnType<typeof precacheSize>;
  lighthouse: LighthouseRow[];
}) {
  return { date: new Date().toISOString(), ...parts };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log('▶ Cold build (empty caches)…');
  const cold = build('cold');
  console.log('▶ Warm build…');
  const warm = build('warm');
  const pages = countPages(OUT_DIR);
  const server = await serveStatic({ root: OUT_DIR, base: BASE });
  console.log('▶ Measuring page bytes, requests, search bytes and search relevance…');
  const requests = await requestsOnLoad(server.url);
  const bytes = BUDGETS.map((budget) => {
    const weight = pageWeight(OUT_DIR, BASE, budget.path) ?? { html: 0, css: 0, js: 0, total: 0, requests: 0 };
    return { type: budget.type, path: budget.path, ...weight, budget: budget.maxBytes, requests: requests[budget.type] ?? 0 };
  });
  const search = await searchFigures(server.url);
  console.log('▶ Lighthouse, mobile and desktop presets (takes a few minutes)…');
  const lighthouseRows = await runLighthouse(server.url);
  await server.close();
  const report = assemble({ pages, builds: [cold, warm], bytes, search, precache: precacheSize(OUT_DIR), lighthouse: lighthouseRows });
  // Estimate chains are evaluated twice per build: by the remark plugin and by the content check.
  const estimates = measureEstimates();
  console.log(
    `\nEstimates: ${estimates.chains} chains (${estimates.rows} rows) on ${estimates.pages} pages, ${estimates.passMs.toFixed(0)} ms a pass + ${estimates.startupMs.toFixed(0)} ms to load mathjs and the figures; two passes are ${((2 * estimates.passMs + estimates.startupMs) / 10 / cold.total).toFixed(1)}% of the cold build`,
  );

  console.log('\nBuild (npm run build, end to end; the content check runs beside astro build)');
  for (const run of report.builds) {
    const parts = Object.entries(run.steps)
      .map(([name, seconds]) => `${name} ${seconds.toFixed(1)} s`)
      .join(', ');
    console.log(`  ${run.label}: ${run.total.toFixed(1)} s for ${pages} pages = ${(pages / run.total).toFixed(1)} pages/s (${parts})`);
  }
  console.log('\nFirst load (gzip; HTML without inline diagram SVG)');
  console.log('  page type            HTML      CSS      JS       total     budget   requests');
  for (const row of report.bytes) {
    const flag = row.total > row.budget ? '  OVER BUDGET' : '';
    console.log(
      `  ${row.type.padEnd(20)} ${kb(row.html).padEnd(9)} ${kb(row.css).padEnd(8)} ${kb(row.js).padEnd(8)} ${kb(row.total).padEnd(9)} ${kb(row.budget).padEnd(8)} ${String(row.requests).padStart(4)}${flag}`,
    );
  }
  console.log("\nFirst search through the dialog (gzip as served; Pagefind's floor = its engine + the index chunks the query needs)");
  console.log('  query                    requests  dialog   engine   index    fragments  total     floor');
  for (const q of search.perQuery) {
    console.log(
      `  ${`"${q.query}"`.padEnd(24)} ${String(q.requests).padStart(8)}  ${kb(q.ui).padEnd(8)} ${kb(q.engine).padEnd(8)} ${kb(q.index).padEnd(8)} ${`${kb(q.fragments)} (${q.fragmentCount})`.padEnd(10)} ${kb(q.total).padEnd(9)} ${kb(q.floor)}`,
    );
  }
  const relevance = search.relevance;
  console.log(
    `\nSearch relevance, ${relevance.cases} queries: top-1 ${pct(relevance.top1)}, top-3 ${pct(relevance.top3)}, MRR ${relevance.mrr.toFixed(3)}`,
  );
  for (const failure of relevance.failures) console.log(`  ✗ ${failure}`);
  console.log(
    `Offline precache: ${report.precache.files} files, ${mb(report.precache.gzip)} transferred, ${mb(report.precache.raw)} uncompressed`,
  );
  console.log('\nLighthouse          preset   perf a11y  BP  SEO   LCP      TBT     CLS');
  for (const row of lighthouseRows) {
    console.log(
      `  ${row.type.padEnd(18)} ${row.preset.padEnd(8)} ${String(row.performance).padStart(4)} ${String(row.accessibility).padStart(4)} ${String(row.bestPractices).padStart(4)} ${String(row.seo).padStart(4)}  ${`${row.lcpMs} ms`.padStart(7)} ${`${row.tbtMs} ms`.padStart(7)} ${String(row.cls).padStart(6)}`,
    );
  }
  const targets = checkTargets(report);
  console.log('\nTargets');
  for (const t of targets) console.log(`  ${t.met ? '✓' : '✗'} ${t.target}: ${t.figure}`);
  mkdirSync('bench-results', { recursive: true });
  writeFileSync(path.join('bench-results', 'bench.json'), `${JSON.stringify({ ...report, estimates, targets }, null, 2)}\n`);
  console.log('\nWrote bench-results/bench.json');
  if (process.argv.includes('--update-readme')) {
    const readme = readFileSync('README.md', 'utf8');
    const updated = readme.replace(
      /<!-- bench:start -->[\s\S]*<!-- bench:end -->/,
      `<!-- bench:start -->\n${markdownReport(report)}\n<!-- bench:end -->`,
    );
    writeFileSync('README.md', updated);
    console.log('Updated the figures in README.md');
  }
}
