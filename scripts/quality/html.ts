/** html-validate over built pages: zero errors (rule choices and exceptions in .htmlvalidate.json). */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { FileSystemConfigLoader, HtmlValidate } from 'html-validate';
import type { Problem } from '../lib/problems.ts';

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? htmlFiles(full) : name.endsWith('.html') ? [full] : [];
  });
}

export async function validateHtml(dir: string): Promise<Problem[]> {
  const validator = new HtmlValidate(new FileSystemConfigLoader());
  const problems: Problem[] = [];
  for (const file of htmlFiles(dir)) {
    const report = await validator.validateFile(file);
    for (const result of report.results) {
      for (const message of result.messages) {
        problems.push({
          file: path.relative(process.cwd(), file),
          line: message.line,
          rule: `html:${message.ruleId}`,
          message: `${message.message}${message.selector ? ` (${message.selector})` : ''}`,
          fix: `See https://html-validate.org/rules/${message.ruleId}.html; fix the component or content that produced it.`,
        });
      }
    }
  }
  return problems;
}
