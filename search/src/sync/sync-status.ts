import type { OutboxStats, OutboxStore, PublishedSource } from './outbox.ts';
import type { SearchIndexes } from './search-indexes.ts';

export interface SyncStatus extends OutboxStats {
  locales: { locale: string; published: number; indexed: number | null; indexError?: string }[];
}

/** What editors and operators need to see: backlog, failures, last success, counts per locale. */
export async function syncStatus(store: OutboxStore, source: PublishedSource, indexes: SearchIndexes): Promise<SyncStatus> {
  const stats = await store.stats();
  const locales: SyncStatus['locales'] = [];
  for (const locale of await source.locales()) {
    const published = (await source.stamps(locale)).length;
    try {
      locales.push({ locale, published, indexed: await indexes.count(locale) });
    } catch (error) {
      locales.push({ locale, published, indexed: null, indexError: (error as Error).message });
    }
  }
  return { ...stats, locales };
}
