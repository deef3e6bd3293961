import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportReport } from '../../src/import/run-import';
import { caseStudyRecord } from '../helpers/fixtures.mts';
import { startTestMeilisearch, waitFor, type TestMeilisearch } from '../helpers/meilisearch.mts';
import { startTestStrapi, type TestStrapi } from '../helpers/strapi.mts';

const UID = 'api::case-study.case-study';
let meili: TestMeilisearch;
let cms: TestStrapi;

beforeAll(async () => {
  meili = await startTestMeilisearch();
  cms = await startTestStrapi({ env: meili.syncEnv });
});
afterAll(async () => {
  await cms?.stop();
  await meili?.destroy();
});

const documents = () => cms.strapi.documents(UID);
const index = (locale: string) => meili.client.index(`case-studies-${locale}`);
const indexed = (locale: string, documentId: string) =>
  index(locale)
    .getDocument(documentId)
    .then(
      (doc) => doc as Record<string, any>,
      () => null,
    );
const importer = () =>
  cms.strapi.service('api::case-study.importer') as unknown as {
    importContent(fileName: string, content: string, options?: object): Promise<ImportReport>;
  };
const syncService = () =>
  cms.strapi.service('api::sync.sync') as unknown as {
    status(): Promise<Record<string, any>>;
    reconcile(): Promise<{ locale: string }[]>;
    reindex(): Promise<Record<string, number>>;
  };
let counter = 0;

async function publishNew(overrides: Record<string, unknown> = {}) {
  counter += 1;
  const slug = (overrides.slug as string | undefined) ?? `sync-test-${counter}`;
  const report = await importer().importContent('x.json', JSON.stringify([caseStudyRecord({ slug, title: `Synctest Projekt ${counter}`, ...overrides })]));
  expect(report.issues).toEqual([]);
  const entry = await documents().findFirst({ locale: 'de', filters: { slug }, status: 'published' });
  return entry!.documentId;
}

/** Published rows of the CMS and documents of the index, as comparable sets. */
async function cmsState(locale: string) {
  const rows = await cms.strapi.db.query(UID).findMany({ where: { locale, publishedAt: { $notNull: true } }, select: ['documentId', 'updatedAt', 'title'] });
  return rows.map((row) => `${row.documentId}|${new Date(row.updatedAt).getTime()}|${row.title}`).sort();
}
async function indexState(locale: string) {
  const page = await index(locale).getDocuments({ fields: ['documentId', 'updatedAt', 'title'], limit: 10_000 });
  return page.results.map((doc) => `${doc.documentId}|${doc.updatedAt}|${doc.title}`).sort();
}
async function waitUntilIndexEqualsCms(timeoutMs = 60_000) {
  await waitFor(
    async () => {
      for (const locale of ['de', 'en']) {
        if (JSON.stringify(await cmsState(locale)) !== JSON.stringify(await indexState(locale))) return false;
      }
      return true;
    },
    'the index equals the published CMS content',
    timeoutMs,
  );
}

describe('search sync', () => {
  it('makes a published case study searchable, with taxonomy names, Kreis and coordinates', async () => {
    const id = await publishNew({ title: 'Zirkuswerkstatt Quartiersmitte', municipalities: ['05978024'] });
    await waitFor(async () => (await indexed('de', id)) !== null, 'the document is indexed');
    const doc = await indexed('de', id);
    expect(doc).toMatchObject({
      title: 'Zirkuswerkstatt Quartiersmitte',
      buildingBlockSlug: 'aktive-nachbarschaft',
      status: 'laufend',
      fundingYears: [2023, 2024, 2025],
      municipalities: [{ ags: '05978024', name: 'Lünen', district: 'Unna', districtAgs: '05978', region: 'Arnsberg' }],
    });
    expect(doc!._geo.lat).toBeCloseTo(51.61, 1);
    const result = await index('de').search('Zirkuswerkstatt');
    expect(result.hits.map((hit) => hit.documentId)).toEqual([id]);
  });

  it('never indexes a draft edit, and shows it once published', async () => {
    const id = await publishNew();
    await waitFor(async () => (await indexed('de', id)) !== null, 'indexed');
    await documents().update({ documentId: id, locale: 'de', data: { title: 'Entwurfstitel Geheim' } as never });
    // The edit queued a change; once the worker has handled it, the index must still show the published title.
    await waitFor(async () => (await syncService().status()).pending === 0, 'the outbox is drained');
    expect((await indexed('de', id))!.title).not.toBe('Entwurfstitel Geheim');
    expect((await index('de').search('Entwurfstitel')).hits).toEqual([]);
    await documents().publish({ documentId: id, locale: 'de' });
    await waitFor(async () => (await indexed('de', id))?.title === 'Entwurfstitel Geheim', 'the published title is indexed');
  });

  it('removes unpublished and deleted case studies', async () => {
    const unpublished = await publishNew();
    const deleted = await publishNew();
    await waitFor(async () => (await indexed('de', deleted)) !== null, 'indexed');
    await documents().unpublish({ documentId: unpublished, locale: 'de' });
    await documents().delete({ documentId: deleted, locale: '*' });
    await waitFor(async () => (await indexed('de', unpublished)) === null && (await indexed('de', deleted)) === null, 'both are gone');
  });

  it('puts the English translation into the English index only, with English taxonomy names', async () => {
    const id = await publishNew({ slug: 'uebersetzt' });
    await importer().importContent(
      'en.json',
      JSON.stringify([caseStudyRecord({ translationOf: 'uebersetzt', slug: 'translated', title: 'Translated project' })]),
      { locale: 'en' },
    );
    await waitFor(async () => (await indexed('en', id)) !== null, 'indexed in English');
    const english = await indexed('en', id);
    expect(english).toMatchObject({ title: 'Translated project', locale: 'en' });
    expect(english!.targetGroups.map((group: { name: string }) => group.name)).toContain('Parents and carers');
    expect((await indexed('de', id))!.title).not.toBe('Translated project');
  });

  it('shows a renamed municipality in every case study that names it', async () => {
    const ids = [await publishNew({ municipalities: ['05562014'] }), await publishNew({ municipalities: ['05562014', '05562008'] })];
    await waitFor(async () => (await Promise.all(ids.map((id) => indexed('de', id)))).every(Boolean), 'indexed');
    const town = await cms.strapi.db.query('api::municipality.municipality').findOne({ where: { ags: '05562014' } });
    await cms.strapi.documents('api::municipality.municipality').update({ documentId: town.documentId, data: { name: 'Umbenannt-Stadt' } as never });
    await waitFor(async () => {
      const docs = await Promise.all(ids.map((id) => indexed('de', id)));
      return docs.every((doc) => doc!.municipalityNames.includes('Umbenannt-Stadt'));
    }, 'both documents carry the new name');
  });

  it('loses nothing while Meilisearch is down: 50 publishes, edits and deletes, then a restart', async () => {
    await waitUntilIndexEqualsCms();
    await meili.stop();
    const created: string[] = [];
    for (let i = 0; i < 30; i += 1) created.push(await publishNew({ title: `Ausfallprojekt ${i}` }));
    for (const id of created.slice(0, 10)) {
      await documents().update({ documentId: id, locale: 'de', data: { title: `Geändert während des Ausfalls ${id}` } as never });
      await documents().publish({ documentId: id, locale: 'de' });
    }
    for (const id of created.slice(20, 30)) await documents().delete({ documentId: id, locale: '*' });
    const failing = await cms.strapi.db.connection('praxis_sync_outbox').whereNull('done_at').count({ count: '*' });
    expect(Number(failing[0]!.count)).toBeGreaterThan(0);
    await meili.start();
    await waitUntilIndexEqualsCms();
    expect((await indexState('de')).filter((doc) => doc.includes('Ausfallprojekt') || doc.includes('Geändert während'))).toHaveLength(20);
  });

  it('resumes pending rows after the CMS was shut down with them and started again', async () => {
    await meili.stop();
    const id = await publishNew({ title: 'Nach dem Neustart sichtbar' });
    await cms.shutdown();
    await meili.start();
    cms = await startTestStrapi({ restartOf: cms });
    await waitFor(async () => (await indexed('de', id))?.title === 'Nach dem Neustart sichtbar', 'indexed after the restart');
    await waitUntilIndexEqualsCms();
  });

  it('resumes pending rows after the CMS process was killed with SIGKILL', async () => {
    await cms.shutdown();
    await meili.stop();
    const record = caseStudyRecord({ slug: 'nach-sigkill', title: 'Nach dem harten Abbruch sichtbar' });
    const child = spawn(process.execPath, [new URL('../helpers/publish-and-wait.mts', import.meta.url).pathname, JSON.stringify([record])], {
      env: { ...process.env, ...cms.env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    const output = await new Promise<string>((resolve) => child.stdout!.on('data', (chunk: Buffer) => resolve(chunk.toString())));
    expect(output.trim()).toBe('published');
    child.kill('SIGKILL');
    await exited;
    await meili.start();
    cms = await startTestStrapi({ restartOf: cms });
    const entry = await documents().findFirst({ locale: 'de', status: 'published', filters: { slug: 'nach-sigkill' } });
    await waitFor(async () => (await indexed('de', entry!.documentId))?.title === 'Nach dem harten Abbruch sichtbar', 'indexed after the kill and restart');
  });

  it('repairs drift by reconciliation: missing, stale and orphaned documents', async () => {
    await waitUntilIndexEqualsCms();
    const [first, second] = (await index('de').getDocuments({ limit: 2 })).results;
    await index('de').deleteDocument(first!.documentId).waitTask();
    await index('de')
      .updateDocuments([{ documentId: second!.documentId, updatedAt: 1, title: 'veraltet' }])
      .waitTask();
    await index('de')
      .addDocuments([{ ...second!, documentId: 'orphan-document', slug: 'orphan' }])
      .waitTask();
    const results = await syncService().reconcile();
    expect(results.find((result) => result.locale === 'de')).toEqual({ locale: 'de', missing: 1, stale: 1, orphaned: 1, target: meili.url });
    await waitUntilIndexEqualsCms();
  });

  it('reindexes without downtime: a loop of searches during the rebuild never fails', async () => {
    await waitUntilIndexEqualsCms();
    let searches = 0;
    const failures: string[] = [];
    let searching = true;
    const loop = (async () => {
      while (searching) {
        try {
          const result = await index('de').search('Projekt', { limit: 5 });
          if (result.estimatedTotalHits === 0) failures.push('no hits');
          searches += 1;
        } catch (error) {
          failures.push((error as Error).message);
        }
      }
    })();
    const counts = await syncService().reindex();
    searching = false;
    await loop;
    expect(failures).toEqual([]);
    expect(searches).toBeGreaterThan(10);
    expect(counts.de).toBe((await cmsState('de')).length);
    expect((await meili.client.getIndexes()).results.map((i) => i.uid).sort()).toEqual(['case-studies-de', 'case-studies-en']);
    await waitUntilIndexEqualsCms();
  });

  it('gives the site a search-only key for the case-study indexes and the CMS a key without search or key management', async () => {
    const { createMeiliClient, ensureApiKeys } = await import('@praxis/search');
    const keys = await ensureApiKeys(meili.client);
    const site = createMeiliClient(meili.url, keys.searchKey);
    expect((await site.index('case-studies-de').search('Projekt')).hits.length).toBeGreaterThan(0);
    await expect(site.index('case-studies-de').addDocuments([{ documentId: 'x' }])).rejects.toThrow();
    await expect(site.getKeys()).rejects.toThrow();
    const sync = createMeiliClient(meili.url, keys.syncKey);
    await expect(sync.index('case-studies-de').search('Projekt')).rejects.toThrow();
    await expect(sync.getKeys()).rejects.toThrow();
    await expect(sync.createDump()).rejects.toThrow();
    await expect(site.index('other-index').search('x')).rejects.toThrow();
  });

  it('reports its state: nothing pending or failed, counts equal per locale', async () => {
    await waitUntilIndexEqualsCms();
    const status = await syncService().status();
    expect(status).toMatchObject({ connected: true, pending: 0, failed: 0 });
    expect(status.lastSuccessAt).toBeInstanceOf(Date);
    for (const locale of status.locales) expect(locale.indexed).toBe(locale.published);
  });
});
