// @vitest-environment happy-dom
/**
 * The past-rounds history on a real DOM (happy-dom): a row per saved round, newest first, with
 * its date, prompt link, length, level, coverage and rating; damaged rounds shown as "unknown"
 * or as a row of their own without hiding the others; and the coverage chart with its points,
 * labels, line and text alternative.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { PracticePrompt } from '../../lib/practice-data.ts';
import type { MockSession } from '../study/schema.ts';
import { renderHistory, trendChart } from './history-view.ts';
import { trendDescription } from './trend.ts';
import { formatStoredDateTime } from '../study/format.ts';

const PROMPTS = [{ id: 'bare', title: 'Design a rate limiter', path: '/netflix-sd/prompts/bare/' }] as PracticePrompt[];

function round(overrides: Partial<MockSession>): MockSession {
  return {
    id: 'm1',
    promptId: 'bare',
    format: 45,
    startedAt: '2026-02-01T10:00:00.000Z',
    endedAt: '2026-02-01T10:45:00.000Z',
    covered: [0],
    rubricSize: 4,
    rating: 3,
    notes: '',
    level: 'L5',
    levelCovered: ['design'],
    ...overrides,
  };
}

let root: HTMLElement;
beforeEach(() => {
  const html = `
    <div id="root">
      <p data-history-empty>No rounds saved yet.</p>
      <div data-history hidden><div data-trend></div><table><tbody data-history-rows></tbody></table></div>
    </div>`;
  document.body.replaceChildren(...new DOMParser().parseFromString(html, 'text/html').body.childNodes);
  root = document.getElementById('root')!;
});

const cells = () => [...root.querySelectorAll('[data-history-rows] tr')].map((tr) => [...tr.children].map((td) => td.textContent));

describe('the history table', () => {
  it('shows the empty note and hides the table with no rounds', () => {
    renderHistory(root, [], PROMPTS);
    expect(root.querySelector<HTMLElement>('[data-history-empty]')!.hidden).toBe(false);
    expect(root.querySelector<HTMLElement>('[data-history]')!.hidden).toBe(true);
  });

  it('lists rounds newest first with each column, linking a prompt still on the site', () => {
    renderHistory(
      root,
      [round({ id: 'old' }), round({ id: 'new', startedAt: '2026-03-01T10:00:00.000Z', format: 60, promptId: 'retired', rating: 4 })],
      PROMPTS,
    );
    expect(root.querySelector<HTMLElement>('[data-history-empty]')!.hidden).toBe(true);
    expect(root.querySelector<HTMLElement>('[data-history]')!.hidden).toBe(false);
    expect(cells()).toEqual([
      [formatStoredDateTime('2026-03-01T10:00:00.000Z'), 'retired', '60 min', 'L5, 1 of 5 expectations', '1 of 4 (25%)', '4 of 4, Strong'],
      [
        formatStoredDateTime('2026-02-01T10:00:00.000Z'),
        'Design a rate limiter',
        '45 min',
        'L5, 1 of 5 expectations',
        '1 of 4 (25%)',
        '3 of 4, Solid',
      ],
    ]);
    const rows = [...root.querySelectorAll<HTMLTableRowElement>('[data-history-rows] tr')];
    expect(rows.map((tr) => tr.dataset.session)).toEqual(['new', 'old']);
    expect(rows[1]!.querySelector('a')!.getAttribute('href')).toBe('/netflix-sd/prompts/bare/');
    expect(rows[0]!.querySelector('a')).toBeNull();
    expect(rows[0]!.querySelector('time')!.dateTime).toBe('2026-03-01T10:00:00.000Z');
  });

  it('shows what a damaged round lacks as unknown, and an unreadable round as a row of its own', () => {
    renderHistory(
      root,
      [
        round({ id: 'ok' }),
        round({ id: 'odd', startedAt: 'yesterday', promptId: 42 as unknown as string, format: 50 as 45, rubricSize: 0, rating: 9 }),
        null as unknown as MockSession,
      ],
      PROMPTS,
    );
    const table = cells();
    expect(table).toContainEqual(['an unknown date', 'an unknown prompt', 'unknown', 'L5, 1 of 5 expectations', 'unknown', 'not rated']);
    expect(table).toContainEqual(['A saved round whose record is damaged and cannot be shown.']);
    expect(root.querySelector('[data-history-rows] td[colspan="6"]')).not.toBeNull();
    expect(table).toHaveLength(3);
    const odd = [...root.querySelectorAll<HTMLTableRowElement>('[data-history-rows] tr')].find((tr) => tr.dataset.session === 'odd')!;
    expect(odd.querySelector('time')!.dateTime).toBe('');
  });
});

describe('the coverage chart', () => {
  it('draws a labeled point per round, a line between them, the scale and a text alternative', () => {
    const rounds = [round({ id: 'a', covered: [] }), round({ id: 'b', startedAt: '2026-03-01T10:00:00.000Z', covered: [0, 1, 2, 3] })];
    const chart = trendChart(rounds);
    expect(chart.getAttribute('viewBox')).toBe('0 0 360 150');
    expect(chart.getAttribute('role')).toBe('img');
    expect(chart.getAttribute('class')).toBe('mock-trend-svg');
    expect(chart.getAttribute('aria-label')).toBe(trendDescription(rounds));
    expect([...chart.querySelectorAll('line')].map((l) => ['x1', 'x2', 'y1', 'y2'].map((a) => l.getAttribute(a)))).toEqual([
      ['28', '332', '28', '28'],
      ['28', '332', '122', '122'],
    ]);
    expect([...chart.querySelectorAll('text.mock-trend-scale')].map((t) => [t.textContent, t.getAttribute('y')])).toEqual([
      ['100%', '32'],
      ['0%', '126'],
    ]);
    const points = [...chart.querySelectorAll('circle')].map((c) => [c.getAttribute('cx'), c.getAttribute('cy'), c.getAttribute('r')]);
    expect(points).toHaveLength(2);
    expect(points.every(([, , r]) => r === '4')).toBe(true);
    const labels = [...chart.querySelectorAll('text:not(.mock-trend-scale)')];
    expect(labels.map((t) => t.textContent)).toEqual(['0%', '100%']);
    expect(labels.map((t) => t.getAttribute('text-anchor'))).toEqual(['middle', 'middle']);
    expect(labels.map((t) => Number(t.getAttribute('y')))).toEqual(points.map(([, cy]) => Number(cy) - 9));
    expect(chart.querySelector('polyline')!.getAttribute('points')).toBe(points.map(([x, y]) => `${x},${y}`).join(' '));
  });

  it('draws no line for a single round', () => {
    const chart = trendChart([round({})]);
    expect(chart.querySelectorAll('circle')).toHaveLength(1);
    expect(chart.querySelector('polyline')).toBeNull();
  });

  it('is drawn into the page with the table', () => {
    renderHistory(root, [round({})], PROMPTS);
    expect(root.querySelectorAll('[data-trend] svg')).toHaveLength(1);
    renderHistory(root, [round({}), round({ id: 'm2' })], PROMPTS);
    expect(root.querySelectorAll('[data-trend] svg')).toHaveLength(1);
    expect(root.querySelectorAll('[data-history-rows] tr')).toHaveLength(2);
  });
});
