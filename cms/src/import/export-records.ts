// Case studies as records of the import format: what the admin's export writes, and what the
// importer compares a record with to tell "unchanged". Reads the latest version (the draft row).
import type { Core } from '@strapi/strapi';
import {
  BUDGET_RANGE_NAMES,
  BUDGET_RANGES,
  CASE_STUDY_UID as CASE_STUDY,
  KEYED_TAXONOMIES,
  municipalityLabel,
  MUNICIPALITY_UID,
  PROJECT_STATUS_NAMES,
  PROJECT_STATUSES,
} from '@praxis/search';
import { IMPORT_COLUMNS } from './columns';
import type { ValueLists } from './workbook';
import { RECORD_POPULATE, storedToRecordFields } from './record-fields';

type Entry = Record<string, unknown> & { documentId: string; slug: string };

/** A stored case study (populated with RECORD_POPULATE) as a record of the import format. */
export function entryToRecord(entry: Entry, extra: { published: boolean; translationOf?: string }): Record<string, unknown> {
  return { ...(extra.translationOf ? { translationOf: extra.translationOf } : {}), ...storedToRecordFields(entry), publish: extra.published };
}

/** Loads the latest version of case studies in a language, populated for {@link entryToRecord}. */
export async function loadEntries(strapi: Core.Strapi, locale: string, documentIds?: string[]): Promise<Entry[]> {
  return strapi.db.query(CASE_STUDY).findMany({
    where: { locale, publishedAt: null, ...(documentIds ? { documentId: { $in: documentIds } } : {}) },
    populate: RECORD_POPULATE,
    orderBy: [{ slug: 'asc' }],
  }) as Promise<Entry[]>;
}

/** documentIds with a published version in the language. */
export async function publishedIds(strapi: Core.Strapi, locale: string): Promise<Set<string>> {
  const rows = (await strapi.db.query(CASE_STUDY).findMany({ where: { locale, publishedAt: { $notNull: true } }, select: ['documentId'] })) as {
    documentId: string;
  }[];
  return new Set(rows.map((row) => row.documentId));
}

/**
 * Every case study of a language (or those of `documentIds`) as import records, with the German
 * slug as `translationOf` in other languages.
 */
export async function exportRecords(strapi: Core.Strapi, locale: string, defaultLocale: string, documentIds?: string[]): Promise<Record<string, unknown>[]> {
  const [entries, published] = await Promise.all([loadEntries(strapi, locale, documentIds), publishedIds(strapi, locale)]);
  const originals =
    locale === defaultLocale
      ? new Map<string, string>()
      : new Map(
          (
            (await strapi.db.query(CASE_STUDY).findMany({ where: { locale: defaultLocale, publishedAt: null }, select: ['documentId', 'slug'] })) as {
              documentId: string;
              slug: string;
            }[]
          ).map((row) => [row.documentId, row.slug]),
        );
  return entries.map((entry) => entryToRecord(entry, { published: published.has(entry.documentId), translationOf: originals.get(entry.documentId) }));
}

/** The allowed values with their German names: the template's dropdowns and explanations, the export's cells, the import's reading of names. */
export async function valueLists(strapi: Core.Strapi): Promise<ValueLists> {
  const terms = async (uid: string) =>
    ((await strapi.db.query(uid as never).findMany({ select: ['slug', 'name'], orderBy: [{ name: 'asc' }] })) as { slug: string; name: string }[]).map(
      (entry) => ({ value: entry.slug, name: entry.name }),
    );
  const towns = (await strapi.db.query(MUNICIPALITY_UID).findMany({ select: ['ags', 'name', 'type', 'district'], orderBy: [{ name: 'asc' }] })) as {
    ags: string;
    name: string;
    type: string;
    district: string;
  }[];
  // Each vocabulary under the value list its column names (catalogue). Kommunen by AGS with their
  // label; the import also reads the plain name (unique in NRW, else it asks which one is meant)
  // and the AGS as Excel shows a number that lost its leading zero.
  const kommunen = towns.map((town) => ({ value: town.ags, name: municipalityLabel(town), aliases: [town.name, town.ags.replace(/^0/, '')] }));
  const vocabularies = await Promise.all(
    KEYED_TAXONOMIES.map(
      async (taxonomy) =>
        [IMPORT_COLUMNS.find((column) => column.name === taxonomy.field)!.values!, taxonomy.key === 'ags' ? kommunen : await terms(taxonomy.uid)] as const,
    ),
  );
  return {
    ...(Object.fromEntries(vocabularies) as Pick<ValueLists, 'buildingBlocks' | 'municipalities' | 'targetGroups' | 'topics' | 'settings' | 'criteria'>),
    statuses: PROJECT_STATUSES.map((status) => ({ value: status, name: PROJECT_STATUS_NAMES[status].de })),
    budgetRanges: BUDGET_RANGES.map((range) => ({ value: range, name: BUDGET_RANGE_NAMES[range].de })),
    // "Veröffentlichen": ja or nein (the table rows also read true/false, "veröffentlichen" and "Entwurf").
    yesNo: [
      { value: 'ja', name: 'ja' },
      { value: 'nein', name: 'nein' },
    ],
  };
}
