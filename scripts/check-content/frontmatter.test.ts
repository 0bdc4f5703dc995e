/**
 * "Did you mean" in front matter: an unknown key names the nearest key the schema accepts at
 * that level (nested ones too), and a value outside a vocabulary names the nearest allowed one.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildContext } from './context.ts';
import { loadContent } from './load.ts';
import { checkFrontMatter } from './rules/frontmatter.ts';

const FIXTURE = path.join('scripts', 'check-content', '__fixtures__', 'typo-keys');

describe('front matter did-you-mean', () => {
  it('suggests the key or value that was meant, at its line and column', async () => {
    const { files, strays } = loadContent(FIXTURE);
    const problems = await checkFrontMatter(buildContext(files, strays));
    // "difficulty" is missing because it is misspelled: only the misspelling is reported.
    expect(problems.filter((p) => p.rule === 'frontmatter-missing').map((p) => p.message)).not.toContain(
      'Missing required field "difficulty".',
    );
    expect(problems.filter((p) => p.rule === 'frontmatter-missing').map((p) => p.message)).toContain('Missing required field "prompt".');
    const byMessage = Object.fromEntries(
      problems.map((p) => [p.message, `${path.relative(FIXTURE, p.file)}:${p.line}:${p.column} ${p.fix}`]),
    );
    expect(byMessage['Unknown key "dificulty". Did you mean "difficulty"?']).toMatch(
      /^prompts\/sample\.mdx:4:1 Rename it to "difficulty", or remove it; the allowed keys are: title, description, prompt/,
    );
    expect(byMessage['Unknown key "answer.scopng". Did you mean "scoping"?']).toMatch(
      /^prompts\/sample\.mdx:6:3 Rename it to "scoping", or remove it; the allowed keys are: scoping, estimation/,
    );
    expect(byMessage['level: "cor" is not a valid level. Use one of: foundation, core, advanced. Did you mean "core"?']).toMatch(
      /^guides\/loop\/index\.mdx:5:1 Change it to "core"\.$/,
    );
  });
});
