// Case studies as records of the import format: what the admin's export writes, and what the
// importer compares a record with to tell "unchanged". Reads the latest version (the draft row).
import type { Core } from '@strapi/strapi';
import { BUDGET_RANGE_NAMES, BUDGET_RANGES, municipalityLabel, PROJECT_STATUS_NAMES, PROJECT_STATUSES } from '@praxis/search';
import type { ValueLists } from './workbook';

const CASE_STUDY = 'api::case-study.case-study';

const POPULATE = {
  buildingBlock: { select: ['slug'] },
  municipalities: { select: ['ags'] },
  targetGroups: { select: ['slug'] },
  topics: { select: ['slug'] },
  settings: { select: ['slug'] },
  criteria: { select: ['slug'] },
  provider: { select: ['name'] },
  transferability: true,
  successFactors: true,
  pitfalls: true,
  partners: true,
  contact: true,
  links: true,
};

type Entry = Record<string, unknown> & {
  documentId: string;
  slug: string;
  buildingBlock?: { slug: string } | null;
  municipalities?: { ags: string }[];
  provider?: { name: string } | null;
  transferability?: Record<string, unknown> | null;
  contact?: Record<string, unknown> | null;
  links?: { label: string; url: string }[];
};

/** Leaves out what is empty, as a hand-written record would. */
function present(object: Record<string, unknown> | null | undefined, keys: string[]): Record<string, unknown> | undefined {
  const kept = Object.fromEntries(keys.map((key) => [key, object?.[key]]).filter(([, value]) => value !== null && value !== undefined && value !== ''));
  return Object.keys(kept).length > 0 ? kept : undefined;
}
const slugs = (value: unknown) => ((value as { slug: string }[] | undefined) ?? []).map((entry) => entry.slug);
const texts = (value: unknown) => ((value as { text: string }[] | undefined) ?? []).map((entry) => entry.text);

/** A stored case study (populated as above) as a record of the import format. */
export function entryToRecord(entry: Entry, extra: { published: boolean; translationOf?: string }): Record<string, unknown> {
  const transferability = present(entry.transferability, ['budgetRange', 'durationMonths', 'partnersNeeded', 'firstSteps']);
  const record: Record<string, unknown> = {
    slug: entry.slug,
    translationOf: extra.translationOf,
    title: entry.title,
    teaser: entry.teaser,
    description: entry.description,
    startingSituation: entry.startingSituation,
    goals: entry.goals,
    approach: entry.approach,
    results: entry.results,
    afterFunding: entry.afterFunding,
    buildingBlock: entry.buildingBlock?.slug,
    municipalities: (entry.municipalities ?? []).map((town) => town.ags),
    targetGroups: slugs(entry.targetGroups),
    topics: slugs(entry.topics),
    settings: slugs(entry.settings),
    criteria: slugs(entry.criteria),
    status: entry.projectStatus,
    fundingStart: entry.fundingStart,
    fundingEnd: entry.fundingEnd,
    fundingPhase: entry.fundingPhase,
    provider: entry.provider?.name,
    partners: texts(entry.partners),
    staffFte: entry.transferability?.staffFte === null || entry.transferability?.staffFte === undefined ? undefined : Number(entry.transferability.staffFte),
    transferability,
    successFactors: texts(entry.successFactors),
    pitfalls: texts(entry.pitfalls),
    contact: present(entry.contact, ['organisation', 'role', 'email', 'phone', 'website']),
    links: (entry.links ?? []).map(({ label, url }) => ({ label, url })),
    lastReviewed: entry.lastReviewed,
    publish: extra.published,
  };
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== null && value !== undefined && value !== ''));
}

/** Loads the latest version of case studies in a language, populated for {@link entryToRecord}. */
export async function loadEntries(strapi: Core.Strapi, locale: string, documentIds?: string[]): Promise<Entry[]> {
  return strapi.db.query(CASE_STUDY).findMany({
    where: { locale, publishedAt: null, ...(documentIds ? { documentId: { $in: documentIds } } : {}) },
    populate: POPULATE,
    orderBy: [{ slug: 'asc' }],
  }) as Promise<Entry[]>;
}

/** documentIds with a published version in the language. */
export async function publishedIds(strapi: Core.Strapi, locale: string): Promise<Set<string>> {
  const rows = await strapi.db.query(CASE_STUDY).findMany({ where: { locale, publishedAt: { $notNull: true } }, select: ['documentId'] }) as { documentId: string }[];
  return new Set(rows.map((row) => row.documentId));
}

/**
 * Every case study of a language (or those of `documentIds`) as import records, with the German
 * slug as `translationOf` in other languages.
 */
export async function exportRecords(strapi: Core.Strapi, locale: string, defaultLocale: string, documentIds?: string[]): Promise<Record<string, unknown>[]> {
  const [entries, published] = await Promise.all([loadEntries(strapi, locale, documentIds), publishedIds(strapi, locale)]);
  const originals = locale === defaultLocale
    ? new Map<string, string>()
    : new Map((await strapi.db.query(CASE_STUDY).findMany({ where: { locale: defaultLocale, publishedAt: null }, select: ['documentId', 'slug'] }) as { documentId: string; slug: string }[])
      .map((row) => [row.documentId, row.slug]));
  return entries.map((entry) => entryToRecord(entry, { published: published.has(entry.documentId), translationOf: originals.get(entry.documentId) }));
}

/** The allowed values of the template's dropdowns and explanations, with their German names. */
export async function valueLists(strapi: Core.Strapi): Promise<ValueLists> {
  const terms = async (uid: string) => ((await strapi.db.query(uid as never).findMany({ select: ['slug', 'name'], orderBy: [{ name: 'asc' }] })) as { slug: string; name: string }[])
    .map((entry) => ({ value: entry.slug, name: entry.name }));
  const towns = (await strapi.db.query('api::municipality.municipality').findMany({ select: ['ags', 'name', 'type', 'district'], orderBy: [{ name: 'asc' }] })) as
    { ags: string; name: string; type: string; district: string }[];
  return {
    buildingBlocks: await terms('api::building-block.building-block'),
    municipalities: towns.map((town) => ({ value: town.ags, name: municipalityLabel(town) })),
    targetGroups: await terms('api::target-group.target-group'),
    topics: await terms('api::topic.topic'),
    settings: await terms('api::setting.setting'),
    criteria: await terms('api::quality-criterion.quality-criterion'),
    statuses: PROJECT_STATUSES.map((status) => ({ value: status, name: PROJECT_STATUS_NAMES[status].de })),
    budgetRanges: BUDGET_RANGES.map((range) => ({ value: range, name: BUDGET_RANGE_NAMES[range].de })),
    yesNo: [{ value: 'ja', name: 'veröffentlichen' }, { value: 'nein', name: 'als Entwurf' }],
  };
}
