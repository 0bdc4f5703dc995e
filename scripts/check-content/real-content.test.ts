/**
 * The content-safety rules find nothing in the real content or the good fixtures: no false
 * alarm on what contributors actually write. It reads every content file, so mutation testing
 * leaves it out for this folder (vitest.mutation.config.ts): the rule tests, on a few lines each,
 * are what must catch a broken rule.
 */
import { globSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { contentDir } from '../../src/lib/content-paths.ts';
import { checkMdxSource, checkYamlText } from './rules/content-safety.ts';

it('finds nothing in the real content or the good fixtures', () => {
  const files = [
    ...globSync(`${contentDir()}/**/*.{mdx,yaml}`).filter((file) => !file.split(path.sep).some((part) => part.startsWith('_'))),
    ...globSync('scripts/check-content/__fixtures__/good/**/*.{mdx,yaml}'),
  ];
  expect(files.length).toBeGreaterThan(20);
  const problems = files.flatMap((file) => {
    const source = readFileSync(file, 'utf8');
    const found = file.endsWith('.mdx') ? checkMdxSource(source) : checkYamlText(source, source, 0);
    return found.map((p) => `${file}:${p.line}:${p.column} [${p.rule}] ${p.message}`);
  });
  expect(problems).toEqual([]);
});
