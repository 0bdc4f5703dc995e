/**
 * No active content in MDX: a <script>, an embedded frame or object, an event-handler attribute
 * or a javascript: URL fails the build. Pages are static text; the site's own scripts live in
 * src/, where they are reviewed as code.
 */
import type { Problem } from '../../lib/problems.ts';
import { bodyLines, type Rule } from '../context.ts';

const UNSAFE: readonly [RegExp, string][] = [
  [/<script\b/i, 'a <script> element'],
  [/<(iframe|object|embed|frame)\b/i, 'an embedded frame or object'],
  [/<[a-z][^>]*\son[a-z]+\s*=/i, 'an event-handler attribute (on…=)'],
  [/javascript:/i, 'a javascript: URL'],
];

export const checkContentSafety: Rule = (context) => {
  const problems: Problem[] = [];
  for (const file of context.files) {
    if (!file.body) continue;
    for (const { text, line, inFence } of bodyLines(file)) {
      if (inFence) continue;
      for (const [pattern, what] of UNSAFE) {
        if (!pattern.test(text)) continue;
        problems.push({
          file: file.file,
          line,
          rule: 'content-safety',
          message: `The content contains ${what}.`,
          fix: "Content is text, links and the site's components only. Show code in a fenced code block; ask a maintainer if a page needs interactive behaviour.",
        });
      }
    }
  }
  return problems;
};
