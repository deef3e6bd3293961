import type { Meilisearch } from 'meilisearch';
import { assertSucceeded } from '../meili-client.ts';
import type { SearchDocument } from '../document.ts';
import { indexName, indexSettings } from '../settings.ts';

/** What the index holds of a document: enough to tell whether it is stale. */
export interface IndexedStamp {
  documentId: string;
  updatedAt: number;
}

/** The case-study indexes, with every write confirmed by its Meilisearch task. */
export class SearchIndexes {
  constructor(readonly client: Meilisearch) {}

  /** Creates the locale's index if missing and applies the settings from code. */
  async ensureIndex(locale: string, name = indexName(locale)): Promise<void> {
    const exists = await this.client.getIndex(name).then(() => true, () => false);
    if (!exists) assertSucceeded(await this.client.createIndex(name, { primaryKey: 'documentId' }).waitTask());
    assertSucceeded(await this.client.index(name).updateSettings(indexSettings(locale)).waitTask());
  }

  async upsert(locale: string, documents: SearchDocument[], name = indexName(locale)): Promise<void> {
    if (documents.length === 0) return;
    assertSucceeded(await this.client.index(name).addDocuments(documents, { primaryKey: 'documentId' }).waitTask());
  }

  async remove(locale: string, documentIds: string[], name = indexName(locale)): Promise<void> {
    if (documentIds.length === 0) return;
    assertSucceeded(await this.client.index(name).deleteDocuments(documentIds).waitTask());
  }

  /** Every document's id and update stamp, paged through. */
  async stamps(locale: string): Promise<IndexedStamp[]> {
    const stamps: IndexedStamp[] = [];
    const pageSize = 1_000;
    for (let offset = 0; ; offset += pageSize) {
      const page = await this.client.index(indexName(locale)).getDocuments<IndexedStamp>({ fields: ['documentId', 'updatedAt'], limit: pageSize, offset });
      stamps.push(...page.results);
      if (page.results.length < pageSize) return stamps;
    }
  }

  async count(locale: string): Promise<number> {
    const stats = await this.client.index(indexName(locale)).getStats();
    return stats.numberOfDocuments;
  }
}
