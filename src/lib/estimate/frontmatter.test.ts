/**
 * Tokens in front matter: found with their paths, resolved from the page's chains (and left alone
 * where there are none), and resolved by the collection loader wrapper before any reader sees an
 * entry, with the figures folded into each entry's digest.
 */
import { describe, expect, it } from 'vitest';
import type { LoaderContext } from 'astro/loaders';
import { chainsOfBody } from './blocks.ts';
import { figuresKey, type Figure, type FigureTable } from './figures.ts';
import { dataStrings, dataTokens, describePath, resolveDataTokens } from './frontmatter.ts';
import { resolveEntry, withEstimateTokens } from './loader.ts';

const BODY = [
  'Some prose.',
  '',
  '```estimate',
  'id: home',
  'title: Renders',
  'assume rendersMean = 14000 render/s',
  '  label: Home renders a second, on average',
  '  why: A round number for the test.',
  '  basis: mean',
  'assume evening = 2',
  '  label: Evening factor',
  '  why: A round number for the test.',
  '  basis: factor',
  'rendersPeak = rendersMean * evening -> render/s',
  '  label: Home renders a second at the evening peak',
  '```',
].join('\n');

const chains = chainsOfBody(BODY, new Map());

describe('front-matter tokens', () => {
  it('finds every string with a token, with its path', () => {
    const data = {
      title: 'x',
      answer: { estimation: 'Peak is [[home.rendersPeak]].' },
      probes: ['plain', 'At [[home.rendersMean]]?'],
      when: new Date(0),
    };
    expect(dataTokens(data).map((t) => describePath(t.path))).toEqual(['answer.estimation', 'probes[1]']);
    expect(dataTokens({ note: 'brackets [[like this]] are not tokens' })).toEqual([]);
  });

  it('replaces tokens everywhere and keeps values without tokens as they are', () => {
    const untouched = { level: 'L5', tags: ['a'] };
    const data = {
      answer: { estimation: 'Peak: [[home.rendersPeak]]; mean [[home.rendersMean]].' },
      curveballs: [{ at: 12, ask: 'Twice [[home.rendersPeak]]?' }],
      untouched,
    };
    const out = resolveDataTokens(data, chains, 'content/prompts/x.mdx');
    expect(out.answer.estimation).toBe('Peak: 28,000 renders a second; mean 14,000 renders a second.');
    expect(out.curveballs[0]).toEqual({ at: 12, ask: 'Twice 28,000 renders a second?' });
    expect(out.untouched).toBe(untouched);
    expect(resolveDataTokens(untouched, chains, 'f')).toBe(untouched);
  });

  it('names the file, the field and the fix for a token that resolves to nothing', () => {
    expect(() => resolveDataTokens({ levels: { L4: { design: 'At [[home.nope]].' } } }, chains, 'content/prompts/x.mdx')).toThrow(
      'content/prompts/x.mdx: front matter levels.L4.design: [[home.nope]]: the chain "home" has no "nope". Use one of: rendersMean, evening, rendersPeak.',
    );
    expect(() => resolveDataTokens({ recap: '[[other.x]]' }, chains, 'f')).toThrow(
      /recap: \[\[other\.x\]\] names a chain that is not on this page/,
    );
  });
});

type Entry = Parameters<LoaderContext['store']['set']>[0];

/** A loader context with an in-memory store; `digests` records what the loader asked to digest. */
function fakeContext() {
  const stored = new Map<string, Entry>();
  const store = {
    set: (entry: Entry) => (stored.set(entry.id, entry), true),
    get: (id: string) => stored.get(id),
    keys: () => stored.keys(),
  };
  const context = {
    collection: 'prompts',
    store,
    generateDigest: (data: unknown) => (typeof data === 'string' ? data : JSON.stringify(data)),
  };
  return { stored, context: context as unknown as LoaderContext };
}

const figure = (value: number): Figure => ({ id: 'f', title: 'F', value, unit: '', status: 'assumption' });

describe('the collection loader wrapper', () => {
  it('stores entries with their tokens resolved, and passes other store calls through', async () => {
    const { stored, context } = fakeContext();
    let seen: Entry | undefined;
    const inner = {
      name: 'inner',
      load: async (ctx: LoaderContext) => {
        ctx.store.set({
          id: 'home-feed',
          data: { answer: { recap: 'At [[home.rendersPeak]].' } },
          body: BODY,
          filePath: 'content/prompts/home-feed.mdx',
          digest: ctx.generateDigest('raw'),
        });
        ctx.store.set({ id: 'plain', data: { answer: { recap: 'No tokens.' } }, body: 'Text.', digest: 'd' });
        seen = ctx.store.get('home-feed');
      },
    };
    await withEstimateTokens(inner, () => new Map()).load(context);
    expect(stored.get('home-feed')!.data).toEqual({ answer: { recap: 'At 28,000 renders a second.' } });
    expect(stored.get('plain')!.data).toEqual({ answer: { recap: 'No tokens.' } });
    expect(seen?.id).toBe('home-feed');
  });

  it('folds the figures into every digest, so a changed figure re-resolves a cached entry', async () => {
    const digests: string[] = [];
    for (const value of [1, 2]) {
      const { context } = fakeContext();
      const table: FigureTable = new Map([['f', figure(value)]]);
      await withEstimateTokens(
        { name: 'inner', load: async (ctx) => void digests.push(ctx.generateDigest('same file text')) },
        () => table,
      ).load(context);
    }
    expect(digests[0]).not.toBe(digests[1]);
    expect(digests[0]).toContain('same file text');
    expect(
      figuresKey(
        new Map([
          ['b', figure(1)],
          ['a', figure(2)],
        ]),
      ),
    ).toBe(
      figuresKey(
        new Map([
          ['a', figure(2)],
          ['b', figure(1)],
        ]),
      ),
    );
  });

  it('says which file has a broken chain when its front matter needs it', () => {
    const broken = {
      id: 'x',
      data: { recap: '[[home.rendersPeak]]' },
      body: '```estimate\nid: home\ntitle: T\nrendersPeak = nothing * 2 -> render/s\n  label: L\n```',
      filePath: 'content/prompts/x.mdx',
      digest: 'd',
    };
    expect(() => resolveEntry(broken, new Map())).toThrow(/^content\/prompts\/x\.mdx: a chain does not evaluate/);
  });
});

describe('front-matter strings', () => {
  it('lists every string with its path, dates and numbers left out', () => {
    expect(dataStrings({ a: 'x', b: [1, 'y', { c: 'z' }], d: new Date(0) }).map((s) => `${describePath(s.path)}=${s.text}`)).toEqual([
      'a=x',
      'b[1]=y',
      'b[2].c=z',
    ]);
  });
});
