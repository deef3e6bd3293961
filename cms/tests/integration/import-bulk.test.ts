// The importer's bulk writer (src/import/bulk-create.ts) bypasses the document service for new
// case studies. These tests hold it to what the document service writes for the same input: the
// same rows in every table (entries, components, relations, their order), read back the same way,
// and nothing left behind when the import's transaction fails.
import type { Core } from '@strapi/strapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bulkCaseStudyWriter, replaceable, type BulkCaseStudy } from '../../src/import/bulk-create';
import { validateRecords } from '../../src/import/validate';
import { loadReferenceIds, loadVocabulary } from '../../src/import/vocabulary';
import { bulkEntry, planWrite, writeThroughDocumentService, type WriteContext } from '../../src/import/write';
import { asEditorialWork, SYSTEM_ACTOR } from '../../src/history/actor';
import { caseStudyRecord } from '../helpers/fixtures.mts';
import { startTestStrapi, type TestStrapi } from '../helpers/strapi.mts';

const CASE_STUDY = 'api::case-study.case-study';
let cms: TestStrapi;

/** A record that fills every field the import knows. */
const fullRecord = caseStudyRecord({
  startingSituation: 'Viele Familien kennen die Angebote nicht.',
  goals: 'Familien finden **selbst** den Weg.',
  approach: 'Hausbesuche und offene Sprechstunden.',
  results: '120 Familien begleitet.',
  afterFunding: 'Verstetigt durch die Stadt.',
  municipalities: ['05913000', '05111000'],
  fundingPhase: '2. Förderphase',
  partners: ['Jugendamt', 'Familienzentrum', 'Grundschule'],
  transferability: { budgetRange: '50000-100000', durationMonths: 24, partnersNeeded: 'Jugendamt', firstSteps: '1. Träger finden' },
  successFactors: ['Feste Ansprechpersonen', 'Mehrsprachigkeit'],
  pitfalls: ['Fluktuation', 'Räume'],
  contact: { organisation: 'Testträger', role: 'Projektleitung', email: 'projekt@example.org', phone: '+49 231 12345', website: 'https://example.org' },
  links: [
    { label: 'Projektseite', url: 'https://example.org/projekt' },
    { label: 'Bericht', url: 'https://example.org/bericht.pdf' },
  ],
  lastReviewed: '2026-03-01',
});

async function writeContext(strapi: Core.Strapi): Promise<WriteContext> {
  const references = await loadReferenceIds(strapi);
  const vocabulary = await loadVocabulary(strapi, references, 'de', 'de');
  return {
    strapi,
    locale: 'de',
    references,
    slugsInLocale: vocabulary.slugsInLocale,
    defaultLocaleSlugs: vocabulary.defaultLocaleSlugs,
    organisations: new Map(),
    dryRun: false,
    publishing: 'from-file',
    createsOrganisations: true,
    onOrganisationCreated: () => undefined,
    onOrganisationMissing: () => undefined,
  };
}

async function validRecord(record: Record<string, unknown>, slug: string) {
  const references = await loadReferenceIds(cms.strapi);
  const vocabulary = await loadVocabulary(cms.strapi, references, 'de', 'de');
  const { valid, issues } = validateRecords([{ number: 1, value: { ...record, slug } }], vocabulary, { defaultLocale: true });
  expect(issues).toEqual([]);
  return valid[0]!;
}

/** The entry data the importer makes of `record`, under `slug`. */
async function entryFor(record: Record<string, unknown>, slug: string): Promise<BulkCaseStudy> {
  return bulkEntry(await writeContext(cms.strapi), await validRecord(record, slug));
}

/** The document service's way, as the importer takes it: create the draft, then publish it (as an import: with the file's "Zuletzt geprüft"). */
async function createThroughDocumentService(entry: BulkCaseStudy): Promise<string> {
  const documents = cms.strapi.documents(CASE_STUDY);
  return asEditorialWork(SYSTEM_ACTOR, 'import', async () => {
    const { documentId } = await documents.create({ locale: entry.locale, data: entry.data as never });
    if (entry.publish) await documents.publish({ documentId, locale: entry.locale });
    return documentId;
  });
}

async function createInBulk(entry: BulkCaseStudy): Promise<string> {
  const writer = await bulkCaseStudyWriter(cms.strapi);
  const [documentId] = await cms.strapi.db.transaction(() => writer.write([entry]));
  return documentId!;
}

type Row = Record<string, unknown>;
const without = (row: Row, keys: string[]) => Object.fromEntries(Object.entries(row).filter(([key]) => !keys.includes(key)));

/**
 * Every stored row of a document, read from the tables themselves: each version's columns (but
 * its own ids, slug, checksum and times) and, for each of its join tables, the linked rows in
 * their order, a component with its own row's columns. Draft and published version separately.
 */
const storedRows = (documentId: string): Promise<Row[]> =>
  cms.strapi.db.connection('case_studies').where({ document_id: documentId }).orderBy('published_at', 'desc');

/**
 * `orders: 'rank'` replaces each component's stored order by its position in its field: on an
 * update the document service numbers the components of all fields in one sequence (1, 3, 5 …),
 * which reads back in the same order as 1, 2, 3.
 */
async function storedDocument(documentId: string, orders: 'stored' | 'rank' = 'stored') {
  const knex = cms.strapi.db.connection;
  const metadata = cms.strapi.db.metadata.get(CASE_STUDY);
  // Draft first, then the published version (nulls sort last in descending order on SQLite, first on PostgreSQL: hence the sort).
  const versions = (await storedRows(documentId)).sort((a, b) => Number(a.published_at !== null) - Number(b.published_at !== null));
  const componentIds = new Map<number, Set<string>>();
  const dump = await Promise.all(
    versions.map(async (version) => {
      const links: Record<string, unknown[]> = {};
      for (const [field, attribute] of Object.entries(metadata.attributes) as [string, { joinTable?: any; target?: string }][]) {
        const table = attribute.joinTable;
        if (!table) continue;
        const where = { [table.joinColumn.name]: version.id, ...(table.on ?? {}) };
        const component = cms.strapi.components[attribute.target as never] as { collectionName: string } | undefined;
        const rows: Row[] = await knex(table.name)
          .where(where)
          .orderBy([...(component ? [{ column: 'order' }] : []), { column: 'id' }]);
        links[field] = await Promise.all(
          rows.map(async (row, rank) => {
            if (component && orders === 'rank') row.order = rank;
            const linked = without(row, ['id', table.joinColumn.name]);
            if (!component) return linked;
            const ids = componentIds.get(version.id as number) ?? new Set();
            ids.add(`${component.collectionName}:${row[table.inverseJoinColumn.name]}`);
            componentIds.set(version.id as number, ids);
            const [stored] = await knex(component.collectionName).where({ id: row[table.inverseJoinColumn.name] });
            return { ...without(linked, [table.inverseJoinColumn.name]), component: without(stored, ['id']) };
          }),
        );
      }
      return {
        ...without(version, ['id', 'document_id', 'slug', 'import_checksum', 'created_at', 'updated_at', 'published_at']),
        published: version.published_at !== null,
        links,
      };
    }),
  );
  return { dump, componentIds: [...componentIds.values()] };
}

beforeAll(async () => {
  cms = await startTestStrapi();
}, 120_000);

afterAll(async () => {
  await cms?.stop();
});

describe('the bulk writer', () => {
  it('stores a published case study exactly as the document service does', async () => {
    const viaService = await createThroughDocumentService(await entryFor(fullRecord, 'per-dokumentdienst'));
    const inBulk = await createInBulk(await entryFor(fullRecord, 'im-sammelimport'));
    const expected = await storedDocument(viaService);
    const actual = await storedDocument(inBulk);
    expect(actual.dump).toHaveLength(2);
    expect(actual.dump).toEqual(expected.dump);
    // Draft and published version own their component rows, as the document service's copies do.
    const [draftComponents, publishedComponents] = actual.componentIds;
    expect([...draftComponents!].filter((id) => publishedComponents!.has(id))).toEqual([]);
    expect(draftComponents!.size).toBeGreaterThan(5);
  });

  it('stores an unpublished and a for-review draft as the document service does', async () => {
    for (const overrides of [{ publish: false }, { publish: false, editorialState: 'zur-pruefung' }]) {
      const { editorialState, ...record } = { editorialState: undefined, ...overrides };
      const entry = (slug: string) =>
        entryFor({ ...fullRecord, ...record }, slug).then((made) => (editorialState ? { ...made, data: { ...made.data, editorialState } } : made));
      const viaService = await createThroughDocumentService(await entry(`dienst-${editorialState ?? 'entwurf'}`));
      const inBulk = await createInBulk(await entry(`bulk-${editorialState ?? 'entwurf'}`));
      const actual = await storedDocument(inBulk);
      expect(actual.dump).toHaveLength(1);
      expect(actual.dump).toEqual((await storedDocument(viaService)).dump);
    }
  });

  it('is read back by the document service like any case study', async () => {
    const inBulk = await createInBulk(await entryFor(fullRecord, 'gelesen-wie-jedes'));
    const read = (await cms.strapi.documents(CASE_STUDY).findOne({
      documentId: inBulk,
      locale: 'de',
      status: 'published',
      populate: ['municipalities', 'topics', 'targetGroups', 'provider', 'buildingBlock', 'transferability', 'successFactors', 'links', 'contact'],
    })) as unknown as Record<string, any>;
    expect(read.title).toBe(fullRecord.title);
    expect(read.municipalities.map((entry: { ags: string }) => entry.ags)).toEqual(['05913000', '05111000']);
    expect(read.successFactors.map((entry: { text: string }) => entry.text)).toEqual(['Feste Ansprechpersonen', 'Mehrsprachigkeit']);
    expect(read.links.map((entry: { label: string }) => entry.label)).toEqual(['Projektseite', 'Bericht']);
    expect(read.transferability).toMatchObject({ staffFte: 1.5, budgetRange: '50000-100000', durationMonths: 24 });
    expect(read.provider.name).toBe('Testträger Nordstadt e. V.');
  });

  it('leaves nothing behind, outbox rows included, when the transaction fails', async () => {
    const knex = cms.strapi.db.connection;
    const count = async (table: string) => Number((await knex(table).count({ n: '*' }))[0]!.n);
    const tables = ['case_studies', 'case_studies_cmps', 'components_case_study_list_items', 'case_studies_topics_lnk', 'praxis_sync_outbox'];
    const before = await Promise.all(tables.map(count));
    const entry = await entryFor(fullRecord, 'zurueckgerollt');
    const writer = await bulkCaseStudyWriter(cms.strapi);
    await expect(
      cms.strapi.db.transaction(async () => {
        await writer.write([entry]);
        throw new Error('Abbruch mitten im Import');
      }),
    ).rejects.toThrow('Abbruch');
    expect(await Promise.all(tables.map(count))).toEqual(before);
  });

  it('refuses what the document service would refuse', async () => {
    const entry = await entryFor(fullRecord, 'steuerzeichen');
    await expect(createInBulk({ ...entry, data: { ...entry.data, teaser: 'Ein\u0007Teaser' } })).rejects.toThrow(/Steuerzeichen/);
    await expect(createInBulk({ ...entry, data: { ...entry.data, fundingStart: 2025, fundingEnd: 2020 } })).rejects.toThrow();
    expect(await cms.strapi.db.query(CASE_STUDY).count({ where: { slug: 'steuerzeichen' } })).toBe(0);
  });

  describe('changing an existing case study', () => {
    const changed = {
      ...fullRecord,
      teaser: 'Ein neuer Teaser nach der Überarbeitung in Excel.',
      municipalities: ['05111000'],
      successFactors: ['Nur noch eine Gelingensbedingung'],
      links: [],
      contact: undefined,
    };

    /** Two equal published case studies with a review comment, one changed each way; their rows with the slugs made comparable. */
    async function changeBothWays(change: Record<string, unknown>, options: { publishing: 'from-file' | 'for-review'; newSlug: boolean }) {
      const stamp = `${options.publishing}-${options.newSlug}`;
      const slugs = { service: `dienst-${stamp}`, bulk: `sammel-${stamp}` };
      const documentIds: Record<string, string> = {};
      for (const [way, slug] of Object.entries(slugs)) {
        documentIds[way] = await createThroughDocumentService(await entryFor(fullRecord, slug));
        await cms.strapi.db.query(CASE_STUDY).updateMany({ where: { documentId: documentIds[way] }, data: { reviewComment: 'Bitte Zahlen prüfen' } });
      }
      const createdBefore = (await storedRows(documentIds.bulk!)).map((row) => row.created_at);
      const context = { ...(await writeContext(cms.strapi)), publishing: options.publishing };
      for (const [way, slug] of Object.entries(slugs)) {
        const record = await validRecord(change, options.newSlug ? `${slug}-neu` : slug);
        // The document is found by its old slug, as the importer finds it.
        context.slugsInLocale.set(record.slug, documentIds[way]!);
        const plan = await planWrite(context, record);
        expect(plan.outcome).toBe('updated');
        if (way === 'service') await cms.strapi.db.transaction(() => writeThroughDocumentService(context, record, plan));
        else {
          expect(await replaceable(cms.strapi, [plan.documentId!], 'de')).toEqual(new Set([plan.documentId]));
          const writer = await bulkCaseStudyWriter(cms.strapi);
          await cms.strapi.db.transaction(async () => writer.write([await bulkEntry(context, record, plan.documentId)]));
        }
      }
      const comparable = async (way: 'service' | 'bulk') =>
        JSON.parse(JSON.stringify((await storedDocument(documentIds[way]!, 'rank')).dump).replaceAll(slugs[way], 'SLUG'));
      return {
        service: await comparable('service'),
        bulk: await comparable('bulk'),
        createdBefore,
        createdAfter: (await storedRows(documentIds.bulk!)).map((row) => row.created_at),
      };
    }

    it('rewrites draft and published version as publishing an update does, keeping when it was created', async () => {
      const result = await changeBothWays(changed, { publishing: 'from-file', newSlug: false });
      expect(result.bulk).toEqual(result.service);
      expect(result.bulk.map((version: { teaser: string }) => version.teaser)).toEqual([changed.teaser, changed.teaser]);
      expect(result.bulk.map((version: { review_comment: string | null }) => version.review_comment)).toEqual([null, null]);
      expect(new Set(result.createdAfter)).toEqual(new Set(result.createdBefore));
    });

    it('keeps the old address when the slug changes, as publishing does', async () => {
      const result = await changeBothWays(changed, { publishing: 'from-file', newSlug: true });
      expect(result.bulk).toEqual(result.service);
      expect(result.bulk.map((version: { previous_slugs: string | null }) => version.previous_slugs)).toEqual([' SLUG ', ' SLUG ']);
    });

    it('changes only the draft when the import is for review, and leaves the published version alone', async () => {
      const result = await changeBothWays(changed, { publishing: 'for-review', newSlug: false });
      expect(result.bulk).toEqual(result.service);
      const [published, draft] = [...result.bulk].sort((a: { published: boolean }) => (a.published ? -1 : 1));
      expect(published.teaser).toBe(fullRecord.teaser);
      expect(draft.teaser).toBe(changed.teaser);
      expect(draft.review_comment).toBe('Bitte Zahlen prüfen');
    });

    it('leaves documents in several languages to the document service', async () => {
      const documentId = await createThroughDocumentService(await entryFor(fullRecord, 'zweisprachig'));
      await cms.strapi.documents(CASE_STUDY).update({ documentId, locale: 'en', data: { title: 'Bilingual', slug: 'bilingual' } as never });
      expect(await replaceable(cms.strapi, [documentId], 'de')).toEqual(new Set());
    });
  });
});
