import type { EnqueuedTask } from 'meilisearch';
import { assertSucceeded } from '../meilisearch/meili-client.ts';
import { toSearchDocument } from '../map.ts';
import { indexName } from '../settings.ts';
import type { PublishedSource } from './outbox.ts';
import type { SearchIndexes } from './search-indexes.ts';

export interface ReindexOptions {
  batchSize?: number;
  /** After each batch: how many documents of the locale were read and sent to Meilisearch. */
  onProgress?(locale: string, done: number): void;
}

/**
 * Rebuilds every locale's index without downtime: fills `<index>-new` from the
 * CMS in batches, swaps it with the live index in one atomic Meilisearch task,
 * and deletes the old one. Searches keep hitting the live index throughout.
 * Returns the number of documents per locale.
 */
export async function reindexAll(source: PublishedSource, indexes: SearchIndexes, options: ReindexOptions = {}): Promise<Record<string, number>> {
  const { batchSize = 500 } = options;
  const { client } = indexes;
  const counts: Record<string, number> = {};
  for (const locale of await source.locales()) {
    const live = indexName(locale);
    const fresh = `${live}-new`;
    await client
      .deleteIndex(fresh)
      .waitTask()
      .then(assertSucceeded)
      .catch(() => undefined);
    await indexes.ensureIndex(locale, fresh);
    await indexes.ensureIndex(locale, live);
    let done = 0;
    const queued: EnqueuedTask[] = [];
    for (let offset = 0; ; offset += batchSize) {
      const entries = await source.page(locale, offset, batchSize);
      // Queued, not awaited: the next page is read while Meilisearch indexes this one.
      const task = await indexes.enqueueUpsert(locale, entries.map(toSearchDocument), fresh);
      if (task) queued.push(task);
      done += entries.length;
      options.onProgress?.(locale, done);
      if (entries.length < batchSize) break;
    }
    // Only a complete new index replaces the live one.
    await indexes.confirm(queued);
    assertSucceeded(await client.swapIndexes([{ indexes: [live, fresh], rename: false }]).waitTask());
    assertSucceeded(await client.deleteIndex(fresh).waitTask());
    counts[locale] = done;
  }
  return counts;
}
