/**
 * Front matter against the collection's schema (the same schema Astro uses): missing or
 * malformed fields, unknown keys, and references to entries that do not exist. Unknown keys,
 * values outside a vocabulary and unknown ids get the nearest valid one as a "did you mean".
 */
import { z } from 'astro/zod';
import { createSchemas, type CollectionName } from '../../../src/schemas/index.ts';
import { nearest } from '../../../src/lib/text.ts';
import type { Problem } from '../../lib/problems.ts';
import { lineOfPath, positionOfPath, TEMPLATE_HINT, type Rule } from '../context.ts';

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let value = data;
  for (const key of path) value = value && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined;
  return value;
}

/** What allowedKeysAt reads of a Zod schema: its definition's kind and the schemas inside it. */
interface SchemaNode {
  def?: { type?: string; innerType?: SchemaNode; in?: SchemaNode; element?: SchemaNode; shape?: Record<string, SchemaNode> };
}

/** Wrappers that hold the schema that matters in `innerType`. */
const WRAPPERS = new Set(['optional', 'default', 'nullable', 'readonly', 'catch', 'prefault', 'nonoptional']);

/** The keys an object schema accepts at `path` (through optional, default, array and refine wrappers). */
export function allowedKeysAt(schema: unknown, path: readonly PropertyKey[]): string[] | undefined {
  const unwrap = (node: SchemaNode | undefined): SchemaNode | undefined => {
    let current = node;
    for (;;) {
      const def = current?.def;
      if (def?.innerType && WRAPPERS.has(def.type ?? '')) current = def.innerType;
      else if (def?.type === 'pipe' && def.in) current = def.in;
      else return current;
    }
  };
  let current = unwrap(schema as SchemaNode);
  for (const key of path) {
    const def = current?.def;
    if (def?.type === 'array' && typeof key === 'number') current = unwrap(def.element);
    else if (def?.type === 'object' && typeof key === 'string') current = unwrap(def.shape?.[key]);
    else return undefined;
  }
  const def = current?.def;
  return def?.type === 'object' && def.shape ? Object.keys(def.shape) : undefined;
}

function fieldName(path: readonly PropertyKey[]): string {
  return (
    path
      .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
      .join('')
      // Stryker disable next-line Regex: front matter is a mapping, so a field path starts with a key and its first "." is the leading one.
      .replace(/^\./, '')
  );
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
    // A misspelled key also leaves its field missing: report the misspelling only ("dificulty").
    const misspelled = new Set<string>();
    const missing: { field: string; problem: Problem }[] = [];
    for (const issue of result.error.issues) {
      if (issue.code === 'unrecognized_keys') {
        // Stryker disable next-line ArrayDeclaration: Zod reports unknown keys only where the schema is an object, which always has keys.
        const allowed = allowedKeysAt(schemas[file.collection], issue.path) ?? [];
        const present = new Set(Object.keys(valueAt(file.data, issue.path) ?? {}));
        for (const key of issue.keys) {
          // Suggest a key the entry does not already have: "dificulty" -> "difficulty".
          const suggestion = nearest(
            key,
            allowed.filter((k) => !present.has(k)),
          );
          const position = positionOfPath(file, [...issue.path, key]);
          // Stryker disable next-line Regex: the schema's message for unknown keys always starts with "Unknown key", so the anchor changes nothing.
          const listed = issue.message.replace(/^Unknown keys? [^.]*\.\s*/, '');
          if (suggestion) misspelled.add(fieldName([...issue.path, suggestion]));
          problems.push({
            file: file.file,
            ...position,
            rule: 'frontmatter-unknown-key',
            message: `Unknown key "${fieldName([...issue.path, key])}".${suggestion ? ` Did you mean "${suggestion}"?` : ''}`,
            fix: suggestion
              ? `Rename it to "${suggestion}", or remove it; ${listed.replace(/^Check the spelling or remove (it|them); /, '')}`
              : listed,
          });
        }
        continue;
      }
      const field = fieldName(issue.path);
      if (issue.path.length > 0 && valueAt(file.data, issue.path) === undefined) {
        missing.push({
          field,
          problem: {
            file: file.file,
            line: lineOfPath(file, issue.path),
            rule: 'frontmatter-missing',
            message: `Missing required field "${field}".`,
            fix: `Add "${String(issue.path.at(-1))}:" (${issue.message.replace(/^Missing [^.]*\.\s*/, '') || 'see the template'}); ${TEMPLATE_HINT[file.collection]} shows every field with a comment.`,
          },
        });
        continue;
      }
      const isReference = issue.code === 'custom' && (issue as { params?: { reference?: string } }).params?.reference;
      // A value outside a vocabulary: name the nearest allowed one ("cor" -> "core").
      const given = valueAt(file.data, issue.path);
      const closest =
        issue.code === 'invalid_value' && typeof given === 'string'
          ? nearest(
              given,
              issue.values.map((v) => String(v)),
            )
          : undefined;
      problems.push({
        file: file.file,
        ...positionOfPath(file, issue.path),
        rule: isReference ? 'reference' : 'frontmatter',
        message: `${field ? `${field}: ${issue.message}` : issue.message}${closest ? ` Did you mean "${closest}"?` : ''}`,
        fix: isReference
          ? `Use the id of an existing file in content/${String(isReference)}/, or add that entry.`
          : closest
            ? `Change it to "${closest}".`
            : `Set "${field || 'the field'}" as described, following ${TEMPLATE_HINT[file.collection]}.`,
      });
    }
    for (const { field, problem } of missing) if (!misspelled.has(field)) problems.push(problem);
  }
  return problems;
};
