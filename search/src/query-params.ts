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
  /** `true`: taken over in another Kommune (a published transfer report); `false`: not yet. */
  transferred: 'transferred',
  fundingStart: 'fundingStart',
} as const;
/** The values of the `transferred` facet (a boolean attribute; Meilisearch counts and filters it as these strings). */
export const TRANSFERRED_VALUES = ['true', 'false'] as const;
export type FacetKey = keyof typeof FACETS;
export const FACET_KEYS = Object.keys(FACETS) as FacetKey[];

export const SORTS = { relevance: undefined, newest: 'publishedAt:desc', title: 'titleSort:asc', fundingStart: 'fundingStart:desc' } as const;
export type SortKey = keyof typeof SORTS;

export const MAX_PAGE_SIZE = 50;
/** Hits per page when `pageSize` is absent. */
export const DEFAULT_PAGE_SIZE = 20;

/** The radii (km) an "Umkreis" search offers around the town named by `near`. */
export const RADII_KM = [10, 25, 50, 100] as const;
export type RadiusKm = (typeof RADII_KM)[number];
/** The radius "Kommunen wie meine" suggests, and the one the search page preselects. */
export const NEARBY_RADIUS_KM: RadiusKm = 25;

/** Every parameter `/api/search` and the search page understand (same names in both). */
export const SEARCH_PARAMS = ['q', ...FACET_KEYS, 'near', 'radius', 'fundingFrom', 'fundingTo', 'sort', 'page', 'pageSize', 'locale'] as const;

/**
 * The Merkliste's URL: `/merkliste?ids=<documentId>,<documentId>…` — the list is its address, so
 * it can be shared. Also accepted as repeated `ids` (what the compare form's checkboxes send).
 */
export const BOOKMARK_PARAM = 'ids';
export const MAX_BOOKMARKS = 50;
/** Side by side on one landscape page. */
export const MAX_COMPARED = 4;
/** A Strapi 5 documentId: lower-case letters and digits. */
const DOCUMENT_ID = /^[a-z0-9]{1,64}$/;

/** The ids of a Merkliste address, in order, each once; or why they are not ids. */
export function parseBookmarkIds(values: string[]): { ids: string[]; problem?: undefined } | { ids?: undefined; problem: string } {
  const ids = [
    ...new Set(
      values
        .flatMap((value) => value.split(','))
        .map((id) => id.trim())
        .filter(Boolean),
    ),
  ];
  const bad = ids.find((id) => !DOCUMENT_ID.test(id));
  if (bad !== undefined) return { problem: `"${bad.slice(0, 80)}" is not a case-study id (lower-case letters and digits)` };
  if (ids.length > MAX_BOOKMARKS) return { problem: `at most ${MAX_BOOKMARKS} case studies, not ${ids.length}` };
  return { ids };
}
