/**
 * The history of saved rounds: a table, newest first, and a small chart of rubric coverage,
 * oldest first. The chart labels every point with its percentage and carries a text
 * alternative, so neither colour nor sight is needed to read it.
 */
import type { PracticePrompt } from '../../lib/practice-data.ts';
import type { MockSession } from '../study/schema.ts';
import { chronological, coveragePercent, coverageText, ratingText } from './session.ts';
import { trendDescription, trendPoints, type ChartBox } from './trend.ts';
import { el } from './dom.ts';

const SVG = 'http://www.w3.org/2000/svg';
const BOX: ChartBox = { width: 360, height: 150, pad: 28 };

function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | number>,
  text?: string,
): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}

export function trendChart(sessions: readonly MockSession[]): SVGSVGElement {
  const chart = svg('svg', {
    viewBox: `0 0 ${BOX.width} ${BOX.height}`,
    class: 'mock-trend-svg',
    role: 'img',
    'aria-label': trendDescription(sessions),
  });
  const top = BOX.pad;
  const bottom = BOX.height - BOX.pad;
  chart.append(
    svg('line', { class: 'mock-trend-axis', x1: BOX.pad, x2: BOX.width - BOX.pad, y1: top, y2: top }),
    svg('line', { class: 'mock-trend-axis', x1: BOX.pad, x2: BOX.width - BOX.pad, y1: bottom, y2: bottom }),
    svg('text', { class: 'mock-trend-scale', x: 2, y: top + 4 }, '100%'),
    svg('text', { class: 'mock-trend-scale', x: 2, y: bottom + 4 }, '0%'),
  );
  const points = trendPoints(sessions, BOX);
  if (points.length > 1) chart.append(svg('polyline', { class: 'mock-trend-line', points: points.map((p) => `${p.x},${p.y}`).join(' ') }));
  for (const point of points) {
    chart.append(
      svg('circle', { class: 'mock-trend-point', cx: point.x, cy: point.y, r: 4 }),
      svg('text', { x: point.x, y: point.y - 9, 'text-anchor': 'middle' }, `${point.percent}%`),
    );
  }
  return chart;
}

function dateText(iso: string): string {
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

function historyRow(session: MockSession, prompt: PracticePrompt | undefined): HTMLTableRowElement {
  const when = el('time', '', dateText(session.startedAt));
  when.dateTime = session.startedAt;
  const title = prompt ? Object.assign(el('a', '', prompt.title), { href: prompt.path }) : session.promptId;
  const row = el(
    'tr',
    '',
    el('td', '', when),
    el('td', '', title),
    el('td', '', `${session.format} min`),
    el('td', '', `${coverageText(session)} (${coveragePercent(session)}%)`),
    el('td', '', ratingText(session.rating)),
  );
  row.dataset.session = session.id;
  return row;
}

export function renderHistory(root: HTMLElement, sessions: readonly MockSession[], prompts: readonly PracticePrompt[]): void {
  const empty = root.querySelector<HTMLElement>('[data-history-empty]')!;
  const history = root.querySelector<HTMLElement>('[data-history]')!;
  empty.hidden = sessions.length > 0;
  history.hidden = sessions.length === 0;
  if (sessions.length === 0) return;
  const byId = new Map(prompts.map((p) => [p.id, p]));
  root.querySelector('[data-trend]')!.replaceChildren(trendChart(sessions));
  root.querySelector('[data-history-rows]')!.replaceChildren(
    ...chronological(sessions)
      .reverse()
      .map((s) => historyRow(s, byId.get(s.promptId))),
  );
}
