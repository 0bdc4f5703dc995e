/**
 * The search relevance set: queries a candidate types, each with the canonical page that should
 * come first and the pages that must be in the top 3. Paths are site paths without the base.
 * `named: true` marks the queries issue 16 names; for those the first result must be the
 * canonical page (tests/e2e/search-relevance.test.ts), for the rest the top 3 must hold and
 * top-1 is measured (`npm run bench` prints top-1, top-3 and MRR over the whole set).
 *
 * When a query fails, fix the index, not the test: a `searchAliases` entry in the canonical
 * page's front matter (guides, culture, stack), or an `aliases` entry on a prompt.
 */
import type { RelevanceCase } from '../../src/scripts/search/relevance.ts';

export const RELEVANCE_CASES: readonly RelevanceCase[] = [
  // Named in the issue.
  { query: 'rate limiter', first: '/prompts/rate-limiter/', named: true },
  { query: 'thundering herd', first: '/stack/evcache/', named: true },
  { query: 'cache stampede', first: '/stack/evcache/', named: true },
  { query: 'estimation QPS', first: '/system-design/estimation/', named: true },
  { query: 'keeper test', first: '/culture/keeper-test/', named: true },
  { query: 'compensation', first: '/prepare/compensation/', named: true },
  { query: 'zuul', first: '/stack/zuul/', named: true },
  { query: 'open connect', first: '/stack/open-connect/', named: true },
  { query: 'CDN', first: '/stack/open-connect/', named: true },
  { query: 'A/B test', first: '/prompts/experimentation-platform/', named: true },
  // Design prompts, by their name and by what interviewers call them.
  { query: 'playback resume', first: '/prompts/playback-resume/' },
  { query: 'continue watching', first: '/prompts/playback-resume/' },
  { query: 'circuit breaker', first: '/prompts/circuit-breaker-library/' },
  { query: 'token bucket', first: '/prompts/rate-limiter/' },
  { query: 'push notifications', first: '/prompts/push-notifications/' },
  { query: 'homepage feed', first: '/prompts/homepage-feed/' },
  { query: 'recommendation system', first: '/prompts/recommendation-system/' },
  { query: 'live streaming', first: '/prompts/live-event-streaming/' },
  { query: 'offline downloads', first: '/prompts/offline-downloads/' },
  { query: 'GDPR', first: '/prompts/gdpr-data-export/' },
  { query: 'feature flags', first: '/prompts/device-config-rollout/' },
  { query: 'distributed counter', first: '/prompts/distributed-counter/', alsoTop3: ['/stack/distributed-counter/'] },
  { query: 'event logging pipeline', first: '/prompts/event-logging-pipeline/' },
  { query: 'ads system', first: '/prompts/ads-system/' },
  { query: 'feature store', first: '/prompts/feature-store/' },
  { query: 'typeahead search', first: '/prompts/content-search/' },
  // The Netflix stack.
  { query: 'hystrix', first: '/stack/hystrix/' },
  { query: 'chaos monkey', first: '/stack/chaos-monkey/' },
  { query: 'kafka', first: '/stack/kafka/' },
  { query: 'cassandra', first: '/stack/cassandra/' },
  { query: 'evcache', first: '/stack/evcache/' },
  { query: 'eureka service discovery', first: '/stack/eureka/' },
  { query: 'API gateway', first: '/stack/zuul/' },
  { query: 'VMAF', first: '/stack/vmaf/' },
  { query: 'GraphQL', first: '/stack/graphql-dgs/' },
  { query: 'canary analysis', first: '/stack/kayenta/' },
  // The loop and its rounds.
  { query: 'recruiter screen', first: '/loop/recruiter/' },
  { query: 'hiring manager', first: '/loop/hiring-manager/' },
  { query: 'system design round', first: '/loop/system-design/' },
  { query: 'technical phone screen', first: '/loop/technical-screen/' },
  { query: 'project deep dive', first: '/loop/deep-dive/' },
  { query: 'behavioral questions', first: '/loop/culture/' },
  // Culture and preparation.
  { query: 'culture memo', first: '/culture/' },
  { query: 'candor', first: '/culture/candor/' },
  { query: 'story bank', first: '/culture/story-bank/' },
  { query: 'study plan', first: '/prepare/study-plan/' },
  { query: 'salary negotiation', first: '/prepare/compensation/' },
  { query: 'back of the envelope', first: '/system-design/estimation/' },
];
