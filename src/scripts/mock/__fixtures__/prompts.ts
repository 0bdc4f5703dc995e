/**
 * Prompts as public/practice/prompts.json carries them (src/lib/practice-data.ts), for the mock
 * and partner island tests: one with level expectations and an answer, one without either.
 */
import type { PracticePrompt } from '../../../lib/practice-data.ts';

const level = (name: string) => ({
  scoping: `${name}: asks about the heartbeat interval`,
  design: `${name}: draws the KV store`,
  deepDive: `${name}: orders writes by session`,
  operations: `${name}: alerts on lag`,
  separates: `${name}: names the trade-off`,
});

export const WATCH_HISTORY: PracticePrompt = {
  id: 'watch-history',
  title: 'Design watch history',
  path: '/netflix-sd/prompts/watch-history/',
  prompt: 'Record what every member watches and resume it on any device.',
  difficulty: 'hard',
  themes: ['device-sync', 'storage'],
  scoping: [
    { question: 'How many members?', assume: 'About 300 million.' },
    { question: 'How fresh must resume be?', assume: 'A few seconds.' },
  ],
  curveballs: [
    { at: 12, ask: 'A region goes down.', strongAnswer: 'Fail over reads to another region.' },
    { at: 30, ask: 'Writes triple.', strongAnswer: 'Batch the heartbeats.' },
  ],
  probes: ['Why Cassandra?'],
  rubric: ['Sizes the write rate', 'Chooses a store', 'Plans for a region failure'],
  levels: { L4: level('L4'), L5: level('L5'), L6: level('L6'), L7: 'Principal: the org.' },
  answer: {
    scoping: 'Ask three questions.',
    estimation: '870K writes a second.',
    highLevel: 'Four boxes.',
    stressor: 'Streams triple.',
    deepDive: 'Write ordering.',
    operations: 'A region fails.',
    recap: 'Summary.',
    leaveOut: ['Auth', 'Billing'],
    sixtyMinutes: 'The cache as a second deep dive.',
  },
};

export const BARE: PracticePrompt = {
  id: 'bare',
  title: 'Design a rate limiter',
  path: '/netflix-sd/prompts/bare/',
  prompt: 'Limit each client.',
  difficulty: 'medium',
  themes: ['edge'],
  scoping: [],
  curveballs: [],
  probes: [],
  rubric: ['Picks an algorithm'],
};

export const PROMPTS: PracticePrompt[] = [WATCH_HISTORY, BARE];

/** A fetch that serves the prompts file (or fails), recording the addresses asked for. */
export function promptsFetch(prompts: PracticePrompt[] | 'fail' | 'offline'): typeof fetch & { urls: string[] } {
  const urls: string[] = [];
  const fake = (async (input: RequestInfo | URL) => {
    urls.push(String(input));
    if (prompts === 'offline') throw new TypeError('Failed to fetch');
    // A plain object with what loadPrompts reads: a Response body would settle on a later task.
    return prompts === 'fail' ? { ok: false, status: 404 } : { ok: true, status: 200, json: async () => structuredClone(prompts) };
  }) as unknown as typeof fetch & { urls: string[] };
  fake.urls = urls;
  return fake;
}
