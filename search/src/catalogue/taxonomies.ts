// The case study's vocabularies, once: which relation of the case study points at which content
// type, how an entry is named in the import (its key), who may change it, what the admin's pickers
// show, and which list of taxonomies.json seeds it. The CMS derives its maps from this list (the
// outbox's fan-out, the review rules, roles and public permissions, seeding, the import's
// references and value lists, the pickers); `cms/tests/schema-facts.test.ts` holds the schemas to it.
// No imports: the site's browser code may import this file too.

/** One vocabulary of the case study. */
export interface Taxonomy {
  /** The case study's relation that points at it (and the import record's field). */
  readonly field: string;
  /** The Strapi content type. */
  readonly uid: string;
  /** What the import, the value lists and the URLs name an entry by. */
  readonly key: 'slug' | 'ags' | 'name';
  /**
   * Who maintains it: official reference data only Administration changes; the newsroom's
   * vocabularies Chefredaktion maintains.
   */
  readonly maintainedBy: 'administration' | 'chefredaktion';
  /** The attribute the admin's relation pickers show and search. */
  readonly pickerField: string;
  /** The list of taxonomies.json (../shared/data) that seeds it, where one does. */
  readonly seedList?: 'buildingBlocks' | 'targetGroups' | 'topics' | 'settings' | 'qualityCriteria';
  /** Whether the site offers it as a filter and shows its names as chips. */
  readonly filter: boolean;
  /** One entry, in German with its article, for the import's messages ("Die Zielgruppe „x“ gibt es nicht"). */
  readonly entryName: string;
}

/** Every vocabulary, in the order the detail page and the import list them. */
export const TAXONOMIES = [
  {
    field: 'buildingBlock',
    uid: 'api::building-block.building-block',
    key: 'slug',
    maintainedBy: 'administration',
    pickerField: 'name',
    seedList: 'buildingBlocks',
    filter: true,
    entryName: 'Der Baustein',
  },
  {
    field: 'municipalities',
    uid: 'api::municipality.municipality',
    key: 'ags',
    maintainedBy: 'administration',
    pickerField: 'label',
    filter: true,
    entryName: 'Die Kommune (AGS)',
  },
  {
    field: 'targetGroups',
    uid: 'api::target-group.target-group',
    key: 'slug',
    maintainedBy: 'chefredaktion',
    pickerField: 'name',
    seedList: 'targetGroups',
    filter: true,
    entryName: 'Die Zielgruppe',
  },
  {
    field: 'topics',
    uid: 'api::topic.topic',
    key: 'slug',
    maintainedBy: 'chefredaktion',
    pickerField: 'name',
    seedList: 'topics',
    filter: true,
    entryName: 'Das Handlungsfeld',
  },
  {
    field: 'settings',
    uid: 'api::setting.setting',
    key: 'slug',
    maintainedBy: 'chefredaktion',
    pickerField: 'name',
    seedList: 'settings',
    filter: true,
    entryName: 'Das Setting',
  },
  {
    field: 'criteria',
    uid: 'api::quality-criterion.quality-criterion',
    key: 'slug',
    maintainedBy: 'chefredaktion',
    pickerField: 'name',
    seedList: 'qualityCriteria',
    filter: true,
    entryName: 'Das Qualitätskriterium',
  },
  {
    field: 'provider',
    uid: 'api::organisation.organisation',
    key: 'name',
    maintainedBy: 'chefredaktion',
    pickerField: 'name',
    filter: false,
    entryName: 'Der Träger',
  },
] as const satisfies readonly Taxonomy[];

export type TaxonomyEntry = (typeof TAXONOMIES)[number];
/** A case-study relation that points at a vocabulary. */
export type TaxonomyField = TaxonomyEntry['field'];
/** A vocabulary's content type. */
export type TaxonomyUid = TaxonomyEntry['uid'];
/** The vocabularies the import names by a key (slug or AGS); a provider is named by its name and created when new. */
export const KEYED_TAXONOMIES = TAXONOMIES.filter((taxonomy): taxonomy is Extract<TaxonomyEntry, { key: 'slug' | 'ags' }> => taxonomy.key !== 'name');
export type KeyedTaxonomyField = (typeof KEYED_TAXONOMIES)[number]['field'];

/** The content type behind each case-study relation, as a type (the CMS's compile-time contract uses it). */
export type TaxonomyModels = { [Entry in TaxonomyEntry as Entry['field']]: Entry['uid'] };

/** The case study's content type. */
export const CASE_STUDY_UID = 'api::case-study.case-study';
/** The Kommunen (official reference data). */
export const MUNICIPALITY_UID = 'api::municipality.municipality';

/** The vocabulary a content type holds, or undefined when it is none. */
export function taxonomyOfUid(uid: string): TaxonomyEntry | undefined {
  return TAXONOMIES.find((taxonomy) => taxonomy.uid === uid);
}

/** The vocabulary behind a case-study relation. */
export function taxonomyOfField(field: TaxonomyField): TaxonomyEntry {
  return TAXONOMIES.find((taxonomy) => taxonomy.field === field)!;
}

/** Content type → the case-study relation that points at it. */
export const RELATION_OF_UID: Readonly<Record<string, TaxonomyField>> = Object.fromEntries(TAXONOMIES.map((taxonomy) => [taxonomy.uid, taxonomy.field]));
