import { describe, expect, it } from 'vitest';
import { bodySections, checkPromptSections, PROMPT_SECTIONS } from './prompt-sections.ts';

const COMPONENT_FOR: Record<string, string> = Object.fromEntries(
  PROMPT_SECTIONS.filter((s) => s.component).map((s) => [s.heading, s.component!]),
);

function body(headings: string[]): string {
  return headings
    .map((heading) => {
      const parts = [`## ${heading}`, ''];
      if (COMPONENT_FOR[heading]) parts.push(`<${COMPONENT_FOR[heading]} items={frontmatter.x} />`);
      if (heading === 'High-level architecture' || heading === 'Deep dives') {
        parts.push('```mermaid', 'flowchart LR', '  A --> B', '```');
      }
      parts.push('Text.', '');
      return parts.join('\n');
    })
    .join('\n');
}
const ALL = PROMPT_SECTIONS.map((s) => s.heading);

describe('bodySections', () => {
  it('splits on H2 headings, ignoring "##" inside code fences and H3s', () => {
    const sections = bodySections('## One\ntext\n### Sub\n```md\n## not a heading\n```\n## Two\n');
    expect(sections.map((s) => [s.heading, s.line])).toEqual([
      ['One', 1],
      ['Two', 7],
    ]);
  });
});

describe('checkPromptSections', () => {
  it('accepts the seventeen sections in order with their components and two diagrams', () => {
    expect(checkPromptSections(body(ALL))).toEqual([]);
  });
  it('reports a missing section with where it goes', () => {
    const problems = checkPromptSections(body(ALL.filter((h) => h !== 'Cost')));
    expect(problems.map((p) => p.message)).toEqual(['The section "## Cost" is missing.']);
    expect(problems[0]!.fix).toContain('after "## Rollout and rollback"');
  });
  it('reports a section out of order at its line', () => {
    const swapped = [...ALL];
    const estimates = swapped.indexOf('Estimates');
    [swapped[estimates], swapped[estimates + 1]] = [swapped[estimates + 1]!, swapped[estimates]!];
    const text = body(swapped);
    const problems = checkPromptSections(text);
    // Estimates now comes after the architecture, so the architecture is the section out of place.
    expect(problems.map((p) => p.message)).toEqual(['"## High-level architecture" is out of order.']);
    expect(text.split('\n')[problems[0]!.line - 1]).toBe('## High-level architecture');
  });
  it('reports an unknown heading and a missing component', () => {
    const architecture = ALL.indexOf('High-level architecture');
    const text = body([...ALL.slice(0, architecture), 'Extra thoughts', ...ALL.slice(architecture)]).replace(
      '<Targets items={frontmatter.x} />',
      '',
    );
    expect(checkPromptSections(text).map((p) => p.message)).toEqual([
      '"## Requirements" does not contain <Targets />.',
      '"## Extra thoughts" is not one of the prompt sections.',
    ]);
  });
  it('requires at least two diagrams', () => {
    const text = body(ALL).replace(/## Deep dives\n\n```mermaid\nflowchart LR\n {2}A --> B\n```/, '## Deep dives\n');
    expect(checkPromptSections(text).map((p) => p.message)).toEqual(['The page has 1 diagram; a prompt needs at least 2.']);
  });
});
