/**
 * The search opener every page runs (imported by src/scripts/site.ts): the dialog and Pagefind's
 * engine load on intent, never with the page. Hovering or focusing the search button starts the
 * download; clicking it, "/" (outside a text field) or Ctrl+K / Cmd+K opens the dialog.
 */
type SearchUi = typeof import('./search-dialog.ts');
let ui: Promise<SearchUi> | undefined;

function load(): Promise<SearchUi> {
  ui ??= import('./search-dialog.ts');
  ui.catch(() => {
    ui = undefined;
  });
  return ui;
}

function report(): void {
  const status = document.getElementById('search-status');
  if (status)
    status.textContent = 'Search could not load. If you are offline, open the site once while online; after that, search works offline.';
}

function openSearch(from: Element | null): void {
  load()
    .then((module) => module.open(from))
    .catch(report);
}

function warm(): void {
  load()
    .then((module) => module.warm())
    .catch(() => {
      // Reported if the reader goes on to open search.
    });
}

for (const button of document.querySelectorAll<HTMLElement>('[data-search-open]')) {
  button.addEventListener('click', () => openSearch(button));
  button.addEventListener('pointerenter', warm, { once: true });
  button.addEventListener('focus', warm, { once: true });
}

document.addEventListener('keydown', (event) => {
  const target = event.target as HTMLElement | null;
  // Stryker disable next-line OptionalChaining: a keydown's target is always an element (the focused one, or the body)
  const typing = target?.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]');
  const modifier = event.metaKey || event.ctrlKey;
  if (modifier && !event.altKey && event.key.toLowerCase() === 'k') {
    event.preventDefault();
    openSearch(document.activeElement);
  } else if (event.key === '/' && !typing && !modifier && !event.altKey) {
    event.preventDefault();
    openSearch(document.activeElement);
  }
});
