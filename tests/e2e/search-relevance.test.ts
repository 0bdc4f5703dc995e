/**
 * Search ranks the canonical page first: every query of tests/search-relevance/queries.ts typed
 * into the site's own dialog against the built index, as a reader would. Named queries must put
 * their page first, every other query in the top 3.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, siteUrl, trackedContext } from './browser.ts';
import { RELEVANCE_CASES } from '../search-relevance/queries.ts';
import { resultPaths } from '../search-relevance/run.ts';
import { relevanceReport, type CaseResult } from '../../src/scripts/search/relevance.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('search relevance', () => {
  it(`ranks the canonical page first or in the top 3 for ${RELEVANCE_CASES.length} realistic queries`, async () => {
    expect(RELEVANCE_CASES.length).toBeGreaterThanOrEqual(40);
    const tracked = await trackedContext(browser);
    const page = await tracked.newPage();
    await page.goto(siteUrl('/loop/'));
    const base = new URL(siteUrl('/')).pathname;
    const results: CaseResult[] = [];
    for (const relevanceCase of RELEVANCE_CASES)
      results.push({ case: relevanceCase, results: await resultPaths(page, relevanceCase.query, base) });
    const report = relevanceReport(results);
    expect(report.failures).toEqual([]);
    expect(tracked.errors).toEqual([]);
    await tracked.context.close();
  });
});
