import type { EnqueuedTask } from 'meilisearch';
import { describe, expect, it } from 'vitest';
import type { CaseStudyEntry } from '../content/case-study-entry.ts';
import type { SearchDocument } from '../document.ts';
import type { OutboxRow, OutboxStore, PublishedSource } from './outbox.ts';
import { OutboxWorker } from './outbox-worker.ts';
import { backoffMs, processOutboxBatch } from './process-outbox.ts';
import type { SearchIndexes } from './search-indexes.ts';

describe('backoffMs', () => {
  it('doubles from one second and stops at the cap', () => {
    expect([1, 2, 3, 4, 10].map((attempts) => backoffMs(attempts, 60_000))).toEqual([1_000, 2_000, 4_000, 8_000, 60_000]);
  });
});

// In-memory fakes of the three ports: the outbox table, the CMS's published entries, the indexes.
class FakeStore implements OutboxStore {
  completed: number[] = [];
  failed: { ids: number[]; error: string; retryAt: Date }[] = [];
  constructor(private readonly due: OutboxRow[]) {}
  async enqueue() {}
  async claim(limit: number) {
    return this.due.splice(0, limit);
  }
  async complete(ids: number[]) {
    this.completed.push(...ids);
  }
  async fail(ids: number[], error: string, retryAt: Date) {
    this.failed.push({ ids, error, retryAt });
  }
  async stats() {
    return { pending: this.due.length, failed: 0, lastSuccessAt: null, oldestPendingAt: null };
  }
}

function entry(documentId: string, locale: string, overrides: Partial<CaseStudyEntry> = {}): CaseStudyEntry {
  return {
    documentId,
    locale,
    slug: `${documentId}-${locale}`,
    title: `Titel ${documentId}`,
    teaser: 'Teaser',
    description: 'Text',
    buildingBlock: { slug: 'aktive-nachbarschaft', name: 'Aktive Nachbarschaft', nameEn: 'Active neighbourhood', number: 1 },
    municipalities: [],
    targetGroups: [],
    topics: [],
    settings: [],
    criteria: [],
    projectStatus: 'laufend',
    fundingStart: 2024,
    fundingEnd: null,
    publishedAt: '2025-01-02T03:04:05.000Z',
    updatedAt: '2025-01-02T03:04:05.000Z',
    ...overrides,
  };
}

/** Published entries per locale; `findPublished` records what it was asked for. */
function fakeSource(published: Record<string, CaseStudyEntry[]>) {
  const asked: { ids: string[]; locale: string }[] = [];
  return {
    asked,
    async locales() {
      return Object.keys(published);
    },
    async findPublished(ids: string[], locale: string) {
      asked.push({ ids: [...ids].sort(), locale });
      return (published[locale] ?? []).filter((candidate) => ids.includes(candidate.documentId));
    },
  };
}

/** Writes count as done when confirmed; `failing` locales' tasks fail then. */
function fakeIndexes(failing: Record<string, string> = {}) {
  const upserted: Record<string, string[]> = {};
  const removed: Record<string, string[]> = {};
  const tasks = new Map<number, () => void>();
  const enqueue = (locale: string, write: () => void) => {
    const taskUid = tasks.size + 1;
    tasks.set(taskUid, () => {
      if (failing[locale]) throw new Error(failing[locale]);
      write();
    });
    return { taskUid } as EnqueuedTask;
  };
  return {
    upserted,
    removed,
    async enqueueUpsert(locale: string, documents: SearchDocument[]) {
      return enqueue(locale, () => (upserted[locale] ??= []).push(...documents.map((document) => document.documentId)));
    },
    async enqueueRemove(locale: string, documentIds: string[]) {
      return enqueue(locale, () => (removed[locale] ??= []).push(...documentIds));
    },
    async confirm(confirmed: EnqueuedTask[]) {
      for (const task of confirmed) tasks.get(task.taskUid)!();
    },
  };
}

const row = (id: number, documentId: string, locale: string | null, attempts = 0): OutboxRow => ({ id, documentId, locale, attempts });
const NOW = Date.parse('2026-12-01T12:00:00Z');

describe('processOutboxBatch', () => {
  it('coalesces rows per document and locale: one read and one write per locale, every row done', async () => {
    const store = new FakeStore([row(1, 'a', 'de'), row(2, 'a', 'de'), row(3, 'b', null), row(4, 'a', 'en')]);
    const source = fakeSource({ de: [entry('a', 'de'), entry('b', 'de')], en: [entry('a', 'en')] });
    const indexes = fakeIndexes();
    const result = await processOutboxBatch(store, source, indexes, { now: () => NOW });
    expect(source.asked).toEqual([
      { ids: ['a', 'b'], locale: 'de' },
      { ids: ['a', 'b'], locale: 'en' },
    ]);
    expect(indexes.upserted).toEqual({ de: ['a', 'b'], en: ['a'] });
    // b has no English version: a row for "every locale" removes it from the English index.
    expect(indexes.removed).toEqual({ de: [], en: ['b'] });
    expect(store.completed.sort()).toEqual([1, 2, 3, 4]);
    expect(result).toEqual({
      rows: 4,
      upserted: 3,
      deleted: 1,
      failedRows: 0,
      indexed: [
        { locale: 'de', documentIds: ['a', 'b'] },
        { locale: 'en', documentIds: ['b', 'a'] },
      ],
    });
  });

  it('keeps the rows of a failing locale with the error and retries them later, and completes the others', async () => {
    const store = new FakeStore([row(1, 'a', 'de'), row(2, 'a', 'en', 2), row(3, 'b', null, 0)]);
    const indexes = fakeIndexes({ en: 'Meilisearch is down' });
    const result = await processOutboxBatch(store, fakeSource({ de: [entry('a', 'de'), entry('b', 'de')], en: [entry('a', 'en')] }), indexes, {
      now: () => NOW,
      maxBackoffMs: 60_000,
    });
    expect(store.completed).toEqual([1]);
    expect(store.failed).toEqual([{ ids: [2, 3], error: 'Meilisearch is down', retryAt: new Date(NOW + backoffMs(3, 60_000)) }]);
    expect(result.failedRows).toBe(2);
    // Only what Meilisearch confirmed is reported (the site drops those cached pages).
    expect(result.indexed).toEqual([{ locale: 'de', documentIds: ['a', 'b'] }]);
  });

  it('fails only the rows of an entry that cannot be mapped, with the reason', async () => {
    const broken = entry('bad', 'de', { title: '' as string, buildingBlock: null, fundingStart: 'x' as unknown as number });
    const store = new FakeStore([row(1, 'good', 'de'), row(2, 'bad', 'de')]);
    const indexes = fakeIndexes();
    const result = await processOutboxBatch(store, fakeSource({ de: [entry('good', 'de'), broken] }), indexes, { now: () => NOW });
    expect(indexes.upserted).toEqual({ de: ['good'] });
    expect(result.indexed).toEqual([{ locale: 'de', documentIds: ['good'] }]);
    expect(store.completed).toEqual([1]);
    expect(store.failed).toHaveLength(1);
    expect(store.failed[0]!.ids).toEqual([2]);
    expect(store.failed[0]!.error).toMatch(/^cannot map: /);
  });

  it('takes at most a batch and does nothing when nothing is due', async () => {
    const store = new FakeStore([row(1, 'a', 'de'), row(2, 'b', 'de'), row(3, 'c', 'de')]);
    const source = fakeSource({ de: [] });
    expect(await processOutboxBatch(store, source, fakeIndexes(), { batchSize: 2, now: () => NOW })).toMatchObject({ rows: 2, deleted: 2 });
    expect(await processOutboxBatch(store, source, fakeIndexes(), { batchSize: 2, now: () => NOW })).toMatchObject({ rows: 1 });
    expect(await processOutboxBatch(store, source, fakeIndexes(), { batchSize: 2, now: () => NOW })).toEqual({
      rows: 0,
      upserted: 0,
      deleted: 0,
      failedRows: 0,
      indexed: [],
    });
  });
});

describe('OutboxWorker', () => {
  it('reads and sends the next batch while Meilisearch indexes the one before, and confirms every batch before it stops', async () => {
    const ids = ['a', 'b', 'c', 'd', 'e'];
    const store = new FakeStore(ids.map((id, index) => row(index + 1, id, 'de')));
    const source = fakeSource({ de: ids.map((id) => entry(id, 'de')) });
    const indexes = fakeIndexes();
    const events: string[] = [];
    const logged = {
      enqueueUpsert: async (locale: string, documents: SearchDocument[]) => {
        events.push(`send ${documents.map((document) => document.documentId).join('')}`);
        return indexes.enqueueUpsert(locale, documents);
      },
      enqueueRemove: indexes.enqueueRemove,
      confirm: async (tasks: EnqueuedTask[]) => {
        await indexes.confirm(tasks);
        events.push(`confirmed ${Object.values(indexes.upserted).flat().join('')}`);
      },
    };
    const reported: string[][] = [];
    const worker = new OutboxWorker(store, source as unknown as PublishedSource, logged as unknown as SearchIndexes, {
      batchSize: 2,
      pollIntervalMs: 10_000,
      onIndexed: (indexed) => reported.push(indexed.flatMap((write) => write.documentIds)),
    });
    worker.start();
    await expect.poll(() => store.completed.length).toBe(5);
    await worker.stop();
    expect(events).toEqual(['send ab', 'send cd', 'confirmed ab', 'send e', 'confirmed abcd', 'confirmed abcde']);
    expect(reported).toEqual([['a', 'b'], ['c', 'd'], ['e']]);
  });
});
