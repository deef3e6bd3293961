import { createHash } from 'node:crypto';
import type { Core, Modules } from '@strapi/strapi';
import { actingActor, asEditorialWork, currentWork } from '../history/actor';
import { freeOrganisationSlug } from '../editorial/organisations';
import type { BulkCaseStudy } from './bulk-create';
import { entryToRecord, loadEntries } from './export-records';
import { CASE_STUDY_UID as CASE_STUDY, type ImportRecord, type KeyedTaxonomyField, recordSchemaFor } from '@praxis/search';
import { recordToStoredFields, type ReferenceLookup } from './record-fields';
import type { ValidRecord } from './validate';
import type { ReferenceIds } from './vocabulary';

type CaseStudyInput = Modules.Documents.Params.Data.Input<typeof CASE_STUDY>;
/** Strapi's input type where null clears a field, as the document service accepts and its types do not say. */
type Clearable<T> = { [Field in keyof T]: (T[Field] extends object ? Clearable<T[Field]> : T[Field]) | null };
import { ORGANISATION } from '../editorial/roles';

export type WriteOutcome = 'created' | 'updated' | 'unchanged';

export interface WriteContext {
  strapi: Core.Strapi;
  locale: string;
  references: ReferenceIds;
  /** Case-study slugs in the import locale → documentId (kept up to date while writing). */
  slugsInLocale: Map<string, string>;
  defaultLocaleSlugs: Map<string, string>;
  /** Organisation names (lower case) → documentId; filled lazily. */
  organisations: Map<string, string>;
  dryRun: boolean;
  /**
   * `from-file`: publish what the record says (the CLI, Chefredaktion in the admin).
   * `for-review`: write drafts in the state "Zur Prüfung", publish nothing (Redaktion in the admin).
   */
  publishing: 'from-file' | 'for-review';
  /**
   * False for Redaktion and for submissions: an organisation is a taxonomy of the Chefredaktion and
   * live at once, so an unknown provider's name goes into the review note instead.
   */
  createsOrganisations: boolean;
  onOrganisationCreated(name: string): void;
  onOrganisationMissing(name: string): void;
}

/** Stable fingerprint of what a record would write; equal fingerprints mean "nothing to do". */
export function recordChecksum(slug: string, locale: string, record: ImportRecord): string {
  return createHash('sha256').update(JSON.stringify({ slug, locale, record })).digest('hex');
}

async function organisationId(context: WriteContext, name: string): Promise<string | undefined> {
  if (context.organisations.size === 0) {
    const rows: { documentId: string; name: string }[] = await context.strapi.db.query(ORGANISATION).findMany({ select: ['documentId', 'name'] });
    for (const row of rows) context.organisations.set(row.name.toLowerCase(), row.documentId);
  }
  const known = context.organisations.get(name.toLowerCase());
  if (known) return known;
  if (!context.createsOrganisations) {
    context.onOrganisationMissing(name);
    return undefined;
  }
  context.onOrganisationCreated(name);
  if (context.dryRun) return undefined;
  const created = await context.strapi.documents(ORGANISATION).create({ data: { name, slug: await freeOrganisationSlug(context.strapi, name) } });
  context.organisations.set(name.toLowerCase(), created.documentId);
  return created.documentId;
}

/** The review note for a provider that is not yet an organisation of the database (when the writer may not create one). */
export const missingProviderNote = (name: string) =>
  `Träger laut Einreichung bzw. Import: „${name}“. Diese Organisation gibt es in der Datenbank noch nicht; die Chefredaktion legt sie an und wählt sie im Feld „Träger“ aus.`;

async function toEntryData(context: WriteContext, slug: string, record: ImportRecord, checksum: string): Promise<Clearable<CaseStudyInput>> {
  const { references } = context;
  const provider = record.provider ? ((await organisationId(context, record.provider)) ?? null) : null;
  const lookup = { ids: (field: KeyedTaxonomyField, keys: string[]) => keys.map((key) => references[field].get(key)!), provider };
  return {
    ...(record.provider && !provider && !context.dryRun ? { reviewComment: missingProviderNote(record.provider) } : {}),
    ...recordToStoredFields(record, lookup as ReferenceLookup),
    slug,
    importChecksum: checksum,
  } as Clearable<CaseStudyInput>;
}

/**
 * True when the stored case study already says what the record says (compared as records of the
 * import format, so an exported file imports as "unchanged"), and is published if it should be.
 */
async function storedEquals(context: WriteContext, documentId: string, slug: string, record: ImportRecord): Promise<boolean> {
  const [entry] = await loadEntries(context.strapi, context.locale, [documentId]);
  if (!entry) return false;
  const published = (await context.strapi.db.query(CASE_STUDY).count({ where: { documentId, locale: context.locale, publishedAt: { $notNull: true } } })) > 0;
  const storedRecord = entryToRecord(entry, { published, translationOf: record.translationOf });
  const stored = recordSchemaFor(storedRecord).safeParse(storedRecord);
  if (!stored.success) return false;
  const wantsPublished = record.publish && context.publishing === 'from-file';
  const withoutPublish = ({ publish: _publish, ...rest }: ImportRecord) => rest;
  return (
    recordChecksum(slug, context.locale, withoutPublish(stored.data) as ImportRecord) ===
      recordChecksum(slug, context.locale, withoutPublish({ ...record, slug }) as ImportRecord) &&
    (!wantsPublished || published)
  );
}

async function entryData(context: WriteContext, slug: string, record: ImportRecord, checksum: string): Promise<CaseStudyInput> {
  const data = await toEntryData(context, slug, record, checksum);
  return { ...data, ...(context.publishing === 'for-review' ? { editorialState: 'zur-pruefung' } : {}) } as CaseStudyInput;
}

/** What importing a record would do, and the document it concerns (none for a new one). */
export interface PlannedWrite {
  outcome: WriteOutcome;
  documentId?: string;
}

/**
 * Finds the record's document in the import locale by slug (or by `translationOf` for a
 * translation) and says whether it would be created, updated or left alone: a record that matches
 * the stored case study (its checksum or its content) is unchanged. Writes nothing.
 */
export async function planWrite(context: WriteContext, { slug, record }: ValidRecord): Promise<PlannedWrite> {
  const { strapi, locale } = context;
  const documentId = record.translationOf ? context.defaultLocaleSlugs.get(record.translationOf) : context.slugsInLocale.get(slug);
  const existing = documentId
    ? await strapi.db.query(CASE_STUDY).findOne({ where: { documentId, locale, publishedAt: null }, select: ['importChecksum'] })
    : null;
  if (existing && (existing.importChecksum === recordChecksum(slug, locale, record) || (await storedEquals(context, documentId!, slug, record)))) {
    return { outcome: 'unchanged', documentId };
  }
  return { outcome: existing ? 'updated' : 'created', documentId };
}

/** A record as the bulk writer takes it (see bulk-create.ts); `documentId` when it changes that document. */
export async function bulkEntry(context: WriteContext, { slug, record }: ValidRecord, documentId?: string): Promise<BulkCaseStudy> {
  const data = await entryData(context, slug, record, recordChecksum(slug, context.locale, record));
  return { data: data as Record<string, unknown>, locale: context.locale, publish: record.publish && context.publishing === 'from-file', documentId };
}

/** The organisations a real run would create for this record, reported on a dry run. */
export async function noteNewOrganisations(context: WriteContext, { record }: ValidRecord): Promise<void> {
  if (record.provider) await organisationId(context, record.provider);
}

/**
 * Writes a planned record through the document service: creates or updates the case study in the
 * import locale (a translation of an existing document by updating it in the new locale), and
 * publishes it unless `publish` is false (or the import is for review).
 */
export async function writeThroughDocumentService(context: WriteContext, valid: ValidRecord, { documentId }: PlannedWrite): Promise<void> {
  const { strapi, locale } = context;
  const { slug, record } = valid;
  const documents = strapi.documents(CASE_STUDY);
  const data = await entryData(context, slug, record, recordChecksum(slug, locale, record));
  const write = async () => {
    const target = documentId ? (await documents.update({ documentId, locale, data }))!.documentId : (await documents.create({ locale, data })).documentId;
    if (record.publish && context.publishing === 'from-file') await documents.publish({ documentId: target, locale });
    context.slugsInLocale.set(slug, target);
  };
  // Recorded as an import (and publishing as the file says, "Zuletzt geprüft" included) even when called on its own.
  const work = currentWork();
  await (work?.kind ? write() : asEditorialWork(work?.actor ?? actingActor(strapi), 'import', write));
}
