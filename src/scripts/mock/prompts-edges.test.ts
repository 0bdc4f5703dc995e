/**
 * Choosing a prompt at its edges: a random source that returns its upper bound, difficulties in
 * the order readers expect with unknown ones last, a base path written without its final slash,
 * and a prompts file the server refuses.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PracticePrompt } from '../../lib/practice-data.ts';
import { loadPrompts, partnerUrl, pickRandom, promptFacets } from './prompts.ts';

function prompt(id: string, difficulty: string): PracticePrompt {
  return { id, title: id, path: `/p/${id}/`, prompt: '', difficulty, themes: [], scoping: [], curveballs: [], probes: [], rubric: [] };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('prompts at their edges', () => {
  it('stays inside the list even when the random source returns 1', () => {
    const list = [prompt('a', 'easy'), prompt('b', 'easy')];
    expect(pickRandom(list, () => 1)?.id).toBe('b');
    expect(pickRandom(list, () => 0.99)?.id).toBe('b');
  });

  it('orders difficulties from easy to expert, then any others alphabetically', () => {
    const list = ['zany', 'expert', 'hard', 'medium', 'easy', 'odd'].map((d, i) => prompt(String(i), d));
    expect(promptFacets(list).difficulties).toEqual(['easy', 'medium', 'hard', 'expert', 'odd', 'zany']);
  });

  it('adds the slash a base path was written without', () => {
    expect(partnerUrl('https://example.org', '/netflix-sd', 'p', 45)).toBe(
      'https://example.org/netflix-sd/practice/partner/?prompt=p&format=45',
    );
    expect(partnerUrl('https://example.org', '/', 'p', 60, null)).toBe('https://example.org/practice/partner/?prompt=p&format=60');
  });

  it('loads the prompts file under the base path, and fails with the status when refused', async () => {
    const asked: string[] = [];
    vi.stubGlobal('fetch', async (url: string) => {
      asked.push(url);
      return url.includes('missing') ? { ok: false, status: 404 } : { ok: true, status: 200, json: async () => [prompt('a', 'easy')] };
    });
    expect((await loadPrompts('/netflix-sd/')).map((p) => p.id)).toEqual(['a']);
    await expect(loadPrompts('/missing/')).rejects.toThrow('prompts.json: HTTP 404');
    expect(asked).toEqual(['/netflix-sd/practice/prompts.json', '/missing/practice/prompts.json']);
  });
});
