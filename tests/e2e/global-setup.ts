/**
 * Serves the test build (dist-test/, built by `npm test` under /netflix-sd/) on a free local
 * port for the browser tests, and lists its pages.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { serveStatic } from '../../scripts/lib/static-server.ts';

export const TEST_OUT_DIR = process.env.TEST_OUT_DIR ?? 'dist-test';
export const TEST_BASE = '/netflix-sd/';

function pagesOf(dir: string, relative = ''): string[] {
  return readdirSync(path.join(dir, relative)).flatMap((name) => {
    const rel = relative ? `${relative}/${name}` : name;
    if (statSync(path.join(dir, rel)).isDirectory()) return name === 'pagefind' || name === '_astro' ? [] : pagesOf(dir, rel);
    return name === 'index.html' ? [`/${relative ? `${relative}/` : ''}`] : [];
  });
}

declare module 'vitest' {
  export interface ProvidedContext {
    siteUrl: string;
    pages: string[];
  }
}

export default async function setup(project: TestProject) {
  if (!existsSync(path.join(TEST_OUT_DIR, 'index.html'))) {
    throw new Error(
      `No test build in ${TEST_OUT_DIR}/. Run "npm test" (it builds first), or build with BASE_PATH=${TEST_BASE} OUT_DIR=${TEST_OUT_DIR} npm run build.`,
    );
  }
  const server = await serveStatic({ root: TEST_OUT_DIR, base: TEST_BASE });
  project.provide('siteUrl', server.url);
  project.provide('pages', pagesOf(TEST_OUT_DIR).sort());
  return () => server.close();
}
