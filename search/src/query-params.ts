// The search's URL vocabulary, without dependencies, so the browser bundle can import it.

/** URL parameter of each facet → the index attribute it filters. */
export const FACETS = {
  buildingBlock: 'buildingBlockSlug',
  region: 'regions',
  district: 'districtAgs',
  municipality: 'municipalityAgs',
  townType: 'townTypes',
  townSize: 'townSizes',
  targetGroup: 'targetGroupSlugs',
  topic: 'topicSlugs',
  setting: 'settingSlugs',
  criterion: 'criterionSlugs',
  status: 'status',
} as const;
export type FacetKey = keyof typeof FACETS;
export const FACET_KEYS = Object.keys(FACETS) as FacetKey[];

export const SORTS = { relevance: undefined, newest: 'publishedAt:desc', title: 'titleSort:asc', fundingStart: 'fundingStart:desc' } as const;
export type SortKey = keyof typeof SORTS;

export const MAX_PAGE_SIZE = 50;

/** Every parameter `/api/search` and the search page understand (same names in both). */
export const SEARCH_PARAMS = ['q', ...FACET_KEYS, 'fundingFrom', 'fundingTo', 'sort', 'page', 'pageSize', 'locale'] as const;
