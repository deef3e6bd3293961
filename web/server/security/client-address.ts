import type { H3Event } from 'h3';

/** Request header that carries the client's address to the rate limiter (set by server/plugins/client-address.ts). */
export const CLIENT_ADDRESS_HEADER = 'x-praxis-client-address';

/**
 * True for the site's own requests to itself while rendering a page (`event.$fetch`):
 * they run in memory, without a socket, and carry the headers of the page request they serve.
 */
export function isInternalRequest(event: H3Event): boolean {
  return !event.node.req.socket?.remoteAddress;
}
