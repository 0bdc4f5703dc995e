/**
 * mermaid's prebuilt browser build, served as it ships (src/plugins/browser-mermaid.ts): the
 * installed files import only each other by relative paths (so nothing loads from another host
 * and the copied layout works), the build copies them only for a site with a browser-drawn
 * diagram, and the dev server answers only those files. The browser side is in
 * tests/e2e/browser-diagrams.test.ts.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import browserMermaid, {
  MERMAID_ENTRY,
  MERMAID_VENDOR_DIR,
  copyMermaidBrowserBuild,
  hasPageWithBrowserDiagrams,
  mermaidBrowserFiles,
  mermaidDistDir,
  mermaidMiddleware,
} from './browser-mermaid.ts';

const dist = mermaidDistDir();

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'browser-mermaid-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

/**
 * Every module specifier in minified ES module code: static imports and re-exports
 * (`import"x"`, `from"x"`) and dynamic imports (`import("x")`), each as a string literal.
 * Anything else that starts an import (a computed `import(name)`) is returned as `null`.
 */
function specifiers(code: string): (string | null)[] {
  const found: (string | null)[] = [];
  for (const match of code.matchAll(/(?<![\w$.])(?:import\s*(\(\s*)?|from\s*)(["'`]([^"'`]*)["'`])?/g)) {
    const [, call, literal, value] = match;
    if (literal !== undefined) found.push(value!);
    else if (call !== undefined) found.push(null);
  }
  return found;
}

describe("the installed mermaid's browser build", () => {
  const files = mermaidBrowserFiles(dist);

  it('is the entry and its chunks, modules only', () => {
    expect(files[0]).toBe(MERMAID_ENTRY);
    expect(files.length).toBeGreaterThan(50);
    expect(files.filter((file) => !/^chunks\/mermaid\.esm\.min\/[\w.-]+\.mjs$/.test(file))).toEqual([MERMAID_ENTRY]);
    // The mindmap (a type only the browser draws) is among them.
    expect(files.some((file) => /\/mindmap-definition-[\w]+\.mjs$/.test(file))).toBe(true);
  });

  it('imports nothing but other files of the list, by relative paths', () => {
    const listed = new Set(files);
    const problems: string[] = [];
    let imports = 0;
    for (const file of files) {
      for (const spec of specifiers(readFileSync(path.join(dist, file), 'utf8'))) {
        // Minified code also has `.from(` calls and words like "imports" in strings: only quoted
        // specifiers that look like paths or URLs, and computed imports, are in question.
        if (spec === null) {
          problems.push(`${file}: an import whose address is computed`);
          continue;
        }
        if (!/^(?:\.{1,2}\/|\/|[a-z][\w+.-]*:)/i.test(spec) && !/\.m?js$/.test(spec)) continue;
        imports += 1;
        const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), spec));
        if (!/^\.{1,2}\//.test(spec) || !listed.has(target)) problems.push(`${file} imports ${spec}`);
      }
    }
    expect(problems).toEqual([]);
    // The entry alone imports dozens of chunks: the scan really read them.
    expect(imports).toBeGreaterThan(500);
  });

  it('fails naming the missing entry and the fix', () => {
    const empty = folder({ 'other.mjs': '' });
    expect(() => mermaidBrowserFiles(empty)).toThrow(`${path.join(empty, MERMAID_ENTRY)} or its chunks/mermaid.esm.min/ folder is missing`);
    expect(() => mermaidBrowserFiles(empty)).toThrow('Run "npm install"');
  });
});

describe('the build', () => {
  const recordingLogger = () => {
    const lines: string[] = [];
    return { lines, info: (line: string) => lines.push(line) };
  };
  async function buildDone(out: string) {
    const integration = browserMermaid();
    const log = recordingLogger();
    const done = integration.hooks['astro:build:done']!;
    // The hook uses only the output folder and the logger's info().
    const logger = log as unknown as Parameters<typeof done>[0]['logger'];
    await done({ dir: pathToFileURL(`${out}/`), logger, pages: [], assets: new Map() });
    return log.lines;
  }

  it('copies the files, in their layout and byte for byte, when a page has a browser-drawn diagram', async () => {
    const out = folder({
      'index.html': '<p>No diagram</p>',
      'prompts/feed/index.html': '<figure><div class="diagram-canvas" data-mermaid-client="dg-1"></div></figure>',
    });
    const lines = await buildDone(out);
    const files = mermaidBrowserFiles(dist);
    const vendor = path.join(out, MERMAID_VENDOR_DIR);
    const copied = [
      ...readdirSync(vendor).filter((name) => name !== 'chunks'),
      ...readdirSync(path.join(vendor, 'chunks/mermaid.esm.min')).map((name) => `chunks/mermaid.esm.min/${name}`),
    ];
    expect(copied.sort()).toEqual([...files].sort());
    for (const file of [files[0]!, files.at(-1)!])
      expect(readFileSync(path.join(vendor, file))).toEqual(readFileSync(path.join(dist, file)));
    expect(lines).toEqual([
      `mermaid's browser build (${files.length} files) copied to vendor/mermaid/ for the diagrams drawn in the browser.`,
    ]);
  });

  it('copies nothing for a site without one: the attribute in a script or in text does not count', async () => {
    const out = folder({
      'index.html': '<p>Pages with data-mermaid-client diagrams load mermaid.</p>',
      '_astro/ClientDiagrams.js': 'document.querySelectorAll("[data-mermaid-client]")',
      '_astro/page.html': '<div data-mermaid-client="x"></div>',
    });
    expect(await buildDone(out)).toEqual([]);
    expect(existsSync(path.join(out, 'vendor'))).toBe(false);
  });

  it('finds the diagram in a page nested anywhere', () => {
    expect(hasPageWithBrowserDiagrams(folder({ 'a/b/c/index.html': '<div data-mermaid-client></div>', 'index.html': '' }))).toBe(true);
    expect(hasPageWithBrowserDiagrams(folder({ 'a/b/c/index.txt': '<div data-mermaid-client></div>' }))).toBe(false);
  });

  it('copies from the folder it is given', () => {
    const fake = folder({
      [MERMAID_ENTRY]: 'import"./chunks/mermaid.esm.min/a.mjs"',
      'chunks/mermaid.esm.min/a.mjs': 'a',
      'chunks/mermaid.esm.min/a.mjs.map': '{}',
    });
    const out = folder({});
    expect(copyMermaidBrowserBuild(out, fake)).toBe(2);
    expect(readFileSync(path.join(out, 'vendor/mermaid/chunks/mermaid.esm.min/a.mjs'), 'utf8')).toBe('a');
    expect(existsSync(path.join(out, 'vendor/mermaid/chunks/mermaid.esm.min/a.mjs.map'))).toBe(false);
  });
});

describe('the dev server', () => {
  const fake = folder({
    [MERMAID_ENTRY]: 'export default 1;',
    'chunks/mermaid.esm.min/a.mjs': 'export const a = 1;',
    'chunks/mermaid.esm.min/a.mjs.map': '{}',
    'package.json': '{"secret":true}',
  });
  const middleware = mermaidMiddleware('/fx/', fake);
  const server = createServer((request, response) =>
    middleware(request, response, () => {
      response.writeHead(418).end('next');
    }),
  );
  beforeAll(() => new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve)));
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  /** A request with its path sent exactly as written (fetch would normalize "../"). */
  const get = (pathname: string, method = 'GET') =>
    new Promise<{ status: number; type: string | undefined; body: string }>((resolve, reject) => {
      const { port } = server.address() as AddressInfo;
      const request = httpRequest({ host: '127.0.0.1', port, path: pathname, method }, (response: IncomingMessage) => {
        let body = '';
        response.on('data', (chunk: Buffer) => (body += chunk.toString()));
        response.on('end', () => resolve({ status: response.statusCode!, type: response.headers['content-type'], body }));
      });
      request.on('error', reject);
      request.end();
    });

  it('serves the entry and its chunks as JavaScript under <base>vendor/mermaid/', async () => {
    expect(await get(`/fx/${MERMAID_VENDOR_DIR}${MERMAID_ENTRY}`)).toEqual({
      status: 200,
      type: 'text/javascript; charset=utf-8',
      body: 'export default 1;',
    });
    expect(await get('/fx/vendor/mermaid/chunks/mermaid.esm.min/a.mjs?v=1')).toMatchObject({ status: 200, body: 'export const a = 1;' });
    expect(await get('/fx/vendor/mermaid/chunks/mermaid.esm.min/a.mjs', 'HEAD')).toMatchObject({ status: 200, body: '' });
  });

  it("reads the address as requested: Astro's dev server strips the base from request.url first", () => {
    const answer = (url: string, originalUrl: string) => {
      const heads: unknown[] = [];
      let passed = false;
      const response = { writeHead: (...args: unknown[]) => heads.push(args), end: () => undefined };
      middleware(
        { method: 'HEAD', url, originalUrl } as IncomingMessage & { originalUrl: string },
        response as unknown as ServerResponse,
        () => {
          passed = true;
        },
      );
      return { heads, passed };
    };
    expect(answer(`/vendor/mermaid/${MERMAID_ENTRY}`, `/fx/vendor/mermaid/${MERMAID_ENTRY}`)).toEqual({
      heads: [[200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-cache' }]],
      passed: false,
    });
    expect(answer(`/fx/vendor/mermaid/${MERMAID_ENTRY}`, `/vendor/mermaid/${MERMAID_ENTRY}`)).toEqual({ heads: [], passed: true });
  });

  it('passes on everything else: other files, source maps, paths out of the folder, other bases and methods', async () => {
    for (const pathname of [
      '/fx/vendor/mermaid/package.json',
      '/fx/vendor/mermaid/chunks/mermaid.esm.min/a.mjs.map',
      '/fx/vendor/mermaid/chunks/mermaid.esm.min/../../package.json',
      '/fx/vendor/mermaid/chunks%2F..%2F..%2Fpackage.json',
      '/fx/vendor/mermaid/',
      `/other/vendor/mermaid/${MERMAID_ENTRY}`,
      `/vendor/mermaid/${MERMAID_ENTRY}`,
    ]) {
      expect(await get(pathname), pathname).toEqual({ status: 418, type: undefined, body: 'next' });
    }
    expect(await get(`/fx/vendor/mermaid/${MERMAID_ENTRY}`, 'POST')).toMatchObject({ status: 418 });
  });
});
