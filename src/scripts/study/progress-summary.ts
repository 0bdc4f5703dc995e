/** The home page's one-line progress summary, shown once the reader has studied something. */
import { studyStore } from './store.ts';
import { summarizeProgress, type ManifestSection } from './progress.ts';

const box = document.querySelector<HTMLElement>('[data-progress-summary]');
const manifest = JSON.parse(document.getElementById('study-manifest')?.textContent ?? '[]') as ManifestSection[];

if (box) {
  const render = () => {
    const summary = summarizeProgress(manifest, studyStore().read());
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
  studyStore().subscribe(render);
  render();
}
