/**
 * Links on diagram boxes and sequence participants (`click Z href "/stack/zuul/"` in a ```mermaid block) are checked like
 * every other link in the fast content check: a box that links to no page is reported on the
 * click line, with the nearest page. Runs against a copy of the bad-links fixture with one
 * more guide, so the shared fixture's expected problem list stays as it is.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildContext } from './context.ts';
import { loadContent } from './load.ts';
import { checkLinks } from './rules/links.ts';

const FIXTURE = path.join('scripts', 'check-content', '__fixtures__', 'bad-links');
const dir = mkdtempSync(path.join(tmpdir(), 'diagram-links-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const GUIDE = `---
title: The system design round
description: What the system design round asks, how it is scored, and how to practice for it.
order: 2
level: core
round: system-design
sources: [guide-x]
---

## A diagram

\`\`\`mermaid
flowchart TD
  accTitle: Linked boxes
  accDescr: One box links to a page that exists, one to a page that does not.
  A[The loop] --> B[The coding round] --> C[A typo]
  click A href "/loop/"
  click B href "/loop/coding/#local-heading"
  click C href "/loop/codng/"
\`\`\`

\`\`\`mermaid
sequenceDiagram
  accTitle: Linked participants
  accDescr: One participant links to a page that exists, one to a page that does not.
  participant L as The loop
  participant S as The coding round
  L->>S: next
  click L "/loop/"
  click S "/loop/codin/"
\`\`\`
`;

describe('links on diagram boxes', () => {
  it('reports a box linking to no page on its click line, and accepts the good ones', async () => {
    cpSync(FIXTURE, dir, { recursive: true });
    writeFileSync(path.join(dir, 'guides', 'loop', 'system-design.mdx'), GUIDE);
    const { files, strays } = loadContent(dir);
    const problems = (await checkLinks(buildContext(files, strays))).filter((p) => p.file.endsWith('system-design.mdx'));
    expect(problems.map((p) => [p.line, p.message])).toEqual([
      [19, 'The link "/loop/codng/" goes to no page: the site has nothing at /loop/codng/. Did you mean "/loop/coding/"?'],
      // A sequence participant's click line is checked the same way, on its own line.
      [30, 'The link "/loop/codin/" goes to no page: the site has nothing at /loop/codin/. Did you mean "/loop/coding/"?'],
    ]);
  });
});
