import type { Core } from '@strapi/strapi';
import { parseImportFile } from './parse-file';
import { validateRecords, type ImportIssue, type ValidRecord } from './validate';
import { loadReferenceIds, loadVocabulary } from './vocabulary';
import { bulkCaseStudyWriter, replaceable } from './bulk-create';
import { actingActor, asEditorialWork, currentWork, type Actor } from '../history/actor';
import { recordBulkImport } from '../history/record-history';
import { readSnapshots } from '../history/snapshot';
import { bulkEntry, noteNewOrganisations, planWrite, writeThroughDocumentService, type WriteContext, type WriteOutcome } from './write';

/** Case studies per bulk write: progress moves in steps of this many. */
const BULK_CHUNK = 100;

export interface ImportOptions {
  locale?: string;
  dryRun?: boolean;
  skipInvalid?: boolean;
  /** See WriteContext: `for-review` writes drafts "Zur Prüfung" and publishes nothing. Default `from-file`. */
  publishing?: 'from-file' | 'for-review';
  /** See WriteContext: false for Redaktion and submissions. Default true. */
  createsOrganisations?: boolean;
  onProgress?(done: number, total: number): void;
  /** Who the editorial record names for the changes (the command line's user); else whoever runs the import. */
  actor?: Actor;
}

/** A case study the import creates or changes, as editors recognise it. */
export interface ImportedEntry {
  title: string;
  slug: string;
}

export interface ImportReport {
  locale: string;
  total: number;
  issues: ImportIssue[];
  warnings: string[];
  created: number;
  updated: number;
  unchanged: number;
  /** Records not written because of a problem. */
  invalid: number;
  /** The case studies created (or, in a dry run, that would be), in the file's order. */
  createdEntries: ImportedEntry[];
  /** The case studies changed (or that would be). */
  updatedEntries: ImportedEntry[];
  organisationsCreated: string[];
  /** Providers that are no organisation yet, left for the Chefredaktion (when the import may not create one). */
  organisationsMissing: string[];
  /** False when nothing was written: a dry run, or invalid records without `skipInvalid`. */
  written: boolean;
}

/**
 * Imports case studies from a JSON, CSV or Excel file's content: through the bulk writer
 * (bulk-create.ts) where it can, else through the document service. All
 * records are validated first; if any is invalid nothing is written unless `skipInvalid` is set.
 * Writing happens in one transaction, so a failure part-way leaves the CMS as it was.
 */
export async function importCaseStudies(
  strapi: Core.Strapi,
  fileName: string,
  content: Uint8Array | string,
  options: ImportOptions = {},
): Promise<ImportReport> {
  const i18n = strapi.plugin('i18n').service('locales') as { getDefaultLocale(): Promise<string>; find(): Promise<{ code: string }[]> };
  const defaultLocale = await i18n.getDefaultLocale();
  const locale = options.locale ?? defaultLocale;
  const known = (await i18n.find()).map((entry) => entry.code);
  if (!known.includes(locale)) throw new Error(`Die Sprache „${locale}“ gibt es nicht; das CMS hat ${known.join(', ')}.`);

  const file = await parseImportFile(fileName, content, locale);
  const raw = file.records;
  const references = await loadReferenceIds(strapi);
  const vocabulary = await loadVocabulary(strapi, references, locale, defaultLocale);
  const { valid, issues, warnings, invalid } = validateRecords(raw, vocabulary, { defaultLocale: locale === defaultLocale, columns: file.columns });

  const report: ImportReport = {
    locale,
    total: raw.length,
    issues,
    warnings: [...file.warnings, ...warnings],
    created: 0,
    updated: 0,
    unchanged: 0,
    invalid,
    createdEntries: [],
    updatedEntries: [],
    organisationsCreated: [],
    organisationsMissing: [],
    written: false,
  };
  const dryRun = Boolean(options.dryRun) || (issues.length > 0 && !options.skipInvalid);
  const context: WriteContext = {
    strapi,
    locale,
    references,
    slugsInLocale: vocabulary.slugsInLocale,
    defaultLocaleSlugs: vocabulary.defaultLocaleSlugs,
    organisations: new Map(),
    dryRun,
    publishing: options.publishing ?? 'from-file',
    createsOrganisations: options.createsOrganisations ?? true,
    onOrganisationCreated: (name) => report.organisationsCreated.push(name),
    onOrganisationMissing: (name) => {
      if (report.organisationsMissing.includes(name)) return;
      report.organisationsMissing.push(name);
      report.warnings.push(
        `Träger „${name}“ ist noch keine Organisation der Datenbank: Das Praxisbeispiel wird ohne Träger gespeichert, der Name steht in der Anmerkung der Prüfung. Neue Organisationen legt die Chefredaktion an.`,
      );
    },
  };
  const count = (outcome: WriteOutcome, { record, slug }: ValidRecord) => {
    report[outcome] += 1;
    if (outcome === 'created') report.createdEntries.push({ title: record.title, slug });
    if (outcome === 'updated') report.updatedEntries.push({ title: record.title, slug });
  };

  const checkAll = async () => {
    for (const [index, record] of valid.entries()) {
      const { outcome } = await planWrite(context, record);
      count(outcome, record);
      if (outcome !== 'unchanged') await noteNewOrganisations(context, record);
      options.onProgress?.(index + 1, valid.length);
    }
  };
  // In the file's order: new case studies and changes the bulk writer can make go in chunks
  // through it, the rest (translations, documents in several languages or with files) one by one
  // through the document service.
  const writeAll = async () => {
    const bulk = await bulkCaseStudyWriter(strapi);
    let pending: { record: ValidRecord; outcome: WriteOutcome; documentId?: string }[] = [];
    let done = 0;
    const progress = (written: number) => options.onProgress?.((done += written), valid.length);
    const flush = async () => {
      if (pending.length === 0) return;
      const entries = [];
      // One after another: a provider named twice in the chunk must be created once.
      for (const { record, documentId } of pending) entries.push(await bulkEntry(context, record, documentId));
      const before = await readSnapshots(
        strapi,
        pending.flatMap(({ documentId }) => (documentId ? [documentId] : [])),
        locale,
      );
      const documentIds = await bulk.write(entries);
      await recordBulkImport(strapi, documentIds, locale, before);
      pending.forEach(({ record, outcome }, index) => {
        context.slugsInLocale.set(record.slug, documentIds[index]!);
        count(outcome, record);
      });
      progress(pending.length);
      pending = [];
    };
    for (const record of valid) {
      const plan = await planWrite(context, record);
      if (plan.outcome === 'unchanged') {
        count(plan.outcome, record);
        progress(1);
        continue;
      }
      const inBulk = !record.record.translationOf && (!plan.documentId || (await replaceable(strapi, [plan.documentId], locale)).has(plan.documentId));
      if (inBulk) {
        pending.push({ record, ...plan });
        if (pending.length === BULK_CHUNK) await flush();
        continue;
      }
      await flush();
      await writeThroughDocumentService(context, record, plan);
      count(plan.outcome, record);
      progress(1);
    }
    await flush();
  };
  if (dryRun) await checkAll();
  // Recorded as an import by whoever runs it (an editor in the admin, a user named on the command line, a submission).
  else
    await asEditorialWork(options.actor ?? currentWork()?.actor ?? actingActor(strapi), currentWork()?.kind ?? 'import', () => strapi.db.transaction(writeAll));
  report.written = !dryRun;
  return report;
}
