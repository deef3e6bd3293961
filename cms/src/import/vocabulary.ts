import type { Core, UID } from '@strapi/strapi';
import { CASE_STUDY_UID as CASE_STUDY, KEYED_TAXONOMIES, type KeyedTaxonomyField } from '@praxis/search';
import { valueLists } from './export-records';
import { nameLists } from './names';
import type { Vocabulary } from './validate';

/** Slug or AGS → documentId of every taxonomy entry records may name, per case-study relation. */
export type ReferenceIds = Record<KeyedTaxonomyField, Map<string, string>>;

async function idsBy(strapi: Core.Strapi, uid: UID.ContentType, key: 'slug' | 'ags'): Promise<Map<string, string>> {
  const rows: Record<string, string>[] = await strapi.db.query(uid).findMany({ select: ['documentId', key] });
  return new Map(rows.map((row) => [row[key]!, row.documentId!]));
}

async function caseStudySlugs(strapi: Core.Strapi, locale: string): Promise<Map<string, string>> {
  const rows: { slug: string; documentId: string }[] = await strapi.db
    .query(CASE_STUDY)
    .findMany({ where: { locale, publishedAt: null }, select: ['documentId', 'slug'] });
  return new Map(rows.map((row) => [row.slug, row.documentId]));
}

export async function loadReferenceIds(strapi: Core.Strapi): Promise<ReferenceIds> {
  const entries = await Promise.all(KEYED_TAXONOMIES.map(async (taxonomy) => [taxonomy.field, await idsBy(strapi, taxonomy.uid, taxonomy.key)] as const));
  return Object.fromEntries(entries) as ReferenceIds;
}

/**
 * What records may name: the allowed values with their names (the same lists the export and the
 * template write, read from the CMS like `references`), and the case studies' slugs.
 */
export async function loadVocabulary(strapi: Core.Strapi, _references: ReferenceIds, locale: string, defaultLocale: string): Promise<Vocabulary> {
  return {
    names: nameLists(await valueLists(strapi)),
    slugsInLocale: await caseStudySlugs(strapi, locale),
    defaultLocaleSlugs: await caseStudySlugs(strapi, defaultLocale),
  };
}
