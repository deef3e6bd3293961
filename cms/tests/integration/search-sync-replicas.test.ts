// The search sync with two Meilisearch instances (MEILI_URL and MEILI_REPLICA_URLS, issue 38):
// each gets every change from outbox rows of its own, one that is down holds up nothing at the
// other and loses nothing, and one that comes back catches up.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportReport } from '../../src/import/run-import';
import { OUTBOX_TABLE } from '../../src/sync/outbox-table';
import { caseStudyRecord } from '../helpers/fixtures.mts';
import { startTestMeilisearch, waitFor, type TestMeilisearch } from '../helpers/meilisearch.mts';
import { startTestStrapi, type TestStrapi } from '../helpers/strapi.mts';

const UID = 'api::case-study.case-study';
const MASTER_KEY = `replica-test-master-${Date.now()}-abcdefghij`;
let primary: TestMeilisearch;
let replica: TestMeilisearch;
let cms: TestStrapi;

beforeAll(async () => {
  primary = await startTestMeilisearch({ masterKey: MASTER_KEY });
  replica = await startTestMeilisearch({ masterKey: MASTER_KEY });
  cms = await startTestStrapi({ env: { ...primary.syncEnv, MEILI_REPLICA_URLS: replica.url } });
});
afterAll(async () => {
  await cms?.stop();
  await primary?.destroy();
  await replica?.destroy();
});

const documents = () => cms.strapi.documents(UID);
const importer = () =>
  cms.strapi.service('api::case-study.importer') as unknown as {
    importContent(fileName: string, content: string, options?: object): Promise<ImportReport>;
  };
const syncService = () =>
  cms.strapi.service('api::sync.sync') as unknown as {
    status(): Promise<Record<string, any>>;
    backlog(): Promise<Record<string, any>>;
  };
/** The replica's place in the backlog's `targets` (MEILI_URL, then MEILI_REPLICA_URLS; the public answer names no addresses). */
const REPLICA = 1;
let counter = 0;
async function publishNew(title: string) {
  counter += 1;
  const slug = `replica-test-${counter}`;
  const report = await importer().importContent('x.json', JSON.stringify([caseStudyRecord({ slug, title })]));
  expect(report.issues).toEqual([]);
  return (await documents().findFirst({ locale: 'de', filters: { slug }, status: 'published' }))!.documentId;
}

/** Published German rows of the CMS and documents of a Meilisearch, as comparable lists. */
async function cmsState() {
  const rows = await cms.strapi.db
    .query(UID)
    .findMany({ where: { locale: 'de', publishedAt: { $notNull: true } }, select: ['documentId', 'updatedAt', 'title'] });
  return rows.map((row) => `${row.documentId}|${new Date(row.updatedAt).getTime()}|${row.title}`).sort();
}
async function indexState(meili: TestMeilisearch) {
  const page = await meili.client.index('case-studies-de').getDocuments({ fields: ['documentId', 'updatedAt', 'title'], limit: 10_000 });
  return page.results.map((doc) => `${doc.documentId}|${doc.updatedAt}|${doc.title}`).sort();
}
const equalsCms = (meili: TestMeilisearch, name: string) =>
  waitFor(async () => JSON.stringify(await indexState(meili)) === JSON.stringify(await cmsState()), `${name} equals the published CMS content`, 60_000);

/** The outbox rows written after row `afterId`, per Meilisearch. */
async function rowsSince(afterId: number) {
  const rows: { target: string | null; done_at: unknown; attempts: number | string; document_id: string; reason: string }[] = await cms.strapi.db
    .connection(OUTBOX_TABLE)
    .where('id', '>', afterId)
    .select('target', 'done_at', 'attempts', 'document_id', 'reason');
  return { of: (meili: TestMeilisearch) => rows.filter((row) => row.target === meili.url), all: rows };
}
const lastRowId = async () => Number((await cms.strapi.db.connection(OUTBOX_TABLE).max({ id: 'id' }))[0]?.id ?? 0);

describe('search sync with a replica', () => {
  it('writes every published change to both Meilisearch instances', async () => {
    const id = await publishNew('Stadtteilgarten für alle');
    for (const meili of [primary, replica]) {
      await waitFor(
        async () => (await meili.client.index('case-studies-de').search('Stadtteilgarten')).hits.some((hit) => hit.documentId === id),
        'searchable',
      );
    }
    // The settings from code reached both (a filter on a filterable attribute answers).
    for (const meili of [primary, replica]) {
      expect((await meili.client.index('case-studies-de').search('Stadtteilgarten', { filter: 'status = laufend' })).hits.length).toBeGreaterThan(0);
    }
  });

  it('while the replica is down: the primary gets 40 changes at once and once, the replica all of them when it is back', async () => {
    await equalsCms(primary, 'the primary');
    await equalsCms(replica, 'the replica');
    const before = await lastRowId();
    await replica.stop();
    await waitFor(async () => (await syncService().backlog()).targets[REPLICA].reachable === false, 'the replica counts as unreachable');

    const created: string[] = [];
    for (let i = 0; i < 25; i += 1) created.push(await publishNew(`Ausfall der Kopie ${i}`));
    for (const id of created.slice(0, 10)) {
      await documents().update({ documentId: id, locale: 'de', data: { title: `Geändert ohne Kopie ${id}` } as never });
      await documents().publish({ documentId: id, locale: 'de' });
    }
    for (const id of created.slice(20, 25)) await documents().delete({ documentId: id, locale: '*' });

    // The primary is complete, its backlog drained, while the replica is still down.
    await equalsCms(primary, 'the primary');
    const backlogOf = async (meili: TestMeilisearch) =>
      (await syncService().backlog()).targets[meili === primary ? 0 : REPLICA] as { pending: number; failed: number };
    await waitFor(async () => {
      const backlog = await backlogOf(primary);
      return backlog.pending === 0 && backlog.failed === 0;
    }, "the primary's rows are done");
    const during = await rowsSince(before);
    // Every change has one row per Meilisearch; the primary's are done, never retried.
    expect(during.all.every((row) => row.target === primary.url || row.target === replica.url)).toBe(true);
    expect(during.of(primary).length).toBe(during.of(replica).length);
    expect(during.of(primary).length).toBeGreaterThanOrEqual(40);
    expect(during.of(primary).filter((row) => row.done_at === null || Number(row.attempts) !== 0)).toEqual([]);
    expect(during.of(replica).every((row) => row.done_at === null)).toBe(true);
    const status = await syncService().status();
    const replicaStatus = status.targets.find((target: { url: string }) => target.url === replica.url);
    expect(replicaStatus).toMatchObject({ reachable: false });
    expect(replicaStatus.pending + replicaStatus.failed).toBe(during.of(replica).length);
    expect(status.targets.find((target: { url: string }) => target.url === primary.url)).toMatchObject({ reachable: true, pending: 0, failed: 0 });

    await replica.start();
    await equalsCms(replica, 'the replica');
    // Its waiting rows, and the reconciliation's repairs, all done.
    await waitFor(async () => {
      const backlog = await backlogOf(replica);
      return backlog.pending === 0 && backlog.failed === 0;
    }, "the replica's rows are done");
    const after = await rowsSince(before);
    expect(after.of(replica).every((row) => row.done_at !== null)).toBe(true);
    // Catching up added no rows for the primary (its rows stay as they were).
    expect(after.of(primary)).toEqual(during.of(primary));
    expect((await indexState(replica)).filter((doc) => doc.includes('Ausfall der Kopie') || doc.includes('Geändert ohne Kopie'))).toHaveLength(20);
  });

  it('catches up a replica that came back empty: indexes, settings and documents', async () => {
    await equalsCms(replica, 'the replica');
    // Its data lost while it was away, as with a container started again without its volume.
    for (const locale of ['de', 'en']) await replica.client.deleteIndex(`case-studies-${locale}`).waitTask();
    await replica.stop();
    await waitFor(async () => (await syncService().backlog()).targets[REPLICA].reachable === false, 'unreachable');
    await replica.start();
    await equalsCms(replica, 'the replica');
    expect((await replica.client.index('case-studies-de').getSettings()).filterableAttributes).toEqual(
      (await primary.client.index('case-studies-de').getSettings()).filterableAttributes,
    );
  });

  it('hands changes recorded without a Meilisearch to each one', async () => {
    const { KnexOutboxStore } = await import('../../src/sync/knex-outbox-store');
    const knex = cms.strapi.db.connection;
    const before = await lastRowId();
    // Recorded by a CMS without MEILI_URL (or before rows named their Meilisearch).
    await new KnexOutboxStore(knex).enqueue([{ documentId: 'recorded-offline', locale: 'de', reason: 'test' }]);
    const adopted = await new KnexOutboxStore(knex, [primary.url, replica.url]).adoptUntargeted();
    expect(adopted).toBe(1);
    const rows = (await rowsSince(before)).all.filter((row) => row.document_id === 'recorded-offline');
    expect(rows.map((row) => row.target).sort()).toEqual([primary.url, replica.url].sort());
  });
});
