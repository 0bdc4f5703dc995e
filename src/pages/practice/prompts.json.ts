/** The prompts as the mock interview and partner view need them (built from content/prompts). */
import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import type { PracticePrompt } from '../../lib/practice-data.ts';
import { entryPath, withBase } from '../../lib/routes.ts';
import { siteBase } from '../../lib/base.ts';

export const GET: APIRoute = async () => {
  const prompts = (await getCollection('prompts')).sort((a, b) => a.data.title.localeCompare(b.data.title));
  const data: PracticePrompt[] = prompts.map((entry) => ({
    id: entry.id,
    title: entry.data.title,
    path: withBase(siteBase(), entryPath('prompts', entry.id)),
    prompt: entry.data.prompt,
    difficulty: entry.data.difficulty,
    themes: entry.data.themes,
    scoping: entry.data.scoping,
    curveballs: [...entry.data.curveballs].sort((a, b) => a.at - b.at),
    probes: entry.data.probes,
    rubric: entry.data.rubric,
  }));
  return new Response(JSON.stringify(data), { headers: { 'content-type': 'application/json' } });
};
