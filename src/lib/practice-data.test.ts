import { describe, expect, it } from 'vitest';
import {
  cultureCard,
  factCard,
  firstSentence,
  mistakeCard,
  practicePrompt,
  stackCard,
  type PracticeAnswer,
  type PracticeLevels,
  type PromptData,
} from './practice-data.ts';

describe('flashcards from content', () => {
  it('ask for a stack component’s job and status', () => {
    const card = stackCard(
      {
        id: 'hystrix',
        title: 'Hystrix',
        status: 'maintenance',
        statusNote: 'Since November 2018.',
        description: 'Circuit breakers for Java.',
      },
      '/stack/hystrix/',
    );
    expect(card).toEqual({
      id: 'stack:hystrix',
      deck: 'stack',
      front: 'Hystrix: what does it do, and what is its status today?',
      back: 'Circuit breakers for Java. Status: Maintenance mode. Since November 2018.',
      path: '/stack/hystrix/',
    });
  });
  it('say whether a culture concept is in the current memo', () => {
    expect(cultureCard({ id: 'candor', title: 'Candor', description: 'Say it.', memoVersions: ['2024'] }, '/c/').back).toBe(
      'Say it. Named in the current (June 2024) memo.',
    );
    expect(cultureCard({ id: 'fr', title: 'F&R', description: 'Old.', memoVersions: ['2009', '2022'] }, '/c/').back).toContain(
      'Not in the current memo',
    );
  });
  it('turn a GOOD/BAD pair into "what is wrong with this answer?"', () => {
    const card = mistakeCard(
      { id: 'x', context: 'A latency spike.', bad: 'Add instances.', good: 'Check the cache.', why: 'Find the cause.' },
      '/m/x/',
    );
    expect(card.front).toBe('A latency spike. A candidate answers: "Add instances." What is wrong with this answer?');
    expect(card.back).toBe('Find the cause. A stronger answer: "Check the cache."');
  });
  it('give guide facts ids that survive reordering', () => {
    const a = factCard('system-design/estimation', { front: 'Paid memberships, January 2026?', back: 'Over 325 million.' }, '/e/');
    const b = factCard(
      'system-design/estimation',
      { front: '  paid memberships, January 2026?', back: 'Changed wording of the answer.' },
      '/e/',
    );
    expect(a.id).toBe(b.id);
    expect(a.id).toMatch(/^estimation:system-design\/estimation:[0-9a-f]{8}$/);
  });
});

describe('a prompt for the study tools', () => {
  const level = (name: string) => ({
    scoping: `${name} scoping`,
    design: `${name} design`,
    deepDive: `${name} deep dive`,
    operations: `${name} operations`,
    separates: `${name} separates`,
  });
  const levels: PracticeLevels = { L4: level('L4'), L5: level('L5'), L6: level('L6'), L7: 'Where L7 differs.' };
  const answer: PracticeAnswer = {
    scoping: 'Ask about scale.',
    estimation: 'Two numbers.',
    highLevel: 'Three boxes.',
    stressor: 'A region fails.',
    deepDive: 'The write path.',
    operations: 'The failover.',
    recap: 'The summary.',
    leaveOut: ['Auth', 'Billing'],
    sixtyMinutes: 'A second deep dive.',
  };
  const data: PromptData = {
    title: 'Playback resume',
    prompt: 'Design resume.',
    difficulty: 'medium',
    themes: ['device-sync'],
    scoping: [{ question: 'How many?', assume: 'Many.' }],
    curveballs: [
      { at: 30, ask: 'Late', strongAnswer: 'Late answer' },
      { at: 8, ask: 'Early', strongAnswer: 'Early answer' },
    ],
    probes: ['Why?'],
    rubric: ['One', 'Two'],
  };

  it('carries the level expectations and the 45-minute answer when the prompt has them', () => {
    const prompt = practicePrompt('playback-resume', '/prompts/playback-resume/', { ...data, levels, answer });
    expect(prompt.levels).toEqual(levels);
    expect(prompt.answer).toEqual(answer);
    expect(prompt.curveballs.map((c) => c.at)).toEqual([8, 30]);
    expect(JSON.parse(JSON.stringify(prompt))).toEqual(prompt);
  });

  it('leaves both out of the JSON while a prompt has neither, with no empty placeholder', () => {
    const prompt = practicePrompt('playback-resume', '/prompts/playback-resume/', { ...data, levels: undefined });
    expect(Object.keys(JSON.parse(JSON.stringify(prompt)) as object)).toEqual([
      'id',
      'title',
      'path',
      'prompt',
      'difficulty',
      'themes',
      'scoping',
      'curveballs',
      'probes',
      'rubric',
    ]);
    expect(data.curveballs.map((c) => c.at)).toEqual([30, 8]);
  });

  it('keeps one without the other', () => {
    expect(practicePrompt('p', '/p/', { ...data, answer })).not.toHaveProperty('levels');
    expect(practicePrompt('p', '/p/', { ...data, levels })).not.toHaveProperty('answer');
  });
});

describe('the opening sentence of a phase note', () => {
  it('stops at the first sentence end, across line breaks', () => {
    expect(firstSentence('About 550M hours a day\n is 23M streams. At one heartbeat a minute...', 200)).toBe(
      'About 550M hours a day is 23M streams.',
    );
    expect(firstSentence('"Streams triple." Storage is sized on writes.', 200)).toBe('"Streams triple."');
    expect(firstSentence('Version 2.5 ships today', 200)).toBe('Version 2.5 ships today');
  });
  it('cuts a long sentence at a word, with an ellipsis, never over the limit', () => {
    const long = 'Four boxes: devices through the edge to a bookmark service, a key-value store, a cache and events. Then more.';
    const cut = firstSentence(long, 40);
    expect(cut).toBe('Four boxes: devices through the edge…');
    expect(cut.length).toBeLessThanOrEqual(40);
    expect(firstSentence('Averyveryverylongwordwithoutanyspacesatall.', 12)).toBe('Averyveryve…');
  });
});
