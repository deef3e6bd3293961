// Child processes and ports for the launcher, the tests and the benchmarks.
import type { ChildProcess } from 'node:child_process';
import { accessSync, constants, readFileSync } from 'node:fs';
import { createServer } from 'node:net';

/** True when `file` exists and may be executed. */
export function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * The first port the OS hands out for `listen(0)` and outgoing connections (Linux: from
 * /proc; elsewhere IANA's 49152). A port below it is never taken by one of those behind our back.
 */
function ephemeralPortStart(): number {
  try {
    return Number(readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/)[0]) || 49_152;
  } catch {
    return 49_152;
  }
}

const listens = (port: number) =>
  new Promise<boolean>((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });

/**
 * A free TCP port on 127.0.0.1 for a service that binds it a moment later. Chosen below the
 * ephemeral range: a port the OS gave out for `listen(0)` could meanwhile be taken by an outgoing
 * connection or a test server listening on port 0 (once seen: the e2e site found its port taken
 * by a CMS test's Strapi).
 */
export async function freePort(): Promise<number> {
  const high = Math.min(ephemeralPortStart(), 49_152) - 1;
  const low = Math.max(1_024, high - 20_000);
  for (let attempt = 0; attempt < 100; attempt++) {
    const port = low + Math.floor(Math.random() * (high - low + 1));
    if (await listens(port)) return port;
  }
  throw new Error(`no free port between ${low} and ${high}`);
}

/** Polls `url` until it answers with a 2xx status; throws after `timeoutMs` or when `child` exits first. */
export async function waitForHttp(url: string, timeoutMs: number, child?: ChildProcess): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError = '';
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) throw new Error(`the process behind ${url} exited with code ${child.exitCode} before it was ready`);
    try {
      const response = await fetch(url, { headers: { connection: 'close' } });
      if (response.ok) return;
      lastError = `HTTP ${response.status}`;
    } catch (error) {
      lastError = (error as Error).message;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`${url} was not ready after ${timeoutMs} ms (${lastError})`);
}
