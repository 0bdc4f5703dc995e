/**
 * The estimation calculator island: reads the fields as the reader types, shows a message next
 * to any field it cannot use, re-runs the estimation guide's chain (the plan the page carries) and
 * rewrites the table's arithmetic and results, and keeps the inputs in the page's query string so
 * a calculation can be shared. The arithmetic is plan-eval.ts; no mathjs in the browser.
 */
import { evaluatePlan, type Plan } from '../../lib/estimate/plan-eval.ts';
import { concurrencySentence, fieldText, fromQuery, inputRows, readInputs, toQuery } from './inputs.ts';

const form = document.querySelector<HTMLFormElement>('[data-calculator]');
const planElement = document.getElementById('calc-plan');

if (form && planElement) {
  const plan = JSON.parse(planElement.textContent ?? '') as Plan;
  const rows = inputRows(plan);
  const field = (name: string) => form.querySelector<HTMLInputElement>(`input[name="${name}"]`)!;
  const sentence = document.querySelector<HTMLElement>('[data-concurrency-sentence]')!;
  const stale = document.querySelector<HTMLElement>('[data-calc-stale]')!;
  const status = document.querySelector<HTMLElement>('[data-calc-status]')!;
  let announce: ReturnType<typeof setTimeout> | undefined;

  const update = (share: boolean) => {
    const { inputs, errors } = readInputs(plan, Object.fromEntries(rows.map((row) => [row.name, field(row.name).value])));
    for (const row of rows) {
      const message = errors[row.name] ?? '';
      const input = field(row.name);
      if (message) input.setAttribute('aria-invalid', 'true');
      else input.removeAttribute('aria-invalid');
      const error = form.querySelector<HTMLElement>(`[data-error-for="${row.name}"]`)!;
      if (error.textContent !== message) error.textContent = message;
    }
    if (!inputs) {
      const count = Object.keys(errors).length;
      stale.hidden = false;
      stale.textContent = `The results below are for the last numbers that worked. Fix the ${count === 1 ? 'field' : `${count} fields`} marked above to update them.`;
      return;
    }
    stale.hidden = true;
    const results = evaluatePlan(plan, inputs);
    for (const result of results) {
      const tableRow = document.querySelector<HTMLElement>(`[data-name="${result.name}"]`);
      if (!tableRow) continue;
      const cell = tableRow.querySelector('.est-result');
      if (cell) cell.textContent = result.spoken;
      const math = tableRow.querySelector('.est-math');
      if (math && result.arithmetic !== undefined) math.textContent = result.arithmetic;
    }
    sentence.textContent = concurrencySentence(plan, results);
    // Announce once the reader pauses, not on every keystroke.
    clearTimeout(announce);
    announce = setTimeout(() => {
      status.textContent = `Results updated. ${sentence.textContent}`;
    }, 1200);
    if (share) {
      const query = toQuery(plan, inputs);
      history.replaceState(history.state, '', `${location.pathname}${query ? `?${query}` : ''}${location.hash}`);
    }
  };

  // A shared link fills the fields it names; the rest keep their defaults.
  for (const [name, value] of Object.entries(fromQuery(plan, location.search))) field(name).value = value;

  form.addEventListener('input', () => update(true));
  // Results update as you type; Enter (or the button) takes you to them.
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const results = document.getElementById('results');
    // Stryker disable next-line OptionalChaining: the page always has the #results heading; the check only guards a changed page.
    results?.setAttribute('tabindex', '-1');
    // Stryker disable next-line OptionalChaining: as above.
    results?.focus();
  });
  const actions = form.querySelector<HTMLElement>('[data-calc-actions]')!;
  actions.hidden = false;
  actions.querySelector('[data-calc-reset]')!.addEventListener('click', () => {
    for (const row of rows) field(row.name).value = fieldText(row.value!);
    update(true);
    clearTimeout(announce);
    status.textContent = `All fields are back to their defaults. ${sentence.textContent}`;
  });
  update(false);
}
