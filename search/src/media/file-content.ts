// What a file that someone uploads really is, judged by its bytes alone: never by its name or the
// type its sender declares. The CMS (media library, submissions) and the site (the submission form,
// the /uploads proxy) use the same rules, so the two origins cannot disagree about a file.

/** The kinds of file the media library keeps: images for the pages, PDF as the one download type. */
export const MEDIA_TYPES = {
  'image/jpeg': { extension: '.jpg', kind: 'image' },
  'image/png': { extension: '.png', kind: 'image' },
  'image/webp': { extension: '.webp', kind: 'image' },
  'application/pdf': { extension: '.pdf', kind: 'document' },
} as const;
export type MediaType = keyof typeof MEDIA_TYPES;
export type ImageType = { [T in MediaType]: (typeof MEDIA_TYPES)[T]['kind'] extends 'image' ? T : never }[MediaType];

/**
 * Images larger than this are refused before anything decodes them: a 776 KB PNG of 16,000 ×
 * 16,000 pixels took the CMS from 434 MB to 1.6 GB. 40 megapixels is more than a phone's camera
 * (up to 8,000 × 5,000) and about 160 MB when decoded.
 */
export const MAX_IMAGE_PIXELS = 40_000_000;

/** What the German and English messages call the accepted types. */
export const MEDIA_TYPE_NAMES = { de: 'Bilder (JPEG, PNG, WebP) und PDF-Dokumente', en: 'images (JPEG, PNG, WebP) and PDF documents' } as const;

const startsWith = (bytes: Uint8Array, signature: number[], offset = 0) => signature.every((byte, index) => bytes[offset + index] === byte);
const ascii = (text: string) => [...text].map((character) => character.charCodeAt(0));

/** The type of an uploaded file from its first bytes, or undefined when it is none the media library keeps. */
export function sniffMediaType(bytes: Uint8Array): MediaType | undefined {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'image/webp';
  if (startsWith(bytes, ascii('%PDF-'))) return 'application/pdf';
  return undefined;
}

/** The image type of a file's bytes (JPEG, PNG or WebP), or undefined. */
export function sniffImageType(bytes: Uint8Array): ImageType | undefined {
  const type = sniffMediaType(bytes);
  return type && MEDIA_TYPES[type].kind === 'image' ? (type as ImageType) : undefined;
}

const uint16be = (bytes: Uint8Array, at: number) => (bytes[at]! << 8) | bytes[at + 1]!;
const uint16le = (bytes: Uint8Array, at: number) => bytes[at]! | (bytes[at + 1]! << 8);
const uint24le = (bytes: Uint8Array, at: number) => bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16);
const uint32be = (bytes: Uint8Array, at: number) => ((bytes[at]! << 24) >>> 0) + ((bytes[at + 1]! << 16) | (bytes[at + 2]! << 8) | bytes[at + 3]!);

/** JPEG: the first start-of-frame marker (SOF0–SOF15 but DHT, JPG and DAC) holds height and width. */
function jpegDimensions(bytes: Uint8Array): { width: number; height: number } | undefined {
  let at = 2;
  while (at + 9 < bytes.length) {
    if (bytes[at] !== 0xff) return undefined;
    const marker = bytes[at + 1]!;
    if (marker === 0xff) {
      at += 1;
      continue;
    }
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2;
      continue;
    }
    const length = uint16be(bytes, at + 2);
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: uint16be(bytes, at + 5), width: uint16be(bytes, at + 7) };
    }
    if (length < 2) return undefined;
    at += 2 + length;
  }
  return undefined;
}

/** WebP: lossy (VP8), lossless (VP8L) or extended (VP8X, the canvas size). */
function webpDimensions(bytes: Uint8Array): { width: number; height: number } | undefined {
  if (bytes.length < 30) return undefined;
  if (startsWith(bytes, ascii('VP8X'), 12)) return { width: uint24le(bytes, 24) + 1, height: uint24le(bytes, 27) + 1 };
  if (startsWith(bytes, ascii('VP8L'), 12)) {
    const bits = bytes[21]! | (bytes[22]! << 8) | (bytes[23]! << 16) | (bytes[24]! << 24);
    return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
  }
  if (startsWith(bytes, ascii('VP8 '), 12)) return { width: uint16le(bytes, 26) & 0x3fff, height: uint16le(bytes, 28) & 0x3fff };
  return undefined;
}

/**
 * An image's size in pixels as its header states it, without decoding it (what a decoder would
 * have to allocate), or undefined when the header cannot be read.
 */
export function imageDimensions(bytes: Uint8Array): { width: number; height: number } | undefined {
  switch (sniffImageType(bytes)) {
    case 'image/png':
      return bytes.length >= 24 && startsWith(bytes, ascii('IHDR'), 12) ? { width: uint32be(bytes, 16), height: uint32be(bytes, 20) } : undefined;
    case 'image/jpeg':
      return jpegDimensions(bytes);
    case 'image/webp':
      return webpDimensions(bytes);
    default:
      return undefined;
  }
}

/** True when the image's header states more than MAX_IMAGE_PIXELS pixels (or cannot be read). */
export function exceedsPixelLimit(bytes: Uint8Array): boolean {
  const size = imageDimensions(bytes);
  return !size || size.width * size.height > MAX_IMAGE_PIXELS;
}

/**
 * A stored file's name: the original's base name in plain characters (umlauts spelled out, no
 * path, no dots but the extension's) with the extension of its real type.
 */
export function safeFileName(originalName: string, type: MediaType, fallback = 'datei'): string {
  const base = originalName
    .replace(/^.*[/\\]/, '')
    .replace(/\.[^.]*$/, '')
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/Ä/g, 'Ae')
    .replace(/Ö/g, 'Oe')
    .replace(/Ü/g, 'Ue')
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9_-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80);
  return `${base || fallback}${MEDIA_TYPES[type].extension}`;
}

/** The content type a stored file is served with, from its extension: only the media library's own kinds. */
export function servedContentType(fileName: string): MediaType | undefined {
  const extension = /\.[A-Za-z0-9]+$/.exec(fileName)?.[0].toLowerCase();
  if (extension === '.jpeg') return 'image/jpeg';
  return (Object.keys(MEDIA_TYPES) as MediaType[]).find((type) => MEDIA_TYPES[type].extension === extension);
}

/**
 * The headers every /uploads answer carries, on the CMS and through the site: the type from the
 * allowlist (never what the storage guessed), no sniffing, a policy under which nothing in the file
 * can run, and anything that is not an image or a PDF as a download. Chromium still shows PDFs
 * under this policy (checked in e2e/media-security.test.ts).
 */
export function uploadResponseHeaders(fileName: string): Record<string, string> {
  const type = servedContentType(fileName);
  return {
    'content-type': type ?? 'application/octet-stream',
    'x-content-type-options': 'nosniff',
    'content-security-policy': "default-src 'none'; sandbox",
    ...(type ? {} : { 'content-disposition': 'attachment' }),
  };
}
