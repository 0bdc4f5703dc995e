/** The synthetic copy the benchmark builds at N times the content: references follow their copy. */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mergeCopies, originalPath, rewriteReferences, scaleContent } from './scale-content.ts';

const ids = new Map([
  ['prompts', new Set(['feed', 'feed-ranking'])],
  ['stack', new Set(['zuul'])],
  ['mistakes', new Set(['kafka-first'])],
  ['culture', new Set<string>()],
]);

describe('rewriteReferences', () => {
  it('points front matter, components and links at the copy of the same number', () => {
    const text = [
      '---',
      'title: Feed',
      'stack:',
      '  - zuul',
      '  - eureka',
      'mistakes:',
      '  - kafka-first',
      'related:',
      '  - feed-ranking',
      '---',
      'See <StackLink id="zuul" /> and <StackLink id="eureka" />, [ranking](/prompts/feed-ranking/#scale) and [feed](/prompts/feed/).',
      '<MistakePair id="kafka-first" />',
    ].join('\n');
    const out = rewriteReferences(text, ids, 3);
    expect(out).toContain('  - zuul-copy3\n  - eureka\n');
    expect(out).toContain('  - kafka-first-copy3\n');
    expect(out).toContain('  - feed-ranking-copy3\n');
    expect(out).toContain('<StackLink id="zuul-copy3" /> and <StackLink id="eureka" />');
    expect(out).toContain('(/prompts/feed-ranking-copy3/#scale) and [feed](/prompts/feed-copy3/)');
    expect(out).toContain('<MistakePair id="kafka-first-copy3" />');
    expect(out).toContain('title: Feed\n');
  });
});

describe('scaleContent', () => {
  it('adds N-1 copies of each entry, retitled, and copies a pair only if a prompt embeds it', () => {
    const src = mkdtempSync(path.join(tmpdir(), 'scale-src-'));
    const files: Record<string, string> = {
      'prompts/feed.mdx': '---\ntitle: Feed\nmistakes:\n  - embedded\n---\nBody\n',
      'stack/zuul.mdx': '---\ntitle: "Zuul"\n---\nBody\n',
      'culture/candor.mdx': '---\ntitle: Candor\n---\n',
      'mistakes/embedded.yaml': 'title: Embedded pair\n',
      'mistakes/guide-only.yaml': 'title: Only on a guide\n',
      'guides/loop/index.mdx': '---\ntitle: Loop\n---\n',
    };
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(src, name)), { recursive: true });
      writeFileSync(path.join(src, name), text);
    }
    const dest = path.join(mkdtempSync(path.join(tmpdir(), 'scale-dest-')), 'content');
    expect(scaleContent(src, dest, 3)).toBe(8);
    expect(readdirSync(path.join(dest, 'mistakes')).sort()).toEqual([
      'embedded-copy2.yaml',
      'embedded-copy3.yaml',
      'embedded.yaml',
      'guide-only.yaml',
    ]);
    expect(readdirSync(path.join(dest, 'guides', 'loop'))).toEqual(['index.mdx']);
    expect(readFileSync(path.join(dest, 'prompts', 'feed-copy2.mdx'), 'utf8')).toBe(
      '---\ntitle: Feed 2\nmistakes:\n  - embedded-copy2\n---\nBody\n',
    );
    expect(readFileSync(path.join(dest, 'stack', 'zuul-copy3.mdx'), 'utf8')).toContain('title: "Zuul 3"');
    expect(() => scaleContent(src, dest, 0)).toThrow('--scale takes a whole number of 1 or more, not 0.');
  });
});

describe('relevance at scale', () => {
  it('reads a synthetic copy as its original, keeping subpages and fragments, and leaves other paths alone', () => {
    expect(originalPath('/stack/zuul-copy3/')).toBe('/stack/zuul/');
    expect(originalPath('/prompts/rate-limiter-copy10/cheatsheet/')).toBe('/prompts/rate-limiter/cheatsheet/');
    expect(originalPath('/mistakes/kafka-first-copy2/#why')).toBe('/mistakes/kafka-first/#why');
    expect(originalPath('/culture/candor-copy4')).toBe('/culture/candor');
    // Guides are never copied; an id that merely contains "copy" is not a copy.
    expect(originalPath('/system-design/estimation-copy2/')).toBe('/system-design/estimation-copy2/');
    expect(originalPath('/stack/copyist/')).toBe('/stack/copyist/');
    expect(originalPath('/stack/zuul-copy/')).toBe('/stack/zuul-copy/');
    expect(originalPath('/stack/zuul-copy3x/')).toBe('/stack/zuul-copy3x/');
  });

  it('counts each page once, where it or a copy of it first appears, so copies cannot push others out of the top three', () => {
    expect(
      mergeCopies([
        '/stack/evcache-copy4/',
        '/stack/evcache/',
        '/stack/evcache-copy2/',
        '/prompts/feed-copy7/',
        '/loop/',
        '/prompts/feed/',
      ]),
    ).toEqual(['/stack/evcache/', '/prompts/feed/', '/loop/']);
    expect(mergeCopies([])).toEqual([]);
  });
});
