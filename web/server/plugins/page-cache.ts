// Keeps what the renderer answered for a page that middleware/rendered-page-cache.ts marked,
// once the response is out: only complete HTML pages (200), with the headers they went out with.
import { gunzipSync } from 'node:zlib';
import { storePage } from '../cache/page-cache';

export default defineNitroPlugin((nitroApp) => {
  nitroApp.hooks.hook('afterResponse', (event, response) => {
    const marked = event.context.pageCache;
    const res = event.node.res;
    if (!marked || res.statusCode !== 200 || !String(res.getHeader('content-type') ?? '').startsWith('text/html')) return;
    const headers = res.getHeaders();
    // A nonce in the policy belongs to one response: such a page is never shared (nuxt.config.ts, routeRules).
    if (String(headers['content-security-policy'] ?? '').includes("'nonce-")) return;
    const sent = response?.body;
    if (typeof sent !== 'string' && !Buffer.isBuffer(sent)) return;
    const gzipped = headers['content-encoding'] === 'gzip';
    const body = gzipped ? gunzipSync(sent) : Buffer.from(sent);
    storePage(marked.key, {
      headers,
      body,
      gzip: gzipped ? Buffer.from(sent) : undefined,
      loadedAt: marked.loadedAt,
      search: event.context.pageSearch,
    });
  });
});
