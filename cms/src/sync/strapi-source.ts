import type { Core } from '@strapi/strapi';
import { CASE_STUDY_POPULATE, CASE_STUDY_UID, TRANSFER_REPORT_UID, type CaseStudyEntry, type IndexedStamp, type PublishedSource } from '@praxis/search';

export const CASE_STUDY = CASE_STUDY_UID;

/** The document-service populate in the query engine's dialect (`fields` is called `select` there). */
function toQueryPopulate(populate: object): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(populate).map(([key, value]) => {
      if (typeof value !== 'object' || value === null) return [key, value];
      const { fields, populate: nested, ...rest } = value as { fields?: string[]; populate?: object };
      return [key, { ...rest, ...(fields ? { select: fields } : {}), ...(nested ? { populate: toQueryPopulate(nested) } : {}) }];
    }),
  );
}

// The query engine reads a batch of published entries ~50x faster than the
// document service (measured: 300 entries in 67 ms instead of 3.5 s) and is
// exact here: published rows only, and the taxonomies have no drafts.
const QUERY_POPULATE = toQueryPopulate(CASE_STUDY_POPULATE);

/**
 * The case studies with the Kommunen of their published transfer reports (`transfers`): a report
 * names its case study by documentId, for every locale, so one query serves a batch.
 */
async function withTransfers(strapi: Core.Strapi, entries: CaseStudyEntry[]): Promise<CaseStudyEntry[]> {
  if (entries.length === 0) return entries;
  const rows = (await strapi.db.query(TRANSFER_REPORT_UID).findMany({
    where: { caseStudyDocumentId: { $in: [...new Set(entries.map((entry) => entry.documentId))] }, publishedAt: { $notNull: true } },
    select: ['caseStudyDocumentId'],
    populate: { municipality: { select: ['ags'] } },
  })) as { caseStudyDocumentId: string; municipality: { ags: string } | null }[];
  const byCaseStudy = new Map<string, { ags: string }[]>();
  for (const row of rows) {
    if (!row.municipality) continue;
    byCaseStudy.set(row.caseStudyDocumentId, [...(byCaseStudy.get(row.caseStudyDocumentId) ?? []), { ags: row.municipality.ags }]);
  }
  return entries.map((entry) => ({ ...entry, transfers: byCaseStudy.get(entry.documentId) ?? [] }));
}

/** Published case studies as the sync reads them: always with the populate the mapping needs. */
export class StrapiPublishedSource implements PublishedSource {
  constructor(private readonly strapi: Core.Strapi) {}

  async locales(): Promise<string[]> {
    const locales = (await this.strapi.plugin('i18n').service('locales').find()) as { code: string }[];
    return locales.map((locale) => locale.code).sort();
  }

  async findPublished(documentIds: string[], locale: string): Promise<CaseStudyEntry[]> {
    if (documentIds.length === 0) return [];
    const entries = await this.strapi.db.query(CASE_STUDY).findMany({
      where: { documentId: { $in: documentIds }, locale, publishedAt: { $notNull: true } },
      populate: QUERY_POPULATE,
    });
    return withTransfers(this.strapi, entries);
  }

  async stamps(locale: string): Promise<IndexedStamp[]> {
    const rows: { documentId: string; updatedAt: string | Date }[] = await this.strapi.db.query(CASE_STUDY).findMany({
      where: { locale, publishedAt: { $notNull: true } },
      select: ['documentId', 'updatedAt'],
    });
    return rows.map((row) => ({ documentId: row.documentId, updatedAt: new Date(row.updatedAt).getTime() }));
  }

  async page(locale: string, offset: number, limit: number): Promise<CaseStudyEntry[]> {
    const entries = await this.strapi.db.query(CASE_STUDY).findMany({
      where: { locale, publishedAt: { $notNull: true } },
      populate: QUERY_POPULATE,
      orderBy: { id: 'asc' },
      offset,
      limit,
    });
    return withTransfers(this.strapi, entries);
  }
}
