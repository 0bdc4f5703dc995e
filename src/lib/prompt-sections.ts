/**
 * The fixed shape of a design prompt page: seventeen H2 sections in this order, some of which must
 * show their front matter through a component. The content checker and the prompt page both
 * check against this list, so a page that drifts fails before it ships.
 */

export interface PromptSection {
  heading: string;
  /** A component the section must contain (it renders the matching front matter). */
  component?: string;
  /** The section must contain at least one Mermaid diagram. */
  diagram?: boolean;
}

export const PROMPT_SECTIONS: readonly PromptSection[] = [
  { heading: 'The prompt', component: 'PromptCard' },
  { heading: 'The 45-minute answer', component: 'RoundAnswer' },
  { heading: 'Scoping questions', component: 'ScopingQuestions' },
  { heading: 'Requirements', component: 'Targets' },
  { heading: 'Estimates' },
  { heading: 'High-level architecture', diagram: true },
  { heading: 'Data model and APIs' },
  { heading: 'Deep dives' },
  { heading: 'Failure modes and degradation' },
  { heading: 'Observability' },
  { heading: 'Rollout and rollback' },
  { heading: 'Cost' },
  { heading: 'Curveballs', component: 'Curveballs' },
  { heading: 'Mistakes to avoid', component: 'PromptMistakes' },
  { heading: 'What Netflix built', component: 'StackContext' },
  { heading: 'Level expectations', component: 'LevelExpectations' },
  { heading: 'Self-check rubric', component: 'Rubric' },
];

/** Every prompt page needs at least this many diagrams (architecture plus a key flow). */
export const MIN_PROMPT_DIAGRAMS = 2;

export interface BodySection {
  heading: string;
  /** 1-based line of the heading in the body. */
  line: number;
  /** The section's text, up to the next H2. */
  text: string;
}

/** Splits an MDX body into its H2 sections, ignoring "## " inside fenced code. */
export function bodySections(body: string): BodySection[] {
  const lines = body.split('\n');
  const sections: BodySection[] = [];
  let fence: string | undefined;
  let current: BodySection | undefined;
  lines.forEach((raw, index) => {
    const fenceMatch = /^\s*(```|~~~)/.exec(raw);
    if (fenceMatch) fence = fence ? (raw.trim().startsWith(fence) ? undefined : fence) : fenceMatch[1];
    const heading = !fence && /^##\s+(.+?)\s*#*\s*$/.exec(raw);
    if (heading && !raw.startsWith('###')) {
      current = { heading: heading[1]!, line: index + 1, text: '' };
      sections.push(current);
    } else if (current) {
      current.text += `${raw}\n`;
    }
  });
  return sections;
}

export interface SectionProblem {
  /** 1-based line in the body. */
  line: number;
  message: string;
  fix: string;
}

const ORDER_HINT = PROMPT_SECTIONS.map((s, i) => `${i + 1}. ${s.heading}`).join('; ');

/** Problems with a prompt body's sections: missing, unexpected, out of order, or incomplete. */
export function checkPromptSections(body: string): SectionProblem[] {
  const found = bodySections(body);
  const problems: SectionProblem[] = [];
  const expected = PROMPT_SECTIONS.map((s) => s.heading);
  for (const section of found) {
    if (!expected.includes(section.heading)) {
      problems.push({
        line: section.line,
        message: `"## ${section.heading}" is not one of the prompt sections.`,
        fix: `Use the seventeen section headings exactly, in order (${ORDER_HINT}); put extra material under "###" inside one of them.`,
      });
    }
  }
  let cursor = 0;
  for (const spec of PROMPT_SECTIONS) {
    const index = found.findIndex((s) => s.heading === spec.heading);
    if (index === -1) {
      // Stryker disable next-line EqualityOperator: the section is missing, so no found heading has its index.
      const before = found.filter((s) => expected.indexOf(s.heading) < expected.indexOf(spec.heading)).at(-1);
      problems.push({
        line: before ? before.line : 1,
        message: `The section "## ${spec.heading}" is missing.`,
        fix: `Add it${before ? ` after "## ${before.heading}"` : ' at the start'}; every prompt has the sections ${ORDER_HINT}.`,
      });
      continue;
    }
    const section = found[index]!;
    if (index < cursor) {
      problems.push({
        line: section.line,
        message: `"## ${spec.heading}" is out of order.`,
        fix: `Move it so the sections run: ${ORDER_HINT}.`,
      });
    }
    cursor = Math.max(cursor, index);
    if (spec.component && !new RegExp(`<${spec.component}[\\s/>]`).test(section.text)) {
      problems.push({
        line: section.line,
        message: `"## ${spec.heading}" does not contain <${spec.component} />.`,
        fix: `Add the component that shows this section's front matter, as in content/_templates/prompt.mdx.`,
      });
    }
    if (spec.diagram && !/^\s*```mermaid/m.test(section.text)) {
      problems.push({
        line: section.line,
        message: `"## ${spec.heading}" has no Mermaid diagram.`,
        fix: 'Add a ```mermaid block drawing the architecture, with accTitle and accDescr lines.',
      });
    }
  }
  const diagrams = (body.match(/^\s*```mermaid/gm) ?? []).length;
  if (diagrams < MIN_PROMPT_DIAGRAMS) {
    problems.push({
      line: 1,
      message: `The page has ${diagrams} diagram${diagrams === 1 ? '' : 's'}; a prompt needs at least ${MIN_PROMPT_DIAGRAMS}.`,
      fix: 'Draw the architecture, and a sequence or state diagram of the key flow.',
    });
  }
  return problems.sort((a, b) => a.line - b.line);
}
