import type { Meilisearch } from 'meilisearch';
import { LOCALES } from './catalogue/domain.ts';
import { indexName } from './settings.ts';

// Fixed uids: Meilisearch derives a key's value from the master key and its uid,
// so every process that knows the master key gets the same keys back.
const SYNC_KEY_UID = '5f0c7a4e-2b1d-4c3e-9a8f-1d2e3f4a5b6d';
const SEARCH_KEY_UID = '8a9b0c1d-2e3f-4a5b-8c6d-7e8f9a0b1c2d';

export interface ApiKeys {
  /**
   * For the CMS sync: documents, settings, index create/swap/delete, tasks and stats — no search,
   * no key management, no dumps or snapshots. Its index scope is all indexes because Meilisearch
   * shows an index-swap task (which belongs to no single index) only to such keys, and the
   * zero-downtime reindex must see its swap succeed.
   */
  syncKey: string;
  /** For the site: `search` on the case-study indexes only. */
  searchKey: string;
}

async function ensureKey(
  master: Meilisearch,
  uid: string,
  definition: { name: string; description: string; actions: string[]; indexes: string[] },
): Promise<string> {
  const existing = await master.getKey(uid).catch(() => undefined);
  if (existing) return existing.key;
  const created = await master.createKey({ uid, ...definition, expiresAt: null } as never);
  return created.key;
}

/** Creates (once) and returns the scoped keys. The master key is used for this and nothing else. */
export async function ensureApiKeys(master: Meilisearch): Promise<ApiKeys> {
  const syncKey = await ensureKey(master, SYNC_KEY_UID, {
    name: 'praxisdatenbank-cms-sync',
    description: 'CMS → index sync of the Praxisdatenbank (documents, settings, reindex swaps)',
    actions: [
      'documents.add',
      'documents.get',
      'documents.delete',
      'indexes.create',
      'indexes.get',
      'indexes.update',
      'indexes.delete',
      'indexes.swap',
      'settings.get',
      'settings.update',
      'tasks.get',
      'stats.get',
    ],
    indexes: ['*'],
  });
  const searchKey = await ensureKey(master, SEARCH_KEY_UID, {
    name: 'praxisdatenbank-site-search',
    description: 'Search-only key of the Praxisdatenbank site',
    actions: ['search'],
    indexes: LOCALES.map(indexName),
  });
  return { syncKey, searchKey };
}
