import http from 'node:http';
import https from 'node:https';
import { MeilisearchApiError, MeilisearchRequestError } from 'meilisearch';

/**
 * A keep-alive HTTP client for the Meilisearch JS client. Node's built-in fetch
 * (undici) stalls about 40 ms per request on a reused connection to Meilisearch
 * (measured: p50 44 ms against 0.7 ms with node:http and 2.3 ms when closing
 * every connection); node:http with a keep-alive agent has no stall and keeps
 * the connection pool warm.
 *
 * Idle connections are dropped after 4 s, before a server's usual 5 s keep-alive
 * timeout; a request that still meets a connection the server has just closed
 * (ECONNRESET on a reused socket) is sent once more on a fresh one, as Node's
 * documentation advises.
 */
export function createKeepAliveHttpClient(maxSockets = 64) {
  const agents = {
    'http:': new http.Agent({ keepAlive: true, maxSockets, timeout: 4_000 }),
    'https:': new https.Agent({ keepAlive: true, maxSockets, timeout: 4_000 }),
  };
  const send = (input: string | URL | Request, init: RequestInit, retried: boolean): Promise<unknown> => {
    const url = new URL(input instanceof Request ? input.url : input);
    const transport = url.protocol === 'https:' ? https : http;
    const headers = Object.fromEntries(new Headers(init.headers).entries());
    const body = typeof init.body === 'string' ? init.body : undefined;
    if (body !== undefined) headers['content-length'] = String(Buffer.byteLength(body));
    return new Promise((resolve, reject) => {
      const request = transport.request(
        url,
        {
          method: init.method ?? 'GET',
          headers,
          agent: agents[url.protocol as keyof typeof agents],
          signal: init.signal ?? undefined,
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('error', reject);
          response.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            let parsed: unknown;
            try {
              parsed = text === '' ? undefined : JSON.parse(text);
            } catch (error) {
              reject(new MeilisearchRequestError(url.toString(), error));
              return;
            }
            const status = response.statusCode ?? 0;
            if (status >= 200 && status < 300) resolve(parsed);
            else reject(new MeilisearchApiError(new Response(text || null, { status, statusText: response.statusMessage }), parsed as never));
          });
        },
      );
      request.on('error', (error: NodeJS.ErrnoException) => {
        if (request.reusedSocket && error.code === 'ECONNRESET' && !retried) resolve(send(input, init, true));
        else reject(new MeilisearchRequestError(url.toString(), error));
      });
      request.end(body);
    });
  };
  return (input: string | URL | Request, init: RequestInit = {}): Promise<unknown> => send(input, init, false);
}
