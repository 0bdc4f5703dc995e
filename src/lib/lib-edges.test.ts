/**
 * Small shared helpers at their edges: the base path however it is written, the home page's
 * path, sizes in gigabytes and at each unit's boundary, the section of a site path, front matter
 * references written as one id or junk, entries that reference themselves, and the prompt-page
 * rules for a missing first section, a missing architecture diagram and the diagram count.
 */
import { describe, expect, it } from 'vitest';
import { normaliseBase } from './base.ts';
import { entryPath } from './routes.ts';
import { formatBytes, sectionKey } from './offline.ts';
import { backlinkIndex, outgoingReferences, type ScannedEntry } from './references.ts';
import { checkPromptSections, PROMPT_SECTIONS } from './prompt-sections.ts';

describe('the base path', () => {
  it('always starts and ends with one slash, whatever was written', () => {
    expect(normaliseBase(' /netflix-sd// ')).toBe('/netflix-sd/');
    expect(normaliseBase('netflix-sd')).toBe('/netflix-sd/');
    expect(normaliseBase('//a/b//')).toBe('/a/b/');
    expect(normaliseBase('///')).toBe('/');
    expect(normaliseBase('  ')).toBe('/');
    expect(normaliseBase(undefined)).toBe('/');
  });
});

describe('paths and sizes', () => {
  it('gives the guides index the home page', () => {
    expect(entryPath('guides', 'index')).toBe('/');
  });

  it('writes sizes in the largest unit under 1024 of it', () => {
    expect(formatBytes(0)).toBe('0 bytes');
    expect(formatBytes(1023)).toBe('1023 bytes');
    expect(formatBytes(1024)).toBe('1 KB');
    expect(formatBytes(1024 * 1024 - 1)).toBe('1024 KB');
    expect(formatBytes(1024 * 1024)).toBe('1.0 MB');
    expect(formatBytes(1024 ** 3)).toBe('1.0 GB');
    expect(formatBytes(2.5 * 1024 ** 3)).toBe('2.5 GB');
    expect(() => formatBytes(Number.NaN)).toThrow('formatBytes: NaN is not a size in bytes.');
  });

  it('files a site path under its first segment, the home page under "home"', () => {
    expect(sectionKey('/')).toBe('home');
    expect(sectionKey('')).toBe('home');
    expect(sectionKey('/index.html')).toBe('home');
    expect(sectionKey('//prompts/playback/')).toBe('prompts');
    expect(sectionKey('stack/evcache/')).toBe('stack');
  });
});

describe('references in front matter', () => {
  const entry = (collection: ScannedEntry['collection'], id: string, data: Record<string, unknown>, body?: string): ScannedEntry => ({
    collection,
    id,
    title: id,
    data,
    ...(body === undefined ? {} : { body }),
  });

  it('reads one id written alone, and skips values that are not ids', () => {
    const refs = outgoingReferences(entry('prompts', 'p', { stack: 'zuul', mistakes: [null, 3, { name: 'x' }, { id: 7 }] }));
    expect(refs.map((r) => `${r.via}:${r.collection}/${r.id}`)).toEqual(['stack:stack/zuul', 'mistakes:mistakes/7']);
    expect(outgoingReferences(entry('prompts', 'q', {}))).toEqual([]);
  });

  it('never lists an entry as its own backlink', () => {
    const self = entry('stack', 'zuul', { related: ['zuul', 'eureka'] }, '<StackLink id="zuul" />');
    const index = backlinkIndex([self]);
    expect(index.get('stack/zuul')).toBeUndefined();
    expect(index.get('stack/eureka')?.map((e) => e.id)).toEqual(['zuul']);
  });
});

describe('prompt sections', () => {
  const ALL = PROMPT_SECTIONS.map((s) => s.heading);
  const COMPONENT_FOR = Object.fromEntries(PROMPT_SECTIONS.filter((s) => s.component).map((s) => [s.heading, s.component!]));
  const body = (headings: string[], diagramIn: string[]) =>
    headings
      .map((heading) =>
        [
          `## ${heading}`,
          '',
          ...(COMPONENT_FOR[heading] ? [`<${COMPONENT_FOR[heading]} items={frontmatter.x} />`] : []),
          ...(diagramIn.includes(heading) ? ['```mermaid', 'flowchart LR', '  A --> B', '```'] : []),
          'Text.',
          '',
        ].join('\n'),
      )
      .join('\n');

  it('says a missing first section goes at the start', () => {
    const problems = checkPromptSections(body(ALL.slice(1), ['High-level architecture', 'Deep dives']));
    expect(problems.map((p) => [p.line, p.message])).toEqual([[1, `The section "## ${ALL[0]}" is missing.`]]);
    expect(problems[0]!.fix).toMatch(/^Add it at the start; every prompt has the sections 1\. /);
  });

  it('needs a diagram in the architecture section itself', () => {
    const text = body(ALL, ['Deep dives', 'Failure modes and degradation']);
    const problems = checkPromptSections(text);
    expect(problems.map((p) => p.message)).toEqual(['"## High-level architecture" has no Mermaid diagram.']);
    expect(text.split('\n')[problems[0]!.line - 1]).toBe('## High-level architecture');
    expect(problems[0]!.fix).toBe('Add a ```mermaid block drawing the architecture, with accTitle and accDescr lines.');
  });

  it('counts diagrams, in the plural when there are none', () => {
    const problems = checkPromptSections(body(ALL, []));
    expect(problems.map((p) => [p.line, p.message])).toEqual([
      [1, 'The page has 0 diagrams; a prompt needs at least 2.'],
      [expect.any(Number), '"## High-level architecture" has no Mermaid diagram.'],
    ]);
    expect(problems[0]!.fix).toBe('Draw the architecture, and a sequence or state diagram of the key flow.');
    // An indented fence counts too.
    expect(
      checkPromptSections(body(ALL, ['High-level architecture']).replace('Text.', '  ```mermaid\n  flowchart LR\n  ```\nText.')),
    ).toEqual([]);
  });
});
