/**
 * The data the study tools read, built from the content at build time: the prompts for the mock
 * interview, and the flashcard decks. Pure functions over entry data, so they are tested without
 * a build; the JSON endpoints in src/pages/practice/ serve their output.
 */
import { createHash } from 'node:crypto';
import { CURVEBALL_CLOCK_MINUTES } from '../schemas/index.ts';
import { MEMO_VERSIONS, STACK_STATUSES, type MemoVersion, type StackStatus } from '../schemas/vocabulary.ts';
import type { LevelAspect, PromptLevel } from './levels.ts';
import type { AnswerPhaseId } from './round-phases.ts';

/** One level's expectations for a prompt: a sentence or two per aspect (see LEVEL_ASPECTS). */
export type PracticeLevel = Record<LevelAspect, string>;

/** A prompt's level expectations: L4 to L6 in full, L7 as a paragraph. */
export type PracticeLevels = Record<PromptLevel, PracticeLevel> & { L7: string };

/** A prompt's 45-minute answer: what to say in each phase, what to leave out, what 60 minutes add. */
export type PracticeAnswer = Record<AnswerPhaseId, string> & { leaveOut: string[]; sixtyMinutes: string };

export interface PracticePrompt {
  id: string;
  title: string;
  path: string;
  prompt: string;
  difficulty: string;
  themes: string[];
  scoping: { question: string; assume: string }[];
  /** `at` is the minute in a 45-minute round; the tools scale it for 60 minutes. */
  curveballs: { at: number; ask: string; strongAnswer: string }[];
  probes: string[];
  rubric: string[];
  /**
   * What each level must show in this prompt. Every prompt has them today (the schema requires
   * them); the tools still leave the level part out for a prompt without them, such as an old
   * prompts.json cached offline.
   */
  levels?: PracticeLevels;
  /** The 45-minute answer, phase by phase; left out by the tools when absent, as above. */
  answer?: PracticeAnswer;
}

/** A prompt's front matter, as far as the study tools use it: the practice shape without its route. */
export type PromptData = Omit<PracticePrompt, 'id' | 'path' | 'levels' | 'answer'> & {
  levels?: PracticeLevels | undefined;
  answer?: PracticeAnswer | undefined;
};

/**
 * A prompt as the study tools read it: curveballs in the order they arrive, and the level
 * expectations and 45-minute answer only when the prompt has them (no empty placeholders).
 */
export function practicePrompt(id: string, path: string, data: PromptData): PracticePrompt {
  const prompt: PracticePrompt = {
    id,
    title: data.title,
    path,
    prompt: data.prompt,
    difficulty: data.difficulty,
    themes: data.themes,
    scoping: data.scoping,
    curveballs: [...data.curveballs].sort((a, b) => a.at - b.at),
    probes: data.probes,
    rubric: data.rubric,
  };
  if (data.levels) prompt.levels = data.levels;
  if (data.answer) prompt.answer = data.answer;
  return prompt;
}

/**
 * The opening sentence of a phase note, for a one-page sheet: cut at the first sentence end, and
 * a sentence still over `max` characters cut at a word boundary with an ellipsis. A quoted
 * interviewer line ("… triple.") counts as a sentence.
 */
export function firstSentence(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const end = /[.?!]["”’)]?(?=\s|$)/.exec(flat);
  const sentence = end ? flat.slice(0, end.index + end[0].length) : flat;
  if (sentence.length <= max) return sentence;
  const cut = sentence.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:–—-]+$/, '')}…`;
}

export interface Flashcard {
  /** Stable across builds: the deck plus the entry id (and a hash for guide facts). */
  id: string;
  deck: 'stack' | 'culture' | 'mistakes' | 'estimation';
  front: string;
  back: string;
  /** Where to read more. */
  path: string;
}

export const DECKS = {
  stack: 'Netflix stack and its status',
  culture: 'Culture memo concepts',
  mistakes: 'What is wrong with this answer?',
  estimation: 'Estimation facts',
} as const;

export const CLOCK_MINUTES = CURVEBALL_CLOCK_MINUTES;

export function stackCard(
  entry: { id: string; title: string; status: StackStatus; statusNote: string; description: string },
  path: string,
): Flashcard {
  return {
    id: `stack:${entry.id}`,
    deck: 'stack',
    front: `${entry.title}: what does it do, and what is its status today?`,
    back: `${entry.description} Status: ${STACK_STATUSES[entry.status]}. ${entry.statusNote}`,
    path,
  };
}

export function cultureCard(
  entry: { id: string; title: string; description: string; memoVersions: MemoVersion[] },
  path: string,
): Flashcard {
  const current = entry.memoVersions.includes('2024');
  return {
    id: `culture:${entry.id}`,
    deck: 'culture',
    front: `In Netflix's culture memo, what is "${entry.title}"?`,
    back: `${entry.description} ${current ? 'Named in the current (June 2024) memo.' : `Not in the current memo; from the ${entry.memoVersions.map((v) => MEMO_VERSIONS[v].split(',')[0]).join(' and ')}.`}`,
    path,
  };
}

export function mistakeCard(entry: { id: string; context: string; bad: string; good: string; why: string }, path: string): Flashcard {
  return {
    id: `mistakes:${entry.id}`,
    deck: 'mistakes',
    front: `${entry.context} A candidate answers: "${entry.bad}" What is wrong with this answer?`,
    back: `${entry.why} A stronger answer: "${entry.good}"`,
    path,
  };
}

export function factCard(guideId: string, card: { front: string; back: string }, path: string): Flashcard {
  const hash = createHash('sha256').update(card.front.trim().toLowerCase()).digest('hex').slice(0, 8);
  return { id: `estimation:${guideId}:${hash}`, deck: 'estimation', front: card.front, back: card.back, path };
}
