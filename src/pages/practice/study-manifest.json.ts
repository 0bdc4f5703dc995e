/**
 * The pages a reader can mark as studied, by section (src/components/practice/study-manifest.ts),
 * as a file: the home page's progress summary fetches it only for a reader who has studied
 * something, instead of every visitor downloading it inside the page.
 */
import type { APIRoute } from 'astro';
import { studyManifest } from '../../components/practice/study-manifest.ts';

export const GET: APIRoute = async () =>
  new Response(JSON.stringify(await studyManifest()), { headers: { 'content-type': 'application/json' } });
