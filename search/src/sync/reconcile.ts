import { ANALYSIS_VERSION } from '../analysis/terms.ts';
import type { OutboxStore, PublishedSource } from './outbox.ts';
import type { SearchIndexes } from './search-indexes.ts';

export interface ReconcileResult {
  locale: string;
  missing: number;
  stale: number;
  orphaned: number;
}

/**
 * Compares the published entries (id and update time per locale) with the
 * index and queues every difference — missing, stale or orphaned — in the
 * outbox, so the worker repairs it the same way it handles any change.
 */
export async function reconcile(store: OutboxStore, source: PublishedSource, indexes: SearchIndexes): Promise<ReconcileResult[]> {
  const results: ReconcileResult[] = [];
  for (const locale of await source.locales()) {
    const published = new Map((await source.stamps(locale)).map((stamp) => [stamp.documentId, stamp.updatedAt]));
    const indexed = new Map((await indexes.stamps(locale)).map((stamp) => [stamp.documentId, stamp]));
    const result: ReconcileResult = { locale, missing: 0, stale: 0, orphaned: 0 };
    const repairs: { documentId: string; locale: string; reason: string }[] = [];
    for (const [documentId, updatedAt] of published) {
      const inIndex = indexed.get(documentId);
      if (inIndex === undefined) result.missing += 1;
      // Stale: changed since, or its terms made by another version of the analysis.
      else if (inIndex.updatedAt !== updatedAt || inIndex.analysis !== ANALYSIS_VERSION) result.stale += 1;
      else continue;
      repairs.push({ documentId, locale, reason: 'reconcile' });
    }
    for (const documentId of indexed.keys()) {
      if (published.has(documentId)) continue;
      result.orphaned += 1;
      repairs.push({ documentId, locale, reason: 'reconcile' });
    }
    await store.enqueue(repairs);
    results.push(result);
  }
  return results;
}
