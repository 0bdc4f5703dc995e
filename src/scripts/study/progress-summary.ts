/**
 * The home page's one-line progress summary, shown once the reader has studied something. The list
 * of pages (practice/study-manifest.json) is fetched only then, so other visitors never load it.
 */
import { studyStore } from './store.ts';
import { summarizeProgress, type ManifestSection } from './progress.ts';

const box = document.querySelector<HTMLElement>('[data-progress-summary]');
let manifest: Promise<ManifestSection[]> | undefined;
function loadManifest(): Promise<ManifestSection[]> {
  manifest ??= fetch(`${document.documentElement.dataset.base ?? '/'}practice/study-manifest.json`).then((response) => {
    // Stryker disable next-line StringLiteral: the summary hides on any failure; the message is not shown
    if (!response.ok) throw new Error(`The list of pages did not load (HTTP ${response.status}).`);
    return response.json() as Promise<ManifestSection[]>;
  });
  manifest.catch(() => {
    manifest = undefined;
  });
  return manifest;
}

if (box) {
  const render = async () => {
    const data = studyStore().read();
    if (!Object.values(data.studied).some(Boolean)) {
      box.hidden = true;
      return;
    }
    const summary = summarizeProgress(await loadManifest(), data);
    if (summary.studied === 0) {
      box.hidden = true;
      return;
    }
    const text = box.querySelector<HTMLElement>('[data-summary-text]')!;
    text.replaceChildren(`You have studied ${summary.studied} of ${summary.total} pages (${summary.percent}%). `);
    if (summary.next) {
      const link = document.createElement('a');
      link.href = summary.next.path;
      link.textContent = summary.next.title;
      text.append('Next: ', link, '.');
    }
    box.hidden = false;
  };
  // Without the list (offline before it was ever fetched), the summary stays hidden.
  const show = () => void render().catch(() => (box.hidden = true));
  studyStore().subscribe(show);
  show();
}
