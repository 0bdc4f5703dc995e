/**
 * Components rendered with Astro's container API: the markup they produce, and the loud failure
 * on wrong props. Components that look entries up (MistakePair, Cite, StackLink…) are exercised
 * by the fixture-site builds and the browser tests, which build real content.
 */
import { readFileSync } from 'node:fs';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { beforeAll, describe, expect, it } from 'vitest';
import Callout from './Callout.astro';
import GoodBad from './GoodBad.astro';
import Checklist from './Checklist.astro';
import Task from './Task.astro';
import ScopingQuestions from './ScopingQuestions.astro';
import Targets from './Targets.astro';
import Curveballs from './Curveballs.astro';
import Rubric from './Rubric.astro';
import CodeSample from './CodeSample.astro';
import { mdxComponents } from './index.ts';
import { promptComponents } from './prompt-components.ts';
import { MDX_COMPONENT_NAMES } from '../../lib/mdx-components.ts';
import { COMPONENT_NAMES, COMPONENTS, validateProps, type ComponentSpec } from './props.ts';
import { providePromptData, type PromptData } from './prompt-context.ts';

let container: AstroContainer;
beforeAll(async () => {
  container = await AstroContainer.create();
});

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();

describe('the component list', () => {
  it('matches what the content checker knows', () => {
    expect(Object.keys(promptComponents).sort()).toEqual([...MDX_COMPONENT_NAMES].sort());
  });

  // Every page ships the stylesheets of the components in the map it passes: the shared map
  // leaves out exactly those that work only on a prompt page (they read its front matter).
  it('keeps the components that read a prompt\'s front matter out of the shared map', () => {
    const promptOnly = Object.keys(promptComponents).filter((name) => !(name in mdxComponents));
    const readsPrompt = Object.keys(promptComponents).filter((name) =>
      readFileSync(new URL(`./${name}.astro`, import.meta.url), 'utf8').includes('usePromptData('),
    );
    expect(promptOnly.sort()).toEqual(readsPrompt.sort());
    // The content check knows them too (props.ts), and refuses them outside prompts.
    const flagged = Object.entries(COMPONENTS as Record<string, ComponentSpec>).filter(([, spec]) => spec.promptOnly).map(([name]) => name);
    expect(flagged.sort()).toEqual(promptOnly.sort());
    expect(promptOnly).toContain('PromptCard');
  });
});

describe('<Callout>', () => {
  it('writes its type as a visible label', async () => {
    const html = await container.renderToString(Callout, { props: { type: 'pitfall', title: 'Retry storms' }, slots: { default: 'Back off.' } });
    expect(html).toContain('class="callout callout-pitfall"');
    expect(text(html)).toContain('Pitfall: Retry storms Back off.');
  });
  it('fails loudly on an unknown type, listing the valid ones', async () => {
    await expect(container.renderToString(Callout, { props: { type: 'danger' }, slots: { default: 'x' } })).rejects.toThrow(
      /"danger" is not a valid type/,
    );
    await expect(container.renderToString(Callout, { props: {}, slots: { default: 'x' } })).rejects.toThrow('<Callout>: the "type" prop is missing.');
  });
  it('fails when empty', async () => {
    await expect(container.renderToString(Callout, { props: { type: 'tip' } })).rejects.toThrow(/has no text inside/);
  });
});

describe('<GoodBad>', () => {
  it('labels both halves in text, not color alone', async () => {
    const html = await container.renderToString(GoodBad, {
      props: { bad: 'Add more instances.', good: 'Check the cache hit ratio first.', why: 'It finds the cause.', title: 'Latency spike' },
    });
    const plain = text(html);
    expect(plain).toContain('Weak answer Add more instances.');
    expect(plain).toContain('Strong answer Check the cache hit ratio first.');
    expect(plain).toContain('Why it matters: It finds the cause.');
    expect(html).toContain('role="group"');
  });
  it('fails without a strong answer', async () => {
    await expect(container.renderToString(GoodBad, { props: { bad: 'x', why: 'y' } })).rejects.toThrow('<GoodBad>: the "good" prop is missing.');
  });
});

describe('<Checklist> and <Task>', () => {
  it('renders tasks with stable ids', async () => {
    const task = await container.renderToString(Task, { props: { id: 'read-memo' }, slots: { default: 'Read the memo.' } });
    expect(task).toContain('data-task="read-memo"');
    const list = await container.renderToString(Checklist, { props: { id: 'week-1', title: 'Week 1' }, slots: { default: task } });
    expect(list).toContain('data-checklist="week-1"');
    expect(text(list)).toBe('Week 1 Read the memo.');
  });
  it('rejects a bad id and a list with no tasks', async () => {
    await expect(container.renderToString(Task, { props: { id: 'Read Memo' }, slots: { default: 'x' } })).rejects.toThrow(
      '<Task id="Read Memo">: "Read Memo" is not lower-case words joined by hyphens.',
    );
    await expect(container.renderToString(Checklist, { props: { id: 'week-1' }, slots: { default: '<p>no tasks</p>' } })).rejects.toThrow(
      /contains no <Task> items/,
    );
  });
});

/** The page's data for a prompt component, as src/pages/prompts/[slug].astro provides it. */
function promptLocals(data: Partial<PromptData>): { locals: object } {
  const locals = {};
  providePromptData(locals, data as PromptData);
  return { locals };
}

describe('prompt section components', () => {
  it('lists scoping questions with their assumed answers, read from the page data', async () => {
    const scoping = Array.from({ length: 5 }, (_, i) => ({ question: `Question ${i}?`, assume: `Answer ${i}.` }));
    const html = await container.renderToString(ScopingQuestions, promptLocals({ scoping }));
    expect(text(html)).toContain('Question 4? Assume: Answer 4.');
  });
  it('tabulates targets with row headers', async () => {
    const targets = Array.from({ length: 3 }, (_, i) => ({ metric: `Metric ${i}`, target: '99.9%', why: 'Because.' }));
    const html = await container.renderToString(Targets, promptLocals({ targets }));
    expect(html).toContain('<th scope="row">Metric 2</th>');
  });
  it('orders curveballs by time and gives the 60-minute equivalent', async () => {
    const curveballs = [
      { at: 30, ask: 'Second', strongAnswer: 'B' },
      { at: 15, ask: 'First', strongAnswer: 'A' },
      { at: 40, ask: 'Third', strongAnswer: 'C' },
    ];
    const plain = text(await container.renderToString(Curveballs, promptLocals({ curveballs })));
    // Every curveball once, in time order (a missing one fails, unlike comparing indexOf results).
    expect(plain.match(/\b(?:First|Second|Third)\b/g)).toEqual(['First', 'Second', 'Third']);
    expect(plain).toContain('Around minute 15 of 45 (minute 20 of 60)');
  });
  it('renders the rubric as a checklist', async () => {
    const html = await container.renderToString(Rubric, promptLocals({ rubric: ['a1', 'a2', 'a3', 'a4', 'a5', 'a6'] }));
    expect((html.match(/<li data-task="r[0-9a-f]{8}">/g) ?? []).length).toBe(6);
    expect(html).toContain('data-checklist="rubric"');
  });
  it('fails loudly outside a prompt page, naming the component', async () => {
    await expect(container.renderToString(Rubric)).rejects.toThrow(/<Rubric>: it shows a design prompt's front matter/);
  });
  it('refuses props: the data comes from the page, never from an expression in MDX', async () => {
    const rubric = ['a1', 'a2', 'a3', 'a4', 'a5', 'a6'];
    await expect(container.renderToString(Rubric, { ...promptLocals({ rubric }), props: { items: rubric } })).rejects.toThrow(
      /<Rubric> has no "items" prop\./,
    );
  });
});

describe('props validated by the shared schemas (props.ts)', () => {
  it('names the prop, the value and the allowed values, the same message the content check gives', async () => {
    const rendered = container.renderToString(Callout, { props: { type: 'info' }, slots: { default: 'x' } });
    await expect(rendered).rejects.toThrow('<Callout type="info">: "info" is not a valid type.');
    const failure = await container.renderToString(Callout, { props: { type: 'info' }, slots: { default: 'x' } }).catch((error: unknown) => error);
    expect((failure as { hint?: string }).hint).toBe('Use one of: type="note", type="tip", type="warning", type="pitfall".');
    expect(validateProps('Callout', { type: 'info' }, true)).toEqual({
      ok: false,
      problems: [
        {
          prop: 'type',
          message: '<Callout type="info">: "info" is not a valid type.',
          fix: 'Use one of: type="note", type="tip", type="warning", type="pitfall".',
        },
      ],
    });
  });
  it('requires a note for a wrong claim, as for an outdated one', () => {
    expect(validateProps('ClaimStatus', { status: 'wrong', source: 'guide-sd-2026' }, true)).toMatchObject({
      ok: false,
      problems: [{ prop: 'note' }],
    });
    expect(validateProps('ClaimStatus', { status: 'wrong', source: 'guide-sd-2026', note: 'No Netflix source names it.' }, true).ok).toBe(true);
    expect(validateProps('ClaimStatus', { status: 'outdated', source: 'repo-hystrix' }, true).ok).toBe(false);
  });
  it('rejects an unknown prop with a did-you-mean', async () => {
    await expect(container.renderToString(Callout, { props: { type: 'tip', tilte: 'x' }, slots: { default: 'x' } })).rejects.toThrow(
      '<Callout> has no "tilte" prop.',
    );
  });
  it('keeps props the site sets (citation numbers) out of MDX', () => {
    expect(validateProps('Cite', { id: 'blog-x', n: '2' }).ok).toBe(true);
    expect(validateProps('Cite', { id: 'blog-x', n: '2' }, true)).toMatchObject({ ok: false, problems: [{ prop: 'n' }] });
  });
  it('has a schema for every component, each rejecting unknown props', () => {
    for (const name of COMPONENT_NAMES) {
      const result = validateProps(name, { surelyNotAProp: 'x' });
      expect(result.ok, name).toBe(false);
      if (!result.ok) expect(result.problems.map((p) => p.message), name).toContain(`<${name}> has no "surelyNotAProp" prop.`);
    }
  });
});

describe('<CodeSample>', () => {
  it('names the missing file and lists what exists', async () => {
    await expect(container.renderToString(CodeSample, { props: { name: 'no-such-solution', title: 'x' } })).rejects.toThrow(
      /there is no src\/coding\/no-such-solution\.ts/,
    );
  });
});
