/**
 * `npm run check:quality -- <dir>`: the quality gates that read the built site: HTML validity and
 * byte budgets. (Formatting, lint, types and spelling run from their own tools in `npm test`.)
 */
import { report } from '../lib/problems.ts';
import { checkBudgets } from './budgets.ts';
import { validateHtml } from './html.ts';
import { siteBase } from '../../src/lib/base.ts';

const dir = process.argv[2] ?? process.env.OUT_DIR ?? 'dist';
const html = await validateHtml(dir);
const budgets = checkBudgets(dir, siteBase());
process.exitCode = Math.max(report(html, `HTML validity of ${dir}/`), report(budgets, `Byte budgets of ${dir}/`));
