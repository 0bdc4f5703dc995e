// @vitest-environment happy-dom
/**
 * The estimation calculator island on a real DOM (happy-dom), with the site's real model (the
 * estimation guide's chain) and the results table rendered by the same code as the page: typing
 * updates the steps and the key sentence, a field it cannot use is marked and the results say they
 * are stale, the address carries what changed, a shared link fills the fields, and Reset restores
 * the defaults. The announcement waits for a pause in typing (fake timers).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { chainTree, toHtml } from '../../lib/estimate/render.ts';
import { evaluatePlan } from '../../lib/estimate/plan-eval.ts';
import { calculatorModel } from './model.ts';
import { concurrencySentence, fieldText, inputRows } from './inputs.ts';
import { $, text } from '../__fixtures__/dom.ts';

const model = calculatorModel()!;
const { plan } = model;
const rows = inputRows(plan);

/** The markup calculator.astro renders, with its real table. */
function page(): void {
  const fields = rows
    .map(
      (row) => `
        <label for="calc-${row.name}">${row.label}</label>
        <input id="calc-${row.name}" name="${row.name}" type="text" value="${fieldText(row.value!)}" />
        <p data-error-for="${row.name}"></p>`,
    )
    .join('');
  const table = toHtml(chainTree(model.chain, { names: true }), { href: (path) => path, cite: () => '' });
  const html = `
    <form data-calculator novalidate>
      ${fields}
      <button type="submit">Show the steps</button>
      <div data-calc-actions hidden><button type="button" data-calc-reset>Reset to the defaults</button></div>
    </form>
    <h2 id="results">Step by step</h2>
    <p data-concurrency-sentence>${concurrencySentence(plan, evaluatePlan(plan))}</p>
    <p data-calc-stale hidden></p>
    <p role="status" data-calc-status></p>
    <div>${table}</div>
    <script type="application/json" id="calc-plan">${JSON.stringify(plan)}</script>`;
  document.body.replaceChildren(...new DOMParser().parseFromString(html, 'text/html').body.childNodes);
}

const field = (name: string) => $<HTMLInputElement>(`input[name="${name}"]`);
const result = (name: string) => $(`[data-name="${name}"] .est-result`).textContent;
const math = (name: string) => $(`[data-name="${name}"] .est-math`).textContent;

function type(name: string, value: string): void {
  field(name).value = value;
  field(name).dispatchEvent(new Event('input', { bubbles: true }));
}

async function load(search = ''): Promise<void> {
  history.replaceState(null, '', `/netflix-sd/practice/calculator/${search}#inputs`);
  vi.resetModules();
  await import('./calculator-island.ts');
}

/** The step the key sentence is about, whose result changes with the session length. */
const steps = evaluatePlan(plan).filter((r) => r.arithmetic !== undefined);
const changedBySession = steps.find((r) => r.value !== evaluatePlan(plan, { session: 30 }).find((s) => s.name === r.name)!.value)!;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  page();
});

afterEach(() => {
  vi.clearAllTimers();
  vi.useRealTimers();
});

describe('the calculator', () => {
  it('shows its actions and leaves the address alone on load', async () => {
    await load();
    expect($('[data-calc-actions]').hidden).toBe(false);
    expect(location.search).toBe('');
    expect(text('[data-concurrency-sentence]')).toBe(concurrencySentence(plan, evaluatePlan(plan)));
    expect($('[data-calc-stale]').hidden).toBe(true);
  });

  it('updates the steps and the key sentence as the reader types, then announces them after a pause', async () => {
    await load();
    type('session', '30');
    const now = evaluatePlan(plan, { session: 30 });
    const changed = now.find((r) => r.name === changedBySession.name)!;
    expect(result(changed.name)).toBe(changed.spoken);
    expect(math(changed.name)).toBe(changed.arithmetic);
    expect(text('[data-concurrency-sentence]')).toContain('it is about 24,000 starts a second');
    expect(location.search).toBe('?session=30');
    expect(location.hash).toBe('#inputs');
    // Not on every keystroke: only once the reader stops typing.
    vi.advanceTimersByTime(1199);
    expect(text('[data-calc-status]')).toBe('');
    type('session', '31');
    vi.advanceTimersByTime(1199);
    expect(text('[data-calc-status]')).toBe('');
    vi.advanceTimersByTime(1);
    expect(text('[data-calc-status]')).toBe(`Results updated. ${text('[data-concurrency-sentence]')}`);
  });

  it('marks a field it cannot use and keeps the last results, saying they are stale', async () => {
    await load();
    type('session', '30');
    const before = result(changedBySession.name);
    type('session', 'fast');
    expect(field('session').getAttribute('aria-invalid')).toBe('true');
    expect(text('[data-error-for="session"]')).toBe('“fast” is not a number. Use digits, such as 45.');
    expect($('[data-calc-stale]').hidden).toBe(false);
    expect(text('[data-calc-stale]')).toBe(
      'The results below are for the last numbers that worked. Fix the field marked above to update them.',
    );
    expect(result(changedBySession.name)).toBe(before);
    expect(location.search).toBe('?session=30');

    const other = rows.find((row) => row.name !== 'session')!.name;
    type(other, '');
    expect(text('[data-calc-stale]')).toBe(
      'The results below are for the last numbers that worked. Fix the 2 fields marked above to update them.',
    );

    type('session', '45');
    type(other, fieldText(rows.find((row) => row.name === other)!.value!));
    expect(field('session').hasAttribute('aria-invalid')).toBe(false);
    expect(text('[data-error-for="session"]')).toBe('');
    expect($('[data-calc-stale]').hidden).toBe(true);
    expect(location.search).toBe('');
  });

  it('fills the fields a shared link names and shows their results', async () => {
    await load('?session=30&unknown=5');
    expect(field('session').value).toBe('30');
    expect(text('[data-concurrency-sentence]')).toContain('it is about 24,000 starts a second');
    const changed = evaluatePlan(plan, { session: 30 }).find((r) => r.name === changedBySession.name)!;
    expect(result(changed.name)).toBe(changed.spoken);
  });

  it('resets every field to its default and says so at once', async () => {
    await load('?session=30');
    type('session', 'fast');
    $('[data-calc-reset]').click();
    expect(field('session').value).toBe(fieldText(rows.find((row) => row.name === 'session')!.value!));
    expect($('[data-calc-stale]').hidden).toBe(true);
    expect(location.search).toBe('');
    expect(text('[data-calc-status]')).toBe(`All fields are back to their defaults. ${concurrencySentence(plan, evaluatePlan(plan))}`);
    // The pending "Results updated" announcement does not replace it.
    vi.advanceTimersByTime(2000);
    expect(text('[data-calc-status]')).toMatch(/^All fields are back to their defaults\./);
  });

  it('leaves the address as the shared link wrote it until the reader changes a field', async () => {
    await load('?session=30&unknown=5');
    expect(location.search).toBe('?session=30&unknown=5');
    $('[data-calc-reset]').click();
    expect(location.href.endsWith('/netflix-sd/practice/calculator/#inputs')).toBe(true);
  });

  it('does not rewrite a field’s error while typing elsewhere, so it is not announced again', async () => {
    await load();
    type('session', 'fast');
    const error = $('[data-error-for="session"]');
    const changes: MutationRecord[] = [];
    const observer = new MutationObserver((records) => changes.push(...records));
    observer.observe(error, { childList: true, characterData: true, subtree: true });
    const other = rows.find((row) => row.name !== 'session')!.name;
    type(other, '7');
    await Promise.resolve();
    observer.disconnect();
    expect(changes).toEqual([]);
    expect(error.textContent).toBe('“fast” is not a number. Use digits, such as 45.');
  });

  it('skips a result the table has no row or cell for', async () => {
    const step = steps[0]!.name;
    $(`[data-name="${step}"] .est-result`).remove();
    const other = steps[1]!.name;
    $(`[data-name="${other}"]`).remove();
    await load();
    type('session', '30');
    expect(text('[data-concurrency-sentence]')).toContain('it is about 24,000 starts a second');
  });

  it('does nothing on a page without the calculator or without its plan', async () => {
    document.body.replaceChildren();
    await expect(load()).resolves.toBeUndefined();
    page();
    $('#calc-plan').remove();
    await load();
    expect($('[data-calc-actions]').hidden).toBe(true);
    page();
    $('[data-calculator]').remove();
    await expect(load()).resolves.toBeUndefined();
  });

  it('takes the reader to the results on Enter instead of submitting', async () => {
    await load();
    const submit = new Event('submit', { cancelable: true });
    $('[data-calculator]').dispatchEvent(submit);
    expect(submit.defaultPrevented).toBe(true);
    expect($('#results').getAttribute('tabindex')).toBe('-1');
    expect(document.activeElement).toBe($('#results'));
  });
});
