import type { GranularFilterableAttribute, Settings } from 'meilisearch';

const INDEX_PREFIX = 'case-studies';

/** `case-studies-de`, `case-studies-en`. */
export function indexName(locale: string): string {
  return `${INDEX_PREFIX}-${locale}`;
}

/** Above the corpus size, so totals are exact and no facet value is cut off (396 municipalities). */
export const MAX_TOTAL_HITS = 100_000;
export const MAX_VALUES_PER_FACET = 1_000;

/** Attributes filtered by value (`=`, `!=`, `IN`) and counted as facets. */
const EQUALITY_FILTERS = [
  'buildingBlockSlug', 'municipalityAgs', 'districtAgs', 'regions', 'townTypes', 'townSizes', 'targetGroupSlugs', 'topicSlugs', 'settingSlugs',
  'criterionSlugs', 'status', 'fundingStart', 'slug',
  // Related case studies look up their own document by id with the site's search-only key.
  'documentId',
];
/** Attributes filtered by range: the funding years (`fundingYears 2021 TO 2023`). */
const RANGE_FILTERS = ['fundingYears'];

/**
 * Only the filter features each attribute is used with: Meilisearch builds a structure for each
 * feature on every indexing batch, and nothing searches within facet values (every facet lists
 * all its values, named from the vocabulary).
 */
const FILTERABLE_ATTRIBUTES: GranularFilterableAttribute[] = [
  { attributePatterns: EQUALITY_FILTERS, features: { facetSearch: false, filter: { equality: true, comparison: false } } },
  { attributePatterns: RANGE_FILTERS, features: { facetSearch: false, filter: { equality: true, comparison: true } } },
];

/** Every attribute a search may filter by. */
export const FILTERED_ATTRIBUTES = [...EQUALITY_FILTERS, ...RANGE_FILTERS];

export const SORTABLE_ATTRIBUTES = ['publishedAt', 'updatedAt', 'titleSort', 'fundingStart', '_geo'];

/** Most important first: Meilisearch ranks matches in earlier attributes higher. */
export const SEARCHABLE_ATTRIBUTES = [
  'title', 'teaser', 'topicNames', 'targetGroupNames', 'municipalityNames', 'districtNames', 'settingNames', 'provider',
  'description', 'approach', 'startingSituation', 'goals', 'results', 'transferability', 'successFactors', 'pitfalls',
  'afterFunding', 'partners',
];

const GERMAN_STOP_WORDS = [
  'der', 'die', 'das', 'den', 'dem', 'des', 'ein', 'eine', 'einer', 'eines', 'einem', 'einen', 'und', 'oder', 'aber',
  'in', 'im', 'ins', 'an', 'am', 'auf', 'aus', 'bei', 'beim', 'mit', 'nach', 'von', 'vom', 'zu', 'zum', 'zur', 'für',
  'über', 'unter', 'um', 'durch', 'gegen', 'ohne', 'bis', 'als', 'wie', 'auch', 'noch', 'nur', 'schon', 'sich', 'sie',
  'er', 'es', 'wir', 'ihr', 'ich', 'du', 'ist', 'sind', 'war', 'waren', 'wird', 'werden', 'wurde', 'wurden', 'hat',
  'haben', 'hatte', 'dass', 'daß', 'so', 'sowie', 'dieser', 'diese', 'dieses', 'diesem', 'diesen', 'ihre', 'ihren',
  'ihrem', 'ihrer', 'sein', 'seine', 'seinen', 'seinem', 'seiner', 'nicht', 'kein', 'keine', 'man', 'mehr', 'sehr',
  'dabei', 'damit', 'dort', 'hier', 'wenn', 'weil', 'denn', 'doch', 'ob', 'was', 'wer', 'wo',
];

const ENGLISH_STOP_WORDS = [
  'a', 'an', 'the', 'and', 'or', 'but', 'of', 'in', 'on', 'at', 'to', 'for', 'from', 'by', 'with', 'about', 'as', 'into',
  'is', 'are', 'was', 'were', 'be', 'been', 'it', 'its', 'this', 'that', 'these', 'those', 'their', 'they', 'we', 'our',
  'has', 'have', 'had', 'not', 'no', 'so', 'also', 'than', 'then', 'there', 'which', 'who', 'what', 'where', 'when',
];

/** Groups of words that mean the same thing in the field; each word finds the others. */
const SYNONYM_GROUPS = [
  ['kita', 'kindertagesstätte', 'kindergarten', 'kindertagesstaette'],
  ['ogs', 'offene ganztagsschule', 'ganztag'],
  ['jugendliche', 'teenager', 'teens'],
  ['eltern', 'erziehende', 'erziehungsberechtigte'],
  ['streetwork', 'aufsuchende arbeit', 'straßensozialarbeit'],
  ['geflüchtete', 'flüchtlinge', 'refugees'],
  ['nursery', 'day care', 'daycare', 'kindergarten'],
  ['parents', 'carers', 'caregivers'],
  ['street work', 'streetwork', 'outreach'],
];

function synonyms(): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const group of SYNONYM_GROUPS) {
    for (const word of group) result[word] = unique([...(result[word] ?? []), ...group.filter((other) => other !== word)]);
  }
  return result;
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

/** The complete settings of a case-study index in the given locale. */
export function indexSettings(locale: string): Settings {
  return {
    searchableAttributes: SEARCHABLE_ATTRIBUTES,
    filterableAttributes: FILTERABLE_ATTRIBUTES,
    sortableAttributes: SORTABLE_ATTRIBUTES,
    displayedAttributes: ['*'],
    stopWords: locale === 'de' ? GERMAN_STOP_WORDS : ENGLISH_STOP_WORDS,
    synonyms: synonyms(),
    typoTolerance: { enabled: true, disableOnNumbers: true, minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 } },
    pagination: { maxTotalHits: MAX_TOTAL_HITS },
    faceting: { maxValuesPerFacet: MAX_VALUES_PER_FACET, sortFacetValuesBy: { '*': 'count' } },
    facetSearch: false,
    localizedAttributes: [{ attributePatterns: ['*'], locales: [locale === 'de' ? 'deu' : 'eng'] }],
  };
}
