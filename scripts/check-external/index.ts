/**
 * `npm run check:external`: checks every outbound link in the built site (and every source URL)
 * still answers. Needs the network, so it runs on a schedule (.github/workflows/external-links.yml)
 * rather than in `npm test`. Results are cached (.cache/external-links.json) so a rerun only checks
 * links that failed or have not been checked for a week; each link is retried with backoff.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { attribute, loadSite, runRules, type SiteRule } from '../check-dist/site.ts';
import { report, type Problem } from '../lib/problems.ts';

export interface LinkResult {
  status: number | 'error';
  detail?: string;
  checkedAt: string;
}
export type LinkCache = Record<string, LinkResult>;

export interface CheckOptions {
  /** Milliseconds before a request is abandoned. */
  timeoutMs?: number;
  retries?: number;
  concurrency?: number;
  /** Re-check links that passed longer ago than this. */
  maxAgeMs?: number;
  now?: Date;
  fetchImpl?: typeof fetch;
  /** Pause between retries (tests pass a no-op). */
  wait?: (ms: number) => Promise<void>;
}

const ok = (status: LinkResult['status']) => typeof status === 'number' && status >= 200 && status < 400;

/** One URL, HEAD first (cheap), GET when a server refuses HEAD; retried with backoff on failure. */
export async function checkUrl(url: string, options: CheckOptions = {}): Promise<LinkResult> {
  const { timeoutMs = 15_000, retries = 2, fetchImpl = fetch, wait = (ms) => new Promise((r) => setTimeout(r, ms)) } = options;
  const now = (options.now ?? new Date()).toISOString();
  let last: LinkResult = { status: 'error', detail: 'not checked', checkedAt: now };
  for (let attempt = 0; attempt <= retries; attempt++) {
    if (attempt > 0) await wait(500 * 2 ** attempt);
    try {
      const headers = { 'user-agent': 'netflix-loop-guide link checker (+https://github.com)' };
      let response = await fetchImpl(url, { method: 'HEAD', redirect: 'follow', headers, signal: AbortSignal.timeout(timeoutMs) });
      if (response.status === 405 || response.status === 403 || response.status === 501) {
        response = await fetchImpl(url, { method: 'GET', redirect: 'follow', headers, signal: AbortSignal.timeout(timeoutMs) });
      }
      last = { status: response.status, checkedAt: now };
      // 404 and 410 are final; rate limits and server errors may pass on retry.
      if (ok(response.status) || response.status === 404 || response.status === 410) return last;
    } catch (error) {
      last = { status: 'error', detail: (error as Error).message, checkedAt: now };
    }
  }
  return last;
}

/** Checks the URLs not fresh in the cache, a few at a time; returns the updated cache. */
export async function checkUrls(urls: Iterable<string>, cache: LinkCache, options: CheckOptions = {}): Promise<LinkCache> {
  const { concurrency = 8, maxAgeMs = 7 * 24 * 3600 * 1000, now = new Date() } = options;
  const due = [...new Set(urls)].filter((url) => {
    const previous = cache[url];
    return !previous || !ok(previous.status) || now.getTime() - Date.parse(previous.checkedAt) > maxAgeMs;
  });
  const next = { ...cache };
  let index = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, due.length) }, async () => {
      while (index < due.length) {
        const url = due[index++]!;
        next[url] = await checkUrl(url, options);
      }
    }),
  );
  return next;
}

/** Outbound links of the built site, each with the pages (or source files) that use it. */
export function outboundLinks(dir: string): Map<string, Set<string>> {
  const site = loadSite(dir, process.env.BASE_PATH ?? '/');
  const links = new Map<string, Set<string>>();
  // One pass over the pages, each parsed once as a browser parses it (scripts/check-dist/site.ts).
  const collect: SiteRule = {
    page(_site, page) {
      for (const { element } of page.elements) {
        const href = element.tagName === 'a' ? attribute(element, 'href') : undefined;
        if (!href?.startsWith('http')) continue;
        const url = href.split('#')[0]!;
        if (!links.has(url)) links.set(url, new Set());
        links.get(url)!.add(page.sourceFile ?? page.htmlFile);
      }
      return [];
    },
  };
  runRules(site, [collect]);
  return links;
}

export function problemsFrom(links: Map<string, Set<string>>, cache: LinkCache): Problem[] {
  const problems: Problem[] = [];
  for (const [url, files] of links) {
    const result = cache[url];
    if (!result || ok(result.status)) continue;
    for (const file of files) {
      problems.push({
        file,
        rule: 'external-link',
        message: `${url} answered ${result.status === 'error' ? `with an error (${result.detail ?? 'no response'})` : `HTTP ${result.status}`}.`,
        fix: 'Update the link (search the publisher for the moved page, or use an archived copy), or remove it.',
      });
    }
  }
  return problems;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2] ?? process.env.OUT_DIR ?? 'dist';
  const cacheFile = path.join('.cache', 'external-links.json');
  let cache: LinkCache = {};
  try {
    cache = JSON.parse(readFileSync(cacheFile, 'utf8')) as LinkCache;
  } catch {
    // First run: nothing cached.
  }
  const links = outboundLinks(dir);
  console.log(`Checking ${links.size} outbound links (cached results younger than a week are reused)…`);
  cache = await checkUrls(links.keys(), cache);
  mkdirSync('.cache', { recursive: true });
  writeFileSync(cacheFile, `${JSON.stringify(cache, null, 2)}\n`);
  process.exitCode = report(problemsFrom(links, cache), `External links of ${dir}/`);
}
