import { describe, expect, it } from 'vitest';
import { z } from 'astro/zod';
import { createSchemas } from './index.ts';

const schemas = createSchemas(() => z.string());

function messages(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }): string[] {
  return result.success ? [] : result.error!.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
}

const guide = {
  title: 'The loop at a glance',
  description: 'Every stage of the Netflix loop, from the recruiter call to the offer, and what each one tests.',
  order: 0,
  level: 'foundation',
  sources: ['netflix-demystifying-interviews'],
};

const mistake = {
  title: 'Reaching for Kafka without a reason',
  rounds: ['system-design'],
  themes: ['architecture'],
  context: 'An hourly sync of ten thousand records.',
  bad: 'I would put a Kafka topic between the exporter and the loader, keyed by title so updates stay in order, with a week of retention so we can replay if the loader ships a bug.',
  good: 'Ten thousand records an hour is a scheduled job that writes one file; the file is our replay and audit trail. I would want a log only if several consumers needed replay, ordering per key, or burst absorption.',
  why: 'Every property the weak answer lists is real, but none is checked against this volume; naming the need shows judgment about operational load.',
  sources: ['guide-sd-2026'],
};

const longText = (n: number) => 'x'.repeat(n);

/** A complete 45-minute answer and level expectations, as every prompt has them. */
const ANSWER_AND_LEVELS = {
  answer: {
    scoping:
      'Ask which devices must agree, how stale a resume position may be, and whether offline viewing counts; write down one minute of staleness as the target.',
    estimation:
      'Say the write rate aloud with units, from concurrent streams and one heartbeat a minute, then the read rate at playback start.',
    highLevel: 'Draw the device, the edge, a position service and a store partitioned by profile, and say why writes are blind upserts.',
    stressor: 'When the interviewer triples the write rate, show that a longer heartbeat interval absorbs it before any new hardware.',
    deepDive: 'Choose write ordering, because a late retry must never overwrite a newer position; the runner-up is the read path at start.',
    operations: 'Walk through a regional failure, name the two alerts (write errors and resume mismatch), and roll out behind a flag.',
    recap:
      'Resume within a minute everywhere, one store partitioned by profile, ordering by session and sequence, and a flag to roll back.',
    leaveOut: [
      'The recommendation row that reads the positions; mention it in one line.',
      "Cross-region replication details beyond one sentence on the store's default.",
    ],
    sixtyMinutes: 'Spend the extra time on a second deep dive, the read path at playback start and its cache, with its numbers.',
  },
  levels: {
    L4: {
      scoping: 'Asks how stale a position may be and which devices must agree.',
      design: 'A working service and store with blind writes keyed by profile and title.',
      deepDive: 'Explains why a retry could overwrite a newer position.',
      operations: 'Names one alert on write errors and how to roll back.',
      separates: 'Writes the numbers down and keeps the design consistent with them.',
    },
    L5: {
      scoping: 'Sets the staleness target and the offline case before drawing.',
      design: 'Sizes the store from the write rate and partitions it by profile.',
      deepDive: "Orders writes by session and sequence and explains the store's conflict rule.",
      operations: 'Walks through a regional failure with what the member sees.',
      separates: 'Drives the round and picks the deep dive with a reason.',
    },
    L6: {
      scoping: 'Questions whether minute-level freshness is worth its cost for every device.',
      design: 'Shares the store with other features and says what that changes.',
      deepDive: 'Compares two ordering schemes and their failure modes.',
      operations: 'Plans the migration from the old store without losing positions.',
      separates: 'Sets direction beyond the box diagram and names the long-term risk.',
    },
    L7: 'A principal round asks how the position data serves the whole company, what the platform should become, and who must agree.',
  },
};

const prompt = {
  title: 'Playback resume',
  ...ANSWER_AND_LEVELS,
  description: 'Keep each profile’s playback position in step across devices, for hundreds of millions of members.',
  prompt: 'Design the playback resume feature for Netflix.',
  tests: 'Whether you can scope a write-heavy, read-latency-sensitive service and say what consistency it needs.',
  reportedBy: ['guide-sd-2026'],
  difficulty: 'medium',
  themes: ['playback', 'device-sync'],
  rounds: ['system-design'],
  scoping: Array.from({ length: 5 }, (_, i) => ({ question: `Scoping question number ${i}?`, assume: 'An assumption.' })),
  targets: Array.from({ length: 3 }, () => ({
    metric: 'Availability',
    target: '99.99% of reads',
    why: 'A missing position annoys members.',
  })),
  curveballs: Array.from({ length: 3 }, (_, i) => ({ at: 10 + i * 10, ask: 'A region goes down. What now?', strongAnswer: longText(60) })),
  probes: ['How do you handle two devices?', 'What if the store is slow?', 'How do you roll back?'],
  rubric: Array.from({ length: 6 }, (_, i) => `Rubric item number ${i}`),
  stack: ['evcache'],
  mistakes: ['add-more-instances'],
  sources: ['guide-sd-2026'],
};

describe('guides', () => {
  it('accepts a complete guide and fills defaults', () => {
    const result = schemas.guides.safeParse(guide);
    expect(messages(result)).toEqual([]);
    expect(result.data).toMatchObject({ tags: [], related: [], prompts: [], stack: [], mistakes: [], flashcards: [] });
  });
  it('rejects unknown keys, naming them and the allowed keys', () => {
    const result = schemas.guides.safeParse({ ...guide, descripton: 'typo' });
    expect(messages(result)).toEqual([
      '(root): Unknown key "descripton". Check the spelling or remove it; the allowed keys are: title, description, order, level, round, tags, sources, related, prompts, stack, mistakes, flashcards, searchAliases.',
    ]);
  });
  it('explains missing and malformed fields', () => {
    const { title: _title, ...untitled } = guide;
    expect(messages(schemas.guides.safeParse({ ...untitled, level: 'beginner', description: 'Too short.' }))).toEqual([
      'title: Missing title.',
      'description: description is too short: write at least 50 characters.',
      'level: "beginner" is not a valid level. Use one of: foundation, core, advanced.',
    ]);
  });
  it('requires at least one source and lower-case tags', () => {
    expect(messages(schemas.guides.safeParse({ ...guide, sources: [], tags: ['Load Shedding'] }))).toEqual([
      'tags.0: Tags are lower-case words joined by hyphens, such as "load-shedding".',
      'sources: List at least 1 sources entry by id.',
    ]);
  });
});

describe('mistakes', () => {
  it('accepts a pair', () => {
    expect(messages(schemas.mistakes.safeParse(mistake))).toEqual([]);
  });
  it('rejects an unknown round, a repeated theme and an empty answer', () => {
    expect(messages(schemas.mistakes.safeParse({ ...mistake, rounds: ['onsite'], themes: ['cost', 'cost'], bad: '' }))).toEqual([
      'rounds.0: "onsite" is not a valid round. Use one of: recruiter, hiring-manager, technical-screen, coding, system-design, deep-dive, culture, partners.',
      'themes: Each theme may appear only once.',
      'bad: bad is too short: write at least 20 characters.',
    ]);
  });
  it('rejects a caricature: a weak answer far shorter than the strong one, naming both counts and the fix', () => {
    expect(
      messages(schemas.mistakes.safeParse({ ...mistake, bad: 'I would put Kafka in the middle of everything, so it scales.' })),
    ).toEqual([
      'bad: The weak answer is 12 words against the strong answer\'s 38: write a plausible answer with one specific flaw, at least 25 words (60% of the strong answer, never under 25), and name that flaw in "why".',
    ]);
  });
  it('accepts a near miss at 60% of the strong answer, and rejects one word fewer', () => {
    const good = Array.from({ length: 60 }, (_, i) => `word${i}`).join(' ');
    const bad = (n: number) => Array.from({ length: n }, (_, i) => `weak${i}`).join(' ');
    expect(messages(schemas.mistakes.safeParse({ ...mistake, good, bad: bad(36) }))).toEqual([]);
    expect(messages(schemas.mistakes.safeParse({ ...mistake, good, bad: bad(35) }))).toEqual([
      'bad: The weak answer is 35 words against the strong answer\'s 60: write a plausible answer with one specific flaw, at least 36 words (60% of the strong answer, never under 25), and name that flaw in "why".',
    ]);
  });
  it('never accepts a weak answer under 25 words, even against a short strong answer', () => {
    const result = schemas.mistakes.safeParse({
      ...mistake,
      good: 'Schedule one job that writes one file each hour, and keep the file as the audit trail.',
      bad: 'Put a Kafka topic between them, keyed by title, with a week of retention for replay.',
    });
    expect(messages(result)).toEqual([
      'bad: The weak answer is 16 words against the strong answer\'s 17: write a plausible answer with one specific flaw, at least 25 words (60% of the strong answer, never under 25), and name that flaw in "why".',
    ]);
  });
});

describe('prompts', () => {
  it('accepts a complete prompt', () => {
    expect(messages(schemas.prompts.safeParse(prompt))).toEqual([]);
  });
  it('needs five scoping questions, three targets, six rubric items and sane curveball times', () => {
    const result = schemas.prompts.safeParse({
      ...prompt,
      scoping: prompt.scoping.slice(0, 2),
      targets: [],
      rubric: ['Only one rubric item'],
      curveballs: [{ ...prompt.curveballs[0]!, at: 50 }, ...prompt.curveballs.slice(1)],
    });
    expect(messages(result)).toEqual([
      'scoping: List at least five scoping questions.',
      'targets: List at least three non-functional targets with numbers.',
      'curveballs.0.at: at must be minute 42 or earlier, so there is time to respond.',
      'rubric: List at least 6 rubric items.',
    ]);
  });
  it('is reported by a source or says why it is included, never both and never neither', () => {
    const because = 'Netflix runs live events for tens of millions of members, so a live prompt is likely.';
    expect(messages(schemas.prompts.safeParse({ ...prompt, reportedBy: [], includedBecause: because }))).toEqual([]);
    expect(messages(schemas.prompts.safeParse({ ...prompt, reportedBy: [] }))).toEqual([
      'reportedBy: List the sources that report candidates getting this prompt, or, if none does, leave reportedBy empty and write includedBecause: why the site includes it.',
    ]);
    expect(messages(schemas.prompts.safeParse({ ...prompt, includedBecause: because }))).toEqual([
      'includedBecause: includedBecause is only for prompts no source reports: remove it, since reportedBy lists sources.',
    ]);
  });
});

describe('sources', () => {
  const source = {
    title: 'Keeping Netflix Reliable Using Prioritized Load Shedding',
    publisher: 'Netflix Technology Blog',
    kind: 'netflix',
    url: 'https://netflixtechblog.com/x',
    published: '2020-11',
    checkedOn: '2026-11-21',
    usedFor: 'Zuul sheds low-priority traffic before playback.',
  };
  it('accepts a source and parses dates', () => {
    const result = schemas.sources.safeParse(source);
    expect(messages(result)).toEqual([]);
    expect(result.data?.checkedOn).toBeInstanceOf(Date);
  });
  it('requires a URL for a Netflix primary source, and real dates', () => {
    const { url: _url, ...noUrl } = source;
    expect(messages(schemas.sources.safeParse({ ...noUrl, published: 'Nov 2020' }))).toEqual([
      'published: Write the date as YYYY, YYYY-MM or YYYY-MM-DD.',
      'url: A Netflix primary source needs a url so readers can check it.',
    ]);
    expect(messages(schemas.sources.safeParse(noUrl))).toEqual(['url: A Netflix primary source needs a url so readers can check it.']);
    expect(messages(schemas.sources.safeParse({ ...source, url: 'ftp://x', checkedOn: 'last week' }))).toEqual([
      'url: Write a full URL starting with https://.',
      'checkedOn: Write the date as YYYY-MM-DD, for example 2026-01-20.',
    ]);
  });
});

describe('stack and culture', () => {
  it('accepts a stack entry and rejects an unknown status', () => {
    const stack = {
      title: 'Hystrix',
      description:
        'A library that wrapped calls in timeouts, circuit breakers and fallbacks so one failing dependency could not sink a caller.',
      layer: 'resilience',
      status: 'maintenance',
      statusCheckedOn: '2026-11-21',
      statusSource: 'repo-hystrix',
      statusNote: 'Maintenance mode since November 2018.',
      interviewUse: 'Teach the circuit-breaker idea and say that the library is in maintenance mode.',
      sources: ['repo-hystrix'],
    };
    expect(messages(schemas.stack.safeParse(stack))).toEqual([]);
    expect(messages(schemas.stack.safeParse({ ...stack, status: 'deprecated' }))[0]).toBe(
      'status: "deprecated" is not a valid status. Use one of: active, maintenance, archived, retired, internal.',
    );
  });
  it('requires three questions for a culture entry', () => {
    const culture = {
      title: 'Candor',
      description: 'Saying the useful, uncomfortable thing directly to the person who needs to hear it, and owning your part.',
      kind: 'value',
      memoVersions: ['2024'],
      order: 30,
      listenFor: ['Direct feedback given to a peer', 'Feedback received and acted on'],
      relief: ['Names their own part first', 'Specific about what was said'],
      anxiety: ['Criticism of others only', 'Vague about what happened'],
      questions: ['Tell me about feedback you gave a peer.'],
      storyPrompts: ['A time you told a manager they were wrong', 'A time feedback changed your mind'],
      mistakes: ['candor-without-ownership'],
      sources: ['netflix-culture-memo'],
    };
    expect(messages(schemas.culture.safeParse(culture))).toEqual(['questions: List at least 3 questions.']);
  });
});
