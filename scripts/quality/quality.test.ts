/**
 * Each quality gate fails on a fixture that breaks it: HTML validity, byte budgets, lint (HTML
 * from data), formatting and spelling. The gates themselves run over the real build in `npm test`.
 */
import path from 'node:path';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';
import * as prettier from 'prettier';
import { lint as cspellLint } from 'cspell';
import { validateHtml } from './html.ts';
import { checkBudgets, pageWeight, withoutDiagramSvg } from './budgets.ts';

const FIXTURES = path.join('scripts', 'quality', '__fixtures__');

describe('HTML validity', () => {
  it('passes a valid page and reports each error of an invalid one with its line', async () => {
    expect(await validateHtml(path.join(FIXTURES, 'html-good'))).toEqual([]);
    const problems = await validateHtml(path.join(FIXTURES, 'html-bad'));
    expect(problems.map((p) => `${p.line} ${p.rule}`)).toEqual([
      '10 html:no-dup-id',
      '11 html:wcag/h37',
      '12 html:no-implicit-button-type',
    ]);
  });
});

describe('byte budgets', () => {
  const site = path.join(FIXTURES, 'budget-site');
  it('counts HTML without diagram SVG, stylesheets, and module scripts with their imports', () => {
    const weight = pageWeight(site, '/', '/guide/')!;
    expect(weight.requests).toBe(4);
    expect(weight.js).toBeGreaterThan(40);
    expect(withoutDiagramSvg(readFileSync(path.join(site, 'guide', 'index.html'), 'utf8'))).not.toContain('DIAGRAM-TEXT');
  });
  it('fails a page over its budget and passes it under', () => {
    const weight = pageWeight(site, '/', '/guide/')!;
    expect(checkBudgets(site, '/', [{ type: 'Guide', path: '/guide/', maxBytes: weight.total + 1 }])).toEqual([]);
    const problems = checkBudgets(site, '/', [{ type: 'Guide', path: '/guide/', maxBytes: weight.total - 1 }]);
    expect(problems.map((p) => p.rule)).toEqual(['budget']);
    expect(problems[0]!.message).toMatch(/^Guide page \/guide\/ loads [\d.]+ KB gzip/);
  });
});

describe('lint, formatting and spelling', () => {
  it('lint rejects rendering data as HTML', async () => {
    const eslint = new ESLint({ ignore: false });
    const [result] = await eslint.lintFiles([path.join(FIXTURES, 'lint', 'bad-island.ts')]);
    expect(result!.messages.map((m) => m.ruleId)).toContain('no-restricted-properties');
  });
  it('the formatter rejects unformatted code and accepts formatted code', async () => {
    const file = path.join(FIXTURES, 'lint', 'badly-formatted.ts');
    const options = { ...(await prettier.resolveConfig(file)), filepath: file };
    const source = readFileSync(file, 'utf8');
    expect(await prettier.check(source, options)).toBe(false);
    expect(await prettier.check(await prettier.format(source, options), options)).toBe(true);
  });
  it('spelling, with the project’s own cspell.json, flags a misspelled word and British spellings but knows the project’s terms', async () => {
    // The project's config skips __fixtures__, so the fixture page is checked from a copy elsewhere.
    const dir = mkdtempSync(path.join(tmpdir(), 'spelling-'));
    const page = path.join(dir, 'page.mdx');
    const fixture = readFileSync(path.join(FIXTURES, 'spelling', 'page.mdx'), 'utf8');
    writeFileSync(page, `${fixture}\nThe catalogue of titles is served from the centre of the network.\n`);
    const words: string[] = [];
    const result = await cspellLint(
      [page],
      { config: path.resolve('cspell.json'), root: dir, progress: false, summary: false, silent: true },
      { issue: (issue) => void words.push(issue.text) },
    );
    expect(result.files).toBe(1);
    // "Netflix", "Zuul" and "Hystrix" come from the project's dictionaries; "catalogue" and
    // "centre" are valid English but not American, so the project's flagWords reject them.
    expect(words).toEqual(['maintenence', 'catalogue', 'centre']);
    expect(result.issues).toBe(3);
  });
});
