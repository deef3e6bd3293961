import { describe, expect, it } from 'vitest';
import {
  exceedsPixelLimit,
  imageDimensions,
  MAX_IMAGE_PIXELS,
  safeFileName,
  servedContentType,
  sniffMediaType,
  uploadResponseHeaders,
} from './file-content.ts';

const bytes = (...parts: (number[] | string)[]) =>
  new Uint8Array(parts.flatMap((part) => (typeof part === 'string' ? [...part].map((c) => c.charCodeAt(0)) : part)));
const be32 = (n: number) => [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];
const be16 = (n: number) => [(n >>> 8) & 255, n & 255];
const le16 = (n: number) => [n & 255, (n >>> 8) & 255];
const le24 = (n: number) => [n & 255, (n >>> 8) & 255, (n >>> 16) & 255];

const png = (width: number, height: number) =>
  bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], be32(13), 'IHDR', be32(width), be32(height), [8, 6, 0, 0, 0]);
// SOI, an APP0 segment to skip, then SOF2 (progressive).
const jpeg = (width: number, height: number) =>
  bytes(
    [0xff, 0xd8],
    [0xff, 0xe0],
    be16(16),
    'JFIF',
    [0, 1, 1, 0, 0, 1, 0, 1, 0, 0],
    [0xff, 0xc2],
    be16(17),
    [8],
    be16(height),
    be16(width),
    [3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1],
  );
const riff = (chunk: number[]) => bytes('RIFF', [0, 0, 0, 0], 'WEBP', chunk);
const webpLossy = (width: number, height: number) =>
  riff([...'VP8 '].map((c) => c.charCodeAt(0)).concat([0, 0, 0, 0, 0, 0, 0, 0x9d, 0x01, 0x2a], le16(width), le16(height)));
const webpLossless = (width: number, height: number) => {
  const bits = ((width - 1) & 0x3fff) | (((height - 1) & 0x3fff) << 14);
  return riff(
    [...'VP8L'].map((c) => c.charCodeAt(0)).concat([0, 0, 0, 0, 0x2f, bits & 255, (bits >>> 8) & 255, (bits >>> 16) & 255, (bits >>> 24) & 255, 0, 0, 0, 0, 0]),
  );
};
const webpExtended = (width: number, height: number) =>
  riff([...'VP8X'].map((c) => c.charCodeAt(0)).concat([10, 0, 0, 0, 0, 0, 0, 0], le24(width - 1), le24(height - 1)));

describe('what an uploaded file is', () => {
  it('is told by its bytes: JPEG, PNG, WebP and PDF, nothing else', () => {
    expect(sniffMediaType(jpeg(10, 10))).toBe('image/jpeg');
    expect(sniffMediaType(png(10, 10))).toBe('image/png');
    expect(sniffMediaType(webpLossy(10, 10))).toBe('image/webp');
    expect(sniffMediaType(bytes('%PDF-1.7\n'))).toBe('application/pdf');
    for (const other of ['<!doctype html><script>', 'GIF89a', '<svg xmlns=', 'PK\u0003\u0004', 'RIFF\u0000\u0000\u0000\u0000WAVE', '']) {
      expect(sniffMediaType(bytes(other)), other).toBeUndefined();
    }
  });

  it('reads the stated size of each image format without decoding it', () => {
    expect(imageDimensions(png(16_000, 16_000))).toEqual({ width: 16_000, height: 16_000 });
    expect(imageDimensions(jpeg(4_032, 3_024))).toEqual({ width: 4_032, height: 3_024 });
    expect(imageDimensions(webpLossy(1_200, 800))).toEqual({ width: 1_200, height: 800 });
    expect(imageDimensions(webpLossless(16_383, 9_000))).toEqual({ width: 16_383, height: 9_000 });
    expect(imageDimensions(webpExtended(16_000, 16_000))).toEqual({ width: 16_000, height: 16_000 });
    expect(imageDimensions(bytes('%PDF-1.7'))).toBeUndefined();
  });

  it(`refuses more than ${MAX_IMAGE_PIXELS.toLocaleString('en')} pixels, and a header it cannot read`, () => {
    expect(exceedsPixelLimit(png(8_000, 5_000))).toBe(false);
    expect(exceedsPixelLimit(png(8_000, 5_001))).toBe(true);
    expect(exceedsPixelLimit(png(16_000, 16_000))).toBe(true);
    expect(exceedsPixelLimit(webpExtended(16_000, 16_000))).toBe(true);
    expect(exceedsPixelLimit(jpeg(65_000, 65_000))).toBe(true);
    expect(exceedsPixelLimit(bytes([0xff, 0xd8, 0xff, 0xd9]))).toBe(true);
  });

  it('is stored under a plain name with the extension of its real type', () => {
    expect(safeFileName('jahresbericht.html', 'image/webp')).toBe('jahresbericht.webp');
    expect(safeFileName('../../Übersicht März 2026.PNG', 'image/png')).toBe('Uebersicht-Maerz-2026.png');
    expect(safeFileName('bild:1.png', 'image/png')).toBe('bild-1.png');
    expect(safeFileName('.htaccess', 'application/pdf')).toBe('datei.pdf');
    expect(safeFileName('', 'image/jpeg', 'bild-2')).toBe('bild-2.jpg');
  });

  it('is served with a type from the allowlist, no sniffing, a sandbox, and as a download unless an image or PDF', () => {
    expect(servedContentType('foto_3f2a.JPEG')).toBe('image/jpeg');
    expect(uploadResponseHeaders('foto_3f2a.webp')).toEqual({
      'content-type': 'image/webp',
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; sandbox",
    });
    expect(uploadResponseHeaders('bericht_a1.pdf')['content-type']).toBe('application/pdf');
    for (const planted of ['jahresbericht_1.html', 'vorschau_2.js', 'bild_3.svg', 'handout_4.txt', 'ohne-endung']) {
      expect(uploadResponseHeaders(planted), planted).toMatchObject({ 'content-type': 'application/octet-stream', 'content-disposition': 'attachment' });
    }
  });
});
