// Writing many case studies at once, for the importer. Strapi's document service needs about a
// hundred queries per case study (create or update, then publish: a deep read, a copy of every
// component and relation, the relation sync) and, after the import's transaction commits, runs one
// deep-populated read per written entry at once (its entry events) — for a 10,000-row file that
// flood exhausted the PostgreSQL pool and took SQLite's process past 2.7 GB.
// Here a chunk of case studies is a handful of multi-row statements that leave exactly the rows
// the document service leaves (a draft and, if published, a published entry; their own component
// rows; the relation rows), laid out from Strapi's own metadata, in the import's transaction, with
// the outbox rows that tell the search sync. A changed case study gets new rows for the versions
// the document service would rewrite, under the same documentId, keeping what the import does not
// carry (created at and by, the review comment, old slugs). It takes new documents and changes to
// documents that exist in the import's language only and have no files attached (`replaceable`);
// translations and the rest keep going through the document service, which merges with the
// other languages and the media library. cms/tests/integration/import-bulk.test.ts holds the two
// to the same rows.
import { createId } from '@paralleldrive/cuid2';
import type { Core, UID } from '@strapi/strapi';
import type { Knex } from 'knex';
import { searchSync } from '../sync/search-sync';
import {
  batches,
  componentLinkRows,
  componentValues,
  planVersions,
  relationLinkRows,
  replaceableDocuments,
  unknownTargets,
  writeProblems,
  type BulkCaseStudy,
  type JoinTable,
  type StoredVersion,
} from './bulk-plan';
import { CASE_STUDY_UID as CASE_STUDY } from '@praxis/search';

/** Rows per INSERT: well below SQLite's and PostgreSQL's limits on bound parameters. */
const ROWS_PER_INSERT = 500;

export type { BulkCaseStudy } from './bulk-plan';

interface ComponentField {
  field: string;
  uid: UID.Component;
  repeatable: boolean;
  table: JoinTable;
  fieldColumn: string;
  typeColumn: string;
  /** A field of the component that is itself stored elsewhere (media, relation): not written here. */
  nested?: string;
}
interface RelationField {
  field: string;
  target: UID.ContentType;
  table: JoinTable;
  /** Target documentId → row id (one row each: no drafts, no translations); grows as entries appear. */
  idOf: Map<string, number>;
}

interface Layout {
  scalars: string[];
  /** Columns of the admin users who created and last changed an entry (relations kept in the entry's row). */
  userColumns: { createdBy: string; updatedBy: string };
  components: ComponentField[];
  relations: RelationField[];
}

type Attribute = { type: string; component?: string; repeatable?: boolean; target?: string; relation?: string; joinTable?: JoinTable };

/**
 * Where each field of a case study is stored, from Strapi's metadata. Refuses a layout this
 * writer does not reproduce (a relation to a type with drafts or translations, a component with
 * relations of its own) instead of writing something the document service would not.
 */
async function loadLayout(strapi: Core.Strapi): Promise<Layout> {
  const schema = strapi.contentType(CASE_STUDY).attributes as Record<string, Attribute>;
  const metadata = strapi.db.metadata.get(CASE_STUDY).attributes as Record<string, Attribute>;
  const userColumn = (field: string) => (metadata[field] as { joinColumn?: { name: string } } | undefined)?.joinColumn?.name;
  const [createdBy, updatedBy] = [userColumn('createdBy'), userColumn('updatedBy')];
  if (!createdBy || !updatedBy) throw new Error('Der Sammelimport findet die Spalten „erstellt von“ und „geändert von“ nicht.');
  const layout: Layout = { scalars: [], components: [], relations: [], userColumns: { createdBy, updatedBy } };
  const unsupported = (field: string, why: string) => new Error(`Der Sammelimport kann das Feld „${field}“ nicht schreiben: ${why}.`);
  for (const [field, attribute] of Object.entries(schema)) {
    const stored = metadata[field];
    if (attribute.type === 'component') {
      const table = stored?.joinTable;
      if (!table?.on) throw unsupported(field, 'unbekannte Ablage der Komponente');
      const uid = attribute.component as UID.Component;
      const nested = Object.entries(strapi.components[uid].attributes).find(([, inner]) =>
        ['component', 'relation', 'media', 'dynamiczone'].includes(inner.type),
      );
      const fieldColumn = Object.keys(table.on)[0]!;
      const typeColumn = table.pivotColumns?.find((column) => ![table.joinColumn.name, table.inverseJoinColumn.name, fieldColumn].includes(column));
      if (!typeColumn) throw unsupported(field, 'unbekannte Ablage der Komponente');
      layout.components.push({ field, uid, repeatable: Boolean(attribute.repeatable), table, fieldColumn, typeColumn, nested: nested?.[0] });
    } else if (attribute.type === 'relation' && attribute.target && !['admin::user', CASE_STUDY].includes(attribute.target)) {
      const table = stored?.joinTable;
      if (!table || table.inverseOrderColumnName) throw unsupported(field, 'unbekannte Ablage der Beziehung');
      const target = strapi.contentType(attribute.target as UID.ContentType);
      if (target.options?.draftAndPublish || (target.pluginOptions as { i18n?: { localized?: boolean } } | undefined)?.i18n?.localized) {
        throw unsupported(field, 'das Ziel hat Entwürfe oder Übersetzungen');
      }
      layout.relations.push({ field, target: attribute.target as UID.ContentType, table, idOf: new Map() });
    } else if (attribute.type !== 'relation' && attribute.type !== 'media' && attribute.type !== 'dynamiczone') {
      layout.scalars.push(field);
    } else if (attribute.type === 'dynamiczone') {
      throw unsupported(field, 'dynamische Zonen');
    }
  }
  return layout;
}

/** Refuses an entry the document service's rules would refuse (bulk-plan.ts, writeProblems). */
function assertWritable(entry: BulkCaseStudy): void {
  const problems = writeProblems(entry);
  if (problems.length > 0) throw new Error(`„${String(entry.data.title)}“: ${problems.join(' ')}`);
}

async function insertRows(trx: Knex.Transaction, table: string, rows: Record<string, unknown>[]): Promise<void> {
  for (const batch of batches(rows, ROWS_PER_INSERT)) await trx(table).insert(batch);
}

/** Adds the row ids of targets named in `values` (documentIds, or lists of them) that the relation has not seen yet. */
async function learnTargetIds(strapi: Core.Strapi, relation: RelationField, values: unknown[]): Promise<void> {
  for (const batch of batches(unknownTargets(values, relation.idOf), ROWS_PER_INSERT)) {
    const rows: { id: number; documentId: string }[] = await strapi.db.query(relation.target).findMany({
      where: { documentId: { $in: batch } },
      select: ['id', 'documentId'],
    });
    for (const row of rows) relation.idOf.set(row.documentId, row.id);
  }
}

/**
 * Of these documents, the ones the bulk writer may change: stored in `locale` only (no other
 * language shares their relations) and without files (downloads, images) it would have to carry over.
 */
export async function replaceable(strapi: Core.Strapi, documentIds: string[], locale: string): Promise<Set<string>> {
  const rows: { documentId: string; locale: string; downloads?: unknown[]; images?: unknown[] }[] =
    documentIds.length === 0
      ? []
      : await strapi.db.query(CASE_STUDY).findMany({
          where: { documentId: { $in: documentIds } },
          select: ['documentId', 'locale'],
          populate: { downloads: { select: ['id'] }, images: { select: ['id'] } },
        });
  return replaceableDocuments(rows, locale);
}

/** A bulk writer bound to the CMS's current schema; `write` may be called for many chunks. */
export async function bulkCaseStudyWriter(strapi: Core.Strapi) {
  const layout = await loadLayout(strapi);
  const table = strapi.db.metadata.get(CASE_STUDY).tableName;

  /** The stored versions in `locale` of the documents to change, by documentId. */
  async function storedVersions(entries: BulkCaseStudy[], locale: string): Promise<Map<string, StoredVersion[]>> {
    const documentIds = entries.flatMap((entry) => (entry.documentId ? [entry.documentId] : []));
    const rows: StoredVersion[] =
      documentIds.length === 0
        ? []
        : await strapi.db.query(CASE_STUDY).findMany({
            where: { documentId: { $in: documentIds }, locale },
            populate: { createdBy: { select: ['id'] }, updatedBy: { select: ['id'] } },
          });
    const byDocument = new Map<string, StoredVersion[]>();
    for (const row of rows) byDocument.set(row.documentId, [...(byDocument.get(row.documentId) ?? []), row]);
    return byDocument;
  }

  /** Deletes entry rows with their component rows and relation rows. */
  async function deleteVersions(trx: Knex.Transaction, ids: number[]): Promise<void> {
    if (ids.length === 0) return;
    const componentTables = new Map<string, ComponentField['table']>();
    for (const component of layout.components) componentTables.set(component.table.name, component.table);
    for (const [name, joinTable] of componentTables) {
      const links: { cmp: number; type: string }[] = await trx(name)
        .whereIn(joinTable.joinColumn.name, ids)
        .select({ cmp: joinTable.inverseJoinColumn.name, type: layout.components.find((component) => component.table.name === name)!.typeColumn });
      for (const uid of new Set(links.map((link) => link.type))) {
        await trx(strapi.components[uid as UID.Component].collectionName)
          .whereIn(
            'id',
            links.filter((link) => link.type === uid).map((link) => link.cmp),
          )
          .delete();
      }
      await trx(name).whereIn(joinTable.joinColumn.name, ids).delete();
    }
    for (const relation of layout.relations) await trx(relation.table.name).whereIn(relation.table.joinColumn.name, ids).delete();
    await trx(table).whereIn('id', ids).delete();
  }

  return {
    /**
     * Writes the case studies of one locale (must run inside `strapi.db.transaction`): new
     * documents, and new versions of changed ones; returns their documentIds in order.
     * Published ones are queued for the search index.
     */
    async write(entries: BulkCaseStudy[]): Promise<string[]> {
      for (const entry of entries) assertWritable(entry);
      const locale = entries[0]?.locale;
      if (!locale) return [];
      if (entries.some((entry) => entry.locale !== locale)) throw new Error('Der Sammelimport schreibt je Aufruf eine Sprache.');
      return strapi.db.transaction(async ({ trx, onCommit }) => {
        const now = new Date();
        const stored = await storedVersions(entries, locale);
        const documentIds = entries.map((entry) => entry.documentId ?? createId());
        // One row per version the document service would write: the draft, and the published copy where published.
        const { versions, replaced } = planVersions(entries, documentIds, stored, layout.scalars, locale, now);
        await deleteVersions(trx, replaced);
        const { ids } = await strapi.db.query(CASE_STUDY).createMany({ data: versions.map((version) => version.row) });
        if (ids.length !== versions.length) throw new Error(`Der Sammelimport hat ${ids.length} statt ${versions.length} Einträge angelegt.`);
        for (const [index, { users }] of versions.entries()) {
          if (users.createdBy === null && users.updatedBy === null) continue;
          await trx(table)
            .where('id', ids[index])
            .update({ [layout.userColumns.createdBy]: users.createdBy, [layout.userColumns.updatedBy]: users.updatedBy });
        }

        for (const component of layout.components) {
          const values = componentValues(versions, ids, component);
          if (values.length === 0) continue;
          if (component.nested) throw new Error(`Der Sammelimport kann „${component.field}“ nicht schreiben: „${component.nested}“ ist eine eigene Beziehung.`);
          const created = await strapi.db.query(component.uid).createMany({ data: values.map((value) => value.item) });
          await insertRows(trx, component.table.name, componentLinkRows(component, values, created.ids));
        }

        for (const relation of layout.relations) {
          await learnTargetIds(
            strapi,
            relation,
            versions.map((version) => version.entry.data[relation.field]),
          );
          await insertRows(trx, relation.table.name, relationLinkRows(relation, versions, ids));
        }

        const published = entries.flatMap((entry, index) =>
          entry.publish ? [{ documentId: documentIds[index]!, locale: entry.locale, reason: `import ${CASE_STUDY}` }] : [],
        );
        await searchSync(strapi).store.enqueue(published, trx);
        if (published.length > 0) onCommit(() => searchSync(strapi).notify());
        return documentIds;
      });
    },
  };
}
