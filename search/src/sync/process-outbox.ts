import type { EnqueuedTask } from 'meilisearch';
import { toSearchDocument } from '../map.ts';
import type { SearchDocument } from '../document.ts';
import type { OutboxRow, OutboxStore, PublishedSource } from './outbox.ts';
import type { SearchIndexes } from './search-indexes.ts';

export interface ProcessOptions {
  batchSize?: number;
  leaseMs?: number;
  /** Upper bound of the exponential backoff between attempts. */
  maxBackoffMs?: number;
  now?: () => number;
}

export interface BatchResult {
  rows: number;
  upserted: number;
  deleted: number;
  failedRows: number;
  /** Documents whose upsert or removal Meilisearch confirmed, per locale. */
  indexed: { locale: string; documentIds: string[] }[];
}

/**
 * Rows per batch. Each batch's Meilisearch task has a fixed cost (~0.2 s into an index of
 * 10,000), so fewer, larger batches drain faster: 2,000 drained 10,000 at ~1,070/s where 500 gave
 * ~900/s, one batch after the other (npm run bench:sync). A single publish is a batch of one either way.
 */
export const DEFAULT_BATCH_SIZE = 2_000;

/** 1 s, 2 s, 4 s, … capped at `maxBackoffMs`. */
export function backoffMs(attempts: number, maxBackoffMs: number): number {
  return Math.min(1_000 * 2 ** Math.max(0, attempts - 1), maxBackoffMs);
}

/** The indexes as the outbox uses them: writes are sent first and confirmed later. */
export type OutboxIndexes = Pick<SearchIndexes, 'enqueueUpsert' | 'enqueueRemove' | 'confirm'>;

/** A batch whose writes Meilisearch has been sent but has not confirmed yet; its rows stay leased. */
export interface SentBatch {
  rows: OutboxRow[];
  allLocales: string[];
  writes: { locale: string; documentIds: string[]; tasks: EnqueuedTask[]; upserted: number; deleted: number }[];
  /** `${locale}` or `${locale}:${documentId}` → error. */
  failures: Map<string, string>;
}

/**
 * Takes one batch of due outbox rows, coalesces them per document and locale, re-reads the
 * published entries and sends Meilisearch an upsert of what is published and a removal of what
 * is not, without waiting for them: `settleOutboxBatch` does, so the next batch can be read
 * while Meilisearch indexes this one (it applies each index's tasks in the order sent).
 */
export async function sendOutboxBatch(
  store: OutboxStore,
  source: Pick<PublishedSource, 'locales' | 'findPublished'>,
  indexes: OutboxIndexes,
  options: ProcessOptions = {},
): Promise<SentBatch> {
  const { batchSize = DEFAULT_BATCH_SIZE, leaseMs = 120_000 } = options;
  const rows = await store.claim(batchSize, leaseMs);
  const sent: SentBatch = { rows, allLocales: [], writes: [], failures: new Map() };
  if (rows.length === 0) return sent;

  sent.allLocales = await source.locales();
  const idsByLocale = new Map<string, Set<string>>();
  for (const row of rows) {
    for (const locale of row.locale ? [row.locale] : sent.allLocales) {
      if (!idsByLocale.has(locale)) idsByLocale.set(locale, new Set());
      idsByLocale.get(locale)!.add(row.documentId);
    }
  }

  for (const [locale, idSet] of idsByLocale) {
    try {
      const ids = [...idSet];
      const entries = await source.findPublished(ids, locale);
      const documents: SearchDocument[] = [];
      for (const entry of entries) {
        try {
          documents.push(toSearchDocument(entry));
        } catch (error) {
          sent.failures.set(`${locale}:${entry.documentId}`, `cannot map: ${(error as Error).message}`);
        }
      }
      const published = new Set(entries.map((entry) => entry.documentId));
      const gone = ids.filter((id) => !published.has(id));
      const tasks = [await indexes.enqueueUpsert(locale, documents), await indexes.enqueueRemove(locale, gone)].filter(
        (task): task is EnqueuedTask => task !== undefined,
      );
      sent.writes.push({ locale, documentIds: ids, tasks, upserted: documents.length, deleted: gone.length });
    } catch (error) {
      sent.failures.set(locale, (error as Error).message);
    }
  }
  return sent;
}

/**
 * Waits for a sent batch's Meilisearch tasks and marks a row done only after its tasks
 * succeeded. Rows whose locale failed stay with their error and are retried with backoff.
 */
export async function settleOutboxBatch(store: OutboxStore, indexes: OutboxIndexes, sent: SentBatch, options: ProcessOptions = {}): Promise<BatchResult> {
  const { maxBackoffMs = 60_000, now = Date.now } = options;
  const { rows, allLocales, failures } = sent;
  const result: BatchResult = { rows: rows.length, upserted: 0, deleted: 0, failedRows: 0, indexed: [] };
  if (rows.length === 0) return result;
  for (const write of sent.writes) {
    try {
      await indexes.confirm(write.tasks);
      result.upserted += write.upserted;
      result.deleted += write.deleted;
      const confirmed = write.documentIds.filter((id) => !failures.has(`${write.locale}:${id}`));
      if (confirmed.length > 0) result.indexed.push({ locale: write.locale, documentIds: confirmed });
    } catch (error) {
      failures.set(write.locale, (error as Error).message);
    }
  }

  const failureOf = (row: OutboxRow): string | undefined => {
    for (const locale of row.locale ? [row.locale] : allLocales) {
      const failure = failures.get(locale) ?? failures.get(`${locale}:${row.documentId}`);
      if (failure) return failure;
    }
    return undefined;
  };
  const done: number[] = [];
  const failedByError = new Map<string, OutboxRow[]>();
  for (const row of rows) {
    const failure = failureOf(row);
    if (!failure) done.push(row.id);
    else failedByError.set(failure, [...(failedByError.get(failure) ?? []), row]);
  }
  await store.complete(done);
  for (const [error, failed] of failedByError) {
    const attempts = Math.max(...failed.map((row) => row.attempts)) + 1;
    await store.fail(
      failed.map((row) => row.id),
      error,
      new Date(now() + backoffMs(attempts, maxBackoffMs)),
    );
    result.failedRows += failed.length;
  }
  return result;
}

/** One batch sent and confirmed. */
export async function processOutboxBatch(
  store: OutboxStore,
  source: Pick<PublishedSource, 'locales' | 'findPublished'>,
  indexes: OutboxIndexes,
  options: ProcessOptions = {},
): Promise<BatchResult> {
  return settleOutboxBatch(store, indexes, await sendOutboxBatch(store, source, indexes, options), options);
}
