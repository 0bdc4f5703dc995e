/**
 * The one inline script the site writes: it sets the theme before the first paint, so a
 * dark-mode reader never sees a white flash (the saved choice wins, otherwise the system
 * preference). It lives here as text so that ThemeScript.astro renders exactly this and the
 * Content-Security-Policy (src/lib/csp.ts) hashes exactly this: the policy allows the code the
 * site wrote, never whatever inline script a page happens to contain.
 */
export const THEME_SCRIPT = `(() => {
  let theme = 'light';
  try {
    const saved = localStorage.getItem('theme');
    theme = saved === 'dark' || saved === 'light' ? saved : matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
  } catch {
    // Storage blocked (private mode): keep the light theme.
  }
  document.documentElement.dataset.theme = theme;
})();`;
