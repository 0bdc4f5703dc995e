/**
 * The markup src/pages/practice/mock.astro and partner.astro render around their islands (the
 * elements the islands read and write, with the same attributes), for the island tests. Keep it in
 * step with the pages: a selector the island needs and the page lacks fails the browser tests
 * (tests/e2e/mock.test.ts), and these fixtures should fail the same way.
 */
const levels = (checked: string) =>
  ['L4', 'L5', 'L6']
    .map((id) => `<label><input type="radio" name="level" value="${id}"${id === checked ? ' checked' : ''} /> ${id}</label>`)
    .join('');

const clock = (extra = '') => `
  <div class="round-clock">
    <p>Elapsed <span data-elapsed>0:00</span></p>
    <p>Remaining <span data-remaining>45:00</span></p>
    ${extra}
  </div>`;

export const MOCK_PAGE = `
  <div class="mock" data-mock>
    <p role="alert" data-mock-error></p>
    <p role="status" data-mock-announce></p>
    <p role="status" data-mock-status></p>
    <section data-panel="setup">
      <h3 tabindex="-1">Start a round</h3>
      <form data-setup-form>
        <select name="prompt" data-prompt-select><option value="">Random prompt</option></select>
        <select name="difficulty" data-difficulty-select><option value="">Any difficulty</option></select>
        <select name="theme" data-theme-select><option value="">Any theme</option></select>
        <label><input type="radio" name="format" value="45" checked /> 45 minutes</label>
        <label><input type="radio" name="format" value="60" /> 60 minutes</label>
        ${levels('L5')}
        <input type="checkbox" name="partner" data-partner-choice />
        <button type="submit" data-start disabled>Start the round</button>
      </form>
    </section>
    <section data-panel="round" hidden>
      <h3 tabindex="-1" data-round-title>The round</h3>
      <p data-round-meta></p>
      <blockquote data-round-prompt></blockquote>
      ${clock('<p data-paused-note hidden>Paused</p>')}
      <p data-phase-now></p>
      <p data-phase-next></p>
      <button type="button" data-pause>Pause</button>
      <button type="button" data-end>End the round</button>
      <ol data-phase-list></ol>
      <section data-curveballs>
        <p data-curveball-empty>Each curveball appears here when it would be raised.</p>
        <ol data-curveball-list></ol>
      </section>
      <section data-share hidden>
        <input type="text" readonly data-share-url />
        <button type="button" data-copy>Copy link</button>
        <a href="/netflix-sd/practice/partner/" data-share-open>Open the partner view (new tab)</a>
        <p role="status" data-copy-status></p>
      </section>
    </section>
    <section data-panel="score" hidden>
      <h3 tabindex="-1">Score your round</h3>
      <p data-score-intro></p>
      <form data-score-form novalidate>
        <ul data-rubric></ul>
        <fieldset data-level-checks hidden><legend>What the interviewer needs to see at your level</legend><ul></ul></fieldset>
        ${[1, 2, 3, 4].map((value) => `<label><input type="radio" name="rating" value="${value}" /> ${value}</label>`).join('')}
        <textarea name="notes" data-notes></textarea>
        <p role="alert" data-score-error></p>
        <button type="submit">Save the round</button>
        <button type="button" data-discard>Discard the round…</button>
      </form>
      <section data-answer-review hidden><ol></ol><div data-answer-extra></div></section>
      <dialog data-discard-dialog><form method="dialog"></form></dialog>
    </section>
    <p data-history-empty>No rounds saved yet.</p>
    <div data-history hidden>
      <div data-trend></div>
      <table><tbody data-history-rows></tbody></table>
    </div>
  </div>`;

export const PARTNER_PAGE = `
  <div class="partner" data-partner>
    <p role="alert" data-partner-error></p>
    <form method="get" data-partner-choose hidden>
      <select name="prompt" data-partner-select></select>
      <label><input type="radio" name="format" value="45" checked /> 45 minutes</label>
      <label><input type="radio" name="format" value="60" /> 60 minutes</label>
      ${levels('L5')}
      <button type="submit">Show the interviewer's notes</button>
    </form>
    <div data-partner-notes hidden>
      <p data-partner-meta></p>
      <p data-partner-title></p>
      <blockquote data-partner-prompt></blockquote>
      <a data-partner-link>the prompt's page</a>
      ${clock()}
      <p data-phase-now></p>
      <p data-phase-next></p>
      <p role="status" data-partner-announce></p>
      <button type="button" data-clock-toggle>Start the clock</button>
      <button type="button" data-clock-reset>Reset</button>
      <section data-partner-answer hidden><dl data-partner-answer-steps></dl></section>
      <dl data-partner-scoping></dl>
      <p data-curveball-intro></p>
      <ol data-partner-curveballs></ol>
      <ul data-partner-probes></ul>
      <ol data-partner-rubric></ol>
      <section data-partner-level hidden>
        <h3 data-partner-level-title>What the interviewer needs to see at the candidate's level</h3>
        <dl data-partner-level-items></dl>
      </section>
    </div>
  </div>`;

/** Puts page markup from these fixtures (never imported data) on the page, under the site's base path. */
export function showPage(html: string, base = '/netflix-sd/'): void {
  document.documentElement.dataset.base = base;
  document.body.replaceChildren(...new DOMParser().parseFromString(html, 'text/html').body.childNodes);
}

/**
 * happy-dom has no `Option` constructor (browsers do; dom.ts fillSelect uses it): the same
 * element, built the long way. Install with vi.stubGlobal('Option', OptionElement).
 */
export function OptionElement(text = '', value?: string): HTMLOptionElement {
  const option = document.createElement('option');
  option.text = text;
  if (value !== undefined) option.value = value;
  return option;
}
