/**
 * The data the study tools read, built from the content at build time: the prompts for the mock
 * interview, and the flashcard decks. Pure functions over entry data, so they are tested without
 * a build; the JSON endpoints in src/pages/practice/ serve their output.
 */
import { createHash } from 'node:crypto';
import { CURVEBALL_CLOCK_MINUTES } from '../schemas/index.ts';
import { MEMO_VERSIONS, STACK_STATUSES, type MemoVersion, type StackStatus } from '../schemas/vocabulary.ts';

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
