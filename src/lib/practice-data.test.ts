import { describe, expect, it } from 'vitest';
import { cultureCard, factCard, mistakeCard, stackCard } from './practice-data.ts';

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
