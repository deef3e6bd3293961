import type { GranularFilterableAttribute, Settings } from 'meilisearch';
import { SEARCHED_FIELDS } from './analysis/document-terms.ts';
import { queryTerms } from './analysis/terms.ts';

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

/** The analysed terms of the searched fields, most important first (analysis/document-terms.ts). */
export const SEARCHABLE_ATTRIBUTES = SEARCHED_FIELDS.map((field) => `terms.${field}`);

/** Groups of words that mean the same thing in the field; each word finds the others. */
const SYNONYM_GROUPS = [
  ['kita', 'kindertagesstätte', 'kindergarten'],
  ['ogs', 'offene ganztagsschule', 'ganztag', 'ganztagsschule'],
  ['jugendliche', 'teenager', 'teens', 'heranwachsende'],
  ['eltern', 'erziehende', 'erziehungsberechtigte'],
  ['alleinerziehende', 'ein-eltern-familien', 'einelternfamilien'],
  ['streetwork', 'aufsuchende arbeit', 'straßensozialarbeit'],
  ['geflüchtete', 'flüchtlinge', 'schutzsuchende'],
  ['migranten', 'migrantinnen', 'zugewanderte', 'migrationsgeschichte', 'zuwanderungsgeschichte', 'migrationshintergrund'],
  ['seelische gesundheit', 'psychische gesundheit', 'mentale gesundheit'],
  ['nachhilfe', 'lernförderung', 'hausaufgabenhilfe', 'lernhilfe'],
  ['berufseinstieg', 'berufsorientierung', 'übergang schule beruf'],
  ['bildungspaket', 'bildungs- und teilhabepaket'],
  ['babylotsen', 'familienlotsen'],
  ['nursery', 'day care', 'daycare', 'kindergarten', 'childcare'],
  ['parents', 'carers', 'caregivers'],
  ['street work', 'streetwork', 'outreach'],
  ['teenagers', 'young people', 'adolescents'],
  ['single parents', 'single mothers', 'single fathers', 'lone parents'],
  ['mental health', 'mental wellbeing', 'emotional wellbeing'],
  ['refugees', 'asylum seekers'],
];

/** The synonym groups in the index's own terms: "Kindertagesstätten" is asked as "kindertagesstatt". */
function synonyms(locale: string): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const group of SYNONYM_GROUPS) {
    const terms = unique(group.map((words) => queryTerms(words, locale)).filter(Boolean));
    for (const term of terms) result[term] = unique([...(result[term] ?? []), ...terms.filter((other) => other !== term)]);
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
    // The terms too: Meilisearch reports match positions (the highlights' source) only in
    // displayed attributes. Every reader names the fields it retrieves.
    displayedAttributes: ['*'],
    // The analysis leaves stop words out; here they could only hit a term ("waren" → "war").
    stopWords: [],
    synonyms: synonyms(locale),
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
