/**
 * Where the build keeps its own caches: diagram drawings (mermaid/render.ts) and the diagram
 * sources mermaid has accepted (mermaid/parse-cache.ts), each keyed by a hash of what produced it,
 * under node_modules/.cache/netflix-loop-guide/ (a cold build deletes that folder).
 *
 * BUILD_CACHE=off turns them off. Mutation tests set it (stryker.config.mjs): their sandboxes share
 * node_modules with the project, so a mutant's drawing or parse, stored under the key of the honest
 * code, would otherwise be served to the next real build and to later mutants.
 */
import path from 'node:path';

/** The caches' folder, relative to the project (the benchmark deletes it before a cold build). */
export const BUILD_CACHE_ROOT = path.join('node_modules', '.cache', 'netflix-loop-guide');

/** The folder of one cache, or undefined when caching is off. */
export function buildCacheDir(name: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env.BUILD_CACHE === 'off' ? undefined : path.join(process.cwd(), BUILD_CACHE_ROOT, name);
}
