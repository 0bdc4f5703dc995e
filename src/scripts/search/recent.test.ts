import { describe, expect, it } from 'vitest';
import { RECENT_LIMIT, RECENT_STORAGE_KEY } from './config.ts';
import { addRecent, clearRecent, loadRecent, parseRecent, saveRecent } from './recent.ts';

function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (key: string) => data.get(key) ?? null,
    setItem: (key: string, value: string) => void data.set(key, value),
    removeItem: (key: string) => void data.delete(key),
  };
}

describe('recent searches', () => {
  it('reads only a list of short strings, dropping everything else', () => {
    expect(parseRecent(null)).toEqual([]);
    expect(parseRecent('not json')).toEqual([]);
    expect(parseRecent('{"a":1}')).toEqual([]);
    expect(parseRecent(JSON.stringify(['cdn', 42, null, 'x', '  rate   limiter ', 'y'.repeat(200), 'CDN']))).toEqual([
      'cdn',
      'rate limiter',
    ]);
  });

  it('caps what it reads', () => {
    const many = Array.from({ length: 20 }, (_, i) => `query ${i}`);
    expect(parseRecent(JSON.stringify(many))).toHaveLength(RECENT_LIMIT);
  });

  it('puts a new search first, moves a repeated one up (ignoring case) and caps the list', () => {
    expect(addRecent(['cdn', 'zuul'], 'Zuul')).toEqual(['Zuul', 'cdn']);
    expect(addRecent(['cdn'], ' ')).toEqual(['cdn']);
    let list: string[] = [];
    for (let i = 0; i < RECENT_LIMIT + 3; i += 1) list = addRecent(list, `q${i}`);
    expect(list).toHaveLength(RECENT_LIMIT);
    expect(list[0]).toBe(`q${RECENT_LIMIT + 2}`);
  });

  it('saves to and clears from storage, and survives storage that throws', () => {
    const storage = memoryStorage();
    expect(saveRecent(storage, 'open connect')).toEqual(['open connect']);
    expect(saveRecent(storage, 'cdn')).toEqual(['cdn', 'open connect']);
    expect(JSON.parse(storage.data.get(RECENT_STORAGE_KEY)!)).toEqual(['cdn', 'open connect']);
    expect(loadRecent(storage)).toEqual(['cdn', 'open connect']);
    clearRecent(storage);
    expect(loadRecent(storage)).toEqual([]);
    const broken = {
      getItem: () => {
        throw new Error('blocked');
      },
      setItem: () => {
        throw new Error('blocked');
      },
      removeItem: () => {
        throw new Error('blocked');
      },
    };
    expect(loadRecent(broken)).toEqual([]);
    expect(saveRecent(broken, 'zuul')).toEqual(['zuul']);
    expect(() => clearRecent(broken)).not.toThrow();
  });
});
