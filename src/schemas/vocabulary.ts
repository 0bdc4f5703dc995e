/**
 * The closed vocabularies the content model uses. Each list is the single place a value is
 * allowed, and each value carries the label readers see. Adding a value here is the only step
 * needed to use it in front matter; the schemas, filters and search facets all read from here.
 */

/** The interview rounds, in the order a candidate meets them. */
export const ROUNDS = {
  recruiter: 'Recruiter screen',
  'hiring-manager': 'Hiring manager screen',
  'technical-screen': 'Technical phone screen',
  coding: 'Coding rounds',
  'system-design': 'System design round',
  'deep-dive': 'Project deep dive',
  culture: 'Behavioral and culture rounds',
  partners: 'Director and partner conversations',
} as const;

/** What a mistake (or a prompt) is about. Used to filter the mistakes catalog. */
export const THEMES = {
  scoping: 'Scoping and requirements',
  architecture: 'Architecture choices',
  'trade-offs': 'Trade-offs',
  operations: 'Operations and debugging',
  resilience: 'Failure and resilience',
  cost: 'Cost',
  security: 'Security and privacy',
  data: 'Data and consistency',
  estimation: 'Estimation',
  communication: 'Communication',
  coding: 'Coding',
  culture: 'Culture and behavior',
  preparation: 'Preparation',
  accuracy: 'Accuracy about Netflix',
} as const;

/** What a design prompt exercises. Used to filter the prompt library. */
export const PROMPT_THEMES = {
  playback: 'Playback and streaming',
  personalization: 'Personalization and ML',
  'data-pipelines': 'Data pipelines',
  'device-sync': 'Devices and sync',
  platform: 'Platform and infrastructure',
  reliability: 'Reliability',
  search: 'Search and metadata',
  privacy: 'Privacy and compliance',
  cost: 'Cost control',
  experimentation: 'Experimentation',
} as const;

/** How hard a design prompt is for a senior (L5) candidate. */
export const DIFFICULTIES = {
  medium: 'Medium',
  hard: 'Hard',
  expert: 'Expert',
} as const;

/** How much a guide assumes of its reader. */
export const LEVELS = {
  foundation: 'Foundation',
  core: 'Core',
  advanced: 'Advanced',
} as const;

/** Where a source comes from; decides how much weight the site gives it. */
export const SOURCE_KINDS = {
  netflix: 'Netflix primary source',
  guide: 'Third-party interview guide',
  other: 'Other source',
} as const;

/** The state of a Netflix technology today. */
export const STACK_STATUSES = {
  active: 'Active',
  maintenance: 'Maintenance mode',
  archived: 'Archived',
  retired: 'Retired',
  internal: 'Internal only',
} as const;

/** Where a Netflix technology sits in the architecture; groups the stack glossary. */
export const STACK_LAYERS = {
  edge: 'Edge and API',
  'service-to-service': 'Service to service',
  data: 'Data',
  streaming: 'Streaming and events',
  delivery: 'Content delivery',
  resilience: 'Resilience',
  deployment: 'Deployment and compute',
  observability: 'Observability',
} as const;

/** What a culture entry is: one of the memo's named values, or a concept it describes. */
export const CULTURE_KINDS = {
  value: 'Value',
  concept: 'Concept',
} as const;

/** Versions of the Netflix culture memo. 2024 is current. */
export const MEMO_VERSIONS = {
  '2009': '2009 "Freedom & Responsibility" deck',
  '2017': 'Web memo, about 2017 to 2022 (ten values)',
  '2022': 'May 2022 revision',
  '2024': 'June 2024 memo, "The Best Work of Our Lives" (current)',
} as const;

/**
 * How well a claim is supported. "wrong" is for a claim that a real search found no support for
 * and good reason to reject (a system name no Netflix source mentions); its note says what was
 * searched or what the sources show instead.
 */
export const CLAIM_STATUSES = {
  verified: 'Verified',
  unverified: 'Unverified',
  outdated: 'Outdated',
  wrong: 'Wrong',
} as const;

export type Round = keyof typeof ROUNDS;
export type Theme = keyof typeof THEMES;
export type PromptTheme = keyof typeof PROMPT_THEMES;
export type Difficulty = keyof typeof DIFFICULTIES;
export type Level = keyof typeof LEVELS;
export type SourceKind = keyof typeof SOURCE_KINDS;
export type StackStatus = keyof typeof STACK_STATUSES;
export type StackLayer = keyof typeof STACK_LAYERS;
export type CultureKind = keyof typeof CULTURE_KINDS;
export type MemoVersion = keyof typeof MEMO_VERSIONS;
export type ClaimStatus = keyof typeof CLAIM_STATUSES;

/** The keys of a vocabulary as a non-empty tuple, the shape `z.enum` wants. */
export function keysOf<T extends Record<string, string>>(vocabulary: T): [keyof T & string, ...(keyof T & string)[]] {
  const keys = Object.keys(vocabulary) as (keyof T & string)[];
  if (keys.length === 0) throw new Error('A vocabulary needs at least one value.');
  return keys as [keyof T & string, ...(keyof T & string)[]];
}
