/**
 * GitHub Actions hygiene: every third-party action pinned to a full commit SHA (a tag can be
 * moved), and every workflow declaring its permissions (least privilege, not the default).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Problem } from '../lib/problems.ts';

export function checkWorkflows(dir: string): Problem[] {
  const problems: Problem[] = [];
  for (const name of readdirSync(dir).filter((n) => /\.ya?ml$/.test(n))) {
    const file = path.join(dir, name);
    const lines = readFileSync(file, 'utf8').split('\n');
    if (!lines.some((line) => /^permissions:/.test(line))) {
      problems.push({
        file,
        line: 1,
        rule: 'workflow-permissions',
        message: 'The workflow does not declare its permissions.',
        fix: 'Add a top-level "permissions:" block granting only what it needs (e.g. contents: read).',
      });
    }
    lines.forEach((line, index) => {
      const uses = /^\s*(?:-\s*)?uses:\s*([^\s#]+)/.exec(line)?.[1];
      if (!uses || uses.startsWith('./')) return;
      if (!/@[0-9a-f]{40}$/.test(uses)) {
        problems.push({
          file,
          line: index + 1,
          rule: 'workflow-pinning',
          message: `${uses} is not pinned to a commit SHA.`,
          fix: 'Use the full 40-character commit SHA of the release, with the version in a comment (uses: owner/action@<sha> # v1.2.3).',
        });
      }
    });
  }
  return problems;
}
