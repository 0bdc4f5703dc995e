/**
 * The pieces of the offline plan (scripts/build-sw.ts) one by one, on tiny hand-made sites: which
 * files are pages, which references of a page count, which imports a module has, which Pagefind
 * files are the site's, how sections are named and ordered, how the shell's size is counted, and
 * where the per-file limit falls.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { folderWith } from './lib/folder-with.ts';
import { moduleImports, oversizedFiles, pagefindFiles, pageFiles, pageReferences, planOffline, wireSize } from './build-sw.ts';

const B = '/b/';

const site = (files: Record<string, string>): string => folderWith('sw-plan-', files);

describe('pageFiles', () => {
  it('lists the HTML files outside pagefind/, sorted', () => {
    const dir = site({ 'z/index.html': '', 'a.html': '', '404.html': '', 'pagefind/ui.html': '', 'pagefind.html': '', 'data.json': '' });
    expect(pageFiles(dir)).toEqual(['404.html', 'a.html', 'pagefind.html', 'z/index.html']);
  });
});

describe('pageReferences', () => {
  const dir = site({ 'a.css': '', 'a.js': '', 'icon.svg': '', 'pre.js': '', 'm.webmanifest': '', 'other.css': '' });
  it('keeps the scripts and the stylesheet, icon, manifest and preload links of the site that exist', () => {
    const html = [
      `<link rel="stylesheet" href="${B}a.css?v=1">`,
      `<script type="module" src="${B}a.js#x"></script>`,
      `<link rel="icon" href="${B}icon.svg" type="image/svg+xml">`,
      `<link rel="modulepreload" href="${B}pre.js">`,
      `<link rel="manifest" href="${B}m.webmanifest">`,
    ].join('');
    expect(pageReferences(html, B, dir).sort()).toEqual(['a.css', 'a.js', 'icon.svg', 'm.webmanifest', 'pre.js']);
  });
  it('leaves out other links, other hosts and bases, the base itself and missing files', () => {
    const html = [
      `<link rel="canonical" href="${B}other.css">`,
      `<link rel="alternate" href="${B}a.css">`,
      `<link rel="stylesheet" href="https://cdn.example/a.css">`,
      `<link rel="stylesheet" href="/elsewhere/a.css">`,
      `<script src="${B}"></script>`,
      `<script src="${B}missing.js"></script>`,
    ].join('');
    expect(pageReferences(html, B, dir)).toEqual([]);
  });
});

describe('moduleImports', () => {
  it('reads imports from the parent folder, and ignores bare and non-JavaScript specifiers', () => {
    expect(moduleImports('import{a}from"../up.js";import"./b.js";import x from "pkg";import("./c.css");export*from\'./d.js\'')).toEqual({
      static: ['../up.js', './b.js', './d.js'],
      dynamic: [],
    });
  });
});

describe('pagefindFiles', () => {
  const entry = (languages: Record<string, { hash: string; wasm?: string }>) => JSON.stringify({ version: '1.6.0', languages });

  it('is empty for a site without a search index', () => {
    expect(pagefindFiles(site({ 'index.html': '' }), '')).toEqual([]);
  });

  it('takes the worker only when the site’s code names it (the dialog runs without it), and skips metadata and wasm files that do not exist', () => {
    const files = {
      'pagefind/pagefind-entry.json': entry({ en: { hash: 'en_1', wasm: 'en' }, de: { hash: 'de_2' } }),
      'pagefind/pagefind.en_1.pf_meta': '',
      'pagefind/pagefind-worker.js': '',
      // The engine always names its worker; that alone does not make the site load it.
      'pagefind/pagefind.js': 'new Worker(`pagefind-worker.js`)',
    };
    const quiet = site(files);
    expect(pagefindFiles(quiet, 'options({noWorker:true})')).toEqual([
      'pagefind/pagefind-entry.json',
      'pagefind/pagefind.en_1.pf_meta',
      'pagefind/pagefind.js',
    ]);
    const withWorker = site({ ...files, 'pagefind/wasm.en.pagefind': '' });
    expect(pagefindFiles(withWorker, 'new Worker(`${b}pagefind-worker.js`)')).toEqual([
      'pagefind/pagefind-entry.json',
      'pagefind/pagefind-worker.js',
      'pagefind/pagefind.en_1.pf_meta',
      'pagefind/pagefind.js',
      'pagefind/wasm.en.pagefind',
    ]);
  });

  it('takes the word index, filters and search map, never the result fragments', () => {
    const dir = site({
      'pagefind/pagefind-entry.json': entry({}),
      'pagefind/pagefind.js': '',
      'pagefind/index/en_1.pf_index': '',
      'pagefind/filter/en_1.pf_filter': '',
      'pagefind/fragment/en_1.pf_fragment': '',
      'pagefind/search-map.json': '{}',
    });
    expect(pagefindFiles(dir, '')).toEqual([
      'pagefind/filter/en_1.pf_filter',
      'pagefind/index/en_1.pf_index',
      'pagefind/pagefind-entry.json',
      'pagefind/pagefind.js',
      'pagefind/search-map.json',
    ]);
  });

  it('adds the UI files the site’s code names, when they exist', () => {
    const dir = site({
      'pagefind/pagefind-entry.json': entry({}),
      'pagefind/pagefind.js': '',
      'pagefind/pagefind-component-ui.js': '',
      'pagefind/pagefind-ui.css': '',
    });
    expect(pagefindFiles(dir, 'load(`pagefind-component-ui.js`); load(`pagefind-missing-ui.js`)')).toEqual([
      'pagefind/pagefind-component-ui.js',
      'pagefind/pagefind-entry.json',
      'pagefind/pagefind.js',
    ]);
  });
});

describe('planOffline', () => {
  const page = (extra = '') => `<!DOCTYPE html><title>x</title>${extra}`;

  it('names and orders sections: home first, then the sidebar order, then the rest by name', () => {
    const dir = site({
      'index.html': page(),
      'offline/index.html': page(),
      'zeta-notes/index.html': page(),
      'alpha-extra/page/index.html': page(),
      'prompts/a/index.html': page(),
      'loop/index.html': page(),
    });
    const { manifest } = planOffline(dir, B);
    expect(manifest.sections.map((s) => [s.key, s.label])).toEqual([
      ['home', 'Home and site pages'],
      ['loop', 'The interview loop'],
      ['prompts', 'Design prompts'],
      ['alpha-extra', 'Alpha extra'],
      ['zeta-notes', 'Zeta notes'],
    ]);
    expect(manifest.sections[3]!.pages.map((p) => p.url)).toEqual([`${B}alpha-extra/page/`]);
  });

  it('counts the shell’s gzip bytes, and the same without the search index (word index and search map)', () => {
    const dir = site({
      'offline/index.html': page(),
      'pagefind/pagefind-entry.json': JSON.stringify({ version: '1', languages: {} }),
      'pagefind/pagefind.js': 'engine',
      'pagefind/index/en_1.pf_index': 'i'.repeat(500),
      'pagefind/search-map.json': JSON.stringify({ version: 1, pages: {} }),
    });
    const plan = planOffline(dir, B);
    const size = (file: string) => wireSize(path.join(dir, file));
    expect(plan.shellBytes).toBe(plan.shell.reduce((sum, file) => sum + size(file), 0));
    expect(plan.shellBytes - plan.shellBytesWithoutIndex).toBe(size('pagefind/index/en_1.pf_index') + size('pagefind/search-map.json'));
  });
});

describe('oversizedFiles', () => {
  it('keeps files over the limit, largest first; a file exactly at the limit is fine', () => {
    const dir = site({ 'a.html': 'x'.repeat(100), 'b.html': 'x'.repeat(101), 'c.html': 'x'.repeat(300) });
    expect(oversizedFiles(dir, ['a.html', 'b.html', 'c.html'], 100)).toEqual([
      { file: 'c.html', size: 300 },
      { file: 'b.html', size: 101 },
    ]);
  });
});
