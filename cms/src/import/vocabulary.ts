import type { Core, UID } from '@strapi/strapi';
import type { Vocabulary } from './validate';

const CASE_STUDY = 'api::case-study.case-study';

/** Slug or AGS → documentId of every taxonomy entry records may name. */
export interface ReferenceIds {
  buildingBlocks: Map<string, string>;
  targetGroups: Map<string, string>;
  topics: Map<string, string>;
  settings: Map<string, string>;
  criteria: Map<string, string>;
  municipalities: Map<string, string>;
}

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
  return {
    buildingBlocks: await idsBy(strapi, 'api::building-block.building-block', 'slug'),
    targetGroups: await idsBy(strapi, 'api::target-group.target-group', 'slug'),
    topics: await idsBy(strapi, 'api::topic.topic', 'slug'),
    settings: await idsBy(strapi, 'api::setting.setting', 'slug'),
    criteria: await idsBy(strapi, 'api::quality-criterion.quality-criterion', 'slug'),
    municipalities: await idsBy(strapi, 'api::municipality.municipality', 'ags'),
  };
}

export async function loadVocabulary(
  strapi: Core.Strapi,
  references: ReferenceIds,
  locale: string,
  defaultLocale: string,
): Promise<Vocabulary> {
  const keys = (map: Map<string, string>) => new Set(map.keys());
  return {
    buildingBlocks: keys(references.buildingBlocks),
    targetGroups: keys(references.targetGroups),
    topics: keys(references.topics),
    settings: keys(references.settings),
    criteria: keys(references.criteria),
    municipalities: keys(references.municipalities),
    slugsInLocale: await caseStudySlugs(strapi, locale),
    defaultLocaleSlugs: await caseStudySlugs(strapi, defaultLocale),
  };
}
