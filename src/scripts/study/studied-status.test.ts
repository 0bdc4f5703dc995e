import { describe, expect, it } from 'vitest';
import { studiedStatus } from './studied-status.ts';

const opts = ['en-US', 'UTC'] as const;

describe('studiedStatus', () => {
  it('offers the switch on a page not yet studied', () => {
    expect(studiedStatus(undefined, '2026-11-01T00:00:00.000Z', ...opts)).toEqual({
      studied: false,
      label: 'Mark as studied',
      status: '',
      updatedSince: false,
    });
  });

  it('says when the page was marked', () => {
    const status = studiedStatus('2026-11-20T10:00:00.000Z', '2026-11-01T00:00:00.000Z', ...opts);
    expect(status).toMatchObject({ studied: true, label: 'Studied ✓', updatedSince: false });
    expect(status.status).toBe('Marked on Nov 20, 2026.');
  });

  it('says the page was updated since the reader studied it', () => {
    const status = studiedStatus('2026-11-01T10:00:00.000Z', '2026-11-20T00:00:00.000Z', ...opts);
    expect(status.updatedSince).toBe(true);
    expect(status.status).toBe('Marked on Nov 1, 2026. This page was updated since you studied it (on Nov 20, 2026).');
  });

  it('keeps a mark with a damaged date, without claiming an update', () => {
    const status = studiedStatus('not a date', '2026-11-20T00:00:00.000Z', ...opts);
    expect(status).toMatchObject({ studied: true, updatedSince: false });
    expect(status.status).toMatch(/an unknown date/);
  });

  it('says nothing about updates on a page without a last-modified date', () => {
    expect(studiedStatus('2026-11-01T10:00:00.000Z', undefined, ...opts).updatedSince).toBe(false);
  });
});
