/** The external-link checker against a real local HTTP server: no network needed. */
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkUrl, checkUrls, problemsFrom, type LinkCache } from './index.ts';

let server: Server;
let origin = '';
const hits: Record<string, number> = {};
beforeAll(async () => {
  server = createServer((request, response) => {
    const path = request.url ?? '/';
    hits[path] = (hits[path] ?? 0) + 1;
    if (path === '/ok') return void response.writeHead(200).end();
    if (path === '/no-head') return void response.writeHead(request.method === 'HEAD' ? 405 : 200).end();
    if (path === '/moved') return void response.writeHead(301, { location: '/ok' }).end();
    if (path === '/flaky') return void response.writeHead((hits[path] ?? 0) < 2 ? 503 : 200).end();
    return void response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const fast = { wait: async () => {}, timeoutMs: 2_000 };

describe('external link checker', () => {
  it('accepts answering links, following redirects and falling back from HEAD to GET', async () => {
    expect((await checkUrl(`${origin}/ok`, fast)).status).toBe(200);
    expect((await checkUrl(`${origin}/moved`, fast)).status).toBe(200);
    expect((await checkUrl(`${origin}/no-head`, fast)).status).toBe(200);
  });
  it('retries a failing link and reports a missing one without retrying', async () => {
    expect((await checkUrl(`${origin}/flaky`, fast)).status).toBe(200);
    expect(hits['/flaky']).toBe(2);
    expect((await checkUrl(`${origin}/gone`, fast)).status).toBe(404);
    expect(hits['/gone']).toBe(1);
    expect((await checkUrl('http://127.0.0.1:1/unreachable', { ...fast, retries: 1 })).status).toBe('error');
  });
  it('reuses fresh cached results and reports broken links with the pages using them', async () => {
    const now = new Date('2026-11-21T12:00:00Z');
    const cache: LinkCache = { [`${origin}/cached`]: { status: 200, checkedAt: '2026-11-20T12:00:00Z' } };
    const next = await checkUrls([`${origin}/cached`, `${origin}/ok`, `${origin}/gone`], cache, { ...fast, now });
    expect(hits['/cached']).toBeUndefined();
    expect(next[`${origin}/ok`]!.status).toBe(200);
    const problems = problemsFrom(new Map([[`${origin}/gone`, new Set(['content/guides/loop/index.mdx'])]]), next);
    expect(problems.map(({ file, rule, message }) => ({ file, rule, message }))).toEqual([
      { file: 'content/guides/loop/index.mdx', rule: 'external-link', message: `${origin}/gone answered HTTP 404.` },
    ]);
    expect(problems[0]!.fix).toContain('Update the link');
  });
});
