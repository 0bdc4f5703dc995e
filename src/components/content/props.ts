/**
 * The props of every MDX content component, as strict Zod schemas: the single definition used
 * both by the content check (scripts/check-content, which validates each `<Component …>` in MDX
 * before anything is compiled and reports file:line:column) and by the component itself at
 * render time (requireProps in fail.ts), so a wrong prop fails the same way in the fast check,
 * in `npm run dev` and in `astro build`.
 *
 * MDX content may not contain expressions, so every prop written in MDX is a plain string
 * (`type="tip"`) or a bare name (`standalone`, which means true). Props marked `internal` are set
 * by the site (the citations plugin, or one component rendering another) and may not be written
 * in MDX. Plain Node reads this file too: no Astro-only imports here.
 */
import { z } from 'astro/zod';
import type { CollectionName } from '../../schemas/index.ts';
import { CLAIM_STATUSES } from '../../schemas/vocabulary.ts';
import { nearest } from '../../lib/text.ts';

/** What the content check and the error messages need to know about one component. */
export interface ComponentSpec {
  /** The props the component accepts; unknown props are errors. */
  props: z.ZodObject;
  /** Props the site sets itself (a plugin or another component); never written in MDX. */
  internal?: readonly string[];
  /** Props that hold the id of another entry, and the collection that id must exist in. */
  references?: Readonly<Record<string, CollectionName>>;
  /** Whether text goes between the opening and closing tags: required, allowed, or not used. */
  children: 'required' | 'optional' | 'none';
  /** How to write it, for messages. */
  usage: string;
  /** It shows the current prompt's front matter, so only a design prompt's page has it (prompt-components.ts). */
  promptOnly?: true;
}

/** A non-empty string prop; `example` is how to write it, shown when it is missing or wrong. */
function text(example: string) {
  return z.string().trim().min(1).meta({ example });
}

/** The id of an entry in another collection (existence is checked against the content). */
function id(collection: CollectionName, example: string) {
  return z
    .string()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*(\/[a-z0-9]+(-[a-z0-9]+)*)*$/, { message: `is not an id: ids are lower-case words joined by hyphens` })
    .meta({ example: `${example} (an id from content/${collection}/)` });
}

/** An id for saved progress: lower-case words joined by hyphens, unique on the page. */
function progressId(example: string) {
  return z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'is not lower-case words joined by hyphens' }).meta({ example });
}

/** Heading level for a title: written as a string in MDX (`level="3"`), since MDX has no expressions. */
const headingLevel = z.enum(['2', '3', '4']).meta({ example: 'level="3"' });

/** The citation number the citations plugin adds (src/plugins/remark-citations.ts). */
const citationNumber = z.string().regex(/^[1-9][0-9]*$/).meta({ example: '(set by the site)' });

/** A component that shows the current prompt's front matter: it takes no props at all. */
function promptComponent(name: string): ComponentSpec {
  return { props: z.strictObject({}), children: 'none', usage: `<${name} />`, promptOnly: true };
}

export const COMPONENTS = {
  Callout: {
    props: z.strictObject({
      /** Which kind of aside: shown as a written label, never by color alone. */
      type: z.enum(['note', 'tip', 'warning', 'pitfall']).meta({ example: 'type="tip"' }),
      /** An optional heading after the label. */
      title: text('title="Retry storms"').optional(),
    }),
    children: 'required',
    usage: '<Callout type="tip">…</Callout>',
  },
  GoodBad: {
    props: z.strictObject({
      /** The weak answer, as a candidate might say it. */
      bad: text('bad="what a weak candidate says"'),
      /** The strong answer. */
      good: text('good="what a strong candidate says"'),
      /** Why the strong answer wins. */
      why: text('why="the signal each answer sends"'),
      /** A short name for the mistake, shown as a heading. */
      title: text('title="Latency spike"').optional(),
      /** The question or moment in the round where it happens. */
      context: text('context="When the interviewer asks about scale"').optional(),
      /** Heading level of the title (default 3). */
      level: headingLevel.optional(),
      /** Anchor id for the pair (set by <MistakePair>). */
      id: z.string().min(1).optional(),
      /** Link to the pair's own page (set by <MistakePair>). */
      href: z.string().min(1).optional(),
    }),
    internal: ['id', 'href'],
    children: 'optional',
    usage: '<GoodBad bad="…" good="…" why="…" />',
  },
  MistakePair: {
    props: z.strictObject({
      /** The GOOD/BAD pair to embed. */
      id: id('mistakes', 'id="kafka-without-a-reason"'),
      /** Heading level of the pair's title (default 3). */
      level: headingLevel.optional(),
      /** Set on the mistake's own page, where linking to itself makes no sense. */
      standalone: z.boolean().optional(),
    }),
    internal: ['standalone'],
    references: { id: 'mistakes' },
    children: 'none',
    usage: '<MistakePair id="…" />',
  },
  MistakeLink: {
    props: z.strictObject({
      /** The GOOD/BAD pair to link to; the link text is its title unless text is written inside. */
      id: id('mistakes', 'id="add-more-instances"'),
    }),
    references: { id: 'mistakes' },
    children: 'optional',
    usage: '<MistakeLink id="…" />',
  },
  StackLink: {
    props: z.strictObject({
      /** The stack entry to link to; the link text is its title unless text is written inside. */
      id: id('stack', 'id="zuul"'),
    }),
    references: { id: 'stack' },
    children: 'optional',
    usage: '<StackLink id="…" />',
  },
  Cite: {
    props: z.strictObject({
      /** The source cited. */
      id: id('sources', 'id="blog-zuul-2"'),
      /** The citation number (set by the citations plugin). */
      n: citationNumber.optional(),
    }),
    internal: ['n'],
    references: { id: 'sources' },
    children: 'none',
    usage: '<Cite id="…" />',
  },
  ClaimStatus: {
    props: z
      .strictObject({
        /** verified (a Netflix primary source confirms it), unverified (third party only), outdated, or wrong (rejected after a search). */
        status: z.enum(Object.keys(CLAIM_STATUSES) as [keyof typeof CLAIM_STATUSES]).meta({ example: 'status="verified"' }),
        /** The source that supports the status (a Netflix source for "verified"). */
        source: id('sources', 'source="repo-hystrix"'),
        /** What changed and when ("outdated"), or what was searched and what the sources show instead ("wrong"); optional otherwise. */
        note: text('note="In maintenance mode since November 2018"').optional(),
        /** The citation number (set by the citations plugin). */
        n: citationNumber.optional(),
      })
      .refine((props) => props.status !== 'outdated' || props.note !== undefined, {
        path: ['note'],
        message: 'an outdated claim needs a note saying what changed and when',
      })
      .refine((props) => props.status !== 'wrong' || props.note !== undefined, {
        path: ['note'],
        message: 'a wrong claim needs a note saying what was searched and what the sources show instead',
      }),
    internal: ['n'],
    references: { source: 'sources' },
    children: 'required',
    usage: '<ClaimStatus status="…" source="…">…</ClaimStatus>',
  },
  SourcesDisagree: {
    props: z.strictObject({
      /** What the sources disagree about. */
      topic: text('topic="How long the system design round lasts"'),
    }),
    children: 'required',
    usage: '<SourcesDisagree topic="…">…</SourcesDisagree>',
  },
  SourceSays: {
    props: z.strictObject({
      /** The source whose version of the claim this is. */
      source: id('sources', 'source="guide-senior-bar"'),
      /** The citation number (set by the citations plugin). */
      n: citationNumber.optional(),
    }),
    internal: ['n'],
    references: { source: 'sources' },
    children: 'required',
    usage: '<SourceSays source="…">…</SourceSays>',
  },
  NetflixSays: {
    props: z.strictObject({
      /** The Netflix primary source. */
      source: id('sources', 'source="netflix-demystifying"'),
      /** The citation number (set by the citations plugin). */
      n: citationNumber.optional(),
    }),
    internal: ['n'],
    references: { source: 'sources' },
    children: 'required',
    usage: '<NetflixSays source="…">…</NetflixSays>',
  },
  PromptCard: promptComponent('PromptCard'),
  RoundAnswer: promptComponent('RoundAnswer'),
  ScopingQuestions: promptComponent('ScopingQuestions'),
  Targets: promptComponent('Targets'),
  Curveballs: promptComponent('Curveballs'),
  PromptMistakes: promptComponent('PromptMistakes'),
  StackContext: promptComponent('StackContext'),
  LevelExpectations: promptComponent('LevelExpectations'),
  Rubric: promptComponent('Rubric'),
  CodeSample: {
    props: z.strictObject({
      /** File name in src/coding without ".ts". */
      name: z
        .string()
        .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'is not a file name in src/coding (lower-case words joined by hyphens)' })
        .meta({ example: 'name="top-k" (a file in src/coding)' }),
      /** A caption for the listing. */
      title: text('title="what the code does"'),
    }),
    children: 'none',
    usage: '<CodeSample name="…" title="…" />',
  },
  Checklist: {
    props: z.strictObject({
      /** Stable id that saved progress is keyed by. */
      id: progressId('id="week-1"'),
      /** An optional heading. */
      title: text('title="Week 1"').optional(),
    }),
    children: 'required',
    usage: '<Checklist id="…">…</Checklist>',
  },
  Task: {
    props: z.strictObject({
      /** Stable id that saved progress is keyed by, unique in its checklist. */
      id: progressId('id="read-loop"'),
    }),
    children: 'required',
    usage: '<Task id="…">…</Task>',
  },
  Typed: {
    props: z.strictObject({
      /** Why the number is typed, not computed by an estimate chain: a quoted guide figure, an interviewer's line. */
      reason: z
        .string()
        .trim()
        .min(1)
        .refine((reason) => reason.length >= 15, { message: 'needs a reason a reader can check, in a few words' })
        .meta({ example: 'reason="the seed guide\'s own figure, quoted to show the slip"' }),
    }),
    children: 'required',
    usage: '<Typed reason="…">5M QPS</Typed>',
  },
} as const satisfies Record<string, ComponentSpec>;

export type ComponentName = keyof typeof COMPONENTS;

/** The props a component's code receives, after validation. */
export type ComponentProps<N extends ComponentName> = z.output<(typeof COMPONENTS)[N]['props']>;

/** The props as written, for the `Props` type of each .astro file. */
export type ComponentInput<N extends ComponentName> = z.input<(typeof COMPONENTS)[N]['props']>;

export const COMPONENT_NAMES: readonly ComponentName[] = Object.keys(COMPONENTS) as ComponentName[];

export function isComponentName(name: string): name is ComponentName {
  return Object.hasOwn(COMPONENTS, name);
}

/** One thing wrong with a component's props: what, and what to write instead. */
export interface PropProblem {
  /** The prop concerned, when there is one. */
  prop?: string;
  message: string;
  fix: string;
}

function exampleOf(spec: ComponentSpec, prop: string): string | undefined {
  const schema = spec.props.shape[prop] as z.ZodType | undefined;
  const meta = schema?.meta() ?? (schema && 'unwrap' in schema ? (schema as unknown as { unwrap(): z.ZodType }).unwrap().meta() : undefined);
  return typeof meta?.example === 'string' ? meta.example : undefined;
}

function takes(name: string, spec: ComponentSpec): string {
  const props = Object.keys(spec.props.shape).filter((p) => !spec.internal?.includes(p));
  return props.length === 0 ? `<${name}> takes no props; write ${spec.usage}.` : `<${name}> takes: ${props.join(', ')}.`;
}

/** A prop value as it appears in a message: the written string, or "(no value)" for a bare name. */
function shown(value: unknown): string {
  return value === true ? '(no value)' : JSON.stringify(value);
}

/** Turns the schema's issues into messages that name the prop and say what to write. */
function explain(name: string, spec: ComponentSpec, issues: readonly z.core.$ZodIssue[], props: Record<string, unknown>): PropProblem[] {
  const allowed = Object.keys(spec.props.shape).filter((p) => !spec.internal?.includes(p));
  const problems: PropProblem[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const suggestion = nearest(key, allowed);
        problems.push({
          prop: key,
          message: `<${name}> has no "${key}" prop.`,
          fix: `${suggestion ? `Did you mean ${suggestion}="…"? ` : ''}${takes(name, spec)}`,
        });
      }
      continue;
    }
    const prop = String(issue.path[0] ?? '');
    const value = props[prop];
    const example = exampleOf(spec, prop);
    const writeIt = example ? `Write it as ${example}.` : takes(name, spec);
    if (issue.code === 'custom') {
      problems.push({ prop, message: `<${name}>: ${issue.message}.`, fix: writeIt });
    } else if (value === undefined) {
      problems.push({ prop, message: `<${name}>: the "${prop}" prop is missing.`, fix: writeIt });
    } else if (value === true) {
      const fix = issue.code === 'invalid_value' ? `Use one of: ${issue.values.map((v) => `${prop}="${String(v)}"`).join(', ')}.` : writeIt;
      problems.push({ prop, message: `<${name}>: the "${prop}" prop has no value.`, fix });
    } else if (issue.code === 'invalid_value') {
      problems.push({
        prop,
        message: `<${name} ${prop}=${shown(value)}>: ${shown(value)} is not a valid ${prop}.`,
        fix: `Use one of: ${issue.values.map((v) => `${prop}="${String(v)}"`).join(', ')}.`,
      });
    } else if (issue.code === 'too_small' && typeof value === 'string') {
      problems.push({ prop, message: `<${name}>: the "${prop}" prop is empty.`, fix: writeIt });
    } else if (issue.code === 'invalid_format') {
      problems.push({ prop, message: `<${name} ${prop}=${shown(value)}>: ${shown(value)} ${issue.message}.`, fix: writeIt });
    } else {
      problems.push({ prop, message: `<${name}>: the "${prop}" prop is not valid (${issue.message}).`, fix: writeIt });
    }
  }
  return problems;
}

/**
 * Validates props against a component's schema. `written` marks props that came from MDX, where
 * internal props may not be set; the components themselves call this with written = false.
 */
export function validateProps<N extends ComponentName>(
  name: N,
  props: Record<string, unknown>,
  written = false,
): { ok: true; data: ComponentProps<N> } | { ok: false; problems: PropProblem[] } {
  const spec: ComponentSpec = COMPONENTS[name];
  if (written) {
    const internal = Object.keys(props).filter((p) => spec.internal?.includes(p));
    if (internal.length > 0) {
      return {
        ok: false,
        problems: internal.map((prop) => ({
          prop,
          message: `<${name}>: "${prop}" is set by the site and may not be written in content.`,
          fix: `Remove ${prop}="…". ${takes(name, spec)}`,
        })),
      };
    }
  }
  const result = spec.props.safeParse(props);
  if (result.success) return { ok: true, data: result.data as ComponentProps<N> };
  return { ok: false, problems: explain(name, spec, result.error.issues, props) };
}
