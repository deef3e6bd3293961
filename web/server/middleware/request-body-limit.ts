// Every body a client sends is read here, once, counting bytes, up to its route's limit
// (server/security/request-body.ts), and handed to h3's own body cache, from which readBody,
// readRawBody and readMultipartFormData of the routes and form pages take it. A body over the
// limit gets a 413 and is never buffered, chunked or not. Runs after the rate limit (file order).
import { isInternalRequest } from '../security/client-address';
import { BodyTooLarge, bodyLimitFor, lingerAfterAnswer, readBoundedBody, readsOwnBody } from '../security/request-body';

/** h3's cache of the raw body (Symbol.for('h3RawBody') in h3's readRawBody). */
const H3_RAW_BODY = Symbol.for('h3RawBody');
const METHODS_WITH_BODY = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export default defineEventHandler(async (event) => {
  // The site's own internal requests carry bodies its code built; the outer request was bounded.
  if (!METHODS_WITH_BODY.has(event.method) || isInternalRequest(event) || readsOwnBody(event.path)) return;
  try {
    const body = await readBoundedBody(event.node.req, bodyLimitFor(event.path));
    (event.node.req as unknown as Record<symbol, unknown>)[H3_RAW_BODY] = Promise.resolve(body);
  } catch (error) {
    if (!(error instanceof BodyTooLarge)) throw error;
    lingerAfterAnswer(event.node.req, event.node.res);
    throw createError({ statusCode: 413, statusMessage: 'Payload Too Large', message: error.message });
  }
});
