/**
 * A small static file server for the built site, used by `npm run serve`, the browser tests and
 * the benchmark. It serves `root` under a base path (like a GitHub Pages project site), answers
 * directories with their index.html, and missing files with the site's 404 page. Text is sent
 * gzip-compressed when the browser accepts it, as GitHub Pages and other static hosts do, so the
 * benchmark's Lighthouse runs see real transfer sizes.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import path from 'node:path';
import { createGzip } from 'node:zlib';
import { normaliseBase } from '../../src/lib/base.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.wasm': 'application/wasm',
  '.woff2': 'font/woff2',
};

/** Types worth compressing; the rest (images, fonts, Pagefind's pre-compressed index) go as they are. */
/** The types the server gzips (zlib's default level, 6); the rest (images, Pagefind's own gzip files) go as they are. */
export const COMPRESSIBLE = new Set(['.html', '.css', '.js', '.mjs', '.json', '.webmanifest', '.svg', '.txt', '.xml', '.wasm']);

export interface RunningServer {
  server: Server;
  /** The site's root URL, base path included, such as http://127.0.0.1:4321/netflix-sd/. */
  url: string;
  close(): Promise<void>;
}

async function fileAt(candidate: string): Promise<string | undefined> {
  try {
    const info = await stat(candidate);
    if (info.isFile()) return candidate;
    if (info.isDirectory()) return fileAt(path.join(candidate, 'index.html'));
  } catch {
    return undefined;
  }
  return undefined;
}

export async function serveStatic(options: { root: string; base?: string; port?: number; host?: string }): Promise<RunningServer> {
  const root = path.resolve(options.root);
  const base = normaliseBase(options.base);
  const host = options.host ?? '127.0.0.1';
  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    let pathname = decodeURIComponent(url.pathname);
    if (!pathname.startsWith(base) && `${pathname}/` !== base) {
      response.writeHead(302, { location: base }).end();
      return;
    }
    pathname = pathname.slice(base.length - 1) || '/';
    const target = path.join(root, path.normalize(pathname));
    if (!target.startsWith(root)) {
      response.writeHead(403).end();
      return;
    }
    // A directory URL without its trailing slash redirects, as static hosts do.
    if (!pathname.endsWith('/') && !path.extname(pathname)) {
      const dir = await fileAt(path.join(target, 'index.html'));
      if (dir) {
        response.writeHead(301, { location: `${url.pathname}/${url.search}` }).end();
        return;
      }
    }
    const file = await fileAt(target);
    const status = file ? 200 : 404;
    const served = file ?? (await fileAt(path.join(root, '404.html')));
    if (!served) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    const extension = path.extname(served);
    const gzip = COMPRESSIBLE.has(extension) && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
    response.writeHead(status, {
      'content-type': TYPES[extension] ?? 'application/octet-stream',
      'cache-control': 'no-cache',
      vary: 'accept-encoding',
      ...(gzip ? { 'content-encoding': 'gzip' } : {}),
    });
    if (request.method === 'HEAD') {
      response.end();
      return;
    }
    const body = createReadStream(served);
    if (gzip) body.pipe(createGzip()).pipe(response);
    else body.pipe(response);
  };
  const server = createServer((request, response) => void handle(request, response));
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, host, resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return {
    server,
    url: `http://${host}:${port}${base}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
