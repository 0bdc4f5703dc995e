import { describe, expect, it } from 'vitest';
import { buildNavigation, currentGroup, neighbours, type NavEntry } from './navigation.ts';

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
