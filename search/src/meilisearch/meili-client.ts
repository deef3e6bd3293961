import { Meilisearch, type Task } from 'meilisearch';
import { createFailoverHttpClient, createKeepAliveHttpClient } from './meili-http.ts';

const httpClient = createKeepAliveHttpClient();

/**
 * A Meilisearch client; `key` is the narrowest key the caller needs, never the master key unless
 * creating keys. Given several URLs (instances the sync keeps alike, with the same key), it asks
 * the first and falls back to the next when one fails (createFailoverHttpClient): for readers.
 */
export function createMeiliClient(url: string | readonly string[], key: string, timeoutMs = 30_000): Meilisearch {
  const urls = typeof url === 'string' ? [url] : url;
  const client = urls.length > 1 ? createFailoverHttpClient(urls, {}, httpClient) : httpClient;
  return new Meilisearch({ host: urls[0]!, apiKey: key, timeout: timeoutMs, httpClient: client, defaultWaitOptions: { interval: 10, timeout: 60_000 } });
}

export class MeiliTaskError extends Error {
  constructor(readonly task: Task) {
    super(`Meilisearch task ${task.uid} (${task.type} on ${task.indexUid ?? 'all indexes'}) ${task.status}: ${task.error?.message ?? 'no error message'}`);
    this.name = 'MeiliTaskError';
  }
}

/** Throws unless the task reached `succeeded`: a task that failed or was canceled did not change the index. */
export function assertSucceeded(task: Task): Task {
  if (task.status !== 'succeeded') throw new MeiliTaskError(task);
  return task;
}
