/**
 * Prompt sections as writers actually type them: headings with extra spaces or closing hashes,
 * "##" and fences mentioned inside prose, indented fences and diagrams; and the full fix each
 * problem gives, naming the seventeen headings in order.
 */
import { describe, expect, it } from 'vitest';
import { bodySections, checkPromptSections, PROMPT_SECTIONS } from './prompt-sections.ts';

const ORDER = PROMPT_SECTIONS.map((s, i) => `${i + 1}. ${s.heading}`).join('; ');
const COMPONENT_FOR = new Map(PROMPT_SECTIONS.filter((s) => s.component).map((s) => [s.heading, s.component!]));
const ALL = PROMPT_SECTIONS.map((s) => s.heading);

/** A valid body for the given headings; `diagram` writes each of the two diagrams. */
function body(headings: string[], diagram = (lines: string[]) => lines): string {
  return headings
    .map((heading) => {
      const parts = [`## ${heading}`, ''];
      const component = COMPONENT_FOR.get(heading);
      if (component) parts.push(`<${component} items={frontmatter.x} />`);
      if (heading === 'High-level architecture' || heading === 'Deep dives') {
        parts.push(...diagram(['```mermaid', 'flowchart LR', '  A --> B', '```']));
      }
      parts.push('Text.', '');
      return parts.join('\n');
    })
    .join('\n');
}

describe('headings and fences as writers type them', () => {
  it('reads a heading with extra spaces or closing hashes', () => {
    expect(bodySections('##   Scoping questions\ntext\n## Cost ###\nmore\n').map((s) => [s.heading, s.line, s.text])).toEqual([
      ['Scoping questions', 1, 'text\n'],
      ['Cost', 3, 'more\n\n'],
    ]);
  });

  it('does not take "##" or a fence mentioned inside prose for a heading or a fence', () => {
    const sections = bodySections('## One\nWrite ``` to open a block, and ## for a heading.\n## Two\n');
    expect(sections.map((s) => s.heading)).toEqual(['One', 'Two']);
  });

  it('ignores "##" inside an indented fence', () => {
    const sections = bodySections('## One\n  ```md\n  ## not a heading\n  ```\n## Two\n');
    expect(sections.map((s) => s.heading)).toEqual(['One', 'Two']);
  });

  it('counts an indented diagram, but not "```mermaid" written inside a sentence', () => {
    const indented = body(ALL, (lines) => lines.map((line) => `  ${line}`));
    expect(checkPromptSections(indented)).toEqual([]);
    const inProse = body(ALL, () => ['Draw it with a ```mermaid block later.']);
    expect(checkPromptSections(inProse).map((p) => p.message)).toEqual([
      'The page has 0 diagrams; a prompt needs at least 2.',
      '"## High-level architecture" has no Mermaid diagram.',
    ]);
  });
});

describe('the fix each problem gives', () => {
  it('an unknown heading, an out-of-order one and a missing component', () => {
    const architecture = ALL.indexOf('High-level architecture');
    const swapped = [...ALL.slice(0, architecture), 'Extra thoughts', ...ALL.slice(architecture)];
    const estimates = swapped.indexOf('Estimates');
    [swapped[estimates], swapped[estimates - 1]] = [swapped[estimates - 1]!, swapped[estimates]!];
    const text = body(swapped).replace('<Curveballs items={frontmatter.x} />', '');
    // Problems come in line order; Requirements now follows Estimates, so Estimates is out of place.
    expect(checkPromptSections(text).map((p) => [p.message, p.fix])).toEqual([
      ['"## Estimates" is out of order.', `Move it so the sections run: ${ORDER}.`],
      [
        '"## Extra thoughts" is not one of the prompt sections.',
        `Use the seventeen section headings exactly, in order (${ORDER}); put extra material under "###" inside one of them.`,
      ],
      [
        '"## Curveballs" does not contain <Curveballs />.',
        "Add the component that shows this section's front matter, as in content/_templates/prompt.mdx.",
      ],
    ]);
  });

  it('a missing first section goes at the start', () => {
    const problems = checkPromptSections(body(ALL.slice(1)));
    expect(problems.map((p) => [p.line, p.message, p.fix])).toEqual([
      [1, 'The section "## The prompt" is missing.', `Add it at the start; every prompt has the sections ${ORDER}.`],
    ]);
  });
});
