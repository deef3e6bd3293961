// Environment for CLIs that talk to the CMS database and Meilisearch outside `npm start`.
import { loadEnv } from '@praxis/tooling/env-file';

/** Loads `.env`, points MEILI_URL at the local Meilisearch of `npm start` unless set, and keeps the CLI's own worker off. */
export function loadCliEnv(): void {
  loadEnv();
  process.env.MEILI_URL ||= `http://127.0.0.1:${process.env.MEILI_PORT || 7700}`;
  process.env.SEARCH_SYNC_WORKER = 'false';
}
