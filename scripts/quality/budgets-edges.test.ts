/**
 * Byte budgets on a hand-made site, to the byte: what a page's first load counts (its HTML
 * without diagram SVG, render-blocking stylesheets of the site, module scripts with every module
 * they import, dynamic imports included) and what it leaves out (the print stylesheet, other
 * hosts, modules loaded on intent, imports that do not exist); a page exactly at its budget
 * passes, one byte over fails with every figure; a page that was not built is named.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkBudgets, gzipSize, pageWeight, withoutDiagramSvg } from './budgets.ts';

const B = '/b/';
const HTML = [
  '<!DOCTYPE html><title>Guide</title>',
  `<link rel="stylesheet" href="${B}site.css">`,
  `<link rel="stylesheet" media="print" href="${B}print.css">`,
  `<link rel="stylesheet" href="https://elsewhere.example/x.css">`,
  `<link rel="stylesheet" href="${B}missing.css">`,
  `<script type="module" src="${B}entry.js"></script>`,
  `<script src="${B}classic.js"></script>`,
  '<div class="diagram-canvas" id="d"><svg><text>DIAGRAM</text></svg></div><svg><text>ICON</text></svg>',
].join('');

function site(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'budget-'));
  const files: Record<string, string> = {
    'guide/index.html': HTML,
    'site.css': 'body{color:red}'.repeat(20),
    'print.css': 'body{color:black}'.repeat(50),
    'classic.js': 'var classic = 1;'.repeat(50),
    'entry.js': 'import{a}from"./a.js";const s=()=>import("./lazy.js");const d=()=>import(`./search-dialog.x1.js`);import"./gone.js";',
    'a.js': 'import "./entry.js"; export const a = 1;',
    'lazy.js': 'export const lazy = 2;'.repeat(10),
    'search-dialog.x1.js': 'export const dialog = 3;'.repeat(100),
  };
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

const gz = (dir: string, ...files: string[]) => files.reduce((sum, file) => sum + gzipSize(readFileSync(path.join(dir, file))), 0);

describe('pageWeight', () => {
  it('counts the HTML without diagram SVG, the site’s blocking stylesheets and every module the page imports', () => {
    const dir = site();
    const weight = pageWeight(dir, B, '/guide/')!;
    expect(weight).toEqual({
      html: gzipSize(withoutDiagramSvg(HTML)),
      css: gz(dir, 'site.css'),
      js: gz(dir, 'entry.js', 'a.js', 'lazy.js'),
      total: gzipSize(withoutDiagramSvg(HTML)) + gz(dir, 'site.css') + gz(dir, 'entry.js', 'a.js', 'lazy.js'),
      requests: 5,
    });
  });

  it('counts study progress only on a page with checklists, and the diagram viewer (loaded on intent) on none', () => {
    const dir = site();
    writeFileSync(
      path.join(dir, 'entry.js'),
      'if(document.querySelector("[data-checklist]"))import(`./page-progress.v1.js`);document.addEventListener("click",()=>import(`./diagram-viewer.v1.js`));',
    );
    writeFileSync(path.join(dir, 'page-progress.v1.js'), 'export const progress = 5;'.repeat(40));
    writeFileSync(path.join(dir, 'diagram-viewer.v1.js'), 'export const viewer = 4;'.repeat(40));
    mkdirSync(path.join(dir, 'round'));
    writeFileSync(
      path.join(dir, 'round/index.html'),
      HTML.replace(
        '<div class="diagram-canvas"',
        '<ul data-checklist><li>Ask</li></ul><figure class="diagram"><div class="diagram-canvas"',
      ),
    );
    expect(pageWeight(dir, B, '/guide/')!.js).toBe(gz(dir, 'entry.js'));
    expect(pageWeight(dir, B, '/round/')!.js).toBe(gz(dir, 'entry.js', 'page-progress.v1.js'));
  });

  it('is undefined for a page that was not built', () => {
    expect(pageWeight(site(), B, '/nowhere/')).toBeUndefined();
  });
});

describe('withoutDiagramSvg', () => {
  it('removes the SVG inside a diagram canvas and keeps every other SVG', () => {
    expect(withoutDiagramSvg(HTML)).toContain('<div class="diagram-canvas" id="d"></div><svg><text>ICON</text></svg>');
    expect(withoutDiagramSvg(HTML)).not.toContain('DIAGRAM');
  });
});

describe('checkBudgets', () => {
  it('passes a page exactly at its budget and fails it one byte over, with every figure', () => {
    const dir = site();
    const weight = pageWeight(dir, B, '/guide/')!;
    expect(checkBudgets(dir, B, [{ type: 'Guide', path: '/guide/', maxBytes: weight.total }])).toEqual([]);
    const kb = (bytes: number) => (bytes / 1024).toFixed(1);
    expect(checkBudgets(dir, B, [{ type: 'Guide', path: '/guide/', maxBytes: weight.total - 1 }])).toEqual([
      {
        file: `${dir}/guide/index.html`,
        rule: 'budget',
        message: `Guide page /guide/ loads ${kb(weight.total)} KB gzip (HTML ${kb(weight.html)}, CSS ${kb(weight.css)}, JS ${kb(weight.js)}); the budget is ${((weight.total - 1) / 1024).toFixed(1)} KB.`,
        fix: 'Load code only where it is used (islands, dynamic import), or trim the page; raise the budget only with a reason in the pull request.',
      },
    ]);
  });

  it('names a budgeted page that was not built, and goes on to the next', () => {
    const dir = site();
    const problems = checkBudgets(dir, B, [
      { type: 'Culture', path: '/culture/x/', maxBytes: 1 },
      { type: 'Guide', path: '/guide/', maxBytes: 1 },
    ]);
    expect(problems.map((p) => [p.file, p.message])).toEqual([
      [dir, 'The Culture page /culture/x/ was not built.'],
      [`${dir}/guide/index.html`, expect.stringMatching(/^Guide page \/guide\/ loads /) as unknown as string],
    ]);
    expect(problems[0]!.fix).toBe('Update BUDGETS in scripts/quality/budgets.ts to an existing page.');
  });
});
