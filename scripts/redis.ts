// A local Redis for the tests of the shared site state (and the cluster test): Debian's
// redis-server on loopback, without persistence, stopped with the test.
import { spawn, type ChildProcess } from 'node:child_process';
import { connect } from 'node:net';
import { delimiter, join } from 'node:path';
import { freePort, isExecutable } from './processes.ts';

export interface RedisHandle {
  url: string;
  port: number;
  process: ChildProcess;
  stop(): Promise<void>;
}

/** redis-server from REDIS_SERVER_BIN or PATH, or undefined. */
export function findRedisServer(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.REDIS_SERVER_BIN) return isExecutable(env.REDIS_SERVER_BIN) ? env.REDIS_SERVER_BIN : undefined;
  return (env.PATH ?? '')
    .split(delimiter)
    .filter((dir) => dir !== '')
    .map((dir) => join(dir, 'redis-server'))
    .find(isExecutable);
}

/** Resolves once something accepts TCP connections on 127.0.0.1:`port`. */
async function waitForPort(port: number, timeoutMs: number, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`redis-server exited with code ${child.exitCode} before it was ready`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => socket.end(() => resolve(true)));
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`redis-server did not listen on port ${port} within ${timeoutMs} ms`);
}

/** Starts redis-server on `port` (a free one by default), in memory only. */
export async function startRedis(port?: number): Promise<RedisHandle> {
  const binary = findRedisServer();
  if (!binary) throw new Error('redis-server was not found (Debian: sudo apt-get install redis-server; or set REDIS_SERVER_BIN)');
  const chosen = port ?? (await freePort());
  const child = spawn(binary, ['--port', String(chosen), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  await waitForPort(chosen, 10_000, child);
  return {
    url: `redis://127.0.0.1:${chosen}`,
    port: chosen,
    process: child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGKILL');
      }),
  };
}
