import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runScheduled } from '../../src/database/scheduled-job';
import { KnexOutboxStore } from '../../src/sync/knex-outbox-store';
import { startTestStrapi, type TestStrapi } from '../helpers/strapi.mts';

const HOUR = 60 * 60 * 1000;
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
    expect(await store.failures()).toEqual([{ documentId: 'doc-fail', locale: null, attempts: 1, error: 'Meilisearch unreachable', target: null }]);
    expect((await store.stats()).failed).toBe(1);
  });
});

describe('timed jobs under several CMS instances', () => {
  it('runs a job once per interval, whichever instance asks first', async () => {
    const knex = cms.strapi.db.connection;
    let runs = 0;
    const job = async () => ++runs;
    const now = Date.now();
    // Four instances whose hourly timers fire at the same moment: one runs the job.
    const outcomes = await Promise.all([0, 1, 2, 3].map(() => runScheduled(knex, 'test-job', HOUR, job, now)));
    expect(runs).toBe(1);
    expect(outcomes.filter((outcome) => outcome.ran)).toEqual([{ ran: true, result: 1 }]);
    // Another instance's timer half an hour later: not yet due.
    expect(await runScheduled(knex, 'test-job', HOUR, job, now + HOUR / 2)).toEqual({ ran: false });
    // An hour later, even if that timer fires a little early: due again, once.
    const later = await Promise.all([0, 1].map(() => runScheduled(knex, 'test-job', HOUR, job, now + HOUR - 60_000)));
    expect(later.filter((outcome) => outcome.ran)).toHaveLength(1);
    expect(runs).toBe(2);
    // Another job has its own schedule.
    expect(await runScheduled(knex, 'other-job', HOUR, job, now)).toEqual({ ran: true, result: 3 });
  });
});
