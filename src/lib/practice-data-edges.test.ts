/**
 * Flashcard text and ids readers' saved progress depends on: a retired culture concept names the
 * memo versions it comes from, and a guide fact's id is pinned (changing how it is computed would
 * orphan every reader's saved progress on that card).
 */
import { describe, expect, it } from 'vitest';
import { cultureCard, factCard } from './practice-data.ts';

describe('flashcards readers keep progress on', () => {
  it('names the memo versions a concept no longer in the current memo comes from', () => {
    const card = cultureCard({ id: 'fr', title: 'F&R', description: 'Old.', memoVersions: ['2009', '2022'] }, '/c/');
    expect(card).toEqual({
      id: 'culture:fr',
      deck: 'culture',
      front: 'In Netflix\'s culture memo, what is "F&R"?',
      back: 'Old. Not in the current memo; from the 2009 "Freedom & Responsibility" deck and May 2022 revision.',
      path: '/c/',
    });
  });

  it('keeps a guide fact id stable across releases: the first 8 hex digits of the lower-cased question', () => {
    expect(factCard('system-design/estimation', { front: ' Paid memberships, January 2026? ', back: 'Over 325 million.' }, '/e/')).toEqual({
      id: 'estimation:system-design/estimation:41e78893',
      deck: 'estimation',
      front: ' Paid memberships, January 2026? ',
      back: 'Over 325 million.',
      path: '/e/',
    });
  });
});
