import type { EnqueuedTask, Meilisearch } from 'meilisearch';
import { assertSucceeded } from '../meilisearch/meili-client.ts';
import type { SearchDocument } from '../document.ts';
import { indexName, indexSettings } from '../settings.ts';
import { synonymSettings, type SynonymSet } from '../synonyms.ts';

/** How long a reindex's queued batches may take together (10,000 case studies take seconds). */
const CONFIRM_TIMEOUT_MS = 600_000;
/**
 * Waiting for one write: a batch of 2,000 case studies into a large index takes seconds (the
 * client's default of 5 s made such a batch fail and retry), and a short poll interval lets a
 * single publish be searchable ~40 ms sooner than the default 50 ms (a local request is cheap).
 */
const WAIT = { timeout: 120_000, interval: 10 };

/** What the index holds of a document: enough to tell whether it is stale. */
export interface IndexedStamp {
  documentId: string;
  updatedAt: number;
  /** The analysis version its terms were made with (absent before issue 32). */
  analysis?: number;
}

export interface SearchIndexesOptions {
  /** The editors' synonym sets of a locale (the CMS reads them from its Suchbegriffe); the seed by default. */
  synonymSets?(locale: string): Promise<readonly SynonymSet[]>;
}

/** The case-study indexes, with every write confirmed by its Meilisearch task. */
export class SearchIndexes {
  constructor(
    readonly client: Meilisearch,
    private readonly options: SearchIndexesOptions = {},
  ) {}

  /** Creates the locale's index if missing and applies the settings from code with the editors' synonyms. */
  async ensureIndex(locale: string, name = indexName(locale)): Promise<void> {
    const exists = await this.client.getIndex(name).then(
      () => true,
      () => false,
    );
    if (!exists) assertSucceeded(await this.client.createIndex(name, { primaryKey: 'documentId' }).waitTask(WAIT));
    const synonymSets = await this.options.synonymSets?.(locale);
    assertSucceeded(await this.client.index(name).updateSettings(indexSettings(locale, synonymSets)).waitTask(WAIT));
  }

  /**
   * Replaces the locale's synonyms, and nothing else: Meilisearch applies them at query time, so
   * the change is searchable as soon as the task is done (no document is re-indexed).
   */
  async applySynonyms(locale: string, sets: readonly SynonymSet[]): Promise<void> {
    assertSucceeded(await this.client.index(indexName(locale)).updateSynonyms(synonymSettings(sets, locale)).waitTask(WAIT));
  }

  /**
   * Sends documents without waiting for Meilisearch to index them, so the next batch can be read
   * meanwhile and Meilisearch can index consecutive batches together; `confirm` waits for them.
   */
  async enqueueUpsert(locale: string, documents: SearchDocument[], name = indexName(locale)): Promise<EnqueuedTask | undefined> {
    if (documents.length === 0) return undefined;
    return this.client.index(name).addDocuments(documents, { primaryKey: 'documentId' });
  }

  /** Waits until Meilisearch has processed every task; throws on the first that failed. */
  async confirm(tasks: EnqueuedTask[]): Promise<void> {
    // Later tasks wait behind earlier ones: the time limit is for all of them, not one.
    for (const task of await this.client.tasks.waitForTasks(tasks, { ...WAIT, timeout: CONFIRM_TIMEOUT_MS })) assertSucceeded(task);
  }

  /** Sends a removal without waiting for it, like `enqueueUpsert`. */
  async enqueueRemove(locale: string, documentIds: string[], name = indexName(locale)): Promise<EnqueuedTask | undefined> {
    if (documentIds.length === 0) return undefined;
    return this.client.index(name).deleteDocuments(documentIds);
  }

  /** Every document's id and update stamp, paged through. */
  async stamps(locale: string): Promise<IndexedStamp[]> {
    const stamps: IndexedStamp[] = [];
    const pageSize = 1_000;
    for (let offset = 0; ; offset += pageSize) {
      const page = await this.client
        .index(indexName(locale))
        .getDocuments<IndexedStamp>({ fields: ['documentId', 'updatedAt', 'analysis'], limit: pageSize, offset });
      stamps.push(...page.results);
      if (page.results.length < pageSize) return stamps;
    }
  }

  async count(locale: string): Promise<number> {
    const stats = await this.client.index(indexName(locale)).getStats();
    return stats.numberOfDocuments;
  }
}
