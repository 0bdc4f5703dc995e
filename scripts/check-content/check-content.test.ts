/**
 * The content checker against fixture content directories: a good one that must pass, and one
 * directory per kind of mistake, each asserting the exact problems reported (file, line, rule)
 * and that every message says what to do.
 */
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { checkContent, startContentCheck } from './index.ts';
import type { Problem } from '../lib/problems.ts';

const FIXTURES = path.join('scripts', 'check-content', '__fixtures__');

async function check(name: string): Promise<{ problems: Problem[]; summary: string[] }> {
  const dir = path.join(FIXTURES, name);
  const problems = await checkContent(dir);
  const summary = problems.map((p) => `${path.relative(dir, p.file)}:${p.line ?? '-'} ${p.rule}`);
  return { problems, summary };
}

describe('content checker', () => {
  it('passes a complete, correct content directory', async () => {
    expect((await check('good')).problems).toEqual([]);
  });

  it('runs the safety rules first and the others on finish(): npm run build lets Astro compile in between', async () => {
    const withOtherProblems = await startContentCheck(path.join(FIXTURES, 'bad-frontmatter'));
    expect(withOtherProblems.safety).toEqual([]);
    const problems = await withOtherProblems.finish();
    expect(problems.map((problem) => problem.rule)).toContain('frontmatter-unknown-key');
    expect(problems).toEqual(await checkContent(path.join(FIXTURES, 'bad-frontmatter')));
    const unsafe = await startContentCheck(path.join(FIXTURES, 'bad-safety'));
    expect(unsafe.safety.map((problem) => problem.rule)).toContain('unsafe-url');
    // finish() lists every problem, the safety rules' included.
    expect(await unsafe.finish()).toEqual(expect.arrayContaining(unsafe.safety));
  });

  it('reports front-matter problems with their lines and fixes', async () => {
    const { problems, summary } = await check('bad-frontmatter');
    expect(summary).toEqual([
      'guides/loop/broken.mdx:2 frontmatter-syntax',
      // "description" is missing because it is misspelled: only the misspelling is reported.
      'guides/loop/index.mdx:3 frontmatter-unknown-key',
      'guides/loop/index.mdx:5 frontmatter',
      'guides/loop/index.mdx:6 reference',
      'mistakes/no-answer.yaml:1 frontmatter-missing',
      'mistakes/no-answer.yaml:1 mistake-not-embedded',
      'mistakes/wrong-extension.yml:- file-type',
    ]);
    const byRule = Object.fromEntries(problems.map((p) => [`${path.basename(p.file)} ${p.rule}`, p]));
    expect(byRule['index.mdx frontmatter-unknown-key']!.message).toBe('Unknown key "descripton". Did you mean "description"?');
    expect(byRule['index.mdx frontmatter-unknown-key']!.fix).toMatch(
      /^Rename it to "description", or remove it; the allowed keys are: title, description/,
    );
    expect(byRule['index.mdx frontmatter']!.message).toBe(
      'level: "beginner" is not a valid level. Use one of: foundation, core, advanced.',
    );
    expect(byRule['index.mdx reference']!.message).toBe(
      'sources[0]: There is no sources entry "netflix-pst". Did you mean "netflix-post"?',
    );
    expect(byRule['no-answer.yaml frontmatter-missing']!.message).toBe('Missing required field "good".');
    expect(byRule['wrong-extension.yml file-type']!.fix).toContain('.yaml');
  });

  it('reports duplicate ids, clashing URLs and guides outside a section', async () => {
    const { problems, summary } = await check('bad-structure');
    expect(summary).toEqual([
      'culture/candor.mdx:1 duplicate-slug',
      'guides/culture/candor.mdx:1 duplicate-slug',
      'guides/loop.mdx:1 duplicate-slug',
      'guides/loop/index.mdx:1 duplicate-slug',
      'guides/misc/page.mdx:1 guide-folder',
      'mistakes/p.yaml:1 mistake-not-embedded',
    ]);
    expect(problems[0]!.message).toContain('would both be published at /culture/candor/');
    expect(problems[2]!.message).toContain('Two files give the id "guides/loop"');
  });

  it('reports a prompt whose sections are missing, out of order or incomplete', async () => {
    const { problems, summary } = await check('bad-prompt');
    expect(summary).toEqual([
      'prompts/sample-prompt.mdx:79 prompt-sections',
      'prompts/sample-prompt.mdx:92 prompt-sections',
      'prompts/sample-prompt.mdx:117 prompt-sections',
      'prompts/sample-prompt.mdx:125 prompt-sections',
    ]);
    expect(problems.map((p) => p.message)).toEqual([
      'The page has 1 diagram; a prompt needs at least 2.',
      '"## Requirements" does not contain <Targets />.',
      '"## Observability" is out of order.',
      'The section "## Cost" is missing.',
    ]);
  });

  it('reports bad components, ids, diagrams and placeholders in MDX', async () => {
    const { problems, summary } = await check('bad-mdx');
    expect(summary).toEqual([
      'guides/loop/system-design.mdx:14 component',
      'guides/loop/system-design.mdx:16 reference',
      'guides/loop/system-design.mdx:16 mdx-expression',
      'guides/loop/system-design.mdx:22 mermaid',
      'guides/loop/system-design.mdx:26 mermaid',
      'guides/loop/system-design.mdx:26 mermaid',
      'guides/loop/system-design.mdx:30 placeholder',
      'mistakes/orphan.yaml:1 mistake-not-embedded',
    ]);
    const messages = problems.map((p) => p.message);
    expect(messages).toContain("<Calout> is not one of the site's components.");
    expect(problems.find((p) => p.message.startsWith('<Calout>'))!.fix).toContain('Did you mean <Callout>?');
    expect(messages).toContain('<StackLink id="sample-stak">: there is no stack entry "sample-stak".');
    expect(messages).toContain('<Cite id={someVariable}> uses an expression: content may not contain code.');
    expect(messages).toContain('"-->>" is not an arrow Mermaid knows in a flowchart.');
    expect(messages).toContain('The diagram has no caption.');
    expect(messages).toContain('A template TODO is still here: "TODO finish this section."');
    for (const problem of problems) expect(problem.fix.length).toBeGreaterThan(10);
  });

  it('rejects active content in MDX, but not in code blocks', async () => {
    // The attack classes one by one, with exact messages: red-team.test.ts.
    const { problems } = await check('bad-safety');
    expect(problems.map((p) => `${path.basename(p.file)}:${p.line}:${p.column} ${p.rule} ${p.message}`)).toEqual([
      'index.mdx:11:1 html-element <script> is not allowed in content.',
      'index.mdx:13:1 html-element <a> is not allowed in content.',
      'index.mdx:13:18 html-attribute <a onclick="…"> is an event handler: it would run script in readers\' browsers.',
      'index.mdx:15:1 unsafe-url The link […](javascript:alert(1)) is a "javascript:" URL.',
      'index.mdx:17:1 html-element <iframe> is not allowed in content.',
    ]);
  });
});
