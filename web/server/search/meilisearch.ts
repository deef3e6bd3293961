import { createMeiliClient } from '@praxis/search';

type MeiliClient = ReturnType<typeof createMeiliClient>;
let client: MeiliClient | undefined;

/** The site's Meilisearch client, holding the search-only key (server-side only). */
export function useMeilisearch(): MeiliClient {
  if (!client) {
    const { meiliUrl, meiliSearchKey } = useRuntimeConfig();
    client = createMeiliClient(meiliUrl, meiliSearchKey, 10_000);
  }
  return client;
}
