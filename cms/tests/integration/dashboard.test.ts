// The editors' dashboard API (/redaktion/…, admin sessions only) against a real Strapi and a
// real Meilisearch: index status and reindex, the review queues, and the search statistics,
// which store counts of query text and nothing about the person who searched.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordSearches, SEARCH_LOG_TABLE, topSearches } from '../../src/dashboard/search-log';
import { CHEFREDAKTION, REDAKTION } from '../../src/editorial/roles';
import { startTestMeilisearch, waitFor, type TestMeilisearch } from '../helpers/meilisearch.mts';
import { adminTokenFor, adminCall } from '../helpers/admin-users.mts';
import { startTestStrapi, type TestStrapi } from '../helpers/strapi.mts';

const CASE_STUDY = 'api::case-study.case-study';
let meili: TestMeilisearch;
let cms: TestStrapi;
const tokens: Record<string, string> = {};
let buildingBlock: string;

const as = (roleCode: string | undefined, method: string, path: string, body?: unknown) =>
  adminCall(cms, roleCode ? tokens[roleCode] : undefined, method, path, body);

const create = (title: string, extra: Record<string, unknown> = {}) =>
  as(REDAKTION.code, 'POST', `/content-manager/collection-types/${CASE_STUDY}?locale=de`, {
    title,
    slug: 'case-study',
    teaser: 'Ein Teaser.',
    description: 'Text',
    projectStatus: 'laufend',
    fundingStart: 2025,
    buildingBlock: { connect: [{ documentId: buildingBlock }] },
    ...extra,
  });
const publish = (documentId: string) =>
  as(CHEFREDAKTION.code, 'POST', `/content-manager/collection-types/${CASE_STUDY}/${documentId}/actions/publish?locale=de`, {});

beforeAll(async () => {
  meili = await startTestMeilisearch();
  cms = await startTestStrapi({ env: meili.syncEnv });
  buildingBlock = (await cms.strapi.db.query('api::building-block.building-block').findOne({ where: { slug: 'gesundes-aufwachsen' } })).documentId;
  tokens[REDAKTION.code] = await adminTokenFor(cms, 'autorin@example.org', REDAKTION.code, 'Anna');
  tokens[CHEFREDAKTION.code] = await adminTokenFor(cms, 'chefin@example.org', CHEFREDAKTION.code, 'Chris');
});
afterAll(async () => {
  await cms?.stop();
  await meili?.destroy();
});

describe('access', () => {
  it('is for logged-in editors only', async () => {
    for (const path of [
      '/redaktion/index-status',
      '/redaktion/review-queue',
      '/redaktion/review-due',
      '/redaktion/search-statistics',
      '/redaktion/contact-requests',
    ]) {
      expect((await as(undefined, 'GET', path)).status, path).toBe(401);
      expect((await as(REDAKTION.code, 'GET', path)).status, path).toBe(200);
    }
    const siteToken = await fetch(`${cms.url}/redaktion/index-status`, { headers: { authorization: `Bearer ${cms.env.STRAPI_SITE_TOKEN}` } });
    expect(siteToken.status).toBe(401);
  });
});

describe('Suchindex', () => {
  it('shows published and indexed per language, 0 pending after a publish, and when it last reconciled', async () => {
    const { body } = await create('Lesepaten im Quartier');
    expect((await publish(body.data.documentId)).status).toBe(200);
    await waitFor(async () => {
      const status = (await as(REDAKTION.code, 'GET', '/redaktion/index-status')).body;
      return status.pending === 0 && status.locales.find((entry: { locale: string }) => entry.locale === 'de')?.indexed === 1;
    }, 'the publish was not indexed');
    const status = (await as(REDAKTION.code, 'GET', '/redaktion/index-status')).body;
    expect(status).toMatchObject({ connected: true, pending: 0, failed: 0, failures: [], mayReindex: false, reindex: null });
    expect(status.locales).toEqual(expect.arrayContaining([{ locale: 'de', published: 1, indexed: 1 }]));
    expect(new Date(status.lastReconciledAt).getTime()).toBeGreaterThan(0);
    expect(new Date(status.lastSuccessAt).getTime()).toBeGreaterThan(0);
  });

  it('lets only Chefredaktion reindex, one at a time, with progress until done', async () => {
    const refused = await as(REDAKTION.code, 'POST', '/redaktion/reindex');
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toBe('Neu indexieren darf nur die Chefredaktion.');
    const started = await as(CHEFREDAKTION.code, 'POST', '/redaktion/reindex');
    expect(started.status).toBe(202);
    const again = await as(CHEFREDAKTION.code, 'POST', '/redaktion/reindex');
    expect(again.status).toBe(409);
    expect(again.body.error.message).toBe('Es läuft bereits eine Neuindexierung.');
    await waitFor(async () => (await as(CHEFREDAKTION.code, 'GET', '/redaktion/index-status')).body.reindex?.finishedAt !== null, 'the reindex did not finish');
    const { reindex, mayReindex } = (await as(CHEFREDAKTION.code, 'GET', '/redaktion/index-status')).body;
    expect(mayReindex).toBe(true);
    expect(reindex).toMatchObject({ error: null, total: { de: 1, en: 0 }, done: { de: 1, en: 0 } });
  });
});

describe('Suchindex while Meilisearch is down', () => {
  it('shows the failure with its error while Meilisearch is stopped, and recovers when it is back', async () => {
    await meili.stop();
    const { body } = await create('Während des Ausfalls veröffentlicht');
    await publish(body.data.documentId);
    await waitFor(async () => (await as(REDAKTION.code, 'GET', '/redaktion/index-status')).body.failed > 0, 'no failure was shown');
    const down = (await as(REDAKTION.code, 'GET', '/redaktion/index-status')).body;
    expect(down.locales.find((entry: { locale: string }) => entry.locale === 'de')).toMatchObject({ published: 2, indexed: null });
    expect(down.failures[0]).toMatchObject({ documentId: body.data.documentId, title: 'Während des Ausfalls veröffentlicht' });
    // Editors read why in words, once per case study and language (its changes each have an outbox row).
    expect(down.failures[0].error).toBe('Die Suche war nicht erreichbar; wird automatisch wiederholt.');
    expect(down.failures.filter((failure: { documentId: string }) => failure.documentId === body.data.documentId)).toHaveLength(1);

    await meili.start();
    await waitFor(async () => {
      const status = (await as(REDAKTION.code, 'GET', '/redaktion/index-status')).body;
      return status.failed === 0 && status.pending === 0 && status.locales.find((entry: { locale: string }) => entry.locale === 'de')?.indexed === 2;
    }, 'the sync did not recover');
  });
});

describe('Zur Prüfung and Prüfung fällig', () => {
  it('lists drafts sent to review, the longest waiting first, with who sent them', async () => {
    const first = (await create('Zuerst geschickt', { editorialState: 'zur-pruefung' })).body.data.documentId;
    await create('Nur ein Entwurf');
    // Sent in the same millisecond or not: the queue orders by time, then by creation.
    const second = (await create('Danach geschickt', { editorialState: 'zur-pruefung' })).body.data.documentId;
    const { body } = await as(CHEFREDAKTION.code, 'GET', '/redaktion/review-queue');
    expect(body.total).toBe(2);
    expect(body.items.map((item: { documentId: string }) => item.documentId)).toEqual([first, second]);
    expect(body.items[0]).toMatchObject({ title: 'Zuerst geschickt', locale: 'de', sentBy: 'Anna Test' });
  });

  it('lists published case studies never reviewed or reviewed over 12 months ago, and marks one reviewed', async () => {
    const old = (await create('Vor zwei Jahren geprüft')).body.data.documentId;
    const fresh = (await create('Gerade geprüft')).body.data.documentId;
    await publish(old);
    await publish(fresh);
    // Publishing is a review: both are fresh now. Two years pass for one of them.
    await cms.strapi.db.query(CASE_STUDY).updateMany({ where: { documentId: old }, data: { lastReviewed: '2024-11-01' } });
    // And one was published before publishing counted as a review: it has no date.
    await cms.strapi.db.query(CASE_STUDY).updateMany({ where: { title: 'Lesepaten im Quartier' }, data: { lastReviewed: null } });
    const due = (await as(REDAKTION.code, 'GET', '/redaktion/review-due')).body;
    expect(due.months).toBe(12);
    const ids = due.items.map((item: { documentId: string }) => item.documentId);
    expect(ids).toContain(old);
    expect(ids).not.toContain(fresh);
    // Never reviewed comes first ("Lesepaten im Quartier" has no date).
    expect(due.items[0].lastReviewed).toBeNull();

    // It changes the live page: Chefredaktion's step, not Redaktion's.
    expect((await as(REDAKTION.code, 'POST', `/redaktion/review-due/${old}/reviewed`)).status).toBe(403);
    const marked = await as(CHEFREDAKTION.code, 'POST', `/redaktion/review-due/${old}/reviewed`);
    expect(marked.status).toBe(200);
    expect(marked.body.items.map((item: { documentId: string }) => item.documentId)).not.toContain(old);
    const rows = await cms.strapi.db.query(CASE_STUDY).findMany({ where: { documentId: old }, select: ['lastReviewed', 'publishedAt'] });
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(row.lastReviewed).toBe(new Date().toISOString().slice(0, 10));
    await waitFor(
      async () => (await meili.client.index('case-studies-de').getDocument(old)).lastReviewed === new Date().toISOString().slice(0, 10),
      'the index did not get the review date',
    );
    expect((await as(CHEFREDAKTION.code, 'POST', '/redaktion/review-due/doesnotexist/reviewed')).status).toBe(404);
  });
});

describe('Suchen ohne Treffer', () => {
  it('stores counts per day, language, query text and filters only, and ranks them', async () => {
    const record = (counts: unknown) =>
      fetch(`${cms.url}/api/search-statistics`, {
        method: 'POST',
        body: JSON.stringify({ counts }),
        headers: { 'content-type': 'application/json', authorization: `Bearer ${cms.env.STRAPI_SITE_TOKEN}` },
      });
    expect(
      (
        await record([
          { locale: 'de', query: 'zahnputzbus', searches: 5, withoutResults: 5 },
          { locale: 'de', query: 'kita', filters: '{}', searches: 5, withoutResults: 0 },
          { locale: 'de', query: 'kita', filters: '{"topic":["bewegung"]}', searches: 4, withoutResults: 0 },
          { locale: 'en', query: 'sports club', searches: 2, withoutResults: 2 },
        ])
      ).status,
    ).toBe(204);
    expect((await record([{ locale: 'de', query: 'zahnputzbus', searches: 2, withoutResults: 2 }])).status).toBe(204);

    const columns = Object.keys(await cms.strapi.db.connection(SEARCH_LOG_TABLE).columnInfo()).sort();
    expect(columns).toEqual(['day', 'filters', 'locale', 'query', 'searches', 'without_results']);

    const { body } = await as(REDAKTION.code, 'GET', '/redaktion/search-statistics');
    expect(body.days).toBe(30);
    expect(body.withoutResults).toEqual([
      { query: 'zahnputzbus', locale: 'de', searches: 7, withoutResults: 7, daysSearched: 1, daysWithoutResults: 1 },
      { query: 'sports club', locale: 'en', searches: 2, withoutResults: 2, daysSearched: 1, daysWithoutResults: 1 },
    ]);
    expect(body.mostFrequent.map((entry: { query: string }) => entry.query)).toEqual(['kita', 'zahnputzbus', 'sports club']);
    expect(body.mostFrequent[0]).toEqual({ query: 'kita', locale: 'de', searches: 9, withoutResults: 0, daysSearched: 1, daysWithoutResults: 0 });
  });

  it('counts on how many days a word was searched and found nothing, and lists the misses of the most days first', async () => {
    const knex = cms.strapi.db.connection;
    const now = new Date();
    const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);
    const miss = (query: string, times: number, locale = 'de') => ({ locale, query, searches: times, withoutResults: times });
    // A real gap: a few misses on each of three days (twice on one of them).
    await recordSearches(knex, [miss('spielplatzpaten', 1)], daysAgo(12));
    await recordSearches(knex, [miss('spielplatzpaten', 1)], daysAgo(3));
    await recordSearches(knex, [miss('spielplatzpaten', 1)], now);
    await recordSearches(knex, [miss('spielplatzpaten', 1)], now);
    // One person or one script: 40 misses on one day.
    await recordSearches(knex, [miss('elternbrief', 40)], daysAgo(1));
    // Searched on four days, found nothing on two of them (the same word in English is its own row).
    for (const days of [20, 10, 2, 0]) {
      await recordSearches(knex, [{ locale: 'de', query: 'ferienfreizeit', searches: 3, withoutResults: days >= 10 ? 1 : 0 }], daysAgo(days));
    }
    await recordSearches(knex, [miss('ferienfreizeit', 1, 'en')], now);
    // Older than the 30 days the dashboard looks back: counted neither as a search nor as a day.
    await recordSearches(knex, [miss('spielplatzpaten', 5)], daysAgo(31));

    const { body } = await as(CHEFREDAKTION.code, 'GET', '/redaktion/search-statistics');
    const entry = (list: { query: string; locale: string }[], query: string, locale = 'de') => list.find((row) => row.query === query && row.locale === locale);
    expect(entry(body.withoutResults, 'spielplatzpaten')).toEqual({
      query: 'spielplatzpaten',
      locale: 'de',
      searches: 4,
      withoutResults: 4,
      daysSearched: 3,
      daysWithoutResults: 3,
    });
    expect(entry(body.withoutResults, 'elternbrief')).toEqual({
      query: 'elternbrief',
      locale: 'de',
      searches: 40,
      withoutResults: 40,
      daysSearched: 1,
      daysWithoutResults: 1,
    });
    expect(entry(body.withoutResults, 'ferienfreizeit')).toEqual({
      query: 'ferienfreizeit',
      locale: 'de',
      searches: 12,
      withoutResults: 2,
      daysSearched: 4,
      daysWithoutResults: 2,
    });
    expect(entry(body.withoutResults, 'ferienfreizeit', 'en')).toMatchObject({ daysSearched: 1, daysWithoutResults: 1 });
    // The most days first, then the most misses: 40 misses on one day come after 2 on two days.
    expect(body.withoutResults.map((row: { query: string; locale: string }) => `${row.query} ${row.locale}`)).toEqual([
      'spielplatzpaten de',
      'ferienfreizeit de',
      'elternbrief de',
      'zahnputzbus de',
      'sports club en',
      'ferienfreizeit en',
    ]);
    expect(entry(body.mostFrequent, 'ferienfreizeit')).toMatchObject({ searches: 12, daysSearched: 4 });

    // Seen from three days ago: the 30 days before then (the old row among them), none of the later counts.
    const before = await topSearches(knex, 30, 10, daysAgo(3));
    expect(entry(before.withoutResults, 'spielplatzpaten')).toMatchObject({ withoutResults: 7, daysWithoutResults: 3 });
    expect(entry(before.withoutResults, 'elternbrief')).toBeUndefined();
    expect(entry(before.withoutResults, 'zahnputzbus')).toBeUndefined();
  });
});
