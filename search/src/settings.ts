import type { GranularFilterableAttribute, Settings } from 'meilisearch';
import { TERM_FIELDS } from './analysis/document-terms.ts';
import { SEED_SYNONYMS, synonymSettings, type SynonymSet } from './synonyms.ts';

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
  'buildingBlockSlug',
  'municipalityAgs',
  'districtAgs',
  'regions',
  'townTypes',
  'townSizes',
  'targetGroupSlugs',
  'topicSlugs',
  'settingSlugs',
  'criterionSlugs',
  'status',
  'transferred',
  // The Kommunen that took a case study over: counted for the statistics and the map.
  'transferredTo',
  'fundingStart',
  'slug',
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

/** The analysed terms of the searched fields, most important first (analysis/document-terms.ts). */
export const SEARCHABLE_ATTRIBUTES = TERM_FIELDS.map((field) => `terms.${field}`);

/** The complete settings of a case-study index in the given locale, with the editors' synonym sets. */
export function indexSettings(locale: string, synonymSets: readonly SynonymSet[] = SEED_SYNONYMS[locale === 'en' ? 'en' : 'de']): Settings {
  return {
    searchableAttributes: SEARCHABLE_ATTRIBUTES,
    filterableAttributes: FILTERABLE_ATTRIBUTES,
    sortableAttributes: SORTABLE_ATTRIBUTES,
    // The terms too: Meilisearch reports match positions (the highlights' source) only in
    // displayed attributes. Every reader names the fields it retrieves.
    displayedAttributes: ['*'],
    // The analysis leaves stop words out; here they could only hit a term ("waren" → "war").
    stopWords: [],
    synonyms: synonymSettings(synonymSets, locale),
    // Counted on the stems, which are shorter than the words typed ("Ernärung" → "ernar").
    typoTolerance: { enabled: true, disableOnNumbers: true, minWordSizeForTypos: { oneTypo: 4, twoTypos: 8 } },
    pagination: { maxTotalHits: MAX_TOTAL_HITS },
    faceting: { maxValuesPerFacet: MAX_VALUES_PER_FACET, sortFacetValuesBy: { '*': 'count' } },
    facetSearch: false,
    // No localizedAttributes: with German set, Meilisearch 1.21 cut unknown words into two-letter
    // pieces (issue 32); the terms are analysed before they reach it.
    localizedAttributes: [],
  };
}
