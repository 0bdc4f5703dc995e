/**
 * Search aliases in front matter (`searchAliases` on guides, culture and stack entries): checked
 * by the content schema, so a bad alias fails the content check with the field and the fix.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'astro/zod';
import { createSchemas } from '../../schemas/index.ts';

const schemas = createSchemas(() => z.string());

const guide = {
  title: 'Compensation and levels',
  description: 'How Netflix pays, what the levels mean since 2022, and how to talk about numbers in the loop.',
  order: 0,
  level: 'foundation',
  sources: ['netflix-jobs'],
};

const issues = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  result.success ? [] : result.error!.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);

describe('searchAliases', () => {
  it('defaults to none and accepts short aliases, trimmed', () => {
    expect(schemas.guides.parse(guide).searchAliases).toEqual([]);
    expect(schemas.guides.parse({ ...guide, searchAliases: [' salary ', 'offer negotiation'] }).searchAliases).toEqual([
      'salary',
      'offer negotiation',
    ]);
  });

  it('refuses the separators Pagefind reads in metadata, naming the fix', () => {
    expect(issues(schemas.guides.safeParse({ ...guide, searchAliases: ['pay, equity'] }))).toEqual([
      'searchAliases.0: A search alias cannot contain "," or ":" (Pagefind reads them as separators); write it as two aliases.',
    ]);
    expect(issues(schemas.guides.safeParse({ ...guide, searchAliases: ['level: L5'] }))[0]).toMatch(/cannot contain/);
  });

  it('refuses empty, multi-line and too many aliases', () => {
    expect(issues(schemas.guides.safeParse({ ...guide, searchAliases: ['x'] }))[0]).toMatch(/too short/);
    expect(issues(schemas.guides.safeParse({ ...guide, searchAliases: ['two\nlines'] }))[0]).toMatch(/single line/);
    const many = Array.from({ length: 13 }, (_, i) => `alias ${i}`);
    expect(issues(schemas.guides.safeParse({ ...guide, searchAliases: many }))).toEqual(['searchAliases: Use at most 12 search aliases.']);
  });

  it('is a field of guides, culture and stack entries, not of mistakes (which search demotes)', () => {
    for (const name of ['guides', 'culture', 'stack'] as const) expect(Object.keys(schemas[name].shape)).toContain('searchAliases');
    expect(Object.keys(schemas.mistakes.shape)).not.toContain('searchAliases');
  });
});
