/**
 * The built-site estimate rule on a hand-made built site (scripts/check-dist/__fixtures__/estimates):
 * a page whose marked tables match its source's ```estimate blocks passes; a dropped or extra
 * chain, a hand-written estimate table and a token left as text are each reported with the source
 * file and line, while a token shown in code is not.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSite } from '../site.ts';
import { checkEstimates, sourceChains } from './estimates.ts';

const FIXTURE = path.join('scripts', 'check-dist', '__fixtures__', 'estimates');
const SOURCE = (name: string) => `${FIXTURE}/content/prompts/${name}.mdx`;

describe('built-site estimates', () => {
  const problems = checkEstimates(loadSite(path.join(FIXTURE, 'built')));
  const at = (name: string) => problems.filter((p) => p.file === SOURCE(name)).map((p) => `${p.line ?? '-'} ${p.rule}`);

  it('reads the chain ids of a source with their fence lines', () => {
    expect(sourceChains(SOURCE('good'))).toEqual([
      { id: 'starts', line: 5 },
      { id: 'bytes', line: 16 },
    ]);
  });

  it('passes a source whose page shows every chain, marked, with a cheat sheet that shows none', () => {
    expect(at('good')).toEqual([]);
  });

  it('reports a chain the page dropped and a table the source does not have', () => {
    expect(at('dropped')).toEqual(['16 estimate-count']);
    expect(problems.find((p) => p.file === SOURCE('dropped'))!.message).toBe(
      `${SOURCE('dropped')} has 2 \`\`\`estimate block(s) but its pages (/prompts/dropped/) show 2 evaluated table(s); not rendered: bytes; not in the source: other.`,
    );
  });

  it('refuses a hand-written estimate table and a token left as text, not one in code', () => {
    expect(at('typed')).toEqual(['5 estimate-unmarked', '7 estimate-token']);
    const token = problems.find((p) => p.rule === 'estimate-token')!;
    expect(token.message).toBe('/prompts/typed/ shows [[starts.startsPeak]] as text: the token was never resolved.');
    expect(problems.some((p) => p.message.includes('[[chain.name]]'))).toBe(false);
    for (const problem of problems) expect(problem.fix.length).toBeGreaterThan(30);
  });
});
