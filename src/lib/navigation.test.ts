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
  it('follows sidebar order across groups', () => {
    const { previous, next } = neighbours(buildNavigation(entries, '/loop/coding/'));
    expect(previous?.path).toBe('/loop/recruiter/');
    expect(next?.path).toBe('/system-design/anatomy/');
  });
  it('is empty for a page outside the sidebar', () => {
    expect(neighbours(buildNavigation(entries, '/not-in-nav/'))).toEqual({});
  });
});
