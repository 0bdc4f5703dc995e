/**
 * Serves mermaid's own prebuilt browser build, as it ships (node_modules/mermaid/dist/
 * mermaid.esm.min.mjs and its chunks in chunks/mermaid.esm.min/), under <base>vendor/mermaid/,
 * for the diagrams the build cannot draw: src/components/site/ClientDiagrams.astro imports the
 * entry from there. Vite never bundles mermaid: rebundling its ~130 chunks (mermaid, cytoscape,
 * KaTeX, ELK, dagre ...) took about 3 s of every build, for pages the site rarely has.
 * - `astro build`: the files are copied into <outDir>/vendor/mermaid/, in the layout their
 *   relative imports expect (no source maps), only when some built page has a diagram drawn in
 *   the browser (data-mermaid-client); a site without one gets no vendor/ folder.
 * - `astro dev`: a middleware serves the same files at the same addresses; only the files in
 *   that list can be reached, so no other path on disk can be asked for.
 * Every import in these files is a relative path to another of them (src/plugins/
 * browser-mermaid.test.ts checks it against the installed mermaid), so nothing loads from
 * another host. The service worker (scripts/build-sw.ts) never precaches them; "Save for
 * offline" downloads them with a page that needs them.
 */
import { copyFileSync, createReadStream, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { hasBrowserDrawnDiagrams } from '../lib/csp.ts';

/** Where the files go, relative to the output folder (and to the base path when served). */
export const MERMAID_VENDOR_DIR = 'vendor/mermaid/';
/** The module ClientDiagrams.astro imports, relative to MERMAID_VENDOR_DIR. */
export const MERMAID_ENTRY = 'mermaid.esm.min.mjs';
/** The folder of the entry's chunks, relative to mermaid's dist/ folder and to MERMAID_VENDOR_DIR. */
const CHUNKS = 'chunks/mermaid.esm.min';

/** The installed mermaid's dist/ folder (its package entry, dist/mermaid.core.mjs, lives there). */
export function mermaidDistDir(): string {
  return path.dirname(createRequire(import.meta.url).resolve('mermaid'));
}

/**
 * The files of mermaid's browser build, relative to its dist/ folder: the entry, then its chunks
 * (modules only, no source maps), sorted. Fails, saying how to fix it, if the entry is missing.
 */
export function mermaidBrowserFiles(distDir = mermaidDistDir()): string[] {
  if (!existsSync(path.join(distDir, MERMAID_ENTRY)) || !existsSync(path.join(distDir, CHUNKS))) {
    throw new Error(
      `${path.join(distDir, MERMAID_ENTRY)} or its ${CHUNKS}/ folder is missing: the diagrams drawn in the browser need mermaid's ` +
        'prebuilt ESM build. Run "npm install"; if a new mermaid version renamed these files, update src/plugins/browser-mermaid.ts.',
    );
  }
  const chunks = readdirSync(path.join(distDir, CHUNKS))
    .filter((name) => name.endsWith('.mjs'))
    .sort()
    .map((name) => `${CHUNKS}/${name}`);
  return [MERMAID_ENTRY, ...chunks];
}

/** Copies mermaid's browser build into <outDir>/vendor/mermaid/; returns how many files. */
export function copyMermaidBrowserBuild(outDir: string, distDir = mermaidDistDir()): number {
  const files = mermaidBrowserFiles(distDir);
  const target = path.join(outDir, MERMAID_VENDOR_DIR);
  mkdirSync(path.join(target, CHUNKS), { recursive: true });
  for (const file of files) copyFileSync(path.join(distDir, file), path.join(target, file));
  return files.length;
}

/** Whether any page of a built site (its .html files; _astro/ holds none) has a diagram drawn in the browser. */
export function hasPageWithBrowserDiagrams(dir: string): boolean {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== '_astro' && hasPageWithBrowserDiagrams(full)) return true;
    } else if (entry.name.endsWith('.html') && hasBrowserDrawnDiagrams(readFileSync(full, 'utf8'))) {
      return true;
    }
  }
  return false;
}

/**
 * A dev-server middleware serving mermaid's browser build under <base>vendor/mermaid/. Only the
 * paths of mermaidBrowserFiles() are answered; every other request goes on to the next handler.
 */
export function mermaidMiddleware(base: string, distDir = mermaidDistDir()) {
  const prefix = `${base}${MERMAID_VENDOR_DIR}`;
  const files = new Set(mermaidBrowserFiles(distDir));
  return (request: IncomingMessage & { originalUrl?: string }, response: ServerResponse, next: () => void): void => {
    // The address as requested: Astro's dev server strips the base from request.url before this
    // runs, and keeps the original in originalUrl (connect's).
    const pathname = new URL(request.originalUrl ?? request.url ?? '/', 'http://localhost').pathname;
    const file = pathname.startsWith(prefix) ? pathname.slice(prefix.length) : undefined;
    if (!file || !files.has(file) || (request.method !== 'GET' && request.method !== 'HEAD')) {
      next();
      return;
    }
    response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-cache' });
    if (request.method === 'HEAD') response.end();
    else createReadStream(path.join(distDir, file)).pipe(response);
  };
}

export default function browserMermaid(): AstroIntegration {
  let base = '/';
  return {
    name: 'browser-mermaid',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:server:setup': ({ server }) => {
        server.middlewares.use(mermaidMiddleware(base));
      },
      'astro:build:done': ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        if (!hasPageWithBrowserDiagrams(out)) return;
        const count = copyMermaidBrowserBuild(out);
        logger.info(`mermaid's browser build (${count} files) copied to ${MERMAID_VENDOR_DIR} for the diagrams drawn in the browser.`);
      },
    },
  };
}
