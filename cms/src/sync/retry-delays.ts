// When the search sync tries Meilisearch again after it failed to connect or to apply the editors'
// synonym sets. Both waits stay within SYNC_MAX_BACKOFF_MS, the longest backoff of the sync (its
// outbox worker's too): the tests set it to half a second and need not wait out the production
// delays; retry-delays.test.ts holds the production ones.

/** The first wait, and the wait between two tries to connect. */
const RETRY_MS = 5_000;

/** How long the sync waits before it tries to connect to an unreachable Meilisearch again. */
export function connectRetryMs(maxBackoffMs: number): number {
  return Math.min(RETRY_MS, maxBackoffMs);
}

/**
 * How long the sync waits before it applies a language's synonym sets again, after the try that
 * waited `previousMs` (none for the first) failed: 5 s, then twice as long each time, at most
 * `maxBackoffMs`.
 */
export function nextSynonymRetryMs(previousMs: number | undefined, maxBackoffMs: number): number {
  return Math.min(previousMs === undefined ? RETRY_MS : previousMs * 2, maxBackoffMs);
}
