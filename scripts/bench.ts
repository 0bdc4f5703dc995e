/**
 * `npm run bench`: builds the site and prints what it costs, as a table and as JSON
 * (bench-results/bench.json). `npm run bench -- --scale 10` also builds a synthetic copy of the
 * content at ten times its size (scripts/bench/scale-content.ts) and prints both side by side with
 * each figure's growth. `npm run bench -- --update-readme` also rewrites the figures in README.md.
 *
 * - Build: `npm run build` (scripts/build.ts) end to end from empty caches, the median of three
 *   runs (`--runs N` for another number): wall time, CPU seconds and peak memory, pages per
 *   second, each step's time, and the load average around each run; then one warm build with the
 *   caches the cold ones left (scripts/bench/measure.ts). With BUILD_LOCK=<file>, each build takes
 *   that lock (shared with other builds on the machine) before it clears the caches.
 * - Bytes: per page type, what the server sends on a first load (every request Chromium makes,
 *   gzip as the server sends it, headers included), and the budgeted part (HTML without diagram
 *   SVG, CSS, JS) against its budget (scripts/quality/budgets.ts); the service worker's
 *   background download after a first visit, apart.
 * - Search: bytes of a first query of one, two and three words through the site's dialog, with
 *   Pagefind's own floor (engine and index chunks) beside them; relevance (top-1, top-3, MRR) over
 *   the query set in tests/search-relevance/queries.ts.
 * - Offline: what the service worker precaches (files, raw and gzip).
 * - Lighthouse (mobile and desktop presets): the four category scores, LCP, TBT and CLS, each the
 *   median of three runs per page (or --runs).
 * At --scale N, the copy's figures come from its last cold build's output: one site, built once
 * more warm, serves the bytes, search and Lighthouse figures.
 *
 * Timings vary by machine, so they are reported here and never asserted in tests.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import * as chromeLauncher from 'chrome-launcher';
import { serveStatic } from './lib/static-server.ts';
import { BUDGETS, checkBudgets, gzipSize, pageWeight } from './quality/budgets.ts';
import {
  coldBuilds,
  firstLoad,
  median,
  serviceWorkerDownload,
  timedBuild,
  type BuildFigures,
  type BuildRun,
  type WireLoad,
} from './bench/measure.ts';
import { mergeCopies, scaleContent } from './bench/scale-content.ts';
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

/** Queries of one, two and three words: Pagefind fetches about one index chunk per word. */
export const SEARCH_BYTE_QUERIES = ['zuul', 'open connect', 'thundering herd cache'];

/**
 * Search through the site's own dialog: bytes of a first query of each length in a fresh browser
 * (tests/search-relevance/bytes.ts, split into dialog, Pagefind's engine and index, fragments),
 * and the relevance set (tests/search-relevance/queries.ts): top-1, top-3 and MRR. On a scaled
 * copy (`scaled`), a synthetic copy of a page counts as that page and each page counts once
 * (mergeCopies in scripts/bench/scale-content.ts): copies repeat their originals word for word,
 * so their order among themselves is arbitrary and says nothing about relevance. The raw figures
 * are kept beside them (`relevanceRaw`).
 */
export async function searchFigures(siteUrl: string, base = BASE, scaled = false) {
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
    const merged = scaled ? results.map((r) => ({ ...r, results: mergeCopies(r.results) })) : results;
    return {
      total: headline.total,
      ui: headline.ui,
      index: headline.total - headline.ui,
      perQuery,
      relevance: relevanceReport(merged),
      copiesMerged: scaled,
      relevanceRaw: relevanceReport(results),
    };
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

/** Lighthouse `runs` times over; each figure is the median of the runs for its page and preset. */
async function lighthouseMedians(siteUrl: string, runs = 3): Promise<LighthouseRow[]> {
  const all: LighthouseRow[][] = [];
  for (let run = 0; run < runs; run += 1) all.push(await runLighthouse(siteUrl));
  return all[0]!.map((first) => {
    const same = all.map((rows) => rows.find((row) => row.type === first.type && row.preset === first.preset)!);
    const mid = (key: Exclude<keyof LighthouseRow, 'type' | 'preset'>) => median(same.map((row) => row[key]));
    return {
      type: first.type,
      preset: first.preset,
      performance: mid('performance'),
      accessibility: mid('accessibility'),
      bestPractices: mid('bestPractices'),
      seo: mid('seo'),
      lcpMs: mid('lcpMs'),
      tbtMs: mid('tbtMs'),
      cls: mid('cls'),
    };
  });
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const pct = (share: number) => `${Math.round(share * 100)}%`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;

function markdownReport(report: ReturnType<typeof assemble>): string {
  const lines = [
    `Measured on ${report.date.slice(0, 10)} (${report.pages} pages, ${process.platform}, Node ${process.version}).`,
    '',
    `- Build, cold, median of ${report.build.runs.length}: ${report.build.wallSeconds.toFixed(1)} s wall (${(report.pages / report.build.wallSeconds).toFixed(1)} pages/s), ${report.build.cpuSeconds.toFixed(1)} CPU s, peak memory ${report.build.peakMemoryMb} MB.`,
    `- First search ("open connect"): ${kb(report.search.total)} fetched (search UI ${kb(report.search.ui)}, Pagefind engine, index and fragments ${kb(report.search.index)}).`,
    `- First search by query length (Pagefind's floor = engine + index chunks): ${report.search.perQuery.map((q) => `${q.query.split(' ').length} word${q.query.includes(' ') ? 's' : ''} "${q.query}" ${kb(q.total)}, floor ${kb(q.floor)}`).join('; ')}.`,
    `- Search relevance (${report.search.relevance.cases} queries): top-1 ${pct(report.search.relevance.top1)}, top-3 ${pct(report.search.relevance.top3)}, MRR ${report.search.relevance.mrr.toFixed(2)}.`,
    `- First visit, the service worker's background download (offline search and tools): ${mb(report.serviceWorker.bytes)} in ${report.serviceWorker.requests} requests (${report.precache.files} files precached, ${mb(report.precache.raw)} uncompressed).`,
    '',
    '| Target | Measured | Met |',
    '|---|---|---|',
    ...checkTargets(report).map((t) => `| ${t.target} | ${t.figure} | ${t.met ? 'yes' : 'no'} |`),
    '',
    '| Page type | On the wire | Budgeted part | Budget | Requests | Lighthouse mobile (perf/a11y/BP/SEO) | LCP | TBT | CLS |',
    '|---|---|---|---|---|---|---|---|---|',
  ];
  for (const row of report.bytes) {
    const lh = report.lighthouse.find((l) => l.type === row.type && l.preset === 'mobile');
    lines.push(
      `| ${row.type} | ${kb(row.wire)} | ${kb(row.total)} | ${kb(row.budget)} | ${row.requests} | ${lh ? `${lh.performance}/${lh.accessibility}/${lh.bestPractices}/${lh.seo}` : '–'} | ${lh ? `${lh.lcpMs} ms` : '–'} | ${lh ? `${lh.tbtMs} ms` : '–'} | ${lh ? lh.cls : '–'} |`,
    );
  }
  return lines.join('\n');
}

function assemble(parts: {
  pages: number;
  /** For scripts/quality/targets.ts: the cold build's median wall time. */
  builds: { label: string; total: number }[];
  build: BuildFigures;
  /** One build right after the cold ones, with the caches they left. */
  warm: BuildRun;
  bytes: {
    type: string;
    path: string;
    html: number;
    css: number;
    js: number;
    total: number;
    budget: number;
    requests: number;
    wire: number;
  }[];
  serviceWorker: WireLoad;
  search: Awaited<ReturnType<typeof searchFigures>>;
  precache: ReturnType<typeof precacheSize>;
  lighthouse: LighthouseRow[];
}) {
  return { date: new Date().toISOString(), ...parts };
}

/** The number after `flag` (`fallback` when absent), a whole number of at least `least`. */
export function wholeArgument(argv: readonly string[], flag: string, fallback: number, least: number, example: string): number {
  const at = argv.indexOf(flag);
  if (at === -1) return fallback;
  const value = Number(argv[at + 1]);
  if (!Number.isInteger(value) || value < least)
    throw new Error(`${flag} takes a whole number of ${least} or more, such as ${flag} ${example} (got "${argv[at + 1] ?? ''}").`);
  return value;
}

/** How many cold builds and Lighthouse passes the medians are taken over (--runs, three by default). */
export const DEFAULT_RUNS = 3;

const clock = () => new Date().toISOString().slice(11, 19);

/** Everything measured on one copy of the content. */
async function measure(label: string, contentDir: string, outDir: string, runs: number, scaled = false) {
  console.log(`▶ ${clock()} ${label}: ${runs} cold build${runs === 1 ? '' : 's'} of ${contentDir}/ (empty caches)…`);
  const buildOptions = { contentDir, outDir, cacheDir: path.join('node_modules', `.astro-bench-${label}`), base: BASE };
  const build = coldBuilds(buildOptions, runs);
  // Then once more with the caches the last cold build left (Astro's content store, the diagrams).
  console.log(`▶ ${clock()} ${label}: one warm build (caches kept)…`);
  const warm = timedBuild({ ...buildOptions, warm: true });
  const server = await serveStatic({ root: outDir, base: BASE });
  try {
    console.log(`▶ ${clock()} ${label}: bytes on the wire per page type, the service worker's download, search…`);
    const browser = await chromium.launch({ executablePath: CHROME, args: CHROMIUM_ARGS });
    const wire: Record<string, WireLoad> = {};
    for (const budget of BUDGETS) wire[budget.type] = await firstLoad(browser, new URL(budget.path.slice(1), server.url).href);
    const serviceWorker = await serviceWorkerDownload(browser, server.url);
    await browser.close();
    const bytes = BUDGETS.map((budget) => {
      const weight = pageWeight(outDir, BASE, budget.path) ?? { html: 0, css: 0, js: 0, total: 0, requests: 0 };
      const load = wire[budget.type]!;
      return { type: budget.type, path: budget.path, ...weight, budget: budget.maxBytes, requests: load.requests, wire: load.bytes };
    });
    const search = await searchFigures(server.url, BASE, scaled);
    console.log(
      `▶ ${clock()} ${label}: Lighthouse, mobile and desktop, ${runs} run${runs === 1 ? '' : 's'} per page (takes several minutes)…`,
    );
    const lighthouse = await lighthouseMedians(server.url, runs);
    return assemble({
      pages: build.pages,
      builds: [
        { label: 'cold', total: build.wallSeconds },
        { label: 'warm', total: warm.wallSeconds },
      ],
      build,
      warm,
      bytes,
      serviceWorker,
      search,
      precache: precacheSize(outDir),
      lighthouse,
    });
  } finally {
    await server.close();
  }
}

/** The figures compared across scales, each with how to read it from a report. */
function comparedFigures(report: Awaited<ReturnType<typeof measure>>): [string, number, (value: number) => string][] {
  const s = (value: number) => `${value.toFixed(1)} s`;
  const rows: [string, number, (value: number) => string][] = [
    ['Pages', report.pages, String],
    [`Build, wall (median of ${report.build.runs.length} cold)`, report.build.wallSeconds, s],
    ['Build, CPU (user + system)', report.build.cpuSeconds, s],
    ['Build, CPU ms per page', (1000 * report.build.cpuSeconds) / report.pages, (v) => `${v.toFixed(0)} ms`],
    ['Build, load average before → after', report.build.load[0], (v) => v.toFixed(1)],
    ['Warm build, wall (caches kept)', report.warm.wallSeconds, s],
    ['Warm build, CPU', report.warm.cpuSeconds, s],
    ['Build, pages per second', report.pages / report.build.wallSeconds, (v) => v.toFixed(1)],
    ['Build, milliseconds per page', (1000 * report.build.wallSeconds) / report.pages, (v) => `${v.toFixed(0)} ms`],
    ['Build, peak memory', report.build.peakMemoryMb, (v) => `${v.toFixed(0)} MB`],
    ...Object.entries(report.build.steps).map(([name, seconds]): [string, number, (value: number) => string] => [
      `  step: ${name}`,
      seconds,
      s,
    ]),
    ...report.bytes.map((row): [string, number, (value: number) => string] => [`First load on the wire: ${row.type}`, row.wire, kb]),
    ...report.bytes.map((row): [string, number, (value: number) => string] => [`Requests: ${row.type}`, row.requests, String]),
    ['Service worker download (first visit)', report.serviceWorker.bytes, mb],
    ['Precached files', report.precache.files, String],
    ['First search ("open connect")', report.search.total, kb],
  ];
  for (const row of report.lighthouse.filter((r) => r.preset === 'mobile'))
    rows.push([`Lighthouse mobile perf: ${row.type}`, row.performance, String]);
  return rows;
}

function printComparison(reports: Awaited<ReturnType<typeof measure>>[], labels: string[]): void {
  const [base, ...others] = reports.map(comparedFigures);
  console.log(
    `\n${['Figure'.padEnd(42), ...labels.map((l) => l.padStart(12)), ...labels.slice(1).map((l) => `growth ${l}`.padStart(14))].join(' ')}`,
  );
  base!.forEach(([name, value, format], index) => {
    const values = [value, ...others.map((rows) => rows[index]![1])];
    const growth = others.map((rows) => (value === 0 ? '–' : `${(rows[index]![1] / value).toFixed(2)}×`));
    console.log([name.padEnd(42), ...values.map((v) => format(v).padStart(12)), ...growth.map((g) => g.padStart(14))].join(' '));
  });
}

function printReport(report: Awaited<ReturnType<typeof measure>>, label: string): void {
  const { pages, search } = report;
  const lighthouseRows = report.lighthouse;
  console.log(`\n══ ${label}: ${pages} pages ══`);
  console.log(
    `\nBuild (npm run build, end to end, empty caches; median of ${report.build.runs.length} runs; the content check runs beside astro build, and the link check beside the search index and the service worker)`,
  );
  const parts = Object.entries(report.build.steps)
    .map(([name, seconds]) => `${name} ${seconds.toFixed(1)} s`)
    .join(', ');
  console.log(
    `  ${report.build.wallSeconds.toFixed(1)} s wall, ${report.build.cpuSeconds.toFixed(1)} CPU s, peak ${report.build.peakMemoryMb} MB, for ${pages} pages = ${(pages / report.build.wallSeconds).toFixed(1)} pages/s (${parts})`,
  );
  console.log(
    `  runs: ${report.build.runs.map((r) => `${r.wallSeconds.toFixed(1)} s / ${r.cpuSeconds.toFixed(1)} CPU s (load ${r.load.join(' → ')})`).join(', ')}`,
  );
  const warm = report.warm;
  console.log(
    `  warm (caches kept): ${warm.wallSeconds.toFixed(1)} s wall, ${warm.cpuSeconds.toFixed(1)} CPU s (${Object.entries(warm.steps)
      .map(([name, seconds]) => `${name} ${seconds.toFixed(1)} s`)
      .join(', ')}; load ${warm.load.join(' → ')})`,
  );
  console.log(
    '\nFirst load: on the wire (every request, as the server sends it) and the budgeted part (gzip; HTML without inline diagram SVG)',
  );
  console.log('  page type            wire      requests  HTML      CSS      JS       budgeted  budget');
  for (const row of report.bytes) {
    const flag = row.total > row.budget ? '  OVER BUDGET' : '';
    console.log(
      `  ${row.type.padEnd(20)} ${kb(row.wire).padEnd(9)} ${String(row.requests).padStart(8)}  ${kb(row.html).padEnd(9)} ${kb(row.css).padEnd(8)} ${kb(row.js).padEnd(8)} ${kb(row.total).padEnd(9)} ${kb(row.budget)}${flag}`,
    );
  }
  console.log(
    `  Then, in the background, the service worker: ${mb(report.serviceWorker.bytes)} in ${report.serviceWorker.requests} requests (${Object.entries(
      report.serviceWorker.byKind,
    )
      .map(([kind, bytes]) => `${kind} ${kb(bytes)}`)
      .join(', ')})`,
  );
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
  if (search.copiesMerged)
    console.log(
      `  (a synthetic copy counts as its original, each page once: copies repeat their originals word for word; counted raw: top-1 ${pct(search.relevanceRaw.top1)}, top-3 ${pct(search.relevanceRaw.top3)}, MRR ${search.relevanceRaw.mrr.toFixed(3)})`,
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
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const scale = wholeArgument(process.argv, '--scale', 1, 2, '10');
  const runs = wholeArgument(process.argv, '--runs', DEFAULT_RUNS, 1, '3');
  console.log(
    `Load average at the start (1, 5, 15 min): ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(', ')}; ${os.cpus().length} CPUs`,
  );
  const reports = [await measure('1x', 'content', OUT_DIR, runs)];
  const labels = ['1x'];
  // Each scale's figures print as soon as they are measured: a 10x run is long.
  printReport(reports[0]!, '1x');
  // Kept even if a long --scale run stops later: what the 1x run measured.
  mkdirSync('bench-results', { recursive: true });
  writeFileSync(path.join('bench-results', 'bench-1x.json'), `${JSON.stringify(reports[0], null, 2)}\n`);
  let scaledDir: string | undefined;
  if (scale > 1) {
    scaledDir = path.join(tmpdir(), `loop-guide-content-${scale}x`);
    rmSync(scaledDir, { recursive: true, force: true });
    const added = scaleContent('content', scaledDir, scale);
    console.log(`▶ ${scale}x: ${added} entries added to a copy of the content in ${scaledDir}/`);
    reports.push(await measure(`${scale}x`, scaledDir, `${OUT_DIR}-${scale}x`, runs, true));
    labels.push(`${scale}x`);
    printReport(reports[1]!, `${scale}x`);
  }
  const report = reports[0]!;
  // Estimate chains are evaluated twice per build: by the remark plugin and by the content check.
  const estimates = measureEstimates();
  console.log(
    `\nEstimates: ${estimates.chains} chains (${estimates.rows} rows) on ${estimates.pages} pages, ${estimates.passMs.toFixed(0)} ms a pass + ${estimates.startupMs.toFixed(0)} ms to load mathjs and the figures; two passes are ${((2 * estimates.passMs + estimates.startupMs) / 10 / report.build.wallSeconds).toFixed(1)}% of the cold build`,
  );
  if (reports.length > 1) {
    printComparison(reports, labels);
    // The byte budgets npm test enforces, checked on the scaled copy's pages too.
    const over = checkBudgets(`${OUT_DIR}-${scale}x`, BASE);
    console.log(over.length === 0 ? `\n✓ Every byte budget holds at ${scale}x.` : `\n✗ Byte budgets broken at ${scale}x:`);
    for (const problem of over) console.log(`  ${problem.message}`);
    if (over.length > 0) process.exitCode = 1;
    if (scaledDir) rmSync(scaledDir, { recursive: true, force: true });
  }
  console.log(
    `\nLoad average at the end (1, 5, 15 min): ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(', ')}`,
  );
  const targets = checkTargets(report);
  console.log('\nTargets');
  for (const t of targets) console.log(`  ${t.met ? '✓' : '✗'} ${t.target}: ${t.figure}`);
  mkdirSync('bench-results', { recursive: true });
  writeFileSync(
    path.join('bench-results', 'bench.json'),
    `${JSON.stringify({ ...report, estimates, targets, scaled: reports.slice(1).map((r, i) => ({ label: labels[i + 1], ...r })) }, null, 2)}\n`,
  );
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
