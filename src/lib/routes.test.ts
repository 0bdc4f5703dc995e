import { describe, expect, it } from 'vitest';
import { entryPath, guideSection, sourceAnchor, withBase, withoutBase } from './routes.ts';

describe('entryPath', () => {
  it('puts guides at the path of their file, section pages at the folder', () => {
    expect(entryPath('guides', 'loop')).toBe('/loop/');
    expect(entryPath('guides', 'loop/coding')).toBe('/loop/coding/');
  });
  it('gives each collection its own prefix and sources a fragment on one page', () => {
    expect(entryPath('prompts', 'playback-resume')).toBe('/prompts/playback-resume/');
    expect(entryPath('mistakes', 'ignoring-cost')).toBe('/mistakes/ignoring-cost/');
    expect(entryPath('culture', 'candor')).toBe('/culture/candor/');
    expect(entryPath('stack', 'zuul')).toBe('/stack/zuul/');
    expect(entryPath('sources', 'repo-zuul')).toBe(`/sources/#${sourceAnchor('repo-zuul')}`);
  });
  it('puts figures on one page too, each at its own fragment', () => {
    expect(entryPath('figures', 'live-peak')).toBe('/figures/#figure-live-peak');
    expect(sourceAnchor('repo-zuul')).toBe('source-repo-zuul');
  });
});

describe('withBase and withoutBase', () => {
  it('prefixes root-relative paths with the base, once', () => {
    expect(withBase('/netflix-sd/', '/loop/')).toBe('/netflix-sd/loop/');
    expect(withBase('/', '/loop/')).toBe('/loop/');
    expect(withBase('/netflix-sd', '/')).toBe('/netflix-sd/');
  });
  it('leaves absolute URLs, fragments and relative links alone', () => {
    expect(withBase('/netflix-sd/', 'https://example.com/a')).toBe('https://example.com/a');
    expect(withBase('/netflix-sd/', '#top')).toBe('#top');
    expect(withBase('/netflix-sd/', '//cdn.example.com/x')).toBe('//cdn.example.com/x');
    expect(withBase('/netflix-sd/', '../up/')).toBe('../up/');
  });
  it('strips the base from a pathname', () => {
    expect(withoutBase('/netflix-sd/', '/netflix-sd/loop/')).toBe('/loop/');
    expect(withoutBase('/', '/loop/')).toBe('/loop/');
    expect(withoutBase('/netflix-sd', '/netflix-sd/loop/')).toBe('/loop/');
  });
  it('leaves a pathname outside the base as it is', () => {
    expect(withoutBase('/netflix-sd/', '/other/page/')).toBe('/other/page/');
    expect(withoutBase('/netflix-sd/', '/netflix-sdk/page/')).toBe('/netflix-sdk/page/');
  });
});

describe('guideSection', () => {
  it('is the first folder of the id', () => {
    expect(guideSection('loop/coding')).toBe('loop');
    expect(guideSection('coding')).toBe('coding');
  });
});
