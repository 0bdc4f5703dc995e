/**
 * Front matter against the collection's schema (the same schema Astro uses): missing or
 * malformed fields, unknown keys, and references to entries that do not exist.
 */
import { z } from 'astro/zod';
import { createSchemas, type CollectionName } from '../../../src/schemas/index.ts';
import { nearest } from '../../../src/lib/text.ts';
import type { Problem } from '../../lib/problems.ts';
import { lineOfPath, TEMPLATE_HINT, type Rule } from '../context.ts';

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let value = data;
  for (const key of path) value = value && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined;
  return value;
}

function fieldName(path: readonly PropertyKey[]): string {
  return path
    .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
    .join('')
    .replace(/^\./, '');
}

export const checkFrontMatter: Rule = (context) => {
  const reference = (collection: CollectionName) =>
    z.string({ error: `Write the ${collection} id as text, such as the file name without its extension.` }).superRefine((id, issue) => {
      if (context.ids[collection].has(id)) return;
      const suggestion = nearest(id, context.ids[collection]);
      issue.addIssue({
        code: 'custom',
        message: `There is no ${collection} entry "${id}".${suggestion ? ` Did you mean "${suggestion}"?` : ''}`,
        params: { reference: collection },
      });
    });
  const schemas = createSchemas(reference);
  const problems: Problem[] = [];
  for (const file of context.files) {
    if (file.parseError) {
      problems.push({
        file: file.file,
        line: file.parseError.line,
        rule: 'frontmatter-syntax',
        message: `The front matter is not valid YAML: ${file.parseError.message}`,
        fix: `Compare it with ${TEMPLATE_HINT[file.collection]}; check indentation and quote text containing ": ".`,
      });
      continue;
    }
    const result = schemas[file.collection].safeParse(file.data ?? {});
    if (result.success) continue;
    for (const issue of result.error.issues) {
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys) {
          problems.push({
            file: file.file,
            line: lineOfPath(file, [...issue.path, key]),
            rule: 'frontmatter-unknown-key',
            message: `Unknown key "${fieldName([...issue.path, key])}".`,
            fix: issue.message.replace(/^Unknown keys? [^.]*\.\s*/, ''),
          });
        }
        continue;
      }
      const field = fieldName(issue.path);
      if (issue.path.length > 0 && valueAt(file.data, issue.path) === undefined) {
        problems.push({
          file: file.file,
          line: lineOfPath(file, issue.path),
          rule: 'frontmatter-missing',
          message: `Missing required field "${field}".`,
          fix: `Add "${String(issue.path.at(-1))}:" (${issue.message.replace(/^Missing [^.]*\.\s*/, '') || 'see the template'}); ${TEMPLATE_HINT[file.collection]} shows every field with a comment.`,
        });
        continue;
      }
      const isReference = issue.code === 'custom' && (issue as { params?: { reference?: string } }).params?.reference;
      problems.push({
        file: file.file,
        line: lineOfPath(file, issue.path),
        rule: isReference ? 'reference' : 'frontmatter',
        message: field ? `${field}: ${issue.message}` : issue.message,
        fix: isReference
          ? `Use the id of an existing file in content/${String(isReference)}/, or add that entry.`
          : `Set "${field || 'the field'}" as described, following ${TEMPLATE_HINT[file.collection]}.`,
      });
    }
  }
  return problems;
};
