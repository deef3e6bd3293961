// A keep-alive HTTP client for benchmarks: Node's fetch stalls ~40 ms per request on
// reused connections to some servers, which would measure the client, not the server.
import http from 'node:http';

// Idle sockets close before the servers' 5 s keep-alive timeout; see search/src/meili-http.ts.
const agent = new http.Agent({ keepAlive: true, maxSockets: 64, timeout: 4_000 });

/** Sends a request, reads the whole body, resolves to the status code; retried once when a reused socket was reset. */
export function request(url: string, options: { method?: string; body?: string; headers?: Record<string, string> } = {}, retried = false): Promise<number> {
  const headers = { ...options.headers, ...(options.body ? { 'content-length': String(Buffer.byteLength(options.body)) } : {}) };
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: options.method ?? 'GET', headers, agent }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
      response.on('error', reject);
    });
    req.on('error', (error: NodeJS.ErrnoException) => {
      if (req.reusedSocket && error.code === 'ECONNRESET' && !retried) resolve(request(url, options, true));
      else reject(error);
    });
    req.end(options.body);
  });
}
