import type { Core } from '@strapi/strapi';
import { CASE_STUDY_POPULATE, type CaseStudyEntry, type IndexedStamp, type PublishedSource } from '@praxis/search';

export const CASE_STUDY = 'api::case-study.case-study';

/** Published case studies as the sync reads them: always with the populate the mapping needs. */
export class StrapiPublishedSource implements PublishedSource {
  constructor(private readonly strapi: Core.Strapi) {}

  async locales(): Promise<string[]> {
    const locales = (await this.strapi.plugin('i18n').service('locales').find()) as { code: string }[];
    return locales.map((locale) => locale.code).sort();
  }

  async findPublished(documentIds: string[], locale: string): Promise<CaseStudyEntry[]> {
    if (documentIds.length === 0) return [];
    const entries = await this.strapi.documents(CASE_STUDY).findMany({
      filters: { documentId: { $in: documentIds } },
      locale,
      status: 'published',
      populate: CASE_STUDY_POPULATE as never,
      limit: documentIds.length,
    } as never);
    return entries as unknown as CaseStudyEntry[];
  }

  async stamps(locale: string): Promise<IndexedStamp[]> {
    const rows: { documentId: string; updatedAt: string | Date }[] = await this.strapi.db.query(CASE_STUDY).findMany({
      where: { locale, publishedAt: { $notNull: true } },
      select: ['documentId', 'updatedAt'],
    });
    return rows.map((row) => ({ documentId: row.documentId, updatedAt: new Date(row.updatedAt).getTime() }));
  }

  async page(locale: string, offset: number, limit: number): Promise<CaseStudyEntry[]> {
    const entries = await this.strapi.documents(CASE_STUDY).findMany({
      locale,
      status: 'published',
      populate: CASE_STUDY_POPULATE as never,
      sort: 'id:asc',
      start: offset,
      limit,
    } as never);
    return entries as unknown as CaseStudyEntry[];
  }
}
