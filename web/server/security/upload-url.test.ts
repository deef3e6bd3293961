import { describe, expect, it } from 'vitest';
import { uploadUrl } from './upload-url';

const CMS = 'http://127.0.0.1:1337';

describe('uploadUrl', () => {
  it('maps a Strapi file name to the CMS uploads folder', () => {
    expect(uploadUrl(CMS, 'photo_3f2a9c.jpg')?.href).toBe('http://127.0.0.1:1337/uploads/photo_3f2a9c.jpg');
    expect(uploadUrl(CMS, 'thumbnail_Plan-2024_a1.pdf')?.href).toBe('http://127.0.0.1:1337/uploads/thumbnail_Plan-2024_a1.pdf');
  });

  const dots = ['..', '%2e%2e', '%2E%2E', '.%2e', '%252e%252e', '%c0%ae%c0%ae'];
  const separators = ['/', '\\', '%2f', '%2F', '%5c', '%5C', '%252f', '%255c', '%25252f'];
  const traversals = dots.flatMap((dot) =>
    separators.flatMap((separator) => [
      `${dot}${separator}admin/init`,
      `${dot}${separator}api/sync/backlog`,
      `x${separator}${dot}${separator}${dot}${separator}admin`,
    ]),
  );

  it.each(traversals)('refuses %s', (path) => {
    expect(uploadUrl(CMS, path)).toBeUndefined();
  });

  it.each([
    '',
    '.hidden',
    'a/b.jpg',
    'a?b=1',
    'a#b',
    'a b.jpg',
    'ä.jpg',
    '//evil.example/x',
    'http://evil.example/x',
    'a'.repeat(300),
    'x\u0000.jpg',
    'x..jpg',
  ])('refuses %j', (path) => {
    expect(uploadUrl(CMS, path)).toBeUndefined();
  });
});
