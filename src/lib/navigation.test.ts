import { describe, expect, it } from 'vitest';
import { buildNavigation, byTitle, currentGroup, neighbours, SECTION_LINK_LIMIT, visibleLinks, type NavEntry } from './navigation.ts';

const entries: NavEntry[] = [
  { collection: 'guides', id: 'loop/coding', title: 'Coding rounds', order: 40 },
  { collection: 'guides', id: 'loop', title: 'The loop at a glance', order: 0 },
  { collection: 'guides', id: 'loop/recruiter', title: 'Recruiter screen', order: 10 },
  { collection: 'guides', id: 'system-design/anatomy', title: 'Anatomy', order: 10 },
  { collection: 'prompts', id: 'playback-resume', title: 'Playback resume' },
  { collection: 'prompts', id: 'homepage-feed', title: 'Homepage feed' },
  { collection: 'stack', id: 'zuul', title: 'Zuul' },
];

describe('buildNavigation', () => {
  const groups = buildNavigation(entries, '/loop/recruiter/');

  it('groups guides by section folder in order, and lists collections by title', () => {
    expect(groups.map((g) => g.label)).toEqual([
      'The interview loop',
      'System design round',
      'Design prompts',
      'Mistakes',
      'Netflix stack',
      'Prepare',
      'Study tools',
    ]);
    expect(groups[0]!.items.map((i) => i.path)).toEqual(['/loop/', '/loop/recruiter/', '/loop/coding/']);
    expect(groups[2]!.items.map((i) => i.label)).toEqual(['All prompts', 'Homepage feed', 'Playback resume']);
  });

  it('marks exactly the current page, ignoring a missing trailing slash or a fragment', () => {
    expect(
      groups
        .flatMap((g) => g.items)
        .filter((i) => i.current)
        .map((i) => i.path),
    ).toEqual(['/loop/recruiter/']);
    const again = buildNavigation(entries, '/prompts/homepage-feed');
    expect(currentGroup(again)?.key).toBe('prompts');
  });

  it('orders numbers in titles by value', () => {
    expect(['Part 10', 'Part 2', 'Part 1', 'Intro'].sort(byTitle)).toEqual(['Intro', 'Part 1', 'Part 2', 'Part 10']);
    const numbered = buildNavigation(
      [
        { collection: 'stack', id: 'z10', title: 'Zuul 10' },
        { collection: 'stack', id: 'z2', title: 'Zuul 2' },
      ],
      '/',
    );
    expect(numbered.find((g) => g.key === 'stack')!.items.map((i) => i.label)).toEqual(['Glossary by layer', 'Zuul 2', 'Zuul 10']);
  });

  it('marks large groups collapsible and drops empty sections', () => {
    expect(groups.find((g) => g.key === 'prompts')?.collapsible).toBe(true);
    expect(groups.find((g) => g.key === 'coding')).toBeUndefined();
  });
});

describe('neighbours', () => {
  it('follows sidebar order within the current section', () => {
    const { previous, next } = neighbours(buildNavigation(entries, '/loop/recruiter/'));
    expect(previous?.path).toBe('/loop/');
    expect(next?.path).toBe('/loop/coding/');
  });
  it('never crosses into another section', () => {
    // The last loop page is followed by nothing, not by the system design round.
    const lastLoop = neighbours(buildNavigation(entries, '/loop/coding/'));
    expect(lastLoop.previous?.path).toBe('/loop/recruiter/');
    expect(lastLoop.next).toBeUndefined();
    // The first system design page has no previous page in its section.
    expect(neighbours(buildNavigation(entries, '/system-design/anatomy/')).previous).toBeUndefined();
    // The last stack entry does not lead into Prepare.
    const lastStack = neighbours(buildNavigation(entries, '/stack/zuul/'));
    expect(lastStack.previous?.path).toBe('/stack/');
    expect(lastStack.next).toBeUndefined();
  });
  it('gives content entries their study key, and other pages none', () => {
    const items = buildNavigation(entries, '/').flatMap((g) => g.items);
    expect(items.find((i) => i.path === '/loop/recruiter/')?.key).toBe('guides/loop/recruiter');
    expect(items.find((i) => i.path === '/stack/zuul/')?.key).toBe('stack/zuul');
    expect(items.find((i) => i.path === '/prompts/')?.key).toBeUndefined();
  });
  it('lists the partner view with the study tools', () => {
    const tools = buildNavigation(entries, '/practice/partner/').find((g) => g.key === 'practice');
    expect(tools?.items.find((i) => i.current)?.label).toBe('Partner view');
  });
  it('is empty for a page outside the sidebar', () => {
    expect(neighbours(buildNavigation(entries, '/not-in-nav/'))).toEqual({});
  });
});

describe('visibleLinks', () => {
  // A stack of 100 entries: the index ("Glossary by layer") and entries s000 to s099.
  const stack = Array.from({ length: 100 }, (_, i) => ({
    collection: 'stack' as const,
    id: `s${String(i).padStart(3, '0')}`,
    title: `S${String(i).padStart(3, '0')}`,
  }));
  const stackGroup = (current: string) => buildNavigation([...entries, ...stack], current).find((g) => g.key === 'stack')!;
  const labels = (links: ReturnType<typeof visibleLinks>) => links.items.map((i) => i.label);

  it('lists a section up to the limit in full, and a collapsed one by its index', () => {
    const groups = buildNavigation(entries, '/stack/zuul/');
    expect(visibleLinks(groups.find((g) => g.key === 'stack')!)).toEqual({
      items: groups.find((g) => g.key === 'stack')!.items,
      before: 0,
      after: 0,
    });
    const prompts = visibleLinks(groups.find((g) => g.key === 'prompts')!);
    expect(labels(prompts)).toEqual(['All prompts']);
    expect(prompts).toMatchObject({ before: 0, after: 2 });
    // A section that is not collapsible lists every page even when closed.
    expect(labels(visibleLinks(groups.find((g) => g.key === 'loop')!))).toHaveLength(3);
    // Exactly at the limit: still in full.
    const atLimit = stackGroup('/stack/s050/');
    expect(visibleLinks(atLimit, atLimit.items.length)).toMatchObject({ before: 0, after: 0 });
    expect(visibleLinks(atLimit, atLimit.items.length).items).toHaveLength(atLimit.items.length);
  });

  it('past the limit, shows the index and the pages around the current one, counting the rest', () => {
    const middle = visibleLinks(stackGroup('/stack/s050/'), 11);
    expect(labels(middle)).toEqual(['Glossary by layer', 'S046', 'S047', 'S048', 'S049', 'S050', 'S051', 'S052', 'S053', 'S054', 'S055']);
    expect(middle).toMatchObject({ before: 46, after: 45 });
    expect(middle.items.filter((i) => i.current).map((i) => i.label)).toEqual(['S050']);
    // Near either end the window stays inside the list and keeps its size.
    const start = visibleLinks(stackGroup('/stack/s001/'), 11);
    expect(labels(start).slice(0, 3)).toEqual(['Glossary by layer', 'S000', 'S001']);
    expect(start).toMatchObject({ before: 0, after: 91 });
    const end = visibleLinks(stackGroup('/stack/zuul/'), 11);
    expect(labels(end).slice(-2)).toEqual(['S099', 'Zuul']);
    expect(end).toMatchObject({ before: 91, after: 0 });
    // On the index page itself: the first pages.
    const index = visibleLinks(stackGroup('/stack/'), 11);
    expect(labels(index).slice(0, 2)).toEqual(['Glossary by layer', 'S000']);
    expect(index).toMatchObject({ before: 0, after: 91 });
    expect(index.items).toHaveLength(11);
  });

  it('keeps every page at the same size whatever the section holds', () => {
    expect(visibleLinks(stackGroup('/stack/s050/')).items).toHaveLength(SECTION_LINK_LIMIT);
    expect(() => visibleLinks(stackGroup('/stack/s050/'), 1)).toThrow('limit must be a whole number of 2 or more, not 1');
    expect(visibleLinks({ key: 'x', label: 'X', collapsible: true, items: [] })).toEqual({ items: [], before: 0, after: 0 });
  });
});
