import type { IncomingMessage } from 'node:http';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { BodyTooLarge, bodyLimitFor, DEFAULT_BODY_LIMIT, PURGE_BODY_LIMIT, readBoundedBody, readsOwnBody, SUBMISSION_BODY_LIMIT } from './request-body';

/** A request stream with these headers; `send` writes chunks as a chunked upload would. */
function request(headers: Record<string, string> = {}) {
  const stream = new PassThrough();
  return Object.assign(stream, { headers }) as unknown as IncomingMessage & PassThrough;
}

describe('the bounded body', () => {
  it('gives each route its limit', () => {
    expect(bodyLimitFor('/api/submissions')).toBe(SUBMISSION_BODY_LIMIT);
    expect(bodyLimitFor('/praxisbeispiel-einreichen?x=1')).toBe(SUBMISSION_BODY_LIMIT);
    expect(bodyLimitFor('/en/submit-a-project/')).toBe(SUBMISSION_BODY_LIMIT);
    expect(bodyLimitFor('/api/internal/purge')).toBe(PURGE_BODY_LIMIT);
    expect(bodyLimitFor('/api/contact-requests')).toBe(DEFAULT_BODY_LIMIT);
    expect(bodyLimitFor('/praxisbeispiele/x/kontakt')).toBe(DEFAULT_BODY_LIMIT);
    expect(bodyLimitFor('/praxisbeispiel-einreichen/bestaetigen')).toBe(DEFAULT_BODY_LIMIT);
    expect(readsOwnBody('/api/internal/purge')).toBe(true);
    expect(readsOwnBody('/api/contact-requests')).toBe(false);
  });

  it('reads a body within the limit whole', async () => {
    const incoming = request();
    const read = readBoundedBody(incoming, 10);
    incoming.write('12345');
    incoming.end('67890');
    expect((await read).toString()).toBe('1234567890');
  });

  it('refuses a declared length over the limit before reading anything', async () => {
    const incoming = request({ 'content-length': '11' });
    await expect(readBoundedBody(incoming, 10)).rejects.toBeInstanceOf(BodyTooLarge);
    expect(incoming.listenerCount('data')).toBe(0);
  });

  it('stops a chunked body at the first byte over the limit and keeps none of it', async () => {
    const incoming = request({ 'transfer-encoding': 'chunked' });
    // Its outcome taken at once: the refusal comes while the client is still writing.
    const read = readBoundedBody(incoming, 1_000).then(
      () => undefined,
      (error: unknown) => error,
    );
    let written = 0;
    // A client that would send 100 MB: the reader gives up after 1,000 bytes and stops reading.
    while (written < 100_000_000 && incoming.listenerCount('data') > 0) {
      incoming.write(Buffer.alloc(400));
      written += 400;
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(await read).toBeInstanceOf(BodyTooLarge);
    expect(String(await read)).toMatch('larger than 1,000 bytes');
    expect(written).toBeLessThanOrEqual(1_200);
    expect(incoming.isPaused()).toBe(true);
  });
});
