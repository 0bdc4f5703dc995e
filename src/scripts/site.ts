/**
 * The only script every page runs: the theme switch and the search opener. Search itself
 * (Pagefind's Component UI, ~60 KB) loads on first use, never on page load.
 */
const root = document.documentElement;

// ---- Theme -----------------------------------------------------------------------------------
const toggle = document.querySelector<HTMLButtonElement>('[data-theme-toggle]');

function applyTheme(theme: 'light' | 'dark'): void {
  root.dataset.theme = theme;
  root.dataset.pfTheme = theme;
  toggle?.setAttribute('aria-pressed', String(theme === 'dark'));
}

function savedTheme(): string | null {
  try {
    return localStorage.getItem('theme');
  } catch {
    return null;
  }
}

applyTheme(root.dataset.theme === 'dark' ? 'dark' : 'light');
toggle?.addEventListener('click', () => {
  const next = root.dataset.theme === 'dark' ? 'light' : 'dark';
  try {
    localStorage.setItem('theme', next);
  } catch {
    // Private browsing without storage: the switch still works for this page.
  }
  applyTheme(next);
  document.dispatchEvent(new CustomEvent('themechange', { detail: next }));
});
matchMedia('(prefers-color-scheme: dark)').addEventListener('change', (event) => {
  if (savedTheme()) return;
  applyTheme(event.matches ? 'dark' : 'light');
  document.dispatchEvent(new CustomEvent('themechange', { detail: root.dataset.theme }));
});

// ---- Search ----------------------------------------------------------------------------------
type SearchModal = HTMLElement & { open(): void };
let searchReady: Promise<SearchModal> | undefined;

function loadSearch(): Promise<SearchModal> {
  searchReady ??= new Promise<void>((resolve, reject) => {
    const template = document.getElementById('search-template') as HTMLTemplateElement | null;
    if (!template) return reject(new Error('The search template is missing from the page.'));
    const bundle = template.dataset.bundle ?? '/pagefind/';
    const stylesheet = document.createElement('link');
    stylesheet.rel = 'stylesheet';
    stylesheet.href = `${bundle}pagefind-component-ui.css`;
    document.head.append(stylesheet);
    document.body.append(template.content.cloneNode(true));
    const script = document.createElement('script');
    script.src = `${bundle}pagefind-component-ui.js`;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error('Search could not load. If you are offline, open this site once online first.'));
    document.head.append(script);
  })
    .then(() => customElements.whenDefined('pagefind-modal'))
    .then(() => document.querySelector('pagefind-modal') as SearchModal);
  searchReady.catch(() => {
    searchReady = undefined;
  });
  return searchReady;
}

async function openSearch(): Promise<void> {
  try {
    (await loadSearch()).open();
  } catch (error) {
    const status = document.getElementById('search-status');
    if (status) status.textContent = (error as Error).message;
  }
}

for (const button of document.querySelectorAll('[data-search-open]')) {
  button.addEventListener('click', () => void openSearch());
}

document.addEventListener('keydown', (event) => {
  const target = event.target as HTMLElement | null;
  const typing = target?.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]');
  const modifier = event.metaKey || event.ctrlKey;
  if (modifier && !event.altKey && event.key.toLowerCase() === 'k') {
    event.preventDefault();
    void openSearch();
  } else if (event.key === '/' && !typing && !modifier && !event.altKey) {
    event.preventDefault();
    void openSearch();
  }
});
