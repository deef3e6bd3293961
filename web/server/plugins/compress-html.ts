// Server-rendered pages go out gzipped when the browser accepts it. The search page is 170 KB
// of HTML (the facets and their payload) and 33 KB gzipped, which on a phone's connection is
// the difference that decides when the first results appear. Level 5 costs about 2 ms for the
// search page (measured on this machine). A reverse proxy in front leaves an encoded response alone.
import { gzipSync } from 'node:zlib';
import { isInternalRequest } from '../security/client-address';

const MIN_BYTES = 1024;

export default defineNitroPlugin((nitroApp) => {
  nitroApp.hooks.hook('render:response', (response, { event }) => {
    // The error page is rendered by an internal request whose body the error handler passes on as text.
    if (isInternalRequest(event) || typeof response.body !== 'string' || Buffer.byteLength(response.body) < MIN_BYTES) return;
    appendResponseHeader(event, 'vary', 'accept-encoding');
    if (!/\bgzip\b/.test(getRequestHeader(event, 'accept-encoding') ?? '')) return;
    response.body = gzipSync(response.body, { level: 5 }) as unknown as string;
    response.headers = { ...response.headers, 'content-encoding': 'gzip' };
  });
});
