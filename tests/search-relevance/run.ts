/**
 * Runs queries through the site's own search dialog in a browser page, as a reader would: open
 * with "/", type the query, wait for the dialog to finish, read the result pages in order. Used
 * by tests/e2e/search-relevance.test.ts and the benchmark, so both measure what readers get.
 */
import type { Page } from 'playwright-core';

/** Opens the dialog if needed and types `query`; resolves when its results are on screen. */
export async function searchFor(page: Page, query: string): Promise<void> {
  if (!(await page.locator('.search-dialog[open]').count())) {
    await page.keyboard.press('/');
    await page.locator('.search-dialog[open] .search-input').waitFor({ timeout: 15_000 });
  }
  await page.locator('.search-input').fill(query);
  await page.waitForFunction(
    (q) => {
      const dialog = document.querySelector('.search-dialog');
      return (
        dialog?.getAttribute('data-state') === 'done' && (dialog.querySelector('.search-summary')?.textContent ?? '').includes(`“${q}”`)
      );
    },
    query,
    { timeout: 20_000 },
  );
}

/** The result pages the dialog shows for `query`, as site paths without `base`. */
export async function resultPaths(page: Page, query: string, base: string): Promise<string[]> {
  await searchFor(page, query);
  const hrefs = await page.locator('.search-page').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
  return hrefs.map((href) => (href.startsWith(base) ? `/${href.slice(base.length)}` : href));
}
