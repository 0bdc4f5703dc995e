/**
 * The progress dashboard island: figures, export, import with a preview, and reset. An import is
 * checked for size before it is read and fully validated before anything changes; a merge or
 * replace the browser cannot store leaves the data as it was and says so; replacing and deleting
 * refuse to run inside another site's frame (framing.ts).
 *
 * The list of pages a reader can study (practice/study-manifest.json) grows with the site, so the
 * page does not carry it: the island fetches it when it starts (the service worker precaches it,
 * so the dashboard works offline too) and builds the page-by-page list from it. Export, import
 * and reset work without it.
 */
import { studyStore, StudyDataError } from './store.ts';
import { summarizeProgress, type ManifestSection } from './progress.ts';
import { countStudyData, exportStudyData, mergeStudyData, readImport } from './transfer.ts';
import { importSizeProblem } from './validate.ts';
import { FRAMED_MESSAGE, isFramed } from './framing.ts';
import type { StudyData } from './schema.ts';
import { countNoun, listWords } from '../../lib/text.ts';

const root = document.querySelector<HTMLElement>('[data-progress-dashboard]');

/** The list of studyable pages, relative to the site's base path. */
export const MANIFEST_FILE = 'practice/study-manifest.json';

/** Fetches the list of pages, or says in words why it could not. */
async function loadManifest(): Promise<ManifestSection[]> {
  const url = `${document.documentElement.dataset.base ?? '/'}${MANIFEST_FILE}`;
  let response: Response;
  try {
    response = await fetch(url);
  } catch {
    throw new Error('The list of pages could not be fetched: you may be offline. Reload the page once you are online.');
  }
  if (!response.ok) throw new Error(`The list of pages did not load (HTTP ${response.status}). Reload the page to try again.`);
  const manifest: unknown = await response.json().catch(() => undefined);
  if (!Array.isArray(manifest)) throw new Error('The list of pages is not in the expected format. Reload the page to try again.');
  return manifest as ManifestSection[];
}

/** One line per page: its link and what the reader has done there (filled in by render). */
function buildPageList(list: HTMLElement, manifest: readonly ManifestSection[]): void {
  list.replaceChildren(
    ...manifest.flatMap((section) =>
      section.pages.map((page) => {
        const item = document.createElement('li');
        item.dataset.page = page.key;
        const link = document.createElement('a');
        link.href = page.path;
        link.textContent = page.title;
        const state = document.createElement('span');
        state.className = 'source-kind';
        state.dataset.pageState = '';
        state.textContent = 'not studied';
        item.append(link, ' ', state);
        return item;
      }),
    ),
  );
}

function render(manifest: readonly ManifestSection[], data: StudyData): void {
  if (!root) return;
  const summary = summarizeProgress(manifest, data);
  root.querySelector('[data-overall]')!.textContent = `${summary.studied} of ${summary.total} pages studied (${summary.percent}%).`;
  const bar = root.querySelector<HTMLProgressElement>('[data-overall-bar]')!;
  bar.value = summary.studied;
  bar.textContent = `${summary.percent}%`;
  const next = root.querySelector<HTMLElement>('[data-next]')!;
  next.replaceChildren();
  if (summary.next) {
    const link = document.createElement('a');
    link.href = summary.next.path;
    link.textContent = summary.next.title;
    next.append('Next: ', link, '.');
  } else {
    next.textContent = 'You have studied every page.';
  }
  for (const section of summary.sections) {
    const row = root.querySelector(`tr[data-section="${CSS.escape(section.label)}"] [data-studied]`);
    if (row) row.textContent = String(section.studied);
  }
  for (const item of root.querySelectorAll<HTMLElement>('li[data-page]')) {
    const key = item.dataset.page!;
    const parts = [data.studied[key] ? 'studied' : 'not studied'];
    if (summary.ticked[key]) parts.push(`${summary.ticked[key]} item${summary.ticked[key] === 1 ? '' : 's'} ticked`);
    item.querySelector('[data-page-state]')!.textContent = parts.join(', ');
  }
}

function download(filename: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function describe(data: StudyData): string {
  const c = countStudyData(data);
  return listWords([
    countNoun(c.studied, 'studied page'),
    countNoun(c.tasks, 'ticked item'),
    `${countNoun(c.cards, 'flashcard')} reviewed`,
    countNoun(c.mocks, 'mock round'),
    countNoun(c.stories, 'story', 'stories'),
  ]);
}

if (root) {
  const store = studyStore();
  const preview = root.querySelector<HTMLElement>('[data-import-preview]')!;
  const summaryText = root.querySelector<HTMLElement>('[data-import-summary]')!;
  const error = root.querySelector<HTMLElement>('[data-import-error]')!;
  const done = root.querySelector<HTMLElement>('[data-import-done]')!;
  const fileInput = root.querySelector<HTMLInputElement>('[data-import]')!;
  let pending: StudyData | undefined;

  const closePreview = () => {
    pending = undefined;
    preview.hidden = true;
    fileInput.value = '';
  };

  root.querySelector('[data-export]')!.addEventListener('click', () => {
    const day = new Date().toISOString().slice(0, 10);
    download(`netflix-loop-guide-study-${day}.json`, exportStudyData(store.read()));
    done.textContent = 'Exported. The file is in your downloads.';
  });

  const importFile = async () => {
    error.textContent = '';
    done.textContent = '';
    const file = fileInput.files?.[0];
    if (!file) return;
    try {
      const tooLarge = importSizeProblem(file.size);
      if (tooLarge) throw new StudyDataError(tooLarge);
      pending = readImport(await file.text());
      summaryText.textContent = `"${file.name}" holds ${describe(pending)}. This device has ${describe(store.read())}. Merge keeps both; replace keeps only the file.`;
      preview.hidden = false;
    } catch (problem) {
      closePreview();
      error.textContent = `Nothing was imported and your data is unchanged. ${problem instanceof StudyDataError ? problem.message : 'The file could not be read.'}`;
    }
  };
  fileInput.addEventListener('change', () => void importFile());
  /** After a merge or replace: what happened, in words. A failed write changed nothing. */
  const reportSave = (saved: ReturnType<typeof store.write>, success: string) => {
    closePreview();
    if (saved.ok) {
      done.textContent = success;
    } else {
      // Stryker disable next-line MethodExpression: a failed save always says why, so there is no trailing space to trim.
      error.textContent = `Nothing was imported and your previous data is unchanged. ${saved.problem ?? ''}`.trim();
    }
  };
  root.querySelector('[data-import-merge]')!.addEventListener('click', () => {
    if (!pending) return;
    error.textContent = '';
    reportSave(store.write(mergeStudyData(store.read(), pending)), 'Merged. Your progress now includes the file.');
  });
  root.querySelector('[data-import-replace]')!.addEventListener('click', () => {
    if (!pending) return;
    if (isFramed()) {
      error.textContent = FRAMED_MESSAGE;
      return;
    }
    error.textContent = '';
    reportSave(store.write(pending), "Replaced. This device now holds the file's data.");
  });
  root.querySelector('[data-import-cancel]')!.addEventListener('click', () => {
    closePreview();
    done.textContent = 'Import cancelled; nothing changed.';
  });

  const dialog = root.querySelector<HTMLDialogElement>('[data-reset-dialog]')!;
  root.querySelector('[data-reset]')!.addEventListener('click', () => {
    done.textContent = '';
    if (isFramed()) {
      error.textContent = FRAMED_MESSAGE;
      return;
    }
    error.textContent = '';
    dialog.showModal();
  });
  dialog.addEventListener('close', () => {
    if (dialog.returnValue !== 'confirm') return;
    if (isFramed()) {
      error.textContent = FRAMED_MESSAGE;
      return;
    }
    const deleted = store.reset();
    if (deleted.ok) done.textContent = 'All study data on this device was deleted.';
    // Stryker disable next-line MethodExpression: a failed delete always says why, so there is no trailing space to trim.
    else error.textContent = `Nothing was deleted. ${deleted.problem ?? ''}`.trim();
  });

  // Reading the saved data says at once when the browser will not let the page read it.
  store.read();
  if (store.readProblem) error.textContent = store.readProblem;
  const list = root.querySelector<HTMLElement>('[data-page-list]')!;
  const listError = root.querySelector<HTMLElement>('[data-manifest-error]')!;
  // The figures wait for the list of pages; until it comes the page shows a first visit's figures.
  void loadManifest().then(
    (manifest) => {
      buildPageList(list, manifest);
      store.subscribe((data) => render(manifest, data));
      render(manifest, store.read());
    },
    (problem: Error) => {
      listError.hidden = false;
      listError.textContent = problem.message;
      list.replaceChildren();
    },
  );
}
