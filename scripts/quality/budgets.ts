/**
 * Byte budgets per page type, on first load: HTML (without inline diagram SVG), CSS and the
 * JavaScript the page runs at load (module scripts and their static imports), gzip-compressed.
 * Bytes are deterministic, so CI enforces them; timings live in `npm run bench`.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Problem } from '../lib/problems.ts';

export interface Budget {
  type: string;
  /** A representative page, as a site path. */
  path: string;
  /** Maximum first-load bytes, gzip. */
  maxBytes: number;
}

const KB = 1024;

/**
 * One page per type, each at what it costs now plus at most 1 KB, so growth fails. Measured at
 * the host's gzip level 6. Study progress ("Mark as studied", checklists, sidebar marks: about
 * 3.1 KB) loads at load only on pages with checklists (CONDITIONAL_MODULES), and "Save for
 * offline" (2 KB) on the reader's intent (ON_INTENT_MODULES), so a first visit to any other page
 * no longer pays for them.
 *
 * A guide loads at most 20 KB (19.9 KB today): 10.3 KB of HTML, 7.6 KB of CSS (the site's
 * stylesheet and the stylesheets of the components guides may use; the prompt-only components'
 * styles load only on prompt pages, src/components/content/prompt-components.ts) and 2 KB of
 * script: the entry script (theme, search opener, service worker, progress loader, diagram
 * opener). Vite's module-preload helper, which every dynamic import goes through, is a
 * pass-through (astro.config.mjs), and the diagram viewer loads on intent (ON_INTENT_MODULES).
 */
export const BUDGETS: readonly Budget[] = [
  { type: 'Home', path: '/', maxBytes: 16 * KB },
  { type: 'Guide', path: '/system-design/estimation/', maxBytes: 20 * KB },
  // Rounds and prompts have checklists, so their progress code loads at once (CONDITIONAL_MODULES).
  { type: 'Round', path: '/loop/recruiter/', maxBytes: 22.5 * KB },
  // Prompt pages carry the 45-minute answer, level expectations and computed estimate tables.
  { type: 'Prompt (diagrams)', path: '/prompts/playback-resume/', maxBytes: 51.5 * KB },
  { type: 'Mistake', path: '/mistakes/ignoring-cost/', maxBytes: 13.5 * KB },
  { type: 'Mistakes catalog', path: '/mistakes/', maxBytes: 17.5 * KB },
  { type: 'Culture', path: '/culture/candor/', maxBytes: 18 * KB },
  // The sidebar lists at most 50 links of the open section (SECTION_LINK_LIMIT in src/lib/navigation.ts).
  { type: 'Stack component', path: '/stack/zuul/', maxBytes: 16.5 * KB },
  // Every entry (47 today) up to 60; past that, six per layer and a page per layer (src/components/site/grouped-lists.ts).
  { type: 'Stack glossary', path: '/stack/', maxBytes: 18.5 * KB },
  // The list of every page a reader can study is fetched when the dashboard starts, not embedded.
  { type: 'Study tool', path: '/practice/progress/', maxBytes: 28 * KB },
];

/** Gzip at the level the serving host uses (scripts/lib/static-server.ts: zlib's default, 6), not the smallest possible. */
export const gzipSize = (content: string | Buffer): number => gzipSync(content, { level: 6 }).length;

/** HTML with the build-time diagram SVG removed (the budget excludes it). */
export function withoutDiagramSvg(html: string): string {
  return html.replace(/(<div class="diagram-canvas"[^>]*>)<svg[\s\S]*?<\/svg>/g, '$1');
}

function fileOf(dir: string, base: string, url: string): string | undefined {
  if (!url.startsWith(base)) return undefined;
  const file = path.join(dir, url.slice(base.length));
  return existsSync(file) ? file : undefined;
}

/**
 * Modules a page imports only on the reader's intent, never at load:
 * - the search dialog (src/scripts/search/search-dialog.ts), imported by the search opener on
 *   hover, focus, "/" or Ctrl+K; its bytes are counted by the first-search budget
 *   (tests/e2e/search-bytes.test.ts);
 * - "Save for offline" (src/scripts/offline/save.ts), imported by save-loader.ts when the reader
 *   points at, focuses or presses its button;
 * - the full-screen diagram viewer (src/scripts/diagram-viewer.ts), imported by site.ts when the
 *   reader points at, focuses, clicks or presses Enter on a diagram or its "Open full screen" button.
 */
export const ON_INTENT_MODULES: readonly RegExp[] = [/^search-dialog\.[\w-]+\.js$/, /^save\.[\w-]+\.js$/, /^diagram-viewer\.[\w-]+\.js$/];

/**
 * Modules the entry script imports only on pages that contain something. They count as first
 * load on those pages only: study progress (page-progress.ts, sidebar-progress.ts and the store
 * they share) on a page with checklists: src/scripts/study/progress-loader.ts loads it at once there,
 * to turn the lists into checkboxes. Elsewhere it loads only when the device has saved study
 * data or the reader first presses "Mark as studied", so a first visit does not pay for it; a
 * returning reader with saved data pays about 3 KB more, from the service worker's cache.
 */
export const CONDITIONAL_MODULES: readonly { file: RegExp; when: RegExp }[] = [
  { file: /^page-progress\.[\w-]+\.js$/, when: /\bdata-checklist\b/ },
  { file: /^sidebar-progress\.[\w-]+\.js$/, when: /\bdata-checklist\b/ },
];

/**
 * A module and every module it imports, transitively, including dynamic imports (a module
 * imported with import() at load counts as first load), except ON_INTENT_MODULES and, on pages
 * without what they serve, CONDITIONAL_MODULES.
 */
function moduleGraph(file: string, html: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const code = readFileSync(file, 'utf8');
  for (const match of code.matchAll(/(?:import|from)\s*\(?\s*["'`]([^"'`]+\.js)["'`]/g)) {
    const target = path.resolve(path.dirname(file), match[1]!);
    const name = path.basename(target);
    if (ON_INTENT_MODULES.some((pattern) => pattern.test(name))) continue;
    if (CONDITIONAL_MODULES.some(({ file: pattern, when }) => pattern.test(name) && !when.test(html))) continue;
    if (existsSync(target)) moduleGraph(target, html, seen);
  }
  return seen;
}

export interface PageWeight {
  html: number;
  css: number;
  js: number;
  total: number;
  requests: number;
}

/** What a page costs on first load, gzip, from the built files. */
export function pageWeight(dir: string, base: string, sitePath: string): PageWeight | undefined {
  const htmlFile = path.join(dir, sitePath.slice(1), 'index.html');
  if (!existsSync(htmlFile)) return undefined;
  const html = readFileSync(htmlFile, 'utf8');
  // Render-blocking stylesheets (the print stylesheet loads separately, without blocking).
  const css = [...html.matchAll(/<link[^>]+rel="stylesheet"(?![^>]*media="print")[^>]+href="([^"]+)"/g)]
    .map((m) => fileOf(dir, base, m[1]!))
    .filter((f): f is string => Boolean(f));
  const entries = [...html.matchAll(/<script[^>]+type="module"[^>]+src="([^"]+)"/g)]
    .map((m) => fileOf(dir, base, m[1]!))
    .filter((f): f is string => Boolean(f));
  const js = new Set<string>();
  for (const entry of entries) for (const file of moduleGraph(entry, html)) js.add(file);
  const weight = {
    html: gzipSize(withoutDiagramSvg(html)),
    css: css.reduce((sum, f) => sum + gzipSize(readFileSync(f)), 0),
    js: [...js].reduce((sum, f) => sum + gzipSize(readFileSync(f)), 0),
  };
  return { ...weight, total: weight.html + weight.css + weight.js, requests: 1 + css.length + js.size };
}

export function checkBudgets(dir: string, base: string, budgets: readonly Budget[] = BUDGETS): Problem[] {
  const problems: Problem[] = [];
  for (const budget of budgets) {
    const weight = pageWeight(dir, base, budget.path);
    if (!weight) {
      problems.push({
        file: dir,
        rule: 'budget',
        message: `The ${budget.type} page ${budget.path} was not built.`,
        fix: 'Update BUDGETS in scripts/quality/budgets.ts to an existing page.',
      });
      continue;
    }
    if (weight.total > budget.maxBytes) {
      problems.push({
        file: `${dir}${budget.path}index.html`,
        rule: 'budget',
        message: `${budget.type} page ${budget.path} loads ${(weight.total / KB).toFixed(1)} KB gzip (HTML ${(weight.html / KB).toFixed(1)}, CSS ${(weight.css / KB).toFixed(1)}, JS ${(weight.js / KB).toFixed(1)}); the budget is ${(budget.maxBytes / KB).toFixed(1)} KB.`,
        fix: 'Load code only where it is used (islands, dynamic import), or trim the page; raise the budget only with a reason in the pull request.',
      });
    }
  }
  return problems;
}
