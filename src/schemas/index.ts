/**
 * The content model: one schema per collection, every field commented with what it is for.
 *
 * The schemas are built by `createSchemas(reference)` so that Astro (with its own `reference()`)
 * and the content checker (with a reference that also proves the target exists, and reports the
 * line) validate against exactly the same rules. Unknown keys are rejected everywhere.
 */
import { z } from 'astro/zod';
import {
  description,
  isoDate,
  items,
  line,
  oneOf,
  paragraph,
  partialDate,
  references,
  requiredReferences,
  someOf,
  strictObject,
  tag,
  title,
  url,
  type ReferenceFactory,
} from './fields.ts';
import {
  CULTURE_KINDS,
  DIFFICULTIES,
  LEVELS,
  MEMO_VERSIONS,
  PROMPT_THEMES,
  ROUNDS,
  SOURCE_KINDS,
  STACK_LAYERS,
  STACK_STATUSES,
  THEMES,
} from './vocabulary.ts';

export { COLLECTIONS, type CollectionName, type ReferenceFactory } from './fields.ts';

/**
 * A page's search aliases: synonyms and other names readers type, indexed as Pagefind metadata
 * (`aliases`, weighted above the title; see src/scripts/search/config.ts) and never shown.
 */
function searchAliases() {
  return z
    .array(
      line('search alias', 2, 60).refine(
        (alias) => !/[,:]/.test(alias),
        'A search alias cannot contain "," or ":" (Pagefind reads them as separators); write it as two aliases.',
      ),
    )
    .max(12, 'Use at most 12 search aliases.')
    .default([]);
}

/** The length of the design round a curveball's timing is written for. */
export const CURVEBALL_CLOCK_MINUTES = 45;

export function createSchemas<R extends z.ZodType>(reference: ReferenceFactory<R>) {
  /** A fact worth remembering, turned into a flashcard for the study tools. */
  const flashcard = strictObject({
    /** The question side. */
    front: line('front', 10, 200),
    /** The answer side, with its number and unit where there is one. */
    back: paragraph('back', 5, 500),
  });

  /** Long-form pages: the loop, each round, the design round's anatomy, estimation, plans. */
  const guides = strictObject({
    /** Page heading, sidebar label and search-result title. */
    title,
    /** One or two sentences under the title; also the meta description and card text. */
    description,
    /** Position within its section of the sidebar; lower comes first. */
    order: z
      .number({ error: 'order must be a whole number, such as 10.' })
      .int('order must be a whole number, such as 10.')
      .min(0, 'order must be 0 or more.')
      .max(999, 'order must be under 1000.'),
    /** How much the page assumes of its reader. */
    level: oneOf(LEVELS, 'level'),
    /** Set only on the page that describes one interview round; ties mistakes and search to it. */
    round: oneOf(ROUNDS, 'round').optional(),
    /** Free-form topic tags, lower-case and hyphenated. */
    tags: z.array(tag).max(8, 'Use at most 8 tags.').default([]),
    /** The sources this page relies on (ids in content/sources); listed at the end of the page. */
    sources: requiredReferences(reference, 'sources'),
    /** Other guides a reader should go to next. */
    related: references(reference, 'guides'),
    /** Design prompts this page points to. */
    prompts: references(reference, 'prompts'),
    /** Netflix stack components this page discusses. */
    stack: references(reference, 'stack'),
    /** GOOD/BAD pairs this page embeds or points to. */
    mistakes: references(reference, 'mistakes'),
    /** Facts from the page to practice as flashcards (the estimation guide's figures, for example). */
    flashcards: z.array(flashcard).default([]),
    /**
     * Other words readers search for when they mean this page ("comp", "salary" for compensation):
     * indexed for search (weighted above the title), never shown on the page.
     */
    searchAliases: searchAliases(),
  });

  /** One scoping question a candidate should ask, and the answer this walkthrough assumes. */
  const scopingQuestion = strictObject({
    /** The question, as the candidate would ask it. */
    question: line('question', 10, 240),
    /** The answer this walkthrough assumes (what a partner playing interviewer should say). */
    assume: paragraph('assumed answer', 5, 400),
  });

  /** A non-functional target with a number. */
  const target = strictObject({
    /** What is measured: availability, p99 latency, freshness, consistency, durability... */
    metric: line('metric', 3, 60),
    /** The target with its number and unit, such as "99.99% of playback starts succeed". */
    target: line('target', 3, 160),
    /** Why this number: what breaks for the member if it is missed. */
    why: paragraph('why', 10, 400),
  });

  /** A constraint change an interviewer throws in mid-round. */
  const curveball = strictObject({
    /** Minute of a 45-minute round at which it tends to arrive (scaled for 60-minute rounds). */
    at: z
      .number({ error: `at is the minute the curveball arrives in a ${CURVEBALL_CLOCK_MINUTES}-minute round, such as 25.` })
      .int('at is a whole minute, such as 25.')
      .min(5, 'at must be minute 5 or later: nothing is thrown in during the first minutes.')
      .max(CURVEBALL_CLOCK_MINUTES - 3, `at must be minute ${CURVEBALL_CLOCK_MINUTES - 3} or earlier, so there is time to respond.`),
    /** What the interviewer says. */
    ask: line('ask', 10, 240),
    /** How a strong answer adapts the design. */
    strongAnswer: paragraph('strongAnswer', 40, 900),
  });

  /**
   * The 45-minute answer: what a strong candidate says and draws in each phase of the round. The
   * minute marks come from the round's phase table (src/lib/round-phases.ts), not from here.
   */
  const roundAnswer = strictObject({
    /** Minutes 0-10: the questions that matter and the assumptions to write down. */
    scoping: paragraph('answer.scoping', 40, 700),
    /** Minutes 10-13: the one or two numbers that drive the design, said aloud with units. */
    estimation: paragraph('answer.estimation', 40, 700),
    /** Minutes 13-20: what to draw, box by box, and the sentence that justifies the shape. */
    highLevel: paragraph('answer.highLevel', 40, 700),
    /** Around minute 20: the stressor an interviewer most likely throws here, and the short response. */
    stressor: paragraph('answer.stressor', 40, 700),
    /** Minutes 20-30: which deep dive to choose and why (and the runner-up), then what to say in it. */
    deepDive: paragraph('answer.deepDive', 40, 700),
    /** Minutes 30-40: the failure to walk through, the alerts, how to roll out and back. */
    operations: paragraph('answer.operations', 40, 700),
    /** Minutes 40-45: the closing summary, in the candidate's own words. */
    recap: paragraph('answer.recap', 40, 700),
    /** What to skip, or mention in one line only, in 45 minutes. */
    leaveOut: z
      .array(paragraph('answer.leaveOut item', 10, 240))
      .min(2, 'List at least 2 things to leave out (answer.leaveOut).')
      .max(6, 'List at most 6 things to leave out (answer.leaveOut).'),
    /** What the extra 15 minutes of a 60-minute round buy, usually a second deep dive. */
    sixtyMinutes: paragraph('answer.sixtyMinutes', 40, 700),
  });

  /** What the interviewer needs to see from a candidate at one level, for this prompt. */
  const levelExpectation = (level: string) =>
    strictObject({
      /** How the candidate scopes the problem at this level. */
      scoping: paragraph(`levels.${level}.scoping`, 20, 500),
      /** The high-level design expected at this level. */
      design: paragraph(`levels.${level}.design`, 20, 500),
      /** The depth expected in the deep dive. */
      deepDive: paragraph(`levels.${level}.deepDive`, 20, 500),
      /** Failure, observability, rollout and cost at this level. */
      operations: paragraph(`levels.${level}.operations`, 20, 500),
      /** The signal that separates this level from the one below it. */
      separates: paragraph(`levels.${level}.separates`, 20, 500),
    });

  /** Level expectations for Netflix's engineering levels (L4 SWE II, L5 senior, L6 staff). */
  const levelExpectations = strictObject({
    /** Software Engineer II. */
    L4: levelExpectation('L4'),
    /** Senior Software Engineer. */
    L5: levelExpectation('L5'),
    /** Staff Software Engineer. */
    L6: levelExpectation('L6'),
    /** Where a principal (L7) conversation differs, in a paragraph. */
    L7: paragraph('levels.L7', 40, 700),
  });

  /** Design prompts, each a complete worked answer with a fixed set of sections. */
  const prompts = strictObject({
    /** Short name of the system, such as "Playback resume". */
    title,
    /** One or two sentences on what the system does and why it is hard. */
    description,
    /** The prompt as an interviewer would say it. */
    prompt: paragraph('prompt', 20, 400),
    /** Other names the prompt goes by, so search finds it under each of them. */
    aliases: z.array(line('alias', 3, 80)).default([]),
    /** What the prompt really tests, beyond its surface. */
    tests: paragraph('tests', 40, 600),
    /** Sources that report candidates being given this prompt (ids in content/sources); empty when none does. */
    reportedBy: references(reference, 'sources'),
    /** Only when no source reports the prompt: why the site includes it anyway (shown on the prompt card). */
    includedBecause: paragraph('includedBecause', 40, 400).optional(),
    /** How hard the prompt is for a senior candidate. */
    difficulty: oneOf(DIFFICULTIES, 'difficulty'),
    /** What the prompt exercises; drives the library's filters. */
    themes: someOf(PROMPT_THEMES, 'prompt theme'),
    /** Rounds the prompt fits (almost always system-design; some suit the deep dive). */
    rounds: someOf(ROUNDS, 'round'),
    /** Questions to ask before designing (at least five), with the answers assumed. */
    scoping: z.array(scopingQuestion).min(5, 'List at least five scoping questions.'),
    /** Non-functional targets with numbers: availability, latency, freshness, consistency. */
    targets: z.array(target).min(3, 'List at least three non-functional targets with numbers.'),
    /** Constraint changes an interviewer throws in, with the minute each tends to arrive. */
    curveballs: z.array(curveball).min(3, 'List at least three curveballs.'),
    /** What an interviewer probes: questions a practice partner should ask. */
    probes: items('probe', 3, 12),
    /** What a strong answer covers, as self-check items (at least six). */
    rubric: items('rubric item', 6, 16),
    /** Netflix stack components the design uses or should be compared with. */
    stack: requiredReferences(reference, 'stack'),
    /** GOOD/BAD pairs embedded in the page's "Mistakes to avoid" section. */
    mistakes: requiredReferences(reference, 'mistakes'),
    /** Sources cited by the page beyond those reporting the prompt. */
    sources: requiredReferences(reference, 'sources'),
    /** Related prompts. */
    related: references(reference, 'prompts'),
    /** The 45-minute answer, shown right after the prompt and used by the mock round. */
    answer: roundAnswer,
    /** What each level must show in this prompt; the mock round scores against the chosen level. */
    levels: levelExpectations,
  }).superRefine((prompt, context) => {
    // A prompt either is reported by a source, or says why it is here: never a stretched citation.
    if (prompt.reportedBy.length === 0 && !prompt.includedBecause) {
      context.addIssue({
        code: 'custom',
        path: ['reportedBy'],
        message:
          'List the sources that report candidates getting this prompt, or, if none does, leave reportedBy empty and write includedBecause: why the site includes it.',
      });
    }
    if (prompt.reportedBy.length > 0 && prompt.includedBecause) {
      context.addIssue({
        code: 'custom',
        path: ['includedBecause'],
        message: 'includedBecause is only for prompts no source reports: remove it, since reportedBy lists sources.',
      });
    }
  });

  /**
   * A weak answer is a near miss, not a caricature: what a capable candidate could plausibly say,
   * with one specific flaw. So it must run to at least this share of the strong answer's words,
   * and never fewer than the minimum; a 15-word caricature teaches nothing.
   */
  const NEAR_MISS_SHARE = 0.6;
  const NEAR_MISS_MIN_WORDS = 25;
  const wordCount = (text: string) => text.split(/\s+/).filter(Boolean).length;

  /** GOOD/BAD answer pairs, one per file, embedded by id on round and prompt pages. */
  const mistakes = strictObject({
    /** The mistake named in a few words, such as "Reaching for Kafka without a reason". */
    title: line('title', 8, 90),
    /** Rounds where the mistake happens. */
    rounds: someOf(ROUNDS, 'round'),
    /** What the mistake is about; drives the catalog's filters. */
    themes: someOf(THEMES, 'theme'),
    /** The interviewer's question or the moment in the round where it happens. */
    context: paragraph('context', 15, 400),
    /** The weak answer, as a capable candidate might say it: plausible, with one specific flaw. */
    bad: paragraph('bad', 20, 900),
    /** The strong answer, as a candidate might say it. */
    good: paragraph('good', 20, 1200),
    /** Why the strong answer wins: the weak answer's flaw, named, and the signal each one sends. */
    why: paragraph('why', 20, 900),
    /** Where the mistake is described (a seed guide, a Netflix source, or our fact-check). */
    sources: requiredReferences(reference, 'sources'),
  }).superRefine((pair, context) => {
    const bad = wordCount(pair.bad);
    const good = wordCount(pair.good);
    const needed = Math.max(NEAR_MISS_MIN_WORDS, Math.ceil(good * NEAR_MISS_SHARE));
    if (bad < needed) {
      context.addIssue({
        code: 'custom',
        path: ['bad'],
        message: `The weak answer is ${bad} words against the strong answer's ${good}: write a plausible answer with one specific flaw, at least ${needed} words (${NEAR_MISS_SHARE * 100}% of the strong answer, never under ${NEAR_MISS_MIN_WORDS}), and name that flaw in "why".`,
      });
    }
  });

  /** The culture memo's values and concepts, mapped to behavioral questions. */
  const culture = strictObject({
    /** The value or concept, such as "Candor" or "The keeper test". */
    title,
    /** One or two sentences in our own words on what it means. */
    description,
    /** Whether it is one of the memo's named values or a concept the memo describes. */
    kind: oneOf(CULTURE_KINDS, 'culture kind'),
    /** Memo versions that name it; include 2024 only if the current memo does. */
    memoVersions: someOf(MEMO_VERSIONS, 'memo version'),
    /** Position on the culture index; lower comes first. */
    order: z
      .number({ error: 'order must be a whole number, such as 10.' })
      .int('order must be a whole number, such as 10.')
      .min(0, 'order must be 0 or more.')
      .max(999, 'order must be under 1000.'),
    /** What interviewers listen for when they probe it. */
    listenFor: items('listen-for item', 2, 10),
    /** Signals that make an interviewer relieved to hire you. */
    relief: items('relief signal', 2, 8),
    /** Signals that make an interviewer anxious. */
    anxiety: items('anxiety signal', 2, 8),
    /** Behavioral questions it produces (at least three). */
    questions: items('question', 3, 12),
    /** Prompts that help a candidate find their own story for it. */
    storyPrompts: items('story prompt', 2, 8),
    /** GOOD/BAD pairs for it (ids in content/mistakes). */
    mistakes: requiredReferences(reference, 'mistakes'),
    /** Sources, starting with the memo version it comes from. */
    sources: requiredReferences(reference, 'sources'),
    /** Related values and concepts. */
    related: references(reference, 'culture'),
    /** Other words readers search for ("fired", "generous severance"): indexed for search, never shown. */
    searchAliases: searchAliases(),
  });

  /** Netflix technology components, with their status today. */
  const stack = strictObject({
    /** The component's name, such as "Zuul". */
    title: line('title', 2, 60),
    /** The problem it solves, in one or two sentences. */
    description,
    /** Where it sits in the architecture; groups the glossary. */
    layer: oneOf(STACK_LAYERS, 'layer'),
    /** Its state today. */
    status: oneOf(STACK_STATUSES, 'status'),
    /** When the status was last confirmed, YYYY-MM-DD. */
    statusCheckedOn: isoDate,
    /** The primary source that shows the status (id in content/sources). */
    statusSource: reference('sources'),
    /** One line on the status with its date, such as "Maintenance mode since November 2018". */
    statusNote: line('statusNote', 10, 200),
    /** What replaced it, if anything: a stack entry id. */
    replacedBy: references(reference, 'stack'),
    /** The open-source repository, if there is one. */
    repository: url.optional(),
    /** When to bring it up in a design round, and when a generic component is the better answer. */
    interviewUse: paragraph('interviewUse', 40, 900),
    /** Sources for the page. */
    sources: requiredReferences(reference, 'sources'),
    /** Related components. */
    related: references(reference, 'stack'),
    /** Other names readers search for ("CDN" for Open Connect): indexed for search, never shown. */
    searchAliases: searchAliases(),
  });

  /** Every cited source. The five seed guides are sources of kind "guide". */
  const sources = strictObject({
    /** The title as the source gives it. */
    title: line('title', 3, 200),
    /** Who published it, such as "Netflix Technology Blog". */
    publisher: line('publisher', 2, 100),
    /** Netflix primary source, third-party interview guide, or other. */
    kind: oneOf(SOURCE_KINDS, 'source kind'),
    /** Where to read it; required for Netflix sources. Omit only when the source has no stable address. */
    url: url.optional(),
    /** When it was published: YYYY, YYYY-MM or YYYY-MM-DD. */
    published: partialDate.optional(),
    /** When a maintainer last checked it, YYYY-MM-DD. */
    checkedOn: isoDate,
    /** What the site uses it for, in a sentence. */
    usedFor: paragraph('usedFor', 15, 400),
    /** Caveats a reader should know, such as claims in it that are wrong or unverified. */
    caveats: paragraph('caveats', 10, 900).optional(),
  }).refine((source) => source.kind !== 'netflix' || source.url !== undefined, {
    message: 'A Netflix primary source needs a url so readers can check it.',
    path: ['url'],
  });

  /** How a figure relates to time: what the estimate checker needs to keep means and peaks apart. */
  const FIGURE_BASES = {
    mean: 'an average over time, or a total over a period (hours viewed in a half-year)',
    peak: 'the highest value in a period (the live concurrency record)',
    factor: 'a peak-to-average factor (the evening peak over the daily average)',
  };
  /** Where a figure stands: published by Netflix, reported by someone else, superseded, or the site's own assumption. */
  const FIGURE_STATUSES = {
    verified: 'published by Netflix in the cited source',
    unverified: 'reported by a third party only',
    outdated: 'superseded by a newer figure',
    assumption: "the site's own assumption, with its reasoning in why",
  };

  /**
   * One number the site's estimates rely on (content/figures/<id>.yaml): a published figure with
   * its source and date, or a named assumption with its reasoning. Estimate chains refer to it by
   * id, so a new shareholder letter is one edit and every page follows.
   */
  const figures = strictObject({
    /** What the number is, such as "Hours viewed, July to December 2025"; the row label in estimate tables. */
    title: line('title', 5, 90),
    /** The number, in `unit`: 96000000000, or 2 for a factor. */
    value: z
      .number({ error: 'value must be a number, such as 96000000000 or 2.5.' })
      .positive('value must be more than 0.')
      .refine(Number.isFinite, 'value must be a finite number.'),
    /** The unit as mathjs reads it ("stream hour", "Mbps/stream", "minute", "title"); leave out for a plain number or a factor. */
    unit: z
      .string()
      .regex(/^[A-Za-z0-9 /*^()]+$/, 'unit must be a mathjs unit such as "stream hour" or "Mbps/stream".')
      .default(''),
    /** mean, peak or factor (see FIGURE_BASES); leave out for a count or size that is neither (memberships, titles, bytes per event). */
    basis: oneOf(FIGURE_BASES, 'figure basis').optional(),
    /** verified, unverified, outdated or assumption (see FIGURE_STATUSES). */
    status: oneOf(FIGURE_STATUSES, 'figure status'),
    /** The source it comes from (id in content/sources); required unless it is an assumption. */
    source: reference('sources').optional(),
    /** The date it was published or describes: YYYY, YYYY-MM or YYYY-MM-DD; required unless it is an assumption. */
    date: partialDate.optional(),
    /** How the source states it, in a few words of our own, such as "over 325 million paid memberships". */
    stated: line('stated', 5, 200).optional(),
    /** Why an assumption is reasonable: what it rests on and what would change it (required for assumptions). */
    why: paragraph('why', 30, 700).optional(),
    /** What the figure does and does not count, or how sources disagree about it. */
    note: paragraph('note', 10, 600).optional(),
    /** The newer figure that replaces an outdated one (id in content/figures). */
    replacedBy: reference('figures').optional(),
  }).superRefine((figure, context) => {
    if (figure.status === 'assumption') {
      if (!figure.why)
        context.addIssue({ code: 'custom', path: ['why'], message: 'An assumption needs "why": the reasoning behind the number.' });
      return;
    }
    if (!figure.source)
      context.addIssue({
        code: 'custom',
        path: ['source'],
        message: 'A published figure needs "source": the id of the source in content/sources.',
      });
    if (!figure.date)
      context.addIssue({
        code: 'custom',
        path: ['date'],
        message: 'A published figure needs "date": when it was published or what date it describes.',
      });
    if (figure.status === 'outdated' && !figure.replacedBy) {
      context.addIssue({
        code: 'custom',
        path: ['replacedBy'],
        message: 'An outdated figure needs "replacedBy": the id of the figure that replaces it.',
      });
    }
  });

  return { guides, prompts, mistakes, culture, stack, sources, figures };
}

export type Schemas = ReturnType<typeof createSchemas>;
