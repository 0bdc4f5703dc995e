/**
 * The service worker build on small hand-made sites: the first visit precaches only the app shell
 * (the pages' scripts and styles with their imports, the study tools, the offline page, Pagefind's
 * engine and index), never what loads on demand (mermaid, ELK, Pagefind's unused UIs and
 * languages); the save list gives every other page with its size and the on-demand files it
 * needs; a page too large to store fails the build with its name; and the real test build stays
 * within the precache budget (the browser side is in tests/e2e/offline.test.ts).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PRECACHE_BUDGET_BYTES, SHELL_BUDGET_BYTES, buildServiceWorker, moduleImports, planOffline } from './build-sw.ts';
import { TEST_BASE, TEST_OUT_DIR } from '../tests/e2e/global-setup.ts';

function site(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'sw-site-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

const B = '/netflix-sd/';
const page = (title: string, body = '', padding = 0) =>
  `<!DOCTYPE html><title>${title}</title><link rel="stylesheet" href="${B}_astro/site.css"><link rel="canonical" href="https://x.example/"><script type="module" src="${B}_astro/site.js"></script>${body}<p>${'x'.repeat(padding)}</p>`;

/** A site shaped like the real one: a shared script, search on demand, mermaid on one page. */
function realisticSite(): string {
  return site({
    'index.html': page('Home'),
    '404.html': page('Not found'),
    'offline/index.html': page('Offline'),
    'loop/index.html': page('Loop'),
    'loop/recruiter/index.html': page('Recruiter'),
    'prompts/feed/index.html': page('Feed', `<script type="module" src="${B}_astro/ClientDiagrams.js"></script>`),
    'practice/index.html': page('Tools'),
    'practice/cards.json': '[]',
    'styles/print.css': 'body{}',
    'icons/sprite.svg': '<svg></svg>',
    '_astro/site.css': 'body{color:red}',
    '_astro/site.js': 'import{a}from"./chunk.js";const s=()=>import(`./ui.js`);',
    '_astro/chunk.js': 'export const a=1;',
    '_astro/ui.js': 'const p=`pagefind-component-ui.css`;export{};',
    '_astro/ClientDiagrams.js': 'import"./chunk.js";const m=()=>import(`./mermaid.core.abc.js`);',
    '_astro/mermaid.core.abc.js': 'import{d}from"./dagre.js";const e=()=>import(`./elk-x.js`);',
    '_astro/dagre.js': 'export const d=1;',
    '_astro/elk-x.js': 'export const e=1;',
    '_astro/unused.js': 'export const u=1;',
    'pagefind/pagefind.js': 'new Worker(`pagefind-worker.js`); fetch(`wasm.${language}.pagefind`)',
    'pagefind/pagefind-worker.js': 'self.x=1',
    'pagefind/pagefind-entry.json': JSON.stringify({ version: '1.6.0', languages: { en: { hash: 'en_abc', wasm: 'en', page_count: 5 } } }),
    'pagefind/pagefind.en_abc.pf_meta': 'meta',
    'pagefind/wasm.en.pagefind': 'wasm-en',
    'pagefind/wasm.unknown.pagefind': 'wasm-unknown',
    'pagefind/pagefind-ui.js': 'old ui',
    'pagefind/pagefind-component-ui.css': 'ui css',
    'pagefind/pagefind-highlight.js': 'highlight',
    'pagefind/index/en_1.pf_index': 'index',
    'pagefind/filter/en_1.pf_filter': 'filter',
    'pagefind/fragment/en_1.pf_fragment': 'fragment',
  });
}

describe('the built modules', () => {
  it('reads static and dynamic imports apart', () => {
    expect(moduleImports('import{a}from"./a.js";import"./b.js";const c=()=>import(`./c.js`);import("../d.js")')).toEqual({
      static: ['./a.js', './b.js'],
      dynamic: ['./c.js', '../d.js'],
    });
  });
});

describe('the offline plan', () => {
  it('precaches the app shell and nothing loaded on demand', () => {
    const plan = planOffline(realisticSite(), B);
    expect(plan.shell).toEqual([
      '_astro/ClientDiagrams.js',
      '_astro/chunk.js',
      '_astro/site.css',
      '_astro/site.js',
      '_astro/ui.js',
      'icons/sprite.svg',
      'offline/index.html',
      'pagefind/filter/en_1.pf_filter',
      'pagefind/fragment/en_1.pf_fragment',
      'pagefind/index/en_1.pf_index',
      'pagefind/pagefind-component-ui.css',
      'pagefind/pagefind-entry.json',
      'pagefind/pagefind-worker.js',
      'pagefind/pagefind.en_abc.pf_meta',
      'pagefind/pagefind.js',
      'pagefind/wasm.en.pagefind',
      'practice/index.html',
      'styles/print.css',
    ]);
    expect(plan.shellBytes).toBeGreaterThan(plan.shellBytesWithoutIndex);
  });

  it('lists every other page by section, with the on-demand files a page needs', () => {
    const { manifest } = planOffline(realisticSite(), B);
    expect(manifest.sections.map((s) => [s.key, s.label, s.pages.map((p) => p.url)])).toEqual([
      ['home', 'Home and site pages', [`${B}`]],
      ['loop', 'The interview loop', [`${B}loop/`, `${B}loop/recruiter/`]],
      ['prompts', 'Design prompts', [`${B}prompts/feed/`]],
    ]);
    const feed = manifest.sections[2]!.pages[0]!;
    // mermaid and what it imports statically; never ELK; nothing already in the shell.
    expect(feed.assets).toEqual([`${B}_astro/dagre.js`, `${B}_astro/mermaid.core.abc.js`]);
    expect(Object.keys(manifest.assets).sort()).toEqual(feed.assets);
    expect(manifest.sections[1]!.pages[0]!.assets).toEqual([]);
    expect(feed.bytes).toBeGreaterThan(50);
  });

  it('fails without the offline page', () => {
    const dir = site({ 'index.html': page('Home') });
    expect(() => planOffline(dir, B)).toThrow(`${path.join(dir, 'offline/index.html')} is missing`);
  });
});

describe('the service worker build', () => {
  it('writes a worker that precaches the shell, stores pages as visited and falls back to the offline page', async () => {
    const dir = realisticSite();
    const result = await buildServiceWorker(dir, B);
    expect(result.warnings).toEqual([]);
    expect(result.count).toBe(result.plan.shell.length);
    const sw = readFileSync(path.join(dir, 'sw.js'), 'utf8');
    expect(sw).toContain(`url:"${B}offline/index.html"`);
    expect(sw).toContain(`url:"${B}pagefind/pagefind.js"`);
    expect(sw).not.toContain('mermaid.core');
    expect(sw).not.toContain(`url:"${B}loop/index.html"`);
    expect(sw).not.toContain('wasm.unknown');
    expect(sw).toContain(`fallbackURL:"${B}offline/index.html"`);
    expect(sw).toContain(`"loop-guide-pages:${B}"`);
    expect(sw).toContain('"navigate"===');
    const manifest = JSON.parse(readFileSync(path.join(dir, 'offline-manifest.json'), 'utf8')) as { version: number };
    expect(manifest.version).toBe(1);
  });

  it('fails, naming each file, when a page is too large to store', async () => {
    const dir = realisticSite();
    writeFileSync(path.join(dir, 'loop/index.html'), page('Huge', '', 3000));
    writeFileSync(path.join(dir, 'loop/recruiter/index.html'), page('Bigger', '', 5000));
    const error = await buildServiceWorker(dir, B, { maxFileBytes: 2048 }).then(
      () => undefined,
      (problem: unknown) => problem as Error,
    );
    expect(error?.message).toBe(
      [
        'The offline cache takes files up to 0.00 MB, so these would work only online:',
        `  ${path.join(dir, 'loop/recruiter/index.html')} (0.00 MB)`,
        `  ${path.join(dir, 'loop/index.html')} (0.00 MB)`,
        'Split the page into smaller pages (a long prompt into parts, a huge diagram into several), or shrink the file.',
      ].join('\n'),
    );
  });

  it('names a real 2 MB overflow in megabytes', async () => {
    const dir = realisticSite();
    writeFileSync(path.join(dir, 'loop/index.html'), page('Big', '', 2 * 1024 * 1024 + 10));
    await expect(buildServiceWorker(dir, B)).rejects.toThrow(`${path.join(dir, 'loop/index.html')} (2.00 MB)`);
  });
});

// The test build (npm test builds it before the unit tests; `npm run test:unit` alone may lack it).
describe.skipIf(!existsSync(path.join(TEST_OUT_DIR, 'sw.js')))(`the precache of the test build (${TEST_OUT_DIR}/)`, () => {
  it(`stays within ${PRECACHE_BUDGET_BYTES / 1024 / 1024} MB gzip (${SHELL_BUDGET_BYTES / 1024} KB without the search index) and leaves mermaid and unused Pagefind files out`, () => {
    const plan = planOffline(TEST_OUT_DIR, TEST_BASE);
    expect(plan.shellBytes).toBeLessThanOrEqual(PRECACHE_BUDGET_BYTES);
    expect(plan.shellBytesWithoutIndex).toBeLessThanOrEqual(SHELL_BUDGET_BYTES);
    expect(plan.shell.filter((file) => /mermaid|elk|pagefind-(?:ui|modular-ui|highlight)\.|wasm\.unknown/.test(file))).toEqual([]);
    expect(plan.shell.filter((file) => file.endsWith('.html') && !/^(?:offline|practice)\//.test(file))).toEqual([]);
  });
});
