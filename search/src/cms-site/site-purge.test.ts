import { describe, expect, it } from 'vitest';
import { PURGE_MAX_AGE_MS, purgeHeadersPlausible, purgeNoticeSchema, signPurge, verifyPurge } from './site-purge.ts';

describe('signed purge notices', () => {
  const body = '{"caseStudies":[{"documentId":"abc","locale":"de"}]}';
  const now = Date.parse('2026-12-02T10:00:00Z');

  it('verifies its own signature within the time window only', () => {
    const signature = signPurge(body, now, 'secret');
    expect(verifyPurge(body, now, signature, 'secret', now + 1_000)).toBe(true);
    expect(verifyPurge(body, now, signature, 'secret', now + PURGE_MAX_AGE_MS + 1)).toBe(false);
    expect(verifyPurge(body, now, signature, 'secret', now - PURGE_MAX_AGE_MS - 1)).toBe(false);
  });

  it('refuses another secret, another body, another time, an empty secret and garbage', () => {
    const signature = signPurge(body, now, 'secret');
    expect(verifyPurge(body, now, signature, 'other', now)).toBe(false);
    expect(verifyPurge(body.replace('de', 'en'), now, signature, 'secret', now)).toBe(false);
    expect(verifyPurge(body, now + 1, signature, 'secret', now)).toBe(false);
    expect(verifyPurge(body, now, signPurge(body, now, ''), '', now)).toBe(false);
    expect(verifyPurge(body, Number.NaN, signature, 'secret', now)).toBe(false);
    expect(verifyPurge(body, now, 'x', 'secret', now)).toBe(false);
  });

  it('tells from the headers alone whether a notice could be genuine, before its body is read', () => {
    const signature = signPurge(body, now, 'secret');
    expect(purgeHeadersPlausible(now, signature, now + 1_000)).toBe(true);
    expect(purgeHeadersPlausible(now, signature, now + PURGE_MAX_AGE_MS + 1)).toBe(false);
    expect(purgeHeadersPlausible(Number.NaN, signature, now)).toBe(false);
    for (const forged of ['', 'x', `${signature}=`, signature.slice(1), `${signature.slice(1)}/`])
      expect(purgeHeadersPlausible(now, forged, now), forged).toBe(false);
  });

  it('reads a notice with defaults and refuses unknown fields', () => {
    expect(purgeNoticeSchema.parse({ vocabulary: true })).toEqual({ caseStudies: [], vocabulary: true, all: false, events: false });
    expect(purgeNoticeSchema.parse({ events: true })).toEqual({ caseStudies: [], vocabulary: false, all: false, events: true });
    expect(purgeNoticeSchema.safeParse({ caseStudies: [{ documentId: 'a', locale: 'de', extra: 1 }] }).success).toBe(false);
    expect(purgeNoticeSchema.safeParse({ everything: true }).success).toBe(false);
  });
});
