// A real Meilisearch for CMS integration tests, on a fixed port so it can be stopped and started again.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMeiliClient } from '@praxis/search';
import { startMeilisearch, type MeilisearchHandle } from '@praxis/tooling/meilisearch';
import { freePort } from '@praxis/tooling/processes';

export interface TestMeilisearch {
  url: string;
  masterKey: string;
  client: ReturnType<typeof createMeiliClient>;
  /** Environment that switches the CMS's search sync on, with fast retries for tests. */
  syncEnv: Record<string, string>;
  stop(): Promise<void>;
  start(): Promise<void>;
  destroy(): Promise<void>;
}

/** `masterKey`: give two of them the same, and the CMS's scoped keys are the same at both. */
export async function startTestMeilisearch(options: { masterKey?: string } = {}): Promise<TestMeilisearch> {
  const dataDir = mkdtempSync(join(tmpdir(), 'praxis-meili-cms-'));
  const port = await freePort();
  const masterKey = options.masterKey ?? `test-master-${Date.now()}-abcdefghijklmnop`;
  let server: MeilisearchHandle | undefined = await startMeilisearch({ dataDir, masterKey, port });
  const url = server.url;
  return {
    url,
    masterKey,
    client: createMeiliClient(url, masterKey),
    syncEnv: { MEILI_URL: url, MEILI_MASTER_KEY: masterKey, SYNC_MAX_BACKOFF_MS: '500', SYNC_POLL_INTERVAL_MS: '100' },
    async stop() {
      await server?.stop();
      server = undefined;
    },
    async start() {
      server = await startMeilisearch({ dataDir, masterKey, port });
    },
    async destroy() {
      await server?.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Polls `check` until it returns true; fails with `message` after `timeoutMs`. */
export async function waitFor(check: () => Promise<boolean>, message: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`Timed out after ${timeoutMs} ms: ${message}`);
}
