// Image files for the media tests, built byte by byte where a real encoder would not make them.
import { crc32, deflateSync } from 'node:zlib';

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([Buffer.from(type), data])));
  return Buffer.concat([length, Buffer.from(type), data, crc]);
}

/**
 * A well-formed PNG header stating `width` × `height` pixels, followed by image data for the
 * first rows only: a decoder reads the size and would have to allocate all of it (a 16,000 ×
 * 16,000 one is the review's "pixel bomb"), but the pixels never decode.
 */
export function pngStating(width: number, height: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const firstRows = deflateSync(Buffer.alloc(Math.min(width * 3 + 1, 65_536)));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', firstRows),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
