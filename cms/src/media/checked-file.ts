// One uploaded file, judged by its content before Strapi stores it: what it is comes from its
// bytes (never its name or declared type); an image must decode within the pixel limit and is
// re-encoded (nothing but pixels survives: no appended script, no metadata, no GPS position);
// a PDF is the one download type. The stored name and type follow from that.
import { readFile, writeFile } from 'node:fs/promises';
import sharp from 'sharp';
import { errors } from '@strapi/utils';
import { MAX_IMAGE_PIXELS, MEDIA_TYPE_NAMES, MEDIA_TYPES, safeFileName, sniffMediaType, type MediaType } from '@praxis/search';

/** A file as Strapi's multipart parser (formidable) hands it to the upload service. */
export interface IncomingFile {
  filepath: string;
  originalFilename?: string | null;
  mimetype?: string | null;
  size: number;
  /** What Strapi's own check detected; the upload service prefers it to the declared type. */
  detectedMimeType?: string;
}

export class FileRefused extends errors.ApplicationError {}

const megapixels = (pixels: number) => (pixels / 1_000_000).toLocaleString('de-DE', { maximumFractionDigits: 1 });

/** Decodes an image and writes it anew in its own format; throws when it does not decode. */
async function reencode(bytes: Buffer, type: MediaType): Promise<Buffer> {
  // animated: a WebP's frames stay frames; limitInputPixels: the decoder's own guard as well.
  const image = sharp(bytes, { limitInputPixels: MAX_IMAGE_PIXELS, failOn: 'error', animated: type === 'image/webp' }).rotate();
  if (type === 'image/jpeg') return image.jpeg({ quality: 90 }).toBuffer();
  if (type === 'image/png') return image.png().toBuffer();
  return image.webp({ quality: 90 }).toBuffer();
}

/** The display name in the media library: the sender's name without path and extension, with the real type's extension. */
export function displayName(originalName: string, type: MediaType): string {
  const base = originalName
    .replace(/^.*[/\\]/, '')
    .replace(/\.[^.]*$/, '')
    // eslint-disable-next-line no-control-regex -- control characters never belong in a name
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .trim()
    .slice(0, 120);
  return `${base || 'datei'}${MEDIA_TYPES[type].extension}`;
}

/**
 * Checks a file and prepares it for storage in place: re-encoded bytes, a plain name with the
 * extension of its real type, the real type. Returns the type. Throws FileRefused with a German
 * message (the admin shows it) for anything else.
 */
export async function checkIncomingFile(file: IncomingFile, fallbackName = 'datei'): Promise<MediaType> {
  const shown = file.originalFilename || fallbackName;
  const bytes = await readFile(file.filepath);
  const type = sniffMediaType(bytes);
  if (!type) {
    throw new FileRefused(
      `„${shown}“ wurde nicht gespeichert: Die Mediathek nimmt nur ${MEDIA_TYPE_NAMES.de} an, erkannt an ihrem Inhalt, nicht am Dateinamen.`,
    );
  }
  if (MEDIA_TYPES[type].kind === 'image') {
    const unreadable = new FileRefused(
      `„${shown}“ ist kein lesbares Bild: Der Inhalt beginnt wie ein ${type.replace('image/', '').toUpperCase()}-Bild, lässt sich aber nicht als Bild öffnen.`,
    );
    // The header alone (libvips reads no pixels for it): the size before anything is decoded.
    const { width, height } = await sharp(bytes)
      .metadata()
      .catch(() => ({ width: 0, height: 0 }));
    if (!width || !height) throw unreadable;
    if (width * height > MAX_IMAGE_PIXELS) {
      throw new FileRefused(
        `„${shown}“ ist mit ${width.toLocaleString('de-DE')} × ${height.toLocaleString('de-DE')} Pixeln (${megapixels(width * height)} Megapixel) zu groß; höchstens ${megapixels(MAX_IMAGE_PIXELS)} Megapixel. Bitte verkleinern Sie das Bild.`,
      );
    }
    let encoded: Buffer;
    try {
      encoded = await reencode(bytes, type);
    } catch {
      throw unreadable;
    }
    await writeFile(file.filepath, encoded);
    file.size = encoded.length;
  }
  file.originalFilename = safeFileName(shown, type, fallbackName);
  file.mimetype = type;
  file.detectedMimeType = type;
  return type;
}
