/**
 * The estimation calculator island: reads the fields as the reader types, shows a message next
 * to any field it cannot use, re-renders the worked steps, and keeps the inputs in the page's
 * query string so a calculation can be shared. All arithmetic lives in estimate.ts.
 */
import { concurrencySentence, estimate, estimateSteps, fromQuery, INPUT_SPECS, readInputs, toQuery, type InputName } from './estimate.ts';

const form = document.querySelector<HTMLFormElement>('[data-calculator]');

function field(name: InputName): HTMLInputElement {
  return form!.querySelector<HTMLInputElement>(`input[name="${name}"]`)!;
}

function readFields(): Partial<Record<InputName, string>> {
  return Object.fromEntries(INPUT_SPECS.map((spec) => [spec.name, field(spec.name).value]));
}

if (form) {
  const sentence = document.querySelector<HTMLElement>('[data-concurrency-sentence]')!;
  const stale = document.querySelector<HTMLElement>('[data-calc-stale]')!;
  const status = document.querySelector<HTMLElement>('[data-calc-status]')!;
  let announce: ReturnType<typeof setTimeout> | undefined;

  const update = (share: boolean) => {
    const { inputs, errors } = readInputs(readFields());
    for (const spec of INPUT_SPECS) {
      const message = errors[spec.name] ?? '';
      const input = field(spec.name);
      if (message) input.setAttribute('aria-invalid', 'true');
      else input.removeAttribute('aria-invalid');
      const error = form.querySelector<HTMLElement>(`[data-error-for="${spec.name}"]`)!;
      if (error.textContent !== message) error.textContent = message;
    }
    if (!inputs) {
      const count = Object.keys(errors).length;
      stale.hidden = false;
      stale.textContent = `The results below are for the last numbers that worked. Fix the ${count === 1 ? 'field' : `${count} fields`} marked above to update them.`;
      return;
    }
    stale.hidden = true;
    const result = estimate(inputs);
    for (const group of estimateSteps(inputs, result)) {
      for (const step of group.steps) {
        const item = document.querySelector<HTMLElement>(`[data-step="${step.id}"]`);
        if (!item) continue;
        item.querySelector('[data-label]')!.textContent = step.label;
        item.querySelector('[data-math]')!.textContent = step.math;
        item.querySelector('[data-result]')!.textContent = step.result;
      }
    }
    sentence.textContent = concurrencySentence(inputs, result);
    // Announce once the reader pauses, not on every keystroke.
    clearTimeout(announce);
    announce = setTimeout(() => {
      status.textContent = `Results updated. ${sentence.textContent}`;
    }, 1200);
    if (share) {
      const query = toQuery(inputs);
      history.replaceState(history.state, '', `${location.pathname}${query ? `?${query}` : ''}${location.hash}`);
    }
  };

  // A shared link fills the fields it names; the rest keep their defaults.
  const shared = fromQuery(location.search);
  for (const [name, value] of Object.entries(shared) as [InputName, string][]) field(name).value = value;

  form.addEventListener('input', () => update(true));
  // Results update as you type; Enter (or the button) takes you to them.
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const results = document.getElementById('results');
    results?.setAttribute('tabindex', '-1');
    results?.focus();
  });
  const actions = form.querySelector<HTMLElement>('[data-calc-actions]')!;
  actions.hidden = false;
  actions.querySelector('[data-calc-reset]')!.addEventListener('click', () => {
    for (const spec of INPUT_SPECS) field(spec.name).value = field(spec.name).dataset.default ?? String(spec.default);
    update(true);
    clearTimeout(announce);
    status.textContent = `All fields are back to their defaults. ${sentence.textContent}`;
  });
  update(false);
}
