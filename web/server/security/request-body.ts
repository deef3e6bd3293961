// How much of a request body the site reads, per route, counted while it reads: a limit on
// Content-Length alone let a chunked body through whole (100 MB to /api/contact-requests took the
// site from 269 to 629 MB; 50 MB to a contact page's form post to 1.7 GB).
import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * The submission form's last step carries up to three images of 2 MB (base64 in the JSON of
 * /api/submissions, files in the no-JavaScript form's multipart post) besides its texts.
 */
export const SUBMISSION_BODY_LIMIT = 13_000_000;
/** 10,000 changes of about 60 bytes each, with room (the CMS's largest purge notice). */
export const PURGE_BODY_LIMIT = 1_000_000;
/**
 * Every other body. A contact form is a few KB (a message of at most 5,000 characters); up to this
 * size the form still answers with the field's own message ("zu lang") and keeps what was typed,
 * as for a paste gone wrong, instead of refusing the request as a whole.
 */
export const DEFAULT_BODY_LIMIT = 2 * 1024 * 1024;

const SUBMISSION_PATHS = new Set(['/api/submissions', '/praxisbeispiel-einreichen', '/en/submit-a-project']);
/** Routes that look at their headers before they read a body, and then read it themselves. */
const SELF_READING_PATHS = new Set(['/api/internal/purge']);

const pathnameOf = (path: string) => path.split('?', 1)[0]!.replace(/\/$/, '') || '/';

/** The most bytes a request to `path` may send. */
export function bodyLimitFor(path: string): number {
  const pathname = pathnameOf(path);
  if (SUBMISSION_PATHS.has(pathname)) return SUBMISSION_BODY_LIMIT;
  if (SELF_READING_PATHS.has(pathname)) return PURGE_BODY_LIMIT;
  return DEFAULT_BODY_LIMIT;
}

/** True for a route that reads its body itself (after checking its headers), with its own limit. */
export function readsOwnBody(path: string): boolean {
  return SELF_READING_PATHS.has(pathnameOf(path));
}

export class BodyTooLarge extends Error {
  constructor(readonly limit: number) {
    super(`The request body is larger than ${limit.toLocaleString('en')} bytes.`);
  }
}

/** How long the rest of a refused body is read and thrown away before the connection is cut. */
export const LINGER_MS = 5_000;

/**
 * After an answer to a request whose body was not read (a 413, a 401 on the headers alone): the
 * rest of the body is read and thrown away, for at most LINGER_MS, then the connection is cut. Closing at once would make the kernel reset the
 * connection with the client's unread data, and the client would lose the answer too (nginx's
 * "lingering close" does the same).
 */
export function lingerAfterAnswer(request: IncomingMessage, response: ServerResponse): void {
  response.once('finish', () => {
    if (request.complete) return;
    request.removeAllListeners('data');
    request.on('data', () => undefined);
    request.resume();
    const cut = setTimeout(() => request.socket.destroy(), LINGER_MS);
    cut.unref();
    request.once('end', () => clearTimeout(cut));
  });
}

/**
 * Reads a request's body, counting bytes as they arrive: at the first byte over `limit` it stops
 * reading (the rest is never buffered) and rejects with BodyTooLarge.
 */
export function readBoundedBody(request: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) return Promise.reject(new BodyTooLarge(limit));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let received = 0;
    const onData = (chunk: Buffer) => {
      received += chunk.length;
      if (received > limit) {
        request.off('data', onData);
        request.pause();
        chunks.length = 0;
        reject(new BodyTooLarge(limit));
        return;
      }
      chunks.push(chunk);
    };
    request.on('data', onData);
    request.once('end', () => resolve(Buffer.concat(chunks)));
    request.once('error', reject);
  });
}
