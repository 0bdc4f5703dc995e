import { describe, expect, it } from 'vitest';
import { filterPrompts, parseFormat, partnerUrl, pickRandom, promptFacets, themeLabel } from './prompts.ts';
import type { PracticePrompt } from '../../lib/practice-data.ts';

function prompt(id: string, difficulty: string, themes: string[]): PracticePrompt {
  return { id, title: id, path: `/p/${id}/`, prompt: '', difficulty, themes, scoping: [], curveballs: [], probes: [], rubric: [] };
}
const prompts = [prompt('a', 'hard', ['playback', 'reliability']), prompt('b', 'medium', ['playback']), prompt('c', 'expert', ['data'])];

describe('choosing a prompt', () => {
  it('filters by difficulty and theme, empty meaning any', () => {
    expect(filterPrompts(prompts, { difficulty: '', theme: '' })).toHaveLength(3);
    expect(filterPrompts(prompts, { difficulty: 'hard', theme: '' }).map((p) => p.id)).toEqual(['a']);
    expect(filterPrompts(prompts, { difficulty: '', theme: 'playback' }).map((p) => p.id)).toEqual(['a', 'b']);
    expect(filterPrompts(prompts, { difficulty: 'medium', theme: 'data' })).toEqual([]);
  });

  it('picks at random across the whole list, and nothing from an empty one', () => {
    expect(pickRandom(prompts, () => 0)?.id).toBe('a');
    expect(pickRandom(prompts, () => 0.5)?.id).toBe('b');
    expect(pickRandom(prompts, () => 0.9999)?.id).toBe('c');
    expect(pickRandom([], () => 0.5)).toBeUndefined();
  });

  it('offers difficulties from easiest, and themes alphabetically', () => {
    expect(promptFacets(prompts)).toEqual({ difficulties: ['medium', 'hard', 'expert'], themes: ['data', 'playback', 'reliability'] });
    expect(themeLabel('device-sync')).toBe('device sync');
  });
});

describe('the partner link', () => {
  it('is absolute, under the base path, with the prompt and the format', () => {
    expect(partnerUrl('http://localhost:4321', '/netflix-sd/', 'playback-resume', 60)).toBe(
      'http://localhost:4321/netflix-sd/practice/partner/?prompt=playback-resume&format=60',
    );
    expect(partnerUrl('https://example.org', '/', 'a b', 45)).toBe('https://example.org/practice/partner/?prompt=a+b&format=45');
    expect(partnerUrl('https://example.org', '/', 'p', 45, 'L6')).toBe('https://example.org/practice/partner/?prompt=p&format=45&level=L6');
    expect(partnerUrl('https://example.org', '/', 'p', 45, null)).toBe('https://example.org/practice/partner/?prompt=p&format=45');
  });

  it('reads the format back, defaulting to 45', () => {
    expect(parseFormat('60')).toBe(60);
    expect(parseFormat('45')).toBe(45);
    expect(parseFormat('90')).toBe(45);
    expect(parseFormat(null)).toBe(45);
  });
});
