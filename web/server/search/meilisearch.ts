import { createMeiliClient } from '@praxis/search';

type MeiliClient = ReturnType<typeof createMeiliClient>;
let client: MeiliClient | undefined;

/** Every Meilisearch the site may read from: NUXT_MEILI_URL first, then NUXT_MEILI_REPLICA_URLS. */
export function meiliUrls(): string[] {
  const { meiliUrl, meiliReplicaUrls } = useRuntimeConfig();
  const replicas = String(meiliReplicaUrls ?? '')
    .split(',')
    .map((url) => url.trim())
    .filter(Boolean);
  return [...new Set([meiliUrl, ...replicas])];
}

/**
 * The site's Meilisearch client, holding the search-only key (server-side only). With replicas it
 * falls back to the next Meilisearch when one fails (no connection, timeout, 5xx), so a reader
 * does not notice one being down or restarted.
 */
export function useMeilisearch(): MeiliClient {
  if (!client) client = createMeiliClient(meiliUrls(), useRuntimeConfig().meiliSearchKey, 10_000);
  return client;
}
