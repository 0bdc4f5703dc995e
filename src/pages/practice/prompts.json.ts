/** The prompts as the mock interview and partner view need them (built from content/prompts). */
import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { practicePrompt, type PracticePrompt } from '../../lib/practice-data.ts';
import { entryPath, withBase } from '../../lib/routes.ts';
import { siteBase } from '../../lib/base.ts';

export const GET: APIRoute = async () => {
  const prompts = (await getCollection('prompts')).sort((a, b) => a.data.title.localeCompare(b.data.title));
  const data: PracticePrompt[] = prompts.map((entry) =>
    practicePrompt(entry.id, withBase(siteBase(), entryPath('prompts', entry.id)), entry.data),
  );
  return new Response(JSON.stringify(data), { headers: { 'content-type': 'application/json' } });
};
