/**
 * The deployment base path, such as "/netflix-sd/" for a GitHub Pages project site, read from
 * BASE_PATH. Astro's config and every page read it from here. (Pages do not use Vite's
 * BASE_URL: an unrelated BASE_URL variable in the environment, which test runners set,
 * overrides it at build time.)
 */

/** Always starts and ends with "/"; an empty or missing value is "/". */
export function normaliseBase(raw: string | undefined): string {
  const trimmed = (raw ?? '').trim().replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

export function siteBase(): string {
  return normaliseBase(process.env.BASE_PATH);
}
