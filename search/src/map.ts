import { parseCaseStudyEntry, type CaseStudyEntry, type TermEntry } from './content/case-study-entry.ts';
import { centreOf, districtLabel, isOwnDistrict, localizedName, texts, townSizeOf, townTypeOf } from './catalogue/domain.ts';
import { markdownToPlainText } from './content/plain-text.ts';
import { contactOf, effortOf } from './content/effort.ts';
import { searchDocumentSchema, type SearchDocument } from './document.ts';
import { documentTerms } from './analysis/document-terms.ts';
import { ANALYSIS_VERSION } from './analysis/terms.ts';

/**
 * How a case study's taxonomies are read from the CMS, for the index and the detail page alike:
 * the fields each relation needs, no more.
 */
export const TAXONOMY_POPULATE = {
  buildingBlock: { fields: ['slug', 'name', 'nameEn', 'number'] },
  municipalities: { fields: ['ags', 'name', 'district', 'districtAgs', 'region', 'lat', 'lon', 'type', 'population'] },
  targetGroups: { fields: ['slug', 'name', 'nameEn'] },
  topics: { fields: ['slug', 'name', 'nameEn'] },
  settings: { fields: ['slug', 'name', 'nameEn'] },
  criteria: { fields: ['slug', 'name', 'nameEn'] },
} as const;

/** The populate a case study needs to be mapped; the CMS reads with exactly this. */
export const CASE_STUDY_POPULATE = {
  ...TAXONOMY_POPULATE,
  transferability: true,
  successFactors: true,
  pitfalls: true,
  partners: true,
  contact: { fields: ['organisation', 'email'] },
  provider: { fields: ['name'] },
  images: { populate: { file: { fields: ['url', 'formats'] } } },
} as const;

const unique = <T>(values: T[]) => [...new Set(values)];

function terms(entries: TermEntry[] | null | undefined, locale: string) {
  return (entries ?? []).map((term) => ({ slug: term.slug, name: localizedName(term, locale) }));
}

function fundingYears(start: number | null | undefined, end: number | null | undefined): number[] {
  if (start == null) return [];
  const last = end ?? start;
  return Array.from({ length: Math.max(0, last - start) + 1 }, (_, offset) => start + offset);
}

/** Maps a populated published case study to its search document; throws naming the field if the entry or the result breaks its schema. */
export function toSearchDocument(input: CaseStudyEntry): SearchDocument {
  const entry = parseCaseStudyEntry(input);
  if (!entry.publishedAt) throw new Error(`case study ${entry.documentId} (${entry.locale}) is not published: only published entries are indexed`);
  const { locale } = entry;
  const municipalities = (entry.municipalities ?? []).map((m) => ({
    ags: m.ags,
    name: m.name,
    district: m.district,
    districtAgs: m.districtAgs,
    region: m.region,
  }));
  const targetGroups = terms(entry.targetGroups, locale);
  const topics = terms(entry.topics, locale);
  const settings = terms(entry.settings, locale);
  const criteria = terms(entry.criteria, locale);
  const image = entry.images?.find((item) => item.file?.url);
  const effort = effortOf(entry);
  const contact = contactOf(entry);
  const transferredTo = unique((entry.transfers ?? []).map((transfer) => transfer.ags));
  const document: Omit<SearchDocument, 'terms' | 'termOwners' | 'analysis'> = {
    documentId: entry.documentId,
    locale,
    slug: entry.slug,
    title: entry.title,
    titleSort: entry.title.toLocaleLowerCase(locale),
    teaser: entry.teaser ?? '',
    description: markdownToPlainText(entry.description),
    startingSituation: markdownToPlainText(entry.startingSituation),
    goals: markdownToPlainText(entry.goals),
    approach: markdownToPlainText(entry.approach),
    results: markdownToPlainText(entry.results),
    afterFunding: markdownToPlainText(entry.afterFunding),
    transferability: [effort?.partnersNeeded ?? '', markdownToPlainText(effort?.firstSteps)].filter(Boolean).join(' '),
    effort: effort && { ...effort, firstSteps: markdownToPlainText(effort.firstSteps) },
    contact: contact && { organisation: contact.organisation, email: contact.email },
    successFactors: texts(entry.successFactors),
    pitfalls: texts(entry.pitfalls),
    partners: texts(entry.partners),
    provider: entry.provider?.name ?? null,
    buildingBlock: entry.buildingBlock
      ? { slug: entry.buildingBlock.slug, name: localizedName(entry.buildingBlock, locale), number: entry.buildingBlock.number }
      : null,
    buildingBlockSlug: entry.buildingBlock?.slug ?? null,
    municipalities,
    municipalityAgs: municipalities.map((m) => m.ags),
    municipalityNames: municipalities.map((m) => m.name),
    districtAgs: unique(municipalities.map((m) => m.districtAgs)),
    districtNames: unique(municipalities.map((m) => m.district)),
    regions: unique(municipalities.map((m) => m.region)),
    townTypes: unique((entry.municipalities ?? []).flatMap((m) => townTypeOf(m.type) ?? [])),
    townSizes: unique((entry.municipalities ?? []).flatMap((m) => townSizeOf(m.population) ?? [])),
    targetGroups,
    targetGroupSlugs: targetGroups.map((t) => t.slug),
    targetGroupNames: targetGroups.map((t) => t.name),
    topics,
    topicSlugs: topics.map((t) => t.slug),
    topicNames: topics.map((t) => t.name),
    settings,
    settingSlugs: settings.map((t) => t.slug),
    settingNames: settings.map((t) => t.name),
    criteria,
    criterionSlugs: criteria.map((t) => t.slug),
    transferredTo,
    transferred: transferredTo.length > 0,
    status: entry.projectStatus ?? null,
    fundingStart: entry.fundingStart ?? null,
    fundingEnd: entry.fundingEnd ?? null,
    fundingYears: fundingYears(entry.fundingStart, entry.fundingEnd),
    image: image?.file ? { url: image.file.formats?.small?.url ?? image.file.url, alt: image.alt } : null,
    // The centre of the named towns: what "near me" sorting and radius filters use.
    _geo: centreOf(entry.municipalities ?? []),
    publishedAt: new Date(entry.publishedAt).getTime(),
    updatedAt: new Date(entry.updatedAt).getTime(),
    lastReviewed: entry.lastReviewed ?? null,
  };
  // A Kreis is searched by its full name: "Kreis Unna Jugendliche" must find Bergkamen's project.
  const searchedDistricts = unique(municipalities.map((m) => districtLabel(m.district, isOwnDistrict(m))));
  const { terms: searchTerms, termOwners } = documentTerms({ ...document, districtNames: searchedDistricts }, locale);
  return searchDocumentSchema.parse({ ...document, terms: searchTerms, termOwners, analysis: ANALYSIS_VERSION });
}
