/**
 * Site-wide settings, set in one place. The repository URL drives "Edit this page" and
 * "Report a problem"; deployments can override it (and the base path) with environment
 * variables, so a fork needs no code change.
 */
export const SITE = {
  /** The site's name, shown in the header and in every page title. */
  name: 'Netflix Loop Guide',
  /** One line on what the site is. */
  tagline: 'An independent study guide to the Netflix software-engineer interview loop, with the system design round at its center.',
  /** The public repository; "Edit this page" and "Report a problem" point here. */
  repository: (process.env.SITE_REPOSITORY ?? 'https://github.com/netflix-loop-guide/netflix-loop-guide').replace(/\/$/, ''),
  /** The branch that "Edit this page" opens. */
  branch: process.env.SITE_BRANCH ?? 'main',
  /** The issue form that "Report a problem" opens (a file in .github/ISSUE_TEMPLATE). */
  problemForm: 'content-problem.yml',
  /** Stated on every page. */
  disclaimer: 'Independent study material. Not affiliated with, endorsed by or sponsored by Netflix, Inc.',
  /** Licenses, stated in the footer and in the LICENSE files. */
  codeLicense: { name: 'MIT', file: 'LICENSE' },
  contentLicense: { name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/', file: 'LICENSE-CONTENT' },
} as const;

/** Link to edit a source file on the repository host. */
export function editUrl(sourceFile: string): string {
  return `${SITE.repository}/edit/${SITE.branch}/${sourceFile}`;
}

/** Link to the prefilled "report a problem" issue form for a page. */
export function reportUrl(page: { title: string; url: string; sourceFile?: string }): string {
  const params = new URLSearchParams({
    template: SITE.problemForm,
    title: `Problem on "${page.title}"`,
    page: page.url,
  });
  if (page.sourceFile) params.set('source', page.sourceFile);
  return `${SITE.repository}/issues/new?${params.toString()}`;
}
