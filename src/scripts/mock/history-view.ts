/**
 * The history of saved rounds: a table, newest first, and a small chart of rubric coverage,
 * oldest first. The chart labels every point with its percentage and carries a text
 * alternative, so neither color nor sight is needed to read it. Saved rounds are read
 * defensively: a damaged one shows as "unknown" values or a row of its own, never hiding the rest.
 */
import type { PracticePrompt } from '../../lib/practice-data.ts';
import type { MockSession } from '../study/schema.ts';
import { chronological, coveragePercent, coverageText, levelText, ratingText } from './session.ts';
import { formatStoredDateTime, storedDate, storedText } from '../study/format.ts';
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

function historyRow(session: MockSession, prompt: PracticePrompt | undefined): HTMLTableRowElement {
  const started = storedDate(session.startedAt);
  const when = el('time', '', formatStoredDateTime(session.startedAt));
  if (started) when.dateTime = started.toISOString();
  const title = prompt
    ? Object.assign(el('a', '', prompt.title), { href: prompt.path })
    : storedText(session.promptId) || 'an unknown prompt';
  const covered = coverageText(session);
  const row = el(
    'tr',
    '',
    el('td', '', when),
    el('td', '', title),
    el('td', '', session.format === 45 || session.format === 60 ? `${session.format} min` : 'unknown'),
    el('td', '', levelText(session)),
    el('td', '', covered === 'unknown' ? covered : `${covered} (${coveragePercent(session)}%)`),
    el('td', '', ratingText(session.rating)),
  );
  row.dataset.session = storedText(session.id);
  return row;
}

/** A row saying one saved round cannot be shown; the others still are. */
function damagedRow(): HTMLTableRowElement {
  const row = el('tr', '', el('td', '', 'A saved round whose record is damaged and cannot be shown.'));
  row.firstElementChild!.setAttribute('colspan', '6');
  return row;
}

function safeRow(session: MockSession, byId: Map<string, PracticePrompt>): HTMLTableRowElement {
  try {
    return historyRow(session, byId.get(storedText(session?.promptId)));
  } catch {
    return damagedRow();
  }
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
      .map((s) => safeRow(s, byId)),
  );
}
