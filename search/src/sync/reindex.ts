import { assertSucceeded } from '../meili-client.ts';
import { toSearchDocument } from '../map.ts';
import { indexName } from '../settings.ts';
import type { PublishedSource } from './outbox.ts';
import type { SearchIndexes } from './search-indexes.ts';

export interface ReindexOptions {
  batchSize?: number;
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
    await client.deleteIndex(fresh).waitTask().then(assertSucceeded).catch(() => undefined);
    await indexes.ensureIndex(locale, fresh);
    await indexes.ensureIndex(locale, live);
    let done = 0;
    for (let offset = 0; ; offset += batchSize) {
      const entries = await source.page(locale, offset, batchSize);
      await indexes.upsert(locale, entries.map(toSearchDocument), fresh);
      done += entries.length;
      options.onProgress?.(locale, done);
      if (entries.length < batchSize) break;
    }
    assertSucceeded(await client.swapIndexes([{ indexes: [live, fresh], rename: false }]).waitTask());
    assertSucceeded(await client.deleteIndex(fresh).waitTask());
    counts[locale] = done;
  }
  return counts;
}
