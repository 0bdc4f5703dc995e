/**
 * Components rendered with Astro's container API: the markup they produce, and the loud failure
 * on wrong props. Components that look entries up (MistakePair, Cite, StackLink…) are exercised
 * by the fixture-site builds and the browser tests, which build real content.
 */
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
import { MDX_COMPONENT_NAMES } from '../../lib/mdx-components.ts';

let container: AstroContainer;
beforeAll(async () => {
  container = await AstroContainer.create();
});

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();

describe('the component list', () => {
  it('matches what the content checker knows', () => {
    expect(Object.keys(mdxComponents).sort()).toEqual([...MDX_COMPONENT_NAMES].sort());
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
  });
  it('fails when empty', async () => {
    await expect(container.renderToString(Callout, { props: { type: 'tip' } })).rejects.toThrow(/has no text inside/);
  });
});

describe('<GoodBad>', () => {
  it('labels both halves in text, not colour alone', async () => {
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
    await expect(container.renderToString(GoodBad, { props: { bad: 'x', why: 'y' } })).rejects.toThrow(/"good" prop is missing/);
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
    await expect(container.renderToString(Task, { props: { id: 'Read Memo' }, slots: { default: 'x' } })).rejects.toThrow(/not lower-case words/);
    await expect(container.renderToString(Checklist, { props: { id: 'week-1' }, slots: { default: '<p>no tasks</p>' } })).rejects.toThrow(
      /contains no <Task> items/,
    );
  });
});

describe('prompt section components', () => {
  it('lists scoping questions with their assumed answers', async () => {
    const items = Array.from({ length: 5 }, (_, i) => ({ question: `Question ${i}?`, assume: `Answer ${i}.` }));
    const html = await container.renderToString(ScopingQuestions, { props: { items } });
    expect(text(html)).toContain('Question 4? Assume: Answer 4.');
    await expect(container.renderToString(ScopingQuestions, { props: { items: items.slice(0, 2) } })).rejects.toThrow(/at least 5 items/);
  });
  it('tabulates targets with row headers', async () => {
    const items = Array.from({ length: 3 }, (_, i) => ({ metric: `Metric ${i}`, target: '99.9%', why: 'Because.' }));
    const html = await container.renderToString(Targets, { props: { items } });
    expect(html).toContain('<th scope="row">Metric 2</th>');
  });
  it('orders curveballs by time and gives the 60-minute equivalent', async () => {
    const items = [
      { at: 30, ask: 'Second', strongAnswer: 'B' },
      { at: 15, ask: 'First', strongAnswer: 'A' },
      { at: 40, ask: 'Third', strongAnswer: 'C' },
    ];
    const plain = text(await container.renderToString(Curveballs, { props: { items } }));
    expect(plain.indexOf('First')).toBeLessThan(plain.indexOf('Second'));
    expect(plain).toContain('Around minute 15 of 45 (minute 20 of 60)');
  });
  it('renders the rubric as a checklist', async () => {
    const html = await container.renderToString(Rubric, { props: { items: ['a1', 'a2', 'a3', 'a4', 'a5', 'a6'] } });
    expect((html.match(/<li data-task="r[0-9a-f]{8}">/g) ?? []).length).toBe(6);
    expect(html).toContain('data-checklist="rubric"');
  });
});

describe('<CodeSample>', () => {
  it('names the missing file and lists what exists', async () => {
    await expect(container.renderToString(CodeSample, { props: { name: 'no-such-solution', title: 'x' } })).rejects.toThrow(
      /there is no src\/coding\/no-such-solution\.ts/,
    );
  });
});
