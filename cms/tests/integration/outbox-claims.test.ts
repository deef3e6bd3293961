import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KnexOutboxStore } from '../../src/sync/knex-outbox-store';
import { startTestStrapi, type TestStrapi } from '../helpers/strapi.mts';

let cms: TestStrapi;
beforeAll(async () => {
  cms = await startTestStrapi();
});
afterAll(async () => {
  await cms?.stop();
});

describe('the outbox under concurrent workers', () => {
  it('never hands the same row to two workers', async () => {
    const store = () => new KnexOutboxStore(cms.strapi.db.connection);
    const changes = Array.from({ length: 300 }, (_, i) => ({ documentId: `doc-${i}`, locale: 'de', reason: 'test' }));
    await store().enqueue(changes);
    const claimed: number[][] = [[], [], [], []];
    await Promise.all(
      claimed.map(async (mine) => {
        const worker = store();
        for (;;) {
          const rows = await worker.claim(7, 60_000);
          if (rows.length === 0) return;
          mine.push(...rows.map((row) => row.id));
          await worker.complete(rows.map((row) => row.id));
        }
      }),
    );
    const all = claimed.flat();
    expect(all).toHaveLength(300);
    expect(new Set(all).size).toBe(300);
    expect((await store().stats()).pending).toBe(0);
  });

  it('keeps a failed row with its error and makes it due again only after the backoff', async () => {
    const store = new KnexOutboxStore(cms.strapi.db.connection);
    await store.enqueue([{ documentId: 'doc-fail', locale: null, reason: 'test' }]);
    const [row] = await store.claim(10, 60_000);
    await store.fail([row!.id], 'Meilisearch unreachable', new Date(Date.now() + 60_000));
    expect(await store.claim(10, 60_000)).toEqual([]);
    expect(await store.failures()).toEqual([{ documentId: 'doc-fail', locale: null, attempts: 1, error: 'Meilisearch unreachable' }]);
    expect((await store.stats()).failed).toBe(1);
  });
});
