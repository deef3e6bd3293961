import { describe, expect, it } from 'vitest';
import { previewPath, signPreview, verifyPreview } from './preview.ts';

const target = { documentId: 'abc123', locale: 'de', status: 'draft' as const, expires: 2_000_000_000 };

describe('preview signatures', () => {
  it('accepts its own signature before it expires', () => {
    expect(verifyPreview(target, signPreview(target, 's3cret'), 's3cret', 1_900_000_000_000)).toBe(true);
  });

  it('refuses another secret, another document, locale or status, an expired link and an empty secret', () => {
    const signature = signPreview(target, 's3cret');
    expect(verifyPreview(target, signature, 'other', 0)).toBe(false);
    expect(verifyPreview({ ...target, documentId: 'abc124' }, signature, 's3cret', 0)).toBe(false);
    expect(verifyPreview({ ...target, locale: 'en' }, signature, 's3cret', 0)).toBe(false);
    expect(verifyPreview({ ...target, status: 'published' }, signature, 's3cret', 0)).toBe(false);
    expect(verifyPreview({ ...target, expires: target.expires + 1 }, signature, 's3cret', 0)).toBe(false);
    expect(verifyPreview(target, signature, 's3cret', 2_000_000_001_000)).toBe(false);
    expect(verifyPreview(target, signPreview(target, ''), '', 0)).toBe(false);
    expect(verifyPreview(target, '', 's3cret', 0)).toBe(false);
  });

  it('builds a signed site path per locale', () => {
    const path = previewPath({ documentId: 'abc123', locale: 'en', status: 'draft' }, 's3cret', 60, 1_000_000);
    const url = new URL(path, 'http://site');
    expect(url.pathname).toBe('/en/preview/abc123');
    expect(
      verifyPreview(
        { documentId: 'abc123', locale: 'en', status: 'draft', expires: Number(url.searchParams.get('expires')) },
        url.searchParams.get('signature')!,
        's3cret',
        1_000_000,
      ),
    ).toBe(true);
  });
});
