/**
 * Estimates are computed, not typed. This rule evaluates every ```estimate block with the same
 * code the build uses (src/lib/estimate) and reports, at the file line inside the block:
 * - a chain that does not evaluate: a unit mismatch, an unknown figure or name, an expression
 *   error, a division by zero, a peak without a peak factor, a daily volume from a peak rate;
 * - a `[[chain.name]]` token (in the text or anywhere in the front matter) that names nothing, or
 *   one in a flashcard's front (the card id is a hash of it);
 * - the same named quantity with different values on two pages, unless a chain is a scenario;
 * - a number in prose that looks like a derived estimate ("≈ 230 MB/s", "about 20 TB a day",
 *   "46M × 5 Mbps = 230 Tbps") and is neither a token nor wrapped in <Typed reason="…">;
 * - a figure whose unit mathjs cannot read, or a factor with a unit.
 * Every section of every page is checked: there is no list of pages or sections left out.
 */
import { isMap, isSeq } from 'yaml';
import type { Problem } from '../../lib/problems.ts';
import { lineOfPath, type CheckContext, type Rule } from '../context.ts';
import type { ContentFile } from '../load.ts';
import type { EvaluatedChain, Figure, Row } from '../../../src/lib/estimate/index.ts';
import { runChainOnce } from '../../../src/lib/estimate/memo.ts';
import { figureFromData } from '../../../src/lib/estimate/load.ts';
import { findEstimateBlocks, resolveToken, TOKEN } from '../../../src/lib/estimate/blocks.ts';
import { dataStrings, dataTokens, describePath } from '../../../src/lib/estimate/frontmatter.ts';
import { math } from '../../../src/lib/estimate/units.ts';

const RULE = 'estimate';

interface ChainAt {
  file: ContentFile;
  chain: EvaluatedChain;
  /** File line of the block's opening fence. */
  fenceLine: number;
}

function figuresOf(context: CheckContext, problems: Problem[]): Map<string, Figure> {
  const figures = new Map<string, Figure>();
  for (const file of context.files) {
    if (file.collection !== 'figures' || !file.data || typeof file.data !== 'object') continue;
    let figure: Figure;
    try {
      figure = figureFromData(file.id, file.data as Record<string, unknown>);
    } catch {
      continue; // The front-matter rule reports a missing or non-numeric value.
    }
    if (figure.unit) {
      try {
        math.unit(figure.value, figure.unit);
      } catch (error) {
        problems.push({
          file: file.file,
          line: lineOfPath(file, ['unit']),
          rule: RULE,
          message: `unit: mathjs cannot read "${figure.unit}" (${(error as Error).message}).`,
          fix: 'Write a mathjs unit such as "stream hour", "Mbps/stream", "B/event"; count units are listed in src/lib/estimate/units.ts.',
        });
        continue;
      }
      if (figure.basis === 'factor') {
        problems.push({
          file: file.file,
          line: lineOfPath(file, ['unit']),
          rule: RULE,
          message: 'A peak factor is a plain ratio, but this one has a unit.',
          fix: 'Remove "unit", or change "basis" if it is not a peak-to-average factor.',
        });
      }
    }
    figures.set(file.id, figure);
  }
  return figures;
}

/** Derived-looking numbers typed in prose. */
const APPROX = '(?:≈|~(?!~))';
const APPROX_WORD = '(?:about|roughly|around|approximately|nearly|almost|some)';
const NUMBER = '\\$?\\d[\\d,.]*';
const SCALE = '(?:\\s?(?:K|M|B|k|thousand|million|billion|trillion)\\b)';
const RATE_OR_SIZE =
  '(?:\\s?(?:[KMGTPE]i?B|kB|bytes?|[KMGTP]?bps|QPS|qps|RPS|rps|req/s|(?:[a-z]+)?/s\\b|/day|/month|/year)|\\s(?:[a-z-]+\\s){0,2}(?:per second|a second|per day|a day|per month|a month|per year|a year))';
export const TYPED_PATTERNS: readonly { pattern: RegExp; what: string }[] = [
  // "~2017" is a year, not an estimate.
  { pattern: new RegExp(`${APPROX}\\s?(?!(?:19|20)\\d\\d\\b)${NUMBER}`), what: 'an approximate number' },
  { pattern: new RegExp(`\\b${APPROX_WORD}\\s+${NUMBER}(?:${SCALE}|${RATE_OR_SIZE})`, 'i'), what: 'an approximate quantity' },
  {
    pattern: new RegExp(`${NUMBER}${SCALE}?[^\\n×÷=≈]{0,24}\\s[×÷]\\s[^\\n=≈]{1,80}?[=≈]\\s*(?:${APPROX_WORD}\\s+)?${NUMBER}`),
    what: 'typed arithmetic',
  },
];

/** Removes what may hold numbers: inline code, <Typed> spans, sourced claims, tokens, link targets, tags. */
function maskAllowed(text: string): string {
  // Same length, so positions in the masked text are positions in the original.
  const blank = (match: string) => ' '.repeat(match.length);
  return (
    text
      .replace(/`[^`]*`/g, blank)
      .replace(/<Typed\b[^>]*>[\s\S]*?<\/Typed>/g, blank)
      // A claim with its source and status is a quoted figure, not an estimate.
      .replace(/<(ClaimStatus|NetflixSays|SourceSays)\b[^>]*>[\s\S]*?<\/\1>/g, blank)
      .replace(TOKEN, blank)
      .replace(/\]\([^)]*\)/g, blank)
      .replace(/<[A-Za-z][^>]*\b(?:id|source|href|name)="[^"]*"[^>]*>/g, blank)
  );
}

/** Whether a <Cite> follows in the same sentence: a published figure quoted with its source. */
function citedInSentence(original: string, end: number): boolean {
  const rest = original.slice(end);
  const cite = rest.search(/<(Cite|ClaimStatus|NetflixSays|SourceSays)\b/);
  if (cite < 0) return false;
  return !/[.!?]\s/.test(rest.slice(0, cite));
}

/** Typed estimates in one text, or none. A number quoted from a source cited in the same sentence is not one. */
export function typedEstimates(text: string): { match: string; what: string; index: number }[] {
  const masked = maskAllowed(text);
  const found: { match: string; what: string; index: number }[] = [];
  for (const { pattern, what } of TYPED_PATTERNS) {
    const match = pattern.exec(masked);
    // Stryker disable next-line MethodExpression: every pattern starts and ends on a non-space character, so trim() changes nothing.
    if (match && !citedInSentence(text, match.index + match[0].length)) found.push({ match: match[0].trim(), what, index: match.index });
  }
  return found;
}

/** The paragraphs of a body outside code fences, each with the file line of its first line. */
function paragraphsOf(file: ContentFile): { text: string; line: number }[] {
  const paragraphs: { text: string; line: number }[] = [];
  let current: { lines: string[]; line: number } | undefined;
  let fence: string | undefined;
  const flush = () => {
    if (current) paragraphs.push({ text: current.lines.join('\n'), line: current.line });
    current = undefined;
  };
  file.body.split('\n').forEach((text, index) => {
    const opener = /^\s*(```|~~~)/.exec(text)?.[1];
    if (opener || fence) {
      flush();
      if (opener) fence = fence ? undefined : opener;
      return;
    }
    // A blank line ends a paragraph; a heading, a list item or a table row starts a new one.
    if (text.trim() === '') {
      flush();
      return;
    }
    if (/^\s*(#|[-*+] |\d+\. |\|)/.test(text)) flush();
    current ??= { lines: [], line: file.bodyStartLine + index };
    current.lines.push(text);
  });
  flush();
  return paragraphs;
}

/** Strings of a guide's flashcards with the line of each, for tokens and typed numbers. */
function flashcardTexts(file: ContentFile): { text: string; line: number }[] {
  const out: { text: string; line: number }[] = [];
  const root = file.document.contents;
  if (!isMap(root)) return out;
  const cards = root.get('flashcards', true);
  if (!isSeq(cards)) return out;
  cards.items.forEach((_, index) => {
    for (const side of ['front', 'back']) {
      const value = (file.data as { flashcards?: Record<string, unknown>[] })?.flashcards?.[index]?.[side];
      if (typeof value === 'string') out.push({ text: value, line: lineOfPath(file, ['flashcards', index, side]) });
    }
  });
  return out;
}

const sameValue = (a: Row, b: Row) =>
  a.dimensions === b.dimensions && Math.abs(a.si - b.si) <= Math.max(Math.abs(a.si), Math.abs(b.si)) * 1e-6;

export const checkEstimates: Rule = (context) => {
  const problems: Problem[] = [];
  const figures = figuresOf(context, problems);
  const everyChain: ChainAt[] = [];

  for (const file of context.files) {
    if (!file.body) continue;
    const chains = new Map<string, EvaluatedChain>();
    /** Chains that did not evaluate: their errors are reported once, not again at every token. */
    const broken = new Set<string>();
    for (const block of findEstimateBlocks(file.body)) {
      const fenceLine = file.bodyStartLine + block.fenceLine - 1;
      // Under npm run build, the MDX compiled beside Astro has evaluated most chains already (memo.ts).
      const result = runChainOnce(block.text, figures, chains);
      for (const error of result.errors) {
        problems.push({ file: file.file, line: fenceLine + error.line, rule: RULE, message: error.message, fix: error.fix });
      }
      if (!result.chain) {
        const id = /^id:\s*(\S+)/m.exec(block.text)?.[1];
        if (id) broken.add(id);
        continue;
      }
      if (chains.has(result.chain.id)) {
        problems.push({
          file: file.file,
          line: fenceLine + 1,
          rule: RULE,
          message: `Two chains on this page have the id "${result.chain.id}".`,
          fix: 'Give each chain its own id; tokens and anchors use it.',
        });
        continue;
      }
      chains.set(result.chain.id, result.chain);
      everyChain.push({ file, chain: result.chain, fenceLine });
    }

    // Tokens and typed numbers in the prose, a paragraph at a time (a sentence may wrap).
    for (const paragraph of paragraphsOf(file)) {
      const lineAt = (index: number) => paragraph.line + (paragraph.text.slice(0, index).match(/\n/g)?.length ?? 0);
      for (const token of paragraph.text.matchAll(TOKEN)) {
        if (broken.has(token[1]!)) continue;
        const resolved = resolveToken(token[1]!, token[2]!, chains);
        if (!resolved.ok)
          problems.push({ file: file.file, line: lineAt(token.index), rule: RULE, message: resolved.message, fix: resolved.fix });
      }
      for (const typed of typedEstimates(paragraph.text.replace(/\n/g, ' '))) {
        problems.push({
          file: file.file,
          line: lineAt(typed.index),
          rule: 'typed-estimate',
          message: `"${typed.match}" is ${typed.what} typed in prose.`,
          fix: 'Compute it in an ```estimate block and write [[chain-id.name]] here; or, if it is typed on purpose (a quoted guide figure), wrap it in <Typed reason="…">.',
        });
      }
    }

    // Tokens in front matter (a prompt's answer, curveballs, levels…; a flashcard's back): resolved
    // when the collection loads (src/lib/estimate/loader.ts), so each must name a step on this page.
    for (const { path, text } of dataTokens(file.data)) {
      const line = lineOfPath(file, path);
      if (path[0] === 'flashcards' && path[2] === 'front') {
        problems.push({
          file: file.file,
          line,
          rule: RULE,
          message: `Flashcard front ${describePath(path)} holds a token; the card's id is a hash of its front, so a changed figure would reset everyone's schedule for it.`,
          fix: 'Keep the number on the back, or word the front without it.',
        });
        continue;
      }
      for (const token of text.matchAll(TOKEN)) {
        if (broken.has(token[1]!)) continue;
        const resolved = resolveToken(token[1]!, token[2]!, chains);
        if (!resolved.ok)
          problems.push({
            file: file.file,
            line,
            rule: RULE,
            message: `Front matter ${describePath(path)}: ${resolved.message}`,
            fix: resolved.fix,
          });
      }
    }

    // Typed estimates in front matter: a prompt's answer, curveballs, scoping, targets, probes and
    // levels are printed by components, cheat sheets and the practice tools, so a number there that
    // a chain computes is written as a token, or it drifts.
    if (file.collection === 'prompts' || file.collection === 'guides') {
      for (const { path, text } of dataStrings(file.data)) {
        if (path[0] === 'flashcards') continue; // Reported below, with the flashcard's own fix.
        for (const typed of typedEstimates(text)) {
          problems.push({
            file: file.file,
            line: lineOfPath(file, path),
            rule: 'typed-estimate',
            message: `Front matter ${describePath(path)}: "${typed.match}" is ${typed.what} typed by hand.`,
            fix: 'Write [[chain-id.name]] for a step of a chain on this page (add the step, or a small chain in the body, if none computes it); front-matter tokens are resolved when the page loads.',
          });
        }
      }
    }

    if (file.collection === 'guides') {
      for (const { text, line } of flashcardTexts(file)) {
        for (const typed of typedEstimates(text)) {
          problems.push({
            file: file.file,
            line,
            rule: 'typed-estimate',
            message: `Flashcard: "${typed.match}" is ${typed.what} typed by hand.`,
            fix: 'Put the number in a chain on this page and write [[chain-id.name]] in the card.',
          });
        }
      }
    }
  }

  // The same name, the same value, on every page (scenarios excepted).
  const first = new Map<string, { at: ChainAt; row: Row }>();
  for (const at of everyChain) {
    if (at.chain.scenario) continue;
    for (const row of at.chain.rows) {
      const earlier = first.get(row.name);
      if (!earlier) {
        first.set(row.name, { at, row });
        continue;
      }
      if (sameValue(earlier.row, row)) continue;
      problems.push({
        file: at.file.file,
        line: at.fenceLine + row.line,
        rule: 'estimate-consistency',
        message: `"${row.name}" is ${row.spoken} here but ${earlier.row.spoken} in ${earlier.at.file.file}:${earlier.at.fenceLine + earlier.row.line}.`,
        fix: 'A name means the same quantity on every page: use the same value (best, a figure in content/figures), rename it if it is a different quantity, or mark the chain "scenario:" with why it differs.',
      });
    }
  }
  return problems;
};
