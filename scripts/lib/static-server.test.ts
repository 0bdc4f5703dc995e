import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic, type RunningServer } from './static-server.ts';

/** A raw GET, so the test sees the bytes and headers as sent (fetch would decompress). */
function get(url: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }>((resolve, reject) => {
    request(url, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
    })
      .on('error', reject)
      .end();
  });
}

let site: RunningServer;
const page = `<!doctype html><title>Guide</title>${'<p>Repeated text compresses well.</p>'.repeat(50)}`;

beforeAll(async () => {
  const root = mkdtempSync(path.join(tmpdir(), 'static-server-'));
  mkdirSync(path.join(root, 'guide'));
  writeFileSync(path.join(root, 'guide', 'index.html'), page);
  writeFileSync(path.join(root, '404.html'), '<!doctype html><title>Not found</title>');
  writeFileSync(path.join(root, 'icon.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  site = await serveStatic({ root, base: '/sub/' });
});
afterAll(() => site?.close());

describe('serveStatic', () => {
  it('serves a directory URL from its index.html under the base path', async () => {
    const response = await get(`${site.url}guide/`);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.body.toString()).toBe(page);
  });

  it('gzips text when the browser accepts it, as static hosts do', async () => {
    const response = await get(`${site.url}guide/`, { 'accept-encoding': 'gzip, br' });
    expect(response.headers['content-encoding']).toBe('gzip');
    expect(response.body.length).toBeLessThan(page.length / 4);
    expect(gunzipSync(response.body).toString()).toBe(page);
  });

  it('sends images as they are', async () => {
    const response = await get(`${site.url}icon.png`, { 'accept-encoding': 'gzip' });
    expect(response.headers['content-encoding']).toBeUndefined();
    expect(response.body.length).toBe(4);
  });

  it('redirects a directory without its slash, and outside the base to the base', async () => {
    expect((await get(`${site.url}guide`)).headers.location).toBe('/sub/guide/');
    const outside = await get(new URL('/elsewhere/', site.url).href);
    expect(outside.status).toBe(302);
    expect(outside.headers.location).toBe('/sub/');
  });

  it('answers a missing page with the 404 page and status', async () => {
    const response = await get(`${site.url}nowhere/`);
    expect(response.status).toBe(404);
    expect(response.body.toString()).toContain('Not found');
  });
});
